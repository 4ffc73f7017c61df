"""Reference solution for exercise 9: failures in concurrent work.

``fetch_all_safe(jobs)`` runs every fetch concurrently with
``asyncio.gather(..., return_exceptions=True)``: a fetch that fails gives its
exception object in its place, and the others go on. Results are in the order
of ``jobs``; total time = the largest delay.
"""

from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    # return_exceptions=True: an exception becomes that job's result instead of being raised,
    # so it neither cancels nor hides the other fetches.
    return await asyncio.gather(*(fetch(delay, value) for delay, value in jobs), return_exceptions=True)


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
