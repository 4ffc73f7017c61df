# wrong: a correct pool, but it returns a list of results instead of the dict {item: result} — grader should say "returned ['ANT', 'BEE', 'CAT'], not a dict"
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue, results):
    while True:
        item = await queue.get()
        results.append(await process(item))
        queue.task_done()


async def run_workers(items: list[str], workers: int) -> list[str]:
    if workers < 1:
        raise ValueError("need at least one worker")
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results = []
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results
