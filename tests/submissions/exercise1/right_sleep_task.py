# right: wraps the sleep in a task and awaits the task — grader should accept
import asyncio


async def main() -> None:
    print("hello")
    pause = asyncio.create_task(asyncio.sleep(1))
    await pause
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
