# wrong: waits with queue.join() but never stops the workers, which wait on queue.get() forever — grader should say "2 worker tasks were still running after run_workers returned"
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
        await queue.put(item)
    results = {}
    for _ in range(workers):
        asyncio.create_task(worker(queue, results))
    await queue.join()
    return results
