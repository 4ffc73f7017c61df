# wrong: uses asyncio.wait and reads the "done" set, whose order is arbitrary (and asyncio.wait([]) raises ValueError) — grader should say "results must be in the order of jobs; a set has no order"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    tasks = [asyncio.create_task(fetch(d, v)) for d, v in jobs]
    done, pending = await asyncio.wait(tasks)
    return [task.result() for task in done]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
