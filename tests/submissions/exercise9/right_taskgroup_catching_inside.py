# right: a TaskGroup of wrappers that catch their own fetch's exception (any Exception), so the group never sees a failure and cancels nothing — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results: list[str | BaseException] = [""] * len(jobs)

    async def one(index: int, delay: float, value: str) -> None:
        try:
            results[index] = await fetch(delay, value)
        except Exception as error:
            results[index] = error

    async with asyncio.TaskGroup() as group:
        for index, (delay, value) in enumerate(jobs):
            group.create_task(one(index, delay, value))
    return results
