# wrong: asyncio.sleep(delay) without await inside say_after, so nothing waits (hello/world at 0 s) — grader should say "you forgot await before asyncio.sleep(delay)"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
