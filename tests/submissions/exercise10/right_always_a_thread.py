# right: always runs asyncio.run in a fresh worker thread, whether or not a loop is running here — grader should accept
from __future__ import annotations

import asyncio
import concurrent.futures


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, aw).result()
