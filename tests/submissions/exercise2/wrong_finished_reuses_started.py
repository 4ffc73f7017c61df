# wrong: reads the clock once and prints that reading for both `started at` and `finished at` (the awaits are right) — grader should blame the stale clock reading, not the order of the awaits
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    now = time.strftime('%X')
    print(f"started at {now}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {now}")


if __name__ == "__main__":
    asyncio.run(main())
