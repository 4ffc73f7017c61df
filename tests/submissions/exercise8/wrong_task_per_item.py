# wrong: ignores the queue and `workers`, starting one task per item with gather (5 items take 1 s, 5 at once) — grader should say "run_workers started 5 tasks for 5 items with workers=2"
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError("need at least one worker")
    tasks = [asyncio.create_task(process(item)) for item in items]
    results = await asyncio.gather(*tasks)
    return dict(zip(items, results))
