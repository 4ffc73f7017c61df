# wrong: hand-rolled with asyncio.wait(FIRST_COMPLETED), adding the pages of each `done` set as it comes: out of order, and downloads that finish together come in the set's order, which follows memory addresses — grader should say, every time, that the result depends on the order of a set
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    pages: list[str] = []
    running: set[asyncio.Task] = set()
    for url in urls:
        if len(running) >= limit:
            done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            pages += [task.result() for task in done]
        running.add(asyncio.create_task(download(url)))
    if running:
        done, _ = await asyncio.wait(running)
        pages += [task.result() for task in done]
    return pages


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
