# wrong: inside a running loop, runs asyncio.run in a thread but keeps only its value, so an exception is printed by the thread and run_sync returns None — grader should say "returned None instead of raising the ValueError('boom')"
from __future__ import annotations

import asyncio
import threading


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(aw)
    outcome = {}

    def target():
        outcome["value"] = asyncio.run(aw)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return outcome.get("value")
