"""Reference solution for exercise 4: asyncio.gather.

``fetch_all(jobs)`` runs ``fetch(delay, value)`` for every job concurrently
with ``asyncio.gather`` and returns the values in the order of ``jobs``.
Total time = the largest delay; ``fetch_all([])`` returns ``[]`` at once.
"""
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    # gather keeps the order of its arguments, whatever order they finish in.
    return await asyncio.gather(*(fetch(delay, value) for delay, value in jobs))


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
