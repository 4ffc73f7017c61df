# right: wraps each fetch in a coroutine that returns the exception it catches, then gathers the wrappers — grader should accept
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def value_or_error(delay: float, value: str) -> str | BaseException:
    try:
        return await fetch(delay, value)
    except Exception as error:
        return error


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    return list(await asyncio.gather(*(value_or_error(delay, value) for delay, value in jobs)))
