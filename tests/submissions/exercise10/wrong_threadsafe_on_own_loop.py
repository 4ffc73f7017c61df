# wrong: inside a running loop, hands the coroutine to that very loop with run_coroutine_threadsafe and waits for the result, which blocks the loop that should run it (a deadlock) — grader should say where it waits, and quickly
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(aw)
    return asyncio.run_coroutine_threadsafe(aw, loop).result()
