# wrong: waits 2 s instead of 1 s (world at 2.0) — grader should say "world printed at 2.0 s, expected 1.0 s"
import asyncio


async def main() -> None:
    print("hello")
    await asyncio.sleep(2)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
