# right: `limit` workers share one iterator over enumerate(urls), each taking the next URL when it is free — grader should accept
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    pages: dict[int, str] = {}
    todo = iter(enumerate(urls))

    async def worker() -> None:
        for index, url in todo:
            pages[index] = await download(url)

    await asyncio.gather(*(worker() for _ in range(min(limit, len(urls)))))
    return [pages[index] for index in range(len(urls))]


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
