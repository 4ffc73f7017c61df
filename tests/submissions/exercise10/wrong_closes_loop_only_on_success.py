# wrong: closes its new loop after run_until_complete, but not in a finally, so the loop stays open when the coroutine raises — grader should say so and point to finally
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def on_a_new_loop(aw):
    loop = asyncio.new_event_loop()
    value = loop.run_until_complete(aw)
    loop.close()
    return value


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return on_a_new_loop(aw)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(on_a_new_loop, aw).result()
