# hostile: ends the process with status 0 while it is being imported, before any check can run it
import os

os._exit(0)


async def main() -> None:
    print("hello")
