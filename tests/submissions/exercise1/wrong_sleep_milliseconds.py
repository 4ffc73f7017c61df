# wrong: thinks asyncio.sleep takes milliseconds and waits 1000 s — grader should say "world printed at 1000 s, expected 1.0 s (asyncio.sleep takes seconds)" without actually waiting
import asyncio


async def main() -> None:
    print("hello")
    await asyncio.sleep(1000)  # 1000 ms = 1 s
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
