# wrong: refuses only workers == 0, so with workers=-1 no worker starts and queue.join() waits forever — grader should say run_workers(['ant', 'bee'], -1) waited forever instead of raising ValueError, and that a negative count is below 1 too
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
    if workers == 0:
        raise ValueError("workers must not be 0")
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
