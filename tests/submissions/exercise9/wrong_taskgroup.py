# wrong: an asyncio.TaskGroup, which cancels the other fetches when one fails and raises an ExceptionGroup — grader should say "raised ExceptionGroup(...)" and that fetch(2, 'a') and fetch(3, 'c') were cancelled
# requires: 3.11
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(delay, value)) for delay, value in jobs]
    return [task.result() for task in tasks]
