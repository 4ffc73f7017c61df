"""The loop workload: a fan-out of tasks each sleeping a different delay, and a chain of sleeps.

Standard library only, so that ``looptime_probe`` can run it in a virtual environment that
has looptime and not the grader's dependencies.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Coroutine
from typing import Any

TIMERS = 100_000
# On a virtual clock: 1 µs steps (looptime's resolution), 0.1 s of loop time in all.
VIRTUAL_STEP = 1e-6
# On the stock loop: a delay already past when the loop next looks at its timers, so it never
# waits (a chain of 1 µs sleeps would wait about 1 ms each: epoll rounds timeouts up to 1 ms).
STOCK_STEP = 1e-9


async def sleeper(delay: float) -> None:
    """A task's body, as a student would write one (the virtual loop records it as theirs)."""
    await asyncio.sleep(delay)


async def fan_out(count: int, step: float) -> None:
    """``count`` tasks at once, the i-th sleeping ``i * step``: every timer fires at its own instant."""
    await asyncio.gather(*(sleeper((index + 1) * step) for index in range(count)))


async def chain(count: int, step: float) -> None:
    """``count`` sleeps of ``step`` one after the other (``step=0`` is asyncio's bare yield)."""
    for _ in range(count):
        await asyncio.sleep(step)


Workload = Callable[[int, float], Coroutine[Any, Any, None]]
WORKLOADS: dict[str, Workload] = {"fan-out": fan_out, "chain": chain}


def time_on(new_loop: Callable[[], asyncio.AbstractEventLoop], workload: Workload, count: int, step: float) -> dict:
    """Seconds ``workload`` took on a fresh loop (CPU and wall), and the loop's clock when it ended.

    Neither loop waits for anything real here, so CPU time is the loop's work; unlike wall
    time it does not count the moments other processes on the machine had the core.
    """
    loop = new_loop()
    try:
        gc.collect()
        started_at = loop.time()
        cpu, wall = time.process_time(), time.perf_counter()
        loop.run_until_complete(workload(count, step))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        return {"seconds": cpu, "wall_seconds": wall, "loop_time": loop.time() - started_at}
    finally:
        loop.close()
