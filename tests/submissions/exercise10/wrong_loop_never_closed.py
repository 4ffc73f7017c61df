# wrong: runs the coroutine on asyncio.new_event_loop() (in a thread when a loop is running) but never closes that loop — grader should say "left 1 event loop it created open (not closed)"
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def on_a_new_loop(aw):
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(aw)


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return on_a_new_loop(aw)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(on_a_new_loop, aw).result()
