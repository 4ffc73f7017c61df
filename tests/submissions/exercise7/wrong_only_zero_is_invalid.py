# wrong: `limit` worker tasks, but only limit == 0 is refused, so limit=-1 starts no worker and returns empty pages at once — grader should say download_all(['a.html', 'b.html'], -1) returned ['', ''] and that a negative limit is below 1 too
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit == 0:
        raise ValueError("limit must not be 0")
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
