# right: waits on a future that loop.call_later resolves after 1 s — grader should accept (hello 0.0, world 1.0)
import asyncio


async def main() -> None:
    print("hello")
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(1, done.set_result, None)
    await done
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
