"""Reference solution for exercise 6: racing.

``race(*aws)`` wraps every awaitable in a task, waits with ``asyncio.wait(...,
return_when=FIRST_COMPLETED)`` for the first to finish, cancels the rest and waits
until they have stopped, then returns the winner's result (or raises its exception).
"""
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
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        # Stop the others (all of them, if race itself is cancelled) and wait until they
        # have: cancel() only asks. return_exceptions keeps their CancelledErrors here.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    first = next(task for task in tasks if task in done)  # in a tie, the earlier argument
    return first.result()  # raises, if that is how it finished


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
