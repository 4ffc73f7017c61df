# wrong: calls asyncio.run() inside main, which raises RuntimeError "asyncio.run() cannot be called from a running event loop" — grader should say "don't call asyncio.run inside a coroutine; use await asyncio.sleep(1)"
import asyncio


async def main() -> None:
    print("hello")
    asyncio.run(asyncio.sleep(1))
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
