# wrong: ignores fetch and returns the values straight away (right list, but 0 s instead of the largest delay) — grader should say "finished at 0 s, expected 2 s: you must actually call fetch"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    return [value for delay, value in jobs]


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
