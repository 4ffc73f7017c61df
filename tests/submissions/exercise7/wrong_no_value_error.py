# wrong: right with a Semaphore, but never checks `limit`, so limit=0 makes a Semaphore(0) that no download can ever get into — grader should say "the event loop got stuck at 0 s"
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    slots = asyncio.Semaphore(limit)

    async def limited(url: str) -> str:
        async with slots:
            return await download(url)

    return await asyncio.gather(*(limited(url) for url in urls))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
