# wrong: a TaskGroup whose ExceptionGroup is caught with except*, but the group has already cancelled the other fetches: CancelledError in their places — grader should say "fetch(2, 'a') and fetch(3, 'c') were cancelled at 1.0 s"
# requires: 3.11
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    tasks = []
    try:
        async with asyncio.TaskGroup() as group:
            for delay, value in jobs:
                tasks.append(group.create_task(fetch(delay, value)))
    except* LookupError:
        pass
    results = []
    for task in tasks:
        if task.cancelled():
            results.append(asyncio.CancelledError())
        elif task.exception() is not None:
            results.append(task.exception())
        else:
            results.append(task.result())
    return results
