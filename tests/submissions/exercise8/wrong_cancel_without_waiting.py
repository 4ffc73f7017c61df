# wrong: cancels the workers after queue.join() but returns without waiting for them to stop: at the instant run_workers returns they are still running (cancel() only asks) — grader should say 2 tasks were still running then, cancelled but not stopped, and to wait for them with gather()
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue, results):
    while True:
        item = await queue.get()
        try:
            results[item] = await process(item)
        finally:
            queue.task_done()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError("at least one worker is needed")
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = {}
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    return results
