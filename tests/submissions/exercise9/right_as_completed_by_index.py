# right: asyncio.as_completed over wrappers that return (index, value or exception), catching any Exception, each put at its job's index — grader should accept
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value



async def indexed(index: int, delay: float, value: str) -> tuple[int, str | BaseException]:
    try:
        return index, await fetch(delay, value)
    except Exception as error:
        return index, error


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results: list[str | BaseException] = [""] * len(jobs)
    for next_done in asyncio.as_completed([indexed(i, delay, value) for i, (delay, value) in enumerate(jobs)]):
        index, outcome = await next_done
        results[index] = outcome
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
