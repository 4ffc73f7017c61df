"""Exercise 3: tasks run at the same time.

Same ``say_after`` as in exercise 2, but this time ``main`` runs both calls
concurrently:

* ``async def say_after(delay: float, what: str) -> None`` waits ``delay``
  seconds (with ``await asyncio.sleep``), then prints ``what``.
* ``async def main() -> None`` starts ``say_after(1, 'hello')`` and
  ``say_after(2, 'world')`` as tasks with ``asyncio.create_task``, then prints
  ``started at HH:MM:SS`` (``time.strftime('%X')``), awaits both tasks, and
  prints ``finished at HH:MM:SS``.

Expected: started at 0 s, hello at 1 s, world at 2 s, finished at 2 s; the
two clock strings are 2 seconds apart (not 3!).

The grader runs main() on a virtual clock and checks the output lines, their
timing and the clock strings. Check your work with:

    grade exercise3

---

演習 3: タスクを並行に実行する

say_after は演習 2 と同じですが、今回は main で 2 つの呼び出しを並行に実行します。

* ``async def say_after(delay: float, what: str) -> None`` は ``delay`` 秒
  （``await asyncio.sleep`` で）待ってから ``what`` を表示します。
* ``async def main() -> None`` は ``asyncio.create_task`` で
  ``say_after(1, 'hello')`` と ``say_after(2, 'world')`` をタスクとして開始し、
  ``started at HH:MM:SS``（``time.strftime('%X')``）を表示し、両方のタスクを
  await してから ``finished at HH:MM:SS`` を表示します。

期待される結果: 0 秒に started、1 秒に hello、2 秒に world、2 秒に finished。
2 つの時刻の差は 2 秒です（3 秒ではありません）。

採点ツールは仮想時計の上で main() を実行し、出力の行・タイミング・時刻の文字列を
確認します。次のコマンドで確認できます:

    grade exercise3
"""
import asyncio
import time


async def say_after(delay: float, what: str) -> None:
    # TODO: wait `delay` seconds, then print `what`
    raise NotImplementedError


async def main() -> None:
    # TODO: create both tasks, print "started at ...",
    # await both tasks, print "finished at ..."
    raise NotImplementedError


if __name__ == "__main__":
    asyncio.run(main())
