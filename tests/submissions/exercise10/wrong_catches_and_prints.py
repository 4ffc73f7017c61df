# wrong: catches every exception and prints it, so run_sync returns None when the coroutine fails — grader should say "returned None instead of raising the ValueError('boom') the coroutine raised"
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    try:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(aw)
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, aw).result()
    except Exception as error:
        print(f"run_sync failed: {error!r}")
