# wrong: asyncio.gather waits for every awaitable, then returns the first argument's result — grader should say "race returned at 3.0 s, but the first awaitable finished at 1.0 s"
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to race: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


async def race(*aws):
    if not aws:
        raise ValueError("nothing to race")
    results = await asyncio.gather(*aws)
    return results[0]


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
