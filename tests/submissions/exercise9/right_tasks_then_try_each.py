# right: creates every task first, then awaits each in jobs order inside try/except (they already run concurrently) — grader should accept
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    tasks = [asyncio.create_task(fetch(delay, value)) for delay, value in jobs]
    results = []
    for task in tasks:
        try:
            results.append(await task)
        except Exception as error:
            results.append(error)
    return results
