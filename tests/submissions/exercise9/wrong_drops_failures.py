# wrong: leaves the failed jobs out of the list, so the results no longer line up with the jobs — grader should say "fetch_all_safe returned 2 result(s) for 3 jobs"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results = await asyncio.gather(*(fetch(delay, value) for delay, value in jobs), return_exceptions=True)
    return [result for result in results if not isinstance(result, BaseException)]
