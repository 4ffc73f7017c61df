# wrong: makes a new Semaphore(limit) inside each download's coroutine, so every download has a semaphore of its own and nothing is limited — grader should say "download_all ran 7 downloads at once with limit=3"
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError("limit must be at least 1")

    async def limited(url: str) -> str:
        async with asyncio.Semaphore(limit):
            return await download(url)

    return await asyncio.gather(*(limited(url) for url in urls))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
