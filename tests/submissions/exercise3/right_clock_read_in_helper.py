# right: a helper reads the clock each time it is called — grader should accept, however late main() is called and however often
import asyncio
import time


def stamp(what: str) -> None:
    print(f"{what} at {time.strftime('%X')}")


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    stamp("started")
    await task1
    await task2
    stamp("finished")


if __name__ == "__main__":
    asyncio.run(main())
