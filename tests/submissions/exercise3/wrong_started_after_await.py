# wrong: prints "started at" only after awaiting both tasks (started at 2 s, 0 s apart from finished) — grader should say "started at ... must be printed before the tasks finish"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))

    await task1
    await task2

    print(f"started at {time.strftime('%X')}")
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
