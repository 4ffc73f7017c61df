# right: writes bytes to sys.stdout.buffer instead of printing — grader should accept (issue 12)
import asyncio
import sys


async def main() -> None:
    sys.stdout.buffer.write(b"hello\n")
    sys.stdout.buffer.flush()
    await asyncio.sleep(1)
    sys.stdout.buffer.write(b"world\n")
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    asyncio.run(main())
