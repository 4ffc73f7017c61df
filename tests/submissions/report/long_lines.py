# report attack: 10,000 lines of 10,000 characters each (100 MB of output)
async def main() -> None:
    line = "x" * 10_000
    for _ in range(10_000):
        print(line)
