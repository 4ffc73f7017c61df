"""Exercise 10: asyncio inside a running loop (notebooks).

``asyncio.run(main())`` is how a script starts asyncio. In a Jupyter or Colab
notebook, though, an event loop is already running while your cell runs, and
there ``asyncio.run()`` fails with "asyncio.run() cannot be called from a
running event loop".

Write a plain function (``def``, not ``async def``) ``def run_sync(aw)`` that
runs the awaitable ``aw`` (a coroutine such as ``fetch(1, "x")``) to the end
and returns its result, wherever it is called from:

* From plain code, where no event loop is running: ``run_sync(fetch(1, "x"))``
  returns ``"x"`` after 1 s.
* From code that runs inside an event loop, as a notebook cell does (the
  grader calls it from within a coroutine): same result, same time.
* If the coroutine raises an exception, ``run_sync`` raises that exception.
* It waits as long as the coroutine takes, however long that is: no timeout.
* It works every time it is called, and also inside a coroutine that
  ``run_sync`` itself is running (one call nested in another).
* Every event loop ``run_sync`` creates is closed before it returns, also
  when the coroutine raises.
* Don't use ``nest_asyncio``: it is not installed here. Hint: a thread can run
  only one event loop at a time, but another thread can run a new one.

The grader calls run_sync() on a virtual clock, from plain code, from inside a
running event loop and nested, twice in a row, with coroutines that return a
value, raise, or take 600 s. It checks that the coroutine itself ran, what
run_sync returns or raises, how long it took, and that the event loops it
created are closed. Check your work with:

    grade exercise10

---

演習 10: 実行中のループの中の asyncio（ノートブック）

スクリプトでは ``asyncio.run(main())`` で asyncio を始めます。しかし Jupyter や
Colab のノートブックでは、セルの実行中にすでにイベントループが動いているため、
``asyncio.run()`` は "asyncio.run() cannot be called from a running event loop"
で失敗します。

通常の関数（``async def`` ではなく ``def``）``def run_sync(aw)`` を書いてください。
どこから呼ばれても、awaitable ``aw``（``fetch(1, "x")`` のようなコルーチン）を
最後まで実行し、その結果を返します:

* イベントループが動いていない通常のコードから: ``run_sync(fetch(1, "x"))`` は
  1 秒後に ``"x"`` を返します。
* ノートブックのセルのように、イベントループの中で動いているコードから
  （採点ツールはコルーチンの中から呼びます）: 同じ結果を同じ時間で返します。
* コルーチンが例外を送出したら、``run_sync`` はその例外を送出します。
* コルーチンにかかる時間がどれほど長くても、終わるまで待ちます（タイムアウトは
  付けません）。
* 何度呼ばれても動きます。``run_sync`` 自身が実行しているコルーチンの中から
  呼ばれても（呼び出しの入れ子）動きます。
* ``run_sync`` が作ったイベントループは、コルーチンが例外を送出した場合も含めて、
  戻る前にすべて close します。
* ``nest_asyncio`` は使わないでください（ここにはインストールされていません）。
  ヒント: 1 つのスレッドが同時に動かせるイベントループは 1 つだけですが、
  別のスレッドなら新しいループを動かせます。

採点ツールは仮想時計の上で、通常のコードから・実行中のイベントループの中から・
入れ子で・2 回続けて、値を返すコルーチン、例外を送出するコルーチン、600 秒かかる
コルーチンを使って run_sync() を呼びます。コルーチン自体が実行されたこと、
戻り値または送出された例外・所要時間・作られたイベントループが close されたことを
確認します。次のコマンドで確認できます:

    grade exercise10
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


def run_sync(aw: Awaitable[T]) -> T:
    # TODO: if no event loop is running here, run `aw` with asyncio.run();
    # if one is, run it on a new event loop in another thread and wait for it
    raise NotImplementedError


async def notebook_cell() -> None:
    """What a notebook cell does: plain code, but inside a running event loop."""
    print(run_sync(fetch(1, "from inside a loop")))


if __name__ == "__main__":
    print(run_sync(fetch(1, "from plain code")))
    asyncio.run(notebook_cell())
