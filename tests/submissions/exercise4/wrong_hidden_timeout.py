# wrong: gives up after a hidden 60 s limit (asyncio.wait_for), which no job of the examples reaches; a 600 s job raises TimeoutError — grader should say nothing asks for a time limit
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    return await asyncio.wait_for(asyncio.gather(*(fetch(delay, value) for delay, value in jobs)), timeout=60)

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
