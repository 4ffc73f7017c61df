# wrong: polls queue.empty() instead of queue.join(), so it stops the workers while they still process the last items — grader should say "there is no result for 'cat'"
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
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    while not queue.empty():
        await asyncio.sleep(0.1)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
