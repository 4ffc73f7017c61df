# wrong: when a loop is running, calls run_until_complete on that very loop, which is busy running the caller ("This event loop is already running") — grader should say so and point to another thread
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
    return loop.run_until_complete(aw)
