# wrong: sorts jobs by delay before gathering ("shortest first"), so the result is in completion order (["b", "a"]) — grader should say "results must be in the order of jobs; do not reorder the jobs"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    jobs = sorted(jobs)  # shortest first
    return await asyncio.gather(*[fetch(d, v) for d, v in jobs])


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
