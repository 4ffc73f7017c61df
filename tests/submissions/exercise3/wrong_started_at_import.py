# wrong: reads the clock once, at import, for `started at`, as "when the program started": right when main() runs at once, stale when it is called later — grader should say "read the clock inside main(), not once at import"
import asyncio
import time

PROGRAM_STARTED = time.strftime('%X')


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    print(f"started at {PROGRAM_STARTED}")
    await task1
    await task2
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
