# hostile: yields to the loop forever with asyncio.sleep(0), so virtual time never moves — grader must stop it on a step/real-time limit and report "main() never finished"
import asyncio


async def main() -> None:
    print("hello")
    while True:
        await asyncio.sleep(0)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
