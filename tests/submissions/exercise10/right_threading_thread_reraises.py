# right: a threading.Thread that stores the value or the exception, re-raised in the caller after join() — grader should accept
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
        try:
            outcome["value"] = asyncio.run(aw)
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=target, name="run_sync")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
