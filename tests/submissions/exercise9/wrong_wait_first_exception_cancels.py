# wrong: asyncio.wait(FIRST_EXCEPTION) then cancels whatever is still pending, so a failure stops the slower fetches — grader should say "fetch(3, 'c') was cancelled at 1.0 s"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    if not jobs:
        return []
    tasks = [asyncio.create_task(fetch(delay, value)) for delay, value in jobs]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return [task.exception() or task.result() if not task.cancelled() else None for task in tasks]
