# wrong: awaits each fetch in turn inside try/except: right list, but the delays add up (6 s, not 3 s) — grader should say "took 6.0 s of event-loop time, not 3.0 s: the fetch() calls ran one after another"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results = []
    for delay, value in jobs:
        try:
            results.append(await fetch(delay, value))
        except LookupError as error:
            results.append(error)
    return results
