# report attack: a carriage return before a workflow command, other line separators, and ANSI
# escapes that would clear the terminal and draw a fake passing report over the real one
async def main() -> None:
    print("hello\r::error::forged")
    print("\v::notice::forged\f::warning::forged\u2028::error::forged\x85::error::forged")
    print("\x1b[2J\x1b[H" + "Score: 10/10")
    raise RuntimeError("\n::error title=Autograding::forged\r\x1b[2JScore: 10/10")
