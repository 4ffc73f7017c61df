# wrong: collects the results in a mutable default argument, made once and shared: a second call returns the first call's values too — grader should say "make the list inside fetch_all, on every call"
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]], results: list[str] = []) -> list[str]:
    results.extend(await asyncio.gather(*(fetch(delay, value) for delay, value in jobs)))
    return results

if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
