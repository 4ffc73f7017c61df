# wrong: calls asyncio.sleep(1) without await, so nothing waits (world at 0.0, "coroutine was never awaited") — grader should say "you forgot await before asyncio.sleep(1)"
import asyncio


async def main() -> None:
    print("hello")
    asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
