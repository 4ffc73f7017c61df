# wrong: makes a new event loop but runs it in the same thread, where a loop is already running ("Cannot run the event loop while another loop is running") — grader should say so and point to another thread
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(aw)
    finally:
        loop.close()
