"""Reference solution for exercise 3: tasks run at the same time.

``main()`` starts ``say_after(1, 'hello')`` and ``say_after(2, 'world')`` with
``asyncio.create_task``, prints ``started at HH:MM:SS``, awaits both tasks and
prints ``finished at HH:MM:SS``.
Expected: hello at 1 s, world at 2 s, the clock strings 2 s apart.
"""
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))

    print(f"started at {time.strftime('%X')}")

    # Wait until both tasks are completed (about 2 seconds).
    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
