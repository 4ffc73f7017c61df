"""Exercise 8: a worker pool with asyncio.Queue.

``process`` is given: it pretends to work on one item by waiting 1 second and
then returns the item in capitals.

Write ``async def run_workers(items: list[str], workers: int) -> dict[str, str]``
that processes every item with a fixed number of worker tasks:

* Put the items (they are all different) on an ``asyncio.Queue``.
* Start exactly ``workers`` worker tasks, even when there are fewer items
  than workers. Each worker takes an item from the queue, awaits
  ``process(item)``, keeps the result, calls ``queue.task_done()``, and goes
  back for the next item.
* Wait until every item has been processed (``await queue.join()``), then
  stop the workers. Every task you started must be done at the very moment
  ``run_workers`` returns: ``task.cancel()`` only asks a task to stop, so wait
  until the cancelled workers have stopped
  (``await asyncio.gather(*tasks, return_exceptions=True)``) before returning,
  as ``asyncio.wait_for`` and ``asyncio.TaskGroup`` do.
* Return a dict ``{item: result}`` of this call's items only (a second call in
  the same program returns only its own):
  ``run_workers(["a", "b", "c"], 2)`` returns ``{"a": "A", "b": "B", "c": "C"}``.
* At most ``workers`` items are processed at the same time, so 5 items with
  2 workers take 3 s (1 s + 1 s + 1 s), not 1 s and not 5 s.
* ``workers`` smaller than 1 raises ``ValueError`` (check it first, even when
  ``items`` is empty); ``run_workers([], 3)`` returns ``{}`` at once.

The grader calls run_workers() on a virtual clock with its own ``process``,
and checks the result, how long it took, how many items were processed at the
same time, how many tasks were started, and that none is left running. Check
your work with:

    grade exercise8

---

演習 8: asyncio.Queue を使ったワーカープール

``process`` は用意されています。1 秒待ってから項目を大文字にして返すことで、
1 つの項目を処理するふりをします。

決まった数のワーカータスクですべての項目を処理する
``async def run_workers(items: list[str], workers: int) -> dict[str, str]``
を書いてください:

* 項目（すべて異なります）を ``asyncio.Queue`` に入れます。
* 項目がワーカーより少なくても、ちょうど ``workers`` 個のワーカータスクを開始
  します。各ワーカーはキューから項目を 1 つ取り出し、``process(item)`` を
  await して結果を保存し、``queue.task_done()`` を呼んでから次の項目を取りに
  戻ります。
* すべての項目の処理が終わるまで待ち（``await queue.join()``）、それから
  ワーカーを止めます。``run_workers`` が戻るまさにその瞬間に、開始したタスクは
  すべて終わっていなければなりません。``task.cancel()`` はタスクに止まるよう
  頼むだけなので、``asyncio.wait_for`` や ``asyncio.TaskGroup`` と同じように、
  キャンセルしたワーカーが止まるまで
  （``await asyncio.gather(*tasks, return_exceptions=True)``）待ってから戻ります。
* この呼び出しの項目だけの辞書 ``{項目: 結果}`` を返します（同じプログラムでの
  2 回目の呼び出しも、自分の項目の結果だけを返します）:
  ``run_workers(["a", "b", "c"], 2)`` は ``{"a": "A", "b": "B", "c": "C"}`` を返します。
* 同時に処理される項目は最大 ``workers`` 個なので、5 項目を 2 ワーカーで処理すると
  1 秒でも 5 秒でもなく 3 秒（1 秒 + 1 秒 + 1 秒）かかります。
* ``workers`` が 1 より小さいときは ``ValueError`` を送出します（``items`` が
  空でも、最初に確認します）。``run_workers([], 3)`` はすぐに ``{}`` を返します。

採点ツールは仮想時計の上で、独自の ``process`` を使って run_workers() を呼び、
結果・所要時間・同時に処理された項目の数・開始されたタスクの数・動いたままの
タスクがないことを確認します。次のコマンドで確認できます:

    grade exercise8
"""

from __future__ import annotations

import asyncio


async def process(item: str) -> str:
    """Given: wait 1 second, then return ``item`` in capitals."""
    await asyncio.sleep(1)
    return item.upper()


async def run_workers(items: list[str], workers: int) -> dict[str, str]:
    # TODO: raise ValueError if workers < 1; put the items on an asyncio.Queue;
    # start `workers` worker tasks; await queue.join(); stop the workers;
    # return {item: result}
    raise NotImplementedError


if __name__ == "__main__":
    print(asyncio.run(run_workers(["a", "b", "c", "d", "e"], 2)))
