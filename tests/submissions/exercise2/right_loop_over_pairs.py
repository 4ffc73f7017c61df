# right: awaits say_after in a loop over [(1, 'hello'), (2, 'world')] — grader should accept (hello at 1, world at 3)
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    for delay, what in [(1, 'hello'), (2, 'world')]:
        await say_after(delay, what)
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
