# hostile: doesn't parse (missing colon after "async def main()") — grader should report the SyntaxError with its line number, not crash
import asyncio


async def main()
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
