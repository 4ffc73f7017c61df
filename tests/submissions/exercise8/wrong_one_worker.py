# wrong: ignores `workers` and starts a single worker task, so items are processed one by one (5 items take 5 s) — grader should say "took 5.0 s of event-loop time, not 3.0 s: 1 process() calls ran at the same time, not 2"
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue, results):
    while True:
        item = await queue.get()
        results[item] = await process(item)
        queue.task_done()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError("need at least one worker")
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}
    task = asyncio.create_task(worker(queue, results))
    await queue.join()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    return results
