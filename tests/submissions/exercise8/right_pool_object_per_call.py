# right: a small Pool class at module level, but a new Pool (with its own queue and results) for each call — grader should accept
from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    await asyncio.sleep(1)
    return item.upper()


class Pool:
    """A queue, the results, and the worker tasks of one run_workers call."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.queue: asyncio.Queue = asyncio.Queue()
        self.results: dict[str, str] = {}

    async def worker(self) -> None:
        while True:
            item = await self.queue.get()
            try:
                self.results[item] = await process(item)
            finally:
                self.queue.task_done()

    async def run(self, items: list[str]) -> dict[str, str]:
        for item in items:
            self.queue.put_nowait(item)
        tasks = [asyncio.create_task(self.worker()) for _ in range(self.workers)]
        try:
            await self.queue.join()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return self.results


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    return await Pool(workers).run(items)


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
