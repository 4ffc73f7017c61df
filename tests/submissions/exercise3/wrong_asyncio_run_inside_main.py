# wrong: calls asyncio.run() inside main, raising RuntimeError "asyncio.run() cannot be called from a running event loop" — grader should say "don't call asyncio.run inside a coroutine; use create_task and await"
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")
    asyncio.run(say_after(1, 'hello'))
    asyncio.run(say_after(2, 'world'))
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
