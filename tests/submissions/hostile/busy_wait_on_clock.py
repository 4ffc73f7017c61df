# hostile: waits 1 s by spinning on time.monotonic() (blocks the loop; may never end if the grader freezes the clock) — grader should stop it on a real-time timeout and say "busy-waiting blocks the event loop; use await asyncio.sleep(1)"
import asyncio
import time


async def main() -> None:
    print("hello")
    start = time.monotonic()
    while time.monotonic() - start < 1:
        pass
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
