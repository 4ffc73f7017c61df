# hostile: calls sys.exit() at module level (left over from a quick test) — grader must not exit; report "your file called sys.exit() when imported"
import asyncio
import sys


async def main() -> None:
    print("hello")
    await asyncio.sleep(1)
    print("world")


sys.exit(0)

if __name__ == "__main__":
    asyncio.run(main())
