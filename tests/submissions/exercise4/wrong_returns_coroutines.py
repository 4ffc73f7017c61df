# wrong: returns the fetch(...) coroutine objects without awaiting them (no waiting, "coroutine was never awaited") — grader should say "returned coroutine objects, not strings: await them with asyncio.gather"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    return [fetch(delay, value) for delay, value in jobs]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
