# wrong: a module-level executor used in a `with` block, which shuts it down at the end of the first call, so a second call raises "cannot schedule new futures after shutdown" — grader should say the second call fails
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

POOL = ThreadPoolExecutor(max_workers=1)


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    with POOL:
        return POOL.submit(asyncio.run, aw).result()
