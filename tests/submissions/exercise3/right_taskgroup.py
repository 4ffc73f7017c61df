# right: uses asyncio.TaskGroup, which awaits both tasks when the block ends — grader should accept on 3.11+ (skip on 3.10)
# requires: 3.11
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(say_after(1, 'hello'))
        tg.create_task(say_after(2, 'world'))
        print(f"started at {time.strftime('%X')}")

    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
