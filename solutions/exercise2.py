"""Reference solution for exercise 2: awaiting one coroutine after another.

``say_after(delay, what)`` waits ``delay`` seconds then prints ``what``;
``main()`` prints ``started at HH:MM:SS``, awaits ``say_after(1, 'hello')``
then ``say_after(2, 'world')``, and prints ``finished at HH:MM:SS``.
Expected: hello at 1 s, world at 3 s, the clock strings 3 s apart.
"""
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {time.strftime('%X')}")

    await say_after(1, 'hello')
    await say_after(2, 'world')

    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
