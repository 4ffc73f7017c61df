# hostile: sleeps 1 s forever in a loop (never finishes; on a virtual clock time races ahead) — grader should stop at a virtual-time limit and report "main() did not finish within N s"
import asyncio


async def main() -> None:
    print("hello")
    while True:
        await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
