# wrong: returns {} for no items before it checks `workers`, so run_workers([], 0) returns {} instead of raising ValueError — grader should say so, and to check workers before anything else
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue: asyncio.Queue, results: dict[str, str]) -> None:
    while True:
        item = await queue.get()
        try:
            results[item] = await process(item)
        finally:
            queue.task_done()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if not items:
        return {}
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    queue: asyncio.Queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results: dict[str, str] = {}
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
