# wrong: asyncio.create_task(aw) for each awaitable, which takes only coroutines, so a Task or a Future handed in raises TypeError — grader should say "raised TypeError" and "asyncio.ensure_future(aw)"
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
    tasks = [asyncio.create_task(aw) for aw in aws]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return next(task for task in tasks if task in done).result()


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
