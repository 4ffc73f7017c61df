# right: an asyncio.Runner (3.11+) in a worker thread when a loop is running, asyncio.run otherwise — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


def run_sync(aw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(aw)
    done: Future = Future()

    def target():
        try:
            with asyncio.Runner() as runner:
                value = runner.run(aw)
        except BaseException as error:
            done.set_exception(error)
        else:
            done.set_result(value)  # only now: the runner has closed its loop

    threading.Thread(target=target).start()
    return done.result()
