# wrong: downloads in batches of `limit` with one gather per batch, so a slow page holds up the next batch — grader should say "took 6.0 s with limit=3; starting each download as soon as another finishes, it takes 4.0 s"
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError("limit must be at least 1")
    pages = []
    for start in range(0, len(urls), limit):
        batch = urls[start:start + limit]
        pages += await asyncio.gather(*(download(url) for url in batch))
    return pages


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
