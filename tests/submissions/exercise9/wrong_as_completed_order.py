# wrong: asyncio.as_completed with try/except gives the results in the order the fetches finish — grader should say "the results are not in the order of the jobs"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results = []
    for next_done in asyncio.as_completed([fetch(delay, value) for delay, value in jobs]):
        try:
            results.append(await next_done)
        except Exception as error:
            results.append(error)
    return results
