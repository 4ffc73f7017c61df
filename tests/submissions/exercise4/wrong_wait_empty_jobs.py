# wrong: asyncio.wait and results read in jobs order (correct for non-empty jobs) but fetch_all([]) raises ValueError "Set of Tasks/Futures is empty." — grader should say "fetch_all([]) must return []"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    tasks = [asyncio.create_task(fetch(d, v)) for d, v in jobs]
    await asyncio.wait(tasks)
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
