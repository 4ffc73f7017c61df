# wrong: keeps the results in a dict at module level that no call empties, so a second call returns the first call's results too — grader should say the results of the first call are still in the second call's
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


results: dict[str, str] = {}


async def worker(queue: asyncio.Queue) -> None:
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
    for item in items:
        queue.put_nowait(item)
    tasks = [asyncio.create_task(worker(queue)) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
