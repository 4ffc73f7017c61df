# wrong: time.sleep in say_after blocks the loop, so the tasks can't overlap (hello at 1, world at 3) — grader should say "time.sleep blocks the event loop; use await asyncio.sleep(delay)"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    time.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))

    print(f"started at {time.strftime('%X')}")

    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
