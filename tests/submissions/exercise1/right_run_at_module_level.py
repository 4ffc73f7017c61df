# right: correct main(), but the student deleted the __main__ guard, so asyncio.run(main()) runs at import — grader should still accept without a real 1 s wait
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


asyncio.run(main())
