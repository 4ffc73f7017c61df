"""Exercise 1: your first coroutine.

Write ``async def main() -> None`` that:

1. prints ``hello``,
2. waits 1 second *without blocking the event loop* (use ``await asyncio.sleep``),
3. prints ``world``.

Expected: hello at 0.0 s, world at 1.0 s, main() finishes at 1.0 s.

The grader runs your main() on a virtual clock and checks what is printed and
when. Don't call ``asyncio.run`` inside main(). Check your work with:

    grade exercise1

---

演習 1: はじめてのコルーチン

``async def main() -> None`` を書いてください。main() は

1. ``hello`` を表示し、
2. イベントループをブロックせずに 1 秒待ち（``await asyncio.sleep`` を使います）、
3. ``world`` を表示します。

期待される結果: 0.0 秒に hello、1.0 秒に world、main() は 1.0 秒で終了。

採点ツールは仮想時計の上で main() を実行し、何がいつ表示されたかを確認します。
main() の中で ``asyncio.run`` を呼ばないでください。次のコマンドで確認できます:

    grade exercise1
"""
import asyncio


async def main() -> None:
    # TODO: print hello, wait 1 second, print world
    raise NotImplementedError


if __name__ == "__main__":
    asyncio.run(main())
