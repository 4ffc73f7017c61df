# hostile: raises ValueError at import time (int("one") at module level) — grader should report "your file raised ValueError when imported" with the traceback
import asyncio

WAIT_SECONDS = int("one")


async def main() -> None:
    print("hello")
    await asyncio.sleep(WAIT_SECONDS)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
