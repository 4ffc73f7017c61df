# right: logs every line to stdout (basicConfig at import, message only) instead of printing — grader should accept (issue 12)
import asyncio
import logging
import sys
import time

logging.basicConfig(stream=sys.stdout, format="%(message)s", level=logging.INFO)


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    logging.info(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    logging.info("started at %s", time.strftime("%X"))
    await task1
    await task2
    logging.info("finished at %s", time.strftime("%X"))


if __name__ == "__main__":
    asyncio.run(main())
