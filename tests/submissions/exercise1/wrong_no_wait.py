# wrong: no wait at all (world at 0.0, main finishes at 0.0) — grader should say "world printed at 0.0 s, expected 1.0 s; wait with await asyncio.sleep(1)"
import asyncio


async def main() -> None:
    print("hello")
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
