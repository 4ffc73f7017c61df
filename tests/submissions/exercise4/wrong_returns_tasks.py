# wrong: creates tasks and returns the Task objects instead of their results (finishes at 0 s) — grader should say "returned Task objects, not strings: await them (asyncio.gather)"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    tasks = [asyncio.create_task(fetch(d, v)) for d, v in jobs]
    return tasks


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
