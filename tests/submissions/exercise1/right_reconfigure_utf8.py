# right: reconfigures stdout to UTF-8 at import, as many Japanese Windows set-ups do, then prints — grader should accept (issue 12)
import asyncio
import sys

sys.stdout.reconfigure(encoding="utf-8")


async def main() -> None:
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
