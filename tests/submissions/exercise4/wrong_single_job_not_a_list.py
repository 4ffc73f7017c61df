# wrong: special-cases one job and returns its value instead of a one-item list — grader should say "return a list even for one job"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    if len(jobs) == 1:
        delay, value = jobs[0]
        return await fetch(delay, value)
    return await asyncio.gather(*(fetch(delay, value) for delay, value in jobs))

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
