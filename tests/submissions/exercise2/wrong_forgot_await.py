# wrong: calls say_after(...) without await, so hello/world are never printed ("coroutine 'say_after' was never awaited") — grader should say "you forgot await before say_after(...)"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    say_after(1, 'hello')
    say_after(2, 'world')
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
