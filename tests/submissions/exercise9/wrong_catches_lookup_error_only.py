# wrong: wraps each fetch in try/except LookupError, the only error the given fetch raises, so any other exception (a ConnectionError) escapes fetch_all_safe — grader should say it raised that exception instead of returning it, and that a fetch may fail with any exception
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value



async def value_or_error(delay: float, value: str) -> str | BaseException:
    try:
        return await fetch(delay, value)
    except LookupError as error:
        return error


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    return list(await asyncio.gather(*(value_or_error(delay, value) for delay, value in jobs)))


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
