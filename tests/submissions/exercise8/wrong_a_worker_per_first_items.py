# wrong: starts a worker alongside each of the first `workers` items it queues, so with fewer items than workers it starts fewer workers — grader should say run_workers(['ant', 'bee'], 4) started 2 tasks, not 4
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
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    queue: asyncio.Queue = asyncio.Queue()
    results: dict[str, str] = {}
    tasks = []
    for index, item in enumerate(items):
        queue.put_nowait(item)
        if index < workers:
            tasks.append(asyncio.create_task(worker(queue, results)))
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
