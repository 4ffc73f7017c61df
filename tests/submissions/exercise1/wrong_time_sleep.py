# wrong: uses time.sleep(1), which blocks the event loop — grader should say "time.sleep blocks the event loop; use await asyncio.sleep(1)"
import asyncio
import time


async def main() -> None:
    print("hello")
    time.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
