# right: hand-rolled: schedules task.cancel() with loop.call_later and tells a timeout from other cancellations by a flag — grader should accept
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
    task = asyncio.ensure_future(aw)
    timed_out = False

    def time_is_up() -> None:
        nonlocal timed_out
        timed_out = True
        task.cancel()

    timer = asyncio.get_running_loop().call_later(seconds, time_is_up)
    try:
        return await task
    except asyncio.CancelledError:
        if timed_out:
            return default
        raise
    finally:
        timer.cancel()


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
