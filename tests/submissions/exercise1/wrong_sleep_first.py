# wrong: waits before printing anything, so hello and world both appear at 1.0 — grader should say "hello printed at 1.0 s, expected 0.0 s"
import asyncio


async def main() -> None:
    await asyncio.sleep(1)
    print("hello")
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
