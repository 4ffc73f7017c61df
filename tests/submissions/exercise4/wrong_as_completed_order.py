# wrong: collects results with asyncio.as_completed, so they come back in completion order (["b", "a"]) — grader should say "results must be in the order of jobs, not the order they finish"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    results = []
    for coro in asyncio.as_completed([fetch(d, v) for d, v in jobs]):
        results.append(await coro)
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
