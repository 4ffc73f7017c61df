"""A correct exercise 3 that also starts 100,000 tasks, each sleeping a moment: grading it must
end in a pass, or in the real-time limit's message, never in a false "deadlock"."""

import asyncio
import time

TASKS = 100_000


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def nap(index):
    await asyncio.sleep(1 + index % 7 / 10)


async def main():
    print(f"started at {time.strftime('%X')}")
    crowd = [asyncio.create_task(nap(i)) for i in range(TASKS)]
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    await task1
    await task2
    await asyncio.gather(*crowd)
    print(f"finished at {time.strftime('%X')}")
