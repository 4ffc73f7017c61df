# wrong: cancels the losers and gives them one loop turn (`await asyncio.sleep(0)`) instead of waiting until they have stopped: enough for a loser that stops at once, not for a finally block that awaits — grader should say "cancelled, but it stopped only after"
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
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.sleep(0)  # let them see the cancellation
    return done.pop().result()


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
