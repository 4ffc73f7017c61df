# hostile: spins forever in main with no await, so the event loop never gets control back — grader must kill it on a real-time timeout and report "main() never finished (infinite loop without await?)"
import asyncio


async def main() -> None:
    print("hello")
    while True:
        pass
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
