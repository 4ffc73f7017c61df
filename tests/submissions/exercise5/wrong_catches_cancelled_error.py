# wrong: expects wait_for to raise CancelledError when the time is up, but it raises asyncio.TimeoutError, which escapes — grader should say "raised TimeoutError" and "catch that"
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
    try:
        return await asyncio.wait_for(aw, seconds)
    except asyncio.CancelledError:
        return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
