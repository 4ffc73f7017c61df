# right: the workers run in an asyncio.TaskGroup; after queue.join() they are cancelled and the TaskGroup waits for them — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
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
        raise ValueError("workers must be positive")
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(worker(queue, results)) for _ in range(workers)]
        await queue.join()
        for task in tasks:
            task.cancel()
    return results
