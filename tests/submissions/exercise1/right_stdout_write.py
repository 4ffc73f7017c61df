# right: writes with sys.stdout.write instead of print — grader should accept (same lines, same timing)
import asyncio
import sys


async def main() -> None:
    sys.stdout.write("hello\n")
    sys.stdout.flush()
    await asyncio.sleep(1)
    sys.stdout.write("world\n")


if __name__ == "__main__":
    asyncio.run(main())
