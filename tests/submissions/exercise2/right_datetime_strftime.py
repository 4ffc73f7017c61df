# right: uses datetime.now().strftime('%X') instead of time.strftime — same HH:MM:SS format, grader should accept (its clock check must also cover datetime, or not rely on time.strftime alone)
import asyncio
from datetime import datetime


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    print(what)


async def main() -> None:
    print(f"started at {datetime.now().strftime('%X')}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    print(f"finished at {datetime.now().strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
