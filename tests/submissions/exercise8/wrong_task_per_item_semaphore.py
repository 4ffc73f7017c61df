# wrong: a task per item, limited by asyncio.Semaphore(workers): right time and right number at once, but 5 tasks instead of 2 workers — grader should say "run_workers started 5 tasks for 5 items with workers=2"
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError("need at least one worker")
    limit = asyncio.Semaphore(workers)
    results = {}

    async def one(item):
        async with limit:
            results[item] = await process(item)

    await asyncio.gather(*(asyncio.create_task(one(item)) for item in items))
    return results
