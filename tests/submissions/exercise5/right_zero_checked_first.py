# right: handles seconds <= 0 first (cancels the work, waits for it, returns the default), then wait_for on a task it can ask how it ended — grader should accept
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
    work = asyncio.ensure_future(aw)
    if seconds <= 0:  # the time is already up
        work.cancel()
        await asyncio.gather(work, return_exceptions=True)
        return default
    try:
        return await asyncio.wait_for(work, seconds)
    except asyncio.TimeoutError:
        if work.cancelled():
            return default
        raise  # the work's own TimeoutError


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
