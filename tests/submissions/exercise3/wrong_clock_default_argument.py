# wrong: a helper prints the clock through a default argument, which Python works out once, when the function is defined (at import): `finished at` shows the reading of `started at` — grader should say the clock was read once
import asyncio
import time


def stamp(what: str, clock: str = time.strftime('%X')) -> None:
    print(f"{what} at {clock}")


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
