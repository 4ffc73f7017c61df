# right: writes straight to file descriptor 1 with os.write — grader should accept: output is output (issue 12)
import asyncio
import os


async def main() -> None:
    os.write(1, b"hello\n")
    await asyncio.sleep(1)
    os.write(1, b"world\n")


if __name__ == "__main__":
    asyncio.run(main())
