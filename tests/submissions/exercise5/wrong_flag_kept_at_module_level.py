# wrong: a call_later timer sets a module-level `timed_out` flag that is never reset, so after one call has timed out the next returns the default even when its work finishes in time — grader should say "made after ... had timed out, returned None"
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to try with_timeout on: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


timed_out = False


async def with_timeout(aw, seconds: float, default=None):
    task = asyncio.ensure_future(aw)

    def time_is_up() -> None:
        global timed_out
        timed_out = True
        task.cancel()

    timer = asyncio.get_running_loop().call_later(seconds, time_is_up)
    try:
        value = await task
    except asyncio.CancelledError:
        value = default
    finally:
        timer.cancel()
    if timed_out:
        return default
    return value


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
