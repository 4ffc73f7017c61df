# wrong: `except asyncio.TimeoutError: return default` around wait_for also turns a TimeoutError raised by the work itself into the default — grader should say "returned 'fallback' instead of raising the TimeoutError('own')"
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
    except asyncio.TimeoutError:
        return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
