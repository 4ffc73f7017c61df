"""Reference solution for exercise 10: asyncio inside a running loop (notebooks).

``run_sync(aw)`` uses ``asyncio.run`` when no event loop is running in this
thread. When one is (a notebook cell), it can't start another loop in the same
thread, nor wait for the running one (it is busy running us): so it runs a new
loop in a worker thread and waits for that thread's result, which is the
awaitable's value or its exception. ``asyncio.run`` closes the loops it makes,
also when the awaitable raises. A new executor (and so a new thread) at each call
lets calls nest: an inner call never waits for the thread running an outer one.
Nothing here has a timeout: run_sync waits as long as the awaitable takes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def _wait_for(aw: Awaitable[T]) -> T:
    # asyncio.run() wants a coroutine; this makes one of any awaitable.
    return await aw


def run_sync(aw: Awaitable[T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop running in this thread: the usual way
        return asyncio.run(_wait_for(aw))
    with ThreadPoolExecutor(max_workers=1) as pool:
        # .result() gives the value, or raises the exception the awaitable raised.
        return pool.submit(asyncio.run, _wait_for(aw)).result()


async def notebook_cell() -> None:
    """What a notebook cell does: plain code, but inside a running event loop."""
    print(run_sync(fetch(1, "from inside a loop")))


if __name__ == "__main__":
    print(run_sync(fetch(1, "from plain code")))
    asyncio.run(notebook_cell())
