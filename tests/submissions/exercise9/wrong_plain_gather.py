# wrong: plain asyncio.gather without return_exceptions, so the first failure is raised out of fetch_all_safe — grader should say "fetch_all_safe raised LookupError('!b') instead of returning it in the list"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    return await asyncio.gather(*(fetch(delay, value) for delay, value in jobs))
