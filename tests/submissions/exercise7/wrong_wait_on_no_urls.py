# wrong: hand-rolled with asyncio.wait(FIRST_COMPLETED), but waits on the set of running tasks even when there are none, and asyncio.wait(set()) raises ValueError — grader should say download_all([], 3) raised it, with a hint about asyncio.wait and no URLs
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    tasks: list[asyncio.Task] = []
    running: set[asyncio.Task] = set()
    for url in urls:
        if len(running) >= limit:
            _, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        task = asyncio.create_task(download(url))
        tasks.append(task)
        running.add(task)
    await asyncio.wait(running)
    return [task.result() for task in tasks]


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
