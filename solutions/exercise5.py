"""Reference solution for exercise 5: timeouts and cancellation.

``with_timeout(aw, seconds, default)`` returns the result of ``aw`` as soon as it
finishes; if ``seconds`` pass first, ``asyncio.wait_for`` cancels ``aw`` (and waits
for it to stop) and ``default`` is returned. An exception from ``aw`` passes through,
a TimeoutError of its own too: the time was up only if wait_for had to cancel it.
"""
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to try with_timeout on: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


async def with_timeout(aw, seconds: float, default=None):
    # A task (or the Task or Future given): once wait_for is done, it tells how the work ended.
    work = asyncio.ensure_future(aw)
    try:
        # wait_for cancels the work when the time is up, and waits until it has stopped.
        return await asyncio.wait_for(work, seconds)
    except asyncio.TimeoutError:  # the builtin TimeoutError only from Python 3.11 on
        if work.cancelled():  # wait_for cancelled it: the time was up
            return default
        raise  # the work's own TimeoutError: not the time being up


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
