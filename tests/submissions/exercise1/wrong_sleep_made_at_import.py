# wrong: makes the asyncio.sleep(1) coroutine once, at import, and awaits that one object in main(): a coroutine can be awaited only once, so a second call of main() fails — grader should say "a coroutine can be awaited only once"
import asyncio

PAUSE = asyncio.sleep(1)


async def main() -> None:
    print("hello")
    await PAUSE
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
