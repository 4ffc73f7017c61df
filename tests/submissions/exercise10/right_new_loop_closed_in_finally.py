# right: its own asyncio.new_event_loop() with run_until_complete, closed in a finally, in a worker thread when a loop is running — grader should accept
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def on_a_new_loop(aw):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(aw)
    finally:
        loop.close()


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return on_a_new_loop(aw)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(on_a_new_loop, aw).result()
