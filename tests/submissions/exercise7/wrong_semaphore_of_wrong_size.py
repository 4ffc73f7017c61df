# wrong: shares one Semaphore, but made with limit + 1, so one download too many runs at once — grader should say its Semaphore lets 4 downloads in, not limit=3 (and not blame a Semaphore made per download)
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    slots = asyncio.Semaphore(limit + 1)

    async def download_in_a_slot(url: str) -> str:
        async with slots:
            return await download(url)

    return list(await asyncio.gather(*(download_in_a_slot(url) for url in urls)))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
