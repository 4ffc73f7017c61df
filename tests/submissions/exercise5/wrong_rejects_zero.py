# wrong: refuses a limit of 0 or less with ValueError, where the time is simply already up — grader should say "raised ValueError" and "the time is already up"
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
        raise ValueError("seconds must be positive")
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
