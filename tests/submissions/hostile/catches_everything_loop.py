# hostile: loops forever swallowing every exception (BaseException, so also KeyboardInterrupt / timeout exceptions / SystemExit) — grader's timeout must not rely on raising inside the code: kill the process and report a timeout
import asyncio


async def main() -> None:
    print("hello")
    while True:
        try:
            pass
        except BaseException:
            pass
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
