# wrong: starts the work as a task, then always sleeps the whole `seconds` before looking at it, so a quick result comes back late — grader should say "with_timeout returned at 3.0 s, but the work finished at 1.0 s"
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
    await asyncio.sleep(seconds)
    if task.done():
        return task.result()
    task.cancel()
    return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
