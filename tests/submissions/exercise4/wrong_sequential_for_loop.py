# wrong: awaits each fetch in a for loop, one after another (right values, but total time = sum of delays) — grader should say "took 3 s for delays 2 and 1, expected 2 s: run the fetches concurrently with asyncio.gather"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    results = []
    for delay, value in jobs:
        results.append(await fetch(delay, value))
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
