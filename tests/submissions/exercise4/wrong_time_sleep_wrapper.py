# wrong: wraps each job in its own coroutine that uses time.sleep instead of fetch, blocking the loop (right values, total time = sum of delays) — grader should say "time.sleep blocks the event loop; call fetch (asyncio.sleep) instead"
from __future__ import annotations

import asyncio
import time


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_one(job: tuple[float, str]) -> str:
    delay, value = job
    time.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    return await asyncio.gather(*[fetch_one(job) for job in jobs])


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
