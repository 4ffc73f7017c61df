# hostile: writes 100 MB to stdout (100 lines of 1 MB) and never prints hello
import sys


async def main() -> None:
    line = "x" * (1 << 20) + "\n"
    for _ in range(100):
        sys.stdout.write(line)
