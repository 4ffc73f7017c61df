# wrong: keeps a module-level cache of fetched values and skips fetching a value seen before, so a second call returns at once for those jobs — grader should say "call fetch for every job on every call"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


CACHE: dict[str, str] = {}


async def fetch_one(delay: float, value: str) -> str:
    if value not in CACHE:
        CACHE[value] = await fetch(delay, value)
    return CACHE[value]


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    return await asyncio.gather(*(fetch_one(delay, value) for delay, value in jobs))

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
