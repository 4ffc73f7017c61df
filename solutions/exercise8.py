"""Reference solution for exercise 8: a worker pool with asyncio.Queue.

``run_workers(items, workers)`` puts the items on a queue, starts ``workers``
worker tasks that process them, waits with ``queue.join()`` until every item is
done, cancels the workers and waits for them to stop, and returns
``{item: result}``. 5 items with 2 workers take 3 s.
"""

from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    """Given: wait 1 second, then return ``item`` in capitals."""
    await asyncio.sleep(1)
    return item.upper()


async def worker(queue: asyncio.Queue, results: dict[str, str]) -> None:
    while True:
        item = await queue.get()
        try:
            results[item] = await process(item)
        finally:
            # Always, or queue.join() would wait for this item forever.
            queue.task_done()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    queue: asyncio.Queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    results: dict[str, str] = {}
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(workers)]
    await queue.join()
    # The workers wait for more items forever: stop them, and wait until they have stopped.
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return results


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
