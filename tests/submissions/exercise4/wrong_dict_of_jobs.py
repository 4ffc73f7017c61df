# wrong: turns the jobs into a dict (delay -> value) to unpack them, so jobs with equal delays overwrite each other — grader should say "one value for each job"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    by_delay = dict(jobs)
    return await asyncio.gather(*(fetch(delay, value) for delay, value in by_delay.items()))

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
