# hostile: main uses an undefined name (typo "asycnio"), NameError after hello — grader should report the NameError with its line
import asyncio


async def main() -> None:
    print("hello")
    await asycnio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
