# hostile: prints hello, then sys.exit(0) in main: a "successful" exit must not pass for a finished main()
import asyncio
import sys


async def main() -> None:
    print("hello")
    sys.exit(0)
    await asyncio.sleep(1)
    print("world")
