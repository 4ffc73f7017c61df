# wrong: starts every download as a task first and only then takes the Semaphore around awaiting each task, which limits the waiting, not the downloads — grader should say "download_all ran 7 downloads at once with limit=3"
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError("limit must be at least 1")
    slots = asyncio.Semaphore(limit)
    tasks = [asyncio.create_task(download(url)) for url in urls]

    async def collect(task: asyncio.Task) -> str:
        async with slots:
            return await task

    return await asyncio.gather(*(collect(task) for task in tasks))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
