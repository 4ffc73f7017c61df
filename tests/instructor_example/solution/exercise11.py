# file: tests/instructor_example/solution/exercise11.py
"""Reference solution for exercise 11: a countdown.

``countdown(n)`` prints n, n - 1, ... 1 one second apart, then liftoff.
Expected for countdown(3): 3 at 0 s, 2 at 1 s, 1 at 2 s, liftoff at 3 s.
"""

import asyncio


async def countdown(n: int) -> None:
    for number in range(n, 0, -1):
        print(number)
        await asyncio.sleep(1)
    print("liftoff")


if __name__ == "__main__":
    asyncio.run(countdown(3))
