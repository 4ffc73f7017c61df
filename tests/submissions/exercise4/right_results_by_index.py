# right: each job writes its result at its own index in a list made in the call — grader should accept: repeats, equal and long delays, many jobs, a second call
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    results: list[str] = [""] * len(jobs)

    async def fetch_into(index: int, delay: float, value: str) -> None:
        results[index] = await fetch(delay, value)

    await asyncio.gather(*(fetch_into(index, delay, value) for index, (delay, value) in enumerate(jobs)))
    return results

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
