# right: starts every fetch in an asyncio.TaskGroup and reads the results in jobs order — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(delay, value)) for delay, value in jobs]
    return [task.result() for task in tasks]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
