# wrong: asyncio.get_event_loop().run_until_complete(aw): inside a notebook cell get_event_loop() is the running loop ("This event loop is already running") — grader should say so
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    return asyncio.get_event_loop().run_until_complete(aw)
