# wrong: creates task2 only after awaiting task1, so it's serial again (world at 3) — grader should say "world printed at 3 s, expected 2 s: create both tasks before awaiting either"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    print(f"started at {time.strftime('%X')}")
    await task1

    task2 = asyncio.create_task(say_after(2, 'world'))
    await task2

    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
