# wrong: awaits say_after(2, 'world') first (world at 2, hello at 3) — grader should say "expected hello then world, got world then hello"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    await say_after(2, 'world')
    await say_after(1, 'hello')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
