# wrong: adds the results to a list kept at module level, which no call empties, so a second call returns the first call's results too — grader should say the results of the first call are still in the second call's list
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


results: list[str | BaseException] = []


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    results.extend(await asyncio.gather(*(fetch(delay, value) for delay, value in jobs), return_exceptions=True))
    return results


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
