# wrong: one module-level executor with a single worker for every call: a run_sync nested in a coroutine that run_sync runs waits for the only worker, which is busy waiting for it (a deadlock) — grader should say so in the nested check
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

POOL = ThreadPoolExecutor(max_workers=1)


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    return POOL.submit(asyncio.run, aw).result()
