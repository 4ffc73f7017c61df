"""Reference solution for exercise 7: bounded concurrency.

``download_all(urls, limit)`` starts a task per URL; an ``asyncio.Semaphore(limit)``
lets at most ``limit`` of them download at once, and a waiting one starts as soon as a
download finishes. ``asyncio.gather`` returns the pages in the order of ``urls``.
"""
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit!r}")
    slots = asyncio.Semaphore(limit)

    async def download_in_a_slot(url: str) -> str:
        # At most `limit` tasks are inside at once; a waiting one enters as soon as one leaves.
        async with slots:
            return await download(url)

    # gather keeps the order of urls, whatever order the downloads finish in.
    return list(await asyncio.gather(*(download_in_a_slot(url) for url in urls)))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
