# right: `async with asyncio.timeout(seconds)` around `await aw`; on TimeoutError returns the default only if the timeout expired (the work's own TimeoutError passes) — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
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
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await aw
    except TimeoutError:
        if deadline.expired():  # the time was up, not a TimeoutError of the work's own
            return default
        raise


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
