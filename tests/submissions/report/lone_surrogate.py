# report attack: text that is not valid UTF-8 (a lone surrogate), printed and raised
async def main() -> None:
    print("\udcff")
    raise ValueError("bad \udcff text")
