# right: a TaskGroup of tasks that each download inside `async with semaphore` — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    semaphore = asyncio.Semaphore(limit)

    async def limited(url: str) -> str:
        async with semaphore:
            return await download(url)

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(limited(url)) for url in urls]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
