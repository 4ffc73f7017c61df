# file: tests/instructor_example/stub/exercise11.py
"""Exercise 11: a countdown.

Write ``async def countdown(n: int) -> None`` that prints ``n``, ``n - 1``, ...
``1``, one number a second, then ``liftoff`` one second after ``1``. Wait with
``await asyncio.sleep``, never with ``time.sleep``.

Expected for countdown(3): 3 at 0 s, 2 at 1 s, 1 at 2 s, liftoff at 3 s, and
countdown(3) finishes at 3 s. countdown(0) prints liftoff at once.

Check your work with:

    grade exercise11
"""

import asyncio


async def countdown(n: int) -> None:
    # TODO: print n, n - 1, ... 1 one second apart, then liftoff
    raise NotImplementedError


if __name__ == "__main__":
    asyncio.run(countdown(3))
