# wrong (hostile): never runs the coroutine: reads its arguments out of its frame (inspect.getcoroutinelocals, that is aw.cr_frame.f_locals), closes it unrun and fakes the result, waiting out the delay with no event loop at all — grader should say the coroutine never started, in every check
from __future__ import annotations

import asyncio
import inspect
import threading


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    arguments = dict(inspect.getcoroutinelocals(aw))
    aw.close()
    threading.Event().wait(arguments.get("delay", 0))  # as time.sleep(delay) would, on the grader's clock
    value = arguments.get("value")
    if isinstance(value, BaseException):
        raise value
    return value
