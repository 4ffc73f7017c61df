# wrong: say_after uses time.sleep, which blocks the event loop (output and timing look right) — grader should say "time.sleep blocks the event loop; use await asyncio.sleep(delay)"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    time.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
