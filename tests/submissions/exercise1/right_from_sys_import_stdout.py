# right: imports stdout by name (`from sys import stdout`) and writes with stdout.write — grader should accept (issue 12)
import asyncio
from sys import stdout


async def main() -> None:
    stdout.write("hello\n")
    await asyncio.sleep(1)
    stdout.write("world\n")


if __name__ == "__main__":
    asyncio.run(main())
