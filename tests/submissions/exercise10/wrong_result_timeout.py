# wrong: waits for the worker thread with future.result(timeout=10), a real-time limit of its own, so a coroutine longer than 10 s makes run_sync raise TimeoutError — grader should say it gave up waiting
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(aw)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, aw).result(timeout=10)
