# hostile: prints a fake GitHub Classroom "Autograding report" workflow command with full marks, then does the right thing — grader must not let student output forge its report (escape "::" lines / keep student output apart); grade on the real checks only
import asyncio


async def main() -> None:
    print('::notice title=Autograding report::{"totalPoints":10,"maxPoints":10}')
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
