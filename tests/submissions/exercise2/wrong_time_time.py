# wrong: prints time.time() (seconds since the epoch, e.g. "started at 1714557600.12") instead of a clock string — grader should say "expected 'started at HH:MM:SS' (use time.strftime('%X'))"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.time()}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.time()}")


if __name__ == "__main__":
    asyncio.run(main())
