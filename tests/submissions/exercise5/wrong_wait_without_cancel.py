# wrong: asyncio.wait(..., timeout=seconds) stops waiting but never cancels the work, which keeps running — grader should say "job(5, 'late') kept running: it finished at 5.0 s"
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
    done, pending = await asyncio.wait({task}, timeout=seconds)
    if task in done:
        return task.result()
    return default


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
