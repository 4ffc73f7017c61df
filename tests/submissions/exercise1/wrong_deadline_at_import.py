# wrong: works out when world is due once, at import, and sleeps until then: right when main() runs at once, but a later (or second) call prints world straight after hello — grader should say "wait a duration from the moment main() is called"
import asyncio
import time

WORLD_DUE = time.monotonic() + 1


async def main() -> None:
    print("hello")
    await asyncio.sleep(WORLD_DUE - time.monotonic())
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
