# file: tests/instructor_example/wrong/exercise11.py
"""A realistic wrong answer to exercise 11: all printed at once, no waiting."""

import asyncio


async def countdown(n: int) -> None:
    for number in range(n, 0, -1):
        print(number)
    print("liftoff")


if __name__ == "__main__":
    asyncio.run(countdown(3))
