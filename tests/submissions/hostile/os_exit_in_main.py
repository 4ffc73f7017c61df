# hostile: prints hello, then os._exit(3) kills the whole process (no cleanup, no flush) — grader must run submissions in a subprocess and report "the process exited with code 3"
import asyncio
import os


async def main() -> None:
    print("hello")
    os._exit(3)
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
