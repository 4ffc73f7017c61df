# right: creates all tasks first, then awaits each in jobs order (they already run concurrently) — grader should accept
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    tasks = [asyncio.create_task(fetch(delay, value)) for delay, value in jobs]
    results = []
    for task in tasks:
        results.append(await task)
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
