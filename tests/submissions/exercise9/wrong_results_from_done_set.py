# wrong: asyncio.wait() for every task, then reads the results by going through the `done` set, whose order follows the tasks' memory addresses, not the jobs — grader should say the result depends on the order of a set, every time
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    if not jobs:
        return []
    tasks = [asyncio.create_task(fetch(delay, value)) for delay, value in jobs]
    done, _ = await asyncio.wait(tasks)
    return [task.exception() or task.result() for task in done]


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
