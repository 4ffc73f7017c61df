# wrong: the workers never call queue.task_done(), so queue.join() waits forever — grader should say the event loop got stuck (a deadlock) and hint at queue.task_done()
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue, results):
    while True:
        item = await queue.get()
        results[item] = await process(item)


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError("need at least one worker")
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
