# wrong: keeps each job's result in a cache at module level, so a job seen in an earlier call is not fetched again — grader should say the second call never called fetch(1, 'a')
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


_cache: dict[tuple[float, str], str | BaseException] = {}


async def cached_fetch(delay: float, value: str) -> str | BaseException:
    if (delay, value) not in _cache:
        try:
            _cache[(delay, value)] = await fetch(delay, value)
        except Exception as error:
            _cache[(delay, value)] = error
    return _cache[(delay, value)]


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    return list(await asyncio.gather(*(cached_fetch(delay, value) for delay, value in jobs)))


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
