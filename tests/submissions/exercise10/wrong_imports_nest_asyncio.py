# wrong: uses nest_asyncio, which is not installed (and the exercise asks for a way without it): the file fails at import — grader should say "No module named 'nest_asyncio'" with a hint
from __future__ import annotations

import asyncio

import nest_asyncio


async def fetch(delay: float, value: str) -> str:
    await asyncio.sleep(delay)
    return value


nest_asyncio.apply()


def run_sync(aw):
    return asyncio.get_event_loop().run_until_complete(aw)
