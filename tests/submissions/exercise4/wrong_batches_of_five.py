# wrong: gathers the jobs in batches of five, to be "gentle" (right with three jobs; eight take the longest delay of each batch, one batch after the other) — grader should say the fetches did not all wait at the same time
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    results = []
    for start in range(0, len(jobs), 5):
        batch = jobs[start : start + 5]
        results += await asyncio.gather(*(fetch(delay, value) for delay, value in batch))
    return results

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
