# wrong: prints "Hello" / "World" with capitals (timing is right) — grader should say "expected line 'hello', got 'Hello'"
import asyncio


async def main() -> None:
    print("Hello")
    await asyncio.sleep(1)
    print("World")


if __name__ == "__main__":
    asyncio.run(main())
