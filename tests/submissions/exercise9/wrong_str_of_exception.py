# wrong: turns each exception into its message with str(exc), so the list holds "!b" instead of the LookupError — grader should say "returned the string '!b', not the LookupError itself"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results = await asyncio.gather(*(fetch(delay, value) for delay, value in jobs), return_exceptions=True)
    return [str(result) if isinstance(result, Exception) else result for result in results]
