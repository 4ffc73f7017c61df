# wrong: with seconds <= 0 returns the default at once without touching `aw`, so the coroutine is never awaited (nor closed) — grader should say "left job(1, 'done') neither awaited nor closed"
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
    if seconds <= 0:
        return default
    work = asyncio.ensure_future(aw)
    try:
        return await asyncio.wait_for(work, seconds)
    except asyncio.TimeoutError:
        if work.cancelled():
            return default
        raise


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
