# wrong: wakes at loop time 1 with call_at(1, ...), as if the loop's clock always started at 0 (a real loop's clock doesn't): a later (or second) call prints world straight after hello — grader should say "not until a fixed loop time"
import asyncio


async def main() -> None:
    loop = asyncio.get_running_loop()
    woken = loop.create_future()
    print("hello")
    loop.call_at(1, woken.set_result, None)
    await woken
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
