# right: every item is queued before the workers start, so each worker takes items with get_nowait() until the queue is empty, then ends — grader should accept
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError(f"workers={workers}: need at least one")
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}

    async def worker():
        while not queue.empty():
            item = queue.get_nowait()
            results[item] = await process(item)
            queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    await queue.join()
    await asyncio.wait(tasks)
    return results
