"""Exercise 2: awaiting one coroutine after another.

Write two coroutines:

* ``async def say_after(delay: float, what: str) -> None`` waits ``delay``
  seconds (with ``await asyncio.sleep``), then prints ``what``.
* ``async def main() -> None`` prints ``started at HH:MM:SS`` (use
  ``time.strftime('%X')``), awaits ``say_after(1, 'hello')`` and *then*
  ``say_after(2, 'world')``, and finally prints ``finished at HH:MM:SS``.

Expected: started at 0 s, hello at 1 s, world at 3 s, finished at 3 s; the
two clock strings are 3 seconds apart.

The grader runs main() on a virtual clock and checks the output lines, their
timing and the clock strings. Check your work with:

    grade exercise2

---

演習 2: コルーチンを順番に await する

次の 2 つのコルーチンを書いてください。

* ``async def say_after(delay: float, what: str) -> None`` は ``delay`` 秒
  （``await asyncio.sleep`` で）待ってから ``what`` を表示します。
* ``async def main() -> None`` は ``started at HH:MM:SS``
  （``time.strftime('%X')`` を使います）を表示し、``say_after(1, 'hello')``
  を await して、*その後で* ``say_after(2, 'world')`` を await し、最後に
  ``finished at HH:MM:SS`` を表示します。

期待される結果: 0 秒に started、1 秒に hello、3 秒に world、3 秒に finished。
2 つの時刻の差は 3 秒です。

採点ツールは仮想時計の上で main() を実行し、出力の行・タイミング・時刻の文字列を
確認します。次のコマンドで確認できます:

    grade exercise2
"""
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    # TODO: wait `delay` seconds, then print `what`
    raise NotImplementedError


async def main() -> None:
    # TODO: print "started at ...", await say_after(1, 'hello'),
    # then await say_after(2, 'world'), print "finished at ..."
    raise NotImplementedError


if __name__ == "__main__":
    asyncio.run(main())
