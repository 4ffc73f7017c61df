# wrong: prints "finished at" before awaiting anything (finished at 0 s, before hello) — grader should say "finished at ... must be printed after world"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    print(f"finished at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')


if __name__ == "__main__":
    asyncio.run(main())
