# wrong: say_after prints first and then waits (hello at 0, world at 1, finished at 3) — grader should say "say_after must wait first and then print"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    print(what)
    await asyncio.sleep(delay)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
