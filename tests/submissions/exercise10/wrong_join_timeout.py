# wrong: joins the worker thread with a timeout (thread.join(5)), so a coroutine longer than 5 s is still running when run_sync returns None — grader should say it returned before the coroutine had finished
from __future__ import annotations

import asyncio
import threading


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    outcome = {}

    def target():
        try:
            outcome["value"] = asyncio.run(aw)
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(5)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
