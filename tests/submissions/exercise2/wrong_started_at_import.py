# wrong: reads the clock for `started at` once, at import, into a module-level variable: right when main() runs at once, stale when it is called later — grader should say "read the clock inside main(), not once at import"
import asyncio
import time

STARTED = time.strftime('%X')


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {STARTED}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
