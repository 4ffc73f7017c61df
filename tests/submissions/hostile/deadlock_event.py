# hostile: awaits an asyncio.Event that nobody sets, so the loop has nothing scheduled — grader should detect the deadlock and report "main() is waiting for something that never happens"
import asyncio


async def main() -> None:
    print("hello")
    ready = asyncio.Event()
    await ready.wait()
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
