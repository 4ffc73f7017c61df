# wrong: asyncio.wait_for on a fresh task, but returns None instead of `default` when the time is up — grader should say "returned None ...; expected the default, 'too slow'"
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
    task = asyncio.create_task(aw)
    try:
        return await asyncio.wait_for(task, seconds)
    except asyncio.TimeoutError:
        return None


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
