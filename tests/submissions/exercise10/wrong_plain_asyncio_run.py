# wrong: plain asyncio.run(aw), which fails inside a running loop with "asyncio.run() cannot be called from a running event loop" — grader should say so, "as in a notebook cell", and show the thread way beside it
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    return asyncio.run(aw)
