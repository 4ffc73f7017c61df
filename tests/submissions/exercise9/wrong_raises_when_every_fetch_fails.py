# wrong: gathers with return_exceptions=True, but raises when no fetch succeeded at all, "since there is nothing to return" — grader should say it raised RuntimeError when every fetch failed, and that fetch_all_safe does not raise even then
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value



async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results = await asyncio.gather(*(fetch(delay, value) for delay, value in jobs), return_exceptions=True)
    if results and all(isinstance(result, BaseException) for result in results):
        raise RuntimeError(f"every fetch failed: {results}")
    return list(results)


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
