# wrong: returns the words instead of printing them (no output) — grader should say "nothing was printed; use print()"
import asyncio


async def main() -> None:
    await asyncio.sleep(1)
    return "hello\nworld"


if __name__ == "__main__":
    print(asyncio.run(main()))
