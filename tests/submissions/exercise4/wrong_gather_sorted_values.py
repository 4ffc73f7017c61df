# wrong: gathers correctly but returns sorted(results) (happens to pass for [(2, "a"), (1, "b")]; fails when values are not already sorted) — grader should say "results must be in the order of jobs, not sorted"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    results = await asyncio.gather(*[fetch(d, v) for d, v in jobs])
    return sorted(results)


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
