# right: a small Limiter class at module level, but a new Limiter (and so a new Semaphore) for each call — grader should accept
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


class Limiter:
    """At most ``limit`` calls of a coroutine function at once."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        self.slots = asyncio.Semaphore(limit)

    async def run(self, function, *args):
        async with self.slots:
            return await function(*args)


async def download_all(urls: list[str], limit: int) -> list[str]:
    limiter = Limiter(limit)
    return list(await asyncio.gather(*(limiter.run(download, url) for url in urls)))


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
