# wrong: asyncio.wait with a timeout, then task.cancel() without waiting for the task to stop, so it is still stopping when with_timeout returns — grader should say "1 task was still running then" and "cancel() only asks a task to stop"
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
    await asyncio.wait([task], timeout=seconds)
    if task.done():
        return task.result()
    task.cancel()
    return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
