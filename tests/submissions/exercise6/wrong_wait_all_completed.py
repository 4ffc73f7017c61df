# wrong: wraps each awaitable in a task and calls asyncio.wait, but without return_when, so it waits for all of them (ALL_COMPLETED) — grader should say "race returned at 3.0 s, but the first awaitable finished at 1.0 s" and "return_when=asyncio.FIRST_COMPLETED"
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to race: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


async def race(*aws):
    if not aws:
        raise ValueError("race() needs at least one awaitable")
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    done, _ = await asyncio.wait(tasks)
    first = min(done, key=lambda task: tasks.index(task))
    return first.result()


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
