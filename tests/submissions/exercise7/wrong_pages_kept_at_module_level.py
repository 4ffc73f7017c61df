# wrong: adds the pages to a list kept at module level, which no call empties, so a second call returns the first call's pages too — grader should say the pages of the first call are still in the second call's result
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


pages: list[str] = []


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    slots = asyncio.Semaphore(limit)

    async def download_in_a_slot(url: str) -> str:
        async with slots:
            return await download(url)

    pages.extend(await asyncio.gather(*(download_in_a_slot(url) for url in urls)))
    return pages


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
