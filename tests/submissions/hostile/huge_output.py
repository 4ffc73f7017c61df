# hostile: prints 10 million lines — grader must cap captured output and report "too much output" rather than run out of memory or flood the log
import asyncio


async def main() -> None:
    for i in range(10_000_000):
        print("hello", i)
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
