# wrong: drops repeated jobs "to fetch each only once" (dict.fromkeys keeps the order), so a job listed twice gives one value — grader should say "one value for each job, repeats included"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    unique = list(dict.fromkeys(jobs))
    return await asyncio.gather(*(fetch(delay, value) for delay, value in unique))

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
