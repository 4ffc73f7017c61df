# wrong: prints world first and hello after the wait — grader should say "expected hello then world, got world then hello"
import asyncio


async def main() -> None:
    print("world")
    await asyncio.sleep(1)
    print("hello")


if __name__ == "__main__":
    asyncio.run(main())
