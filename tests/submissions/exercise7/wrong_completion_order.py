# wrong: limits with a Semaphore but collects the pages with asyncio.as_completed, so they come back in the order they finished — grader should say "came back in the order the downloads finished"
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

    async def limited(url: str) -> str:
        async with slots:
            return await download(url)

    tasks = [asyncio.create_task(limited(url)) for url in urls]
    pages = []
    for next_page in asyncio.as_completed(tasks):
        pages.append(await next_page)
    return pages


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
