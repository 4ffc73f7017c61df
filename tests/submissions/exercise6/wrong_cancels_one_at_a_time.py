# wrong: goes through the `pending` set cancelling each task and waiting for it before cancelling the next, so a loser whose finally block awaits keeps the others running (and which one waits depends on the set's order) — grader should say "cancelled the other awaitables one at a time"
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
        await asyncio.gather(task, return_exceptions=True)
    return done.pop().result()


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
