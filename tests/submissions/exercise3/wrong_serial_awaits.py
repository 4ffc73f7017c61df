# wrong: awaits say_after(1, ...) then say_after(2, ...) directly, like the docs' first example (world at 3, 3 s apart) — grader should say "world printed at 3 s, expected 2 s: start both with asyncio.create_task before awaiting"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
