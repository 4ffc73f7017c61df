# hostile: a busy loop inside a loop that swallows every exception, so a timeout raised inside it never escapes — the grader must end the process and report a timeout for that check only
import asyncio


async def main() -> None:
    print("hello")
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
