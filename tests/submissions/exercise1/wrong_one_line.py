# wrong: print("hello", end=" ") puts both words on one line "hello world" (completed at 1.0) — grader should say "expected two lines hello / world, got one line 'hello world'"
import asyncio


async def main() -> None:
    print("hello", end=" ")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
