# wrong: say_after prints `delay` seconds after the program started (a start time read at import), not `delay` seconds after it is called: right when main() runs at once, but a later (or second) call prints hello and world at once — grader should say "wait durations from the moment main() is called"
import asyncio
import time

PROGRAM_START = time.monotonic()


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(PROGRAM_START + delay - time.monotonic())
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
