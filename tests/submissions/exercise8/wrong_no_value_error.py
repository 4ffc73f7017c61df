# wrong: a correct pool that never checks `workers`: with workers=0 no worker takes the items and queue.join() waits forever — grader should say "did not raise ValueError" ("waited forever ... instead of raising ValueError")
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
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
