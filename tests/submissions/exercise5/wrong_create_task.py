# wrong: asyncio.create_task(aw), which takes only coroutines, so a Task or a Future handed in raises TypeError — grader should say "raised TypeError" and "asyncio.ensure_future(aw)"
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
        if task.cancelled():
            return default
        raise


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
