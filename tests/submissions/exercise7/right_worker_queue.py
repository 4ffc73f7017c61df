# right: `limit` worker tasks take (index, url) pairs from an asyncio.Queue and store each page at its index — grader should accept
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    queue: asyncio.Queue = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)
    pages: list[str] = [""] * len(urls)

    async def worker() -> None:
        while not queue.empty():
            index, url = queue.get_nowait()
            pages[index] = await download(url)

    await asyncio.gather(*(worker() for _ in range(limit)))
    return pages


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
