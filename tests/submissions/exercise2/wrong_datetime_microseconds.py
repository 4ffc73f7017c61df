# wrong: prints datetime.now() directly, e.g. "started at 2024-05-01 10:00:00.123456" — grader should say "expected 'started at HH:MM:SS' (use time.strftime('%X'))"
import asyncio
from datetime import datetime


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {datetime.now()}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {datetime.now()}")


if __name__ == "__main__":
    asyncio.run(main())
