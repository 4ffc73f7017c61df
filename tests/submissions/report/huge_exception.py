# report attack: an exception whose message is 30 MB long
async def main() -> None:
    raise ValueError("y" * 30_000_000)
