# right: asyncio.as_completed with a timeout; on TimeoutError with the task not done, cancels it and waits for it (a TimeoutError of the work's own passes) — grader should accept
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
    try:
        for first in asyncio.as_completed([task], timeout=seconds):
            return await first
    except asyncio.TimeoutError:
        if task.done():  # the work's own TimeoutError, not the time being up
            raise
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
