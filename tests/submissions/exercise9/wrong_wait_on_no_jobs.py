# wrong: creates a task per job, waits with asyncio.wait(), then reads each task in jobs order: right, except that asyncio.wait([]) raises ValueError for no jobs — grader should say fetch_all_safe([]) raised it, with the hint about asyncio.wait() and an empty collection
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    tasks = [asyncio.create_task(fetch(delay, value)) for delay, value in jobs]
    await asyncio.wait(tasks)
    return [task.exception() or task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
