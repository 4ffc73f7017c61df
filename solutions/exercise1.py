"""Reference solution for exercise 1: your first coroutine.

``async def main() -> None`` prints ``hello``, waits 1 second without blocking
the event loop, then prints ``world``.
Expected: hello at 0.0 s, world at 1.0 s, main() finishes at 1.0 s.
"""
import asyncio


async def main() -> None:
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
