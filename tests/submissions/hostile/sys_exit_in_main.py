# hostile: prints hello, then calls sys.exit() inside main — grader must not exit; report "main() called sys.exit()" (world never printed)
import asyncio
import sys


async def main() -> None:
    print("hello")
    sys.exit("bye")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
