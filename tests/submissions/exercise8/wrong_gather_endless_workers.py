# wrong: waits for the workers with gather(), but they loop forever on queue.get() and never end — grader should say the event loop got stuck (a deadlock) and hint that such a worker must be cancelled
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
    await asyncio.gather(*(worker(queue, results) for _ in range(workers)))
    return results
