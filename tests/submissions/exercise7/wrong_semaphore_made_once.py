# wrong: makes the Semaphore on the first call only and keeps it at module level, so a second call keeps the first call's limit — grader should say the second call used the Semaphore the first call made with limit=3
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


_slots: asyncio.Semaphore | None = None


async def download_all(urls: list[str], limit: int) -> list[str]:
    global _slots
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    if _slots is None:
        _slots = asyncio.Semaphore(limit)
    slots = _slots

    async def download_in_a_slot(url: str) -> str:
        async with slots:
            return await download(url)

    return list(await asyncio.gather(*(download_in_a_slot(url) for url in urls)))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
