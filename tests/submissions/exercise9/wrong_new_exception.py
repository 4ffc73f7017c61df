# wrong: wraps each fetch to return LookupError(str(exc)), a new exception that only looks like the one fetch raised (and not a KeyError when the grader's fetch raises one) — grader should say "expected [KeyError('!x'), 'Y', KeyError('!z')]"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    async def safely(delay, value):
        try:
            return await fetch(delay, value)
        except LookupError as error:
            return LookupError(str(error).strip("'"))

    return list(await asyncio.gather(*(safely(delay, value) for delay, value in jobs)))
