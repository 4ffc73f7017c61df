# right: reconfigures stdout to UTF-8 at import, then writes encoded bytes to sys.stdout.buffer — grader should accept (issue 12)
import asyncio
import sys
import time

sys.stdout.reconfigure(encoding="utf-8")


def say(text: str) -> None:
    sys.stdout.buffer.write(f"{text}\n".encode("utf-8"))
    sys.stdout.buffer.flush()


async def say_after(delay: float, what: str) -> None:
    await asyncio.sleep(delay)
    say(what)


async def main() -> None:
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    say(f"started at {time.strftime('%X')}")
    await task1
    await task2
    say(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
