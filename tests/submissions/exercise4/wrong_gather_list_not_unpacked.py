# wrong: passes a list to asyncio.gather instead of unpacking it with * -> TypeError "An asyncio.Future, a coroutine or an awaitable is required" — grader should say "use asyncio.gather(*coros), not asyncio.gather(coros)"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    coros = [fetch(delay, value) for delay, value in jobs]
    return await asyncio.gather(coros)


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
