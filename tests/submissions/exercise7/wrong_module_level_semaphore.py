# wrong: one Semaphore(3) made at module level, the size of the example, whatever limit a call gets — grader should say that with limit=1 it ran 3 downloads at once, with the Semaphore made at module level
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


SLOTS = asyncio.Semaphore(3)


async def download_in_a_slot(url: str) -> str:
    async with SLOTS:
        return await download(url)


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    return list(await asyncio.gather(*(download_in_a_slot(url) for url in urls)))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
