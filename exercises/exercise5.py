"""Exercise 5: timeouts and cancellation.

Write ``async def with_timeout(aw, seconds: float, default=None)`` that
awaits ``aw`` (a coroutine, a Task or a Future) but gives up on it after
``seconds``:

* If ``aw`` finishes within ``seconds``, return its result, at the moment it
  finishes (not later): ``with_timeout(job(1, "done"), 3)`` returns
  ``"done"`` after 1 s.
* If it takes longer, cancel it, wait until it has stopped (its ``finally``
  blocks have run, even one that awaits), then return ``default``: after
  exactly ``seconds`` for work that stops at once.
  ``with_timeout(job(5, "late"), 2, "too slow")`` returns ``"too slow"``
  after 2 s.
* Nothing is left running: every task ``with_timeout`` started (and ``aw``,
  if it is a Task) is done at the moment it returns, as with
  ``asyncio.wait_for``, ``asyncio.timeout()`` and ``TaskGroup``.
* If ``aw`` raises an exception, that same exception comes out of
  ``with_timeout``; it is not turned into ``default``, not even a
  ``TimeoutError`` that ``aw`` raises itself.
* With ``seconds <= 0`` the time is already up: cancel ``aw`` and return
  ``default`` at once.
* Work that finishes at the very instant the time is up may go either way.
* Each call starts afresh: keep nothing from one call to the next.

``asyncio.wait_for`` does most of this; mind which exception it raises when
the time is up (``asyncio.TimeoutError``), and that ``aw`` may raise one of
its own.

The grader calls with_timeout() with its own awaitables on a virtual clock and
checks what it returns or raises, when, and what became of the awaitable.
Check your work with:

    grade exercise5

---

演習 5: タイムアウトとキャンセル

``async def with_timeout(aw, seconds: float, default=None)`` を書いてください。
``aw``（コルーチン、Task、または Future）を await しますが、``seconds`` 秒たったら
諦めます。

* ``aw`` が ``seconds`` 秒以内に終われば、その結果を、終わったその時に（遅れずに）
  返します: ``with_timeout(job(1, "done"), 3)`` は 1 秒後に ``"done"`` を返します。
* それより長くかかるなら、``aw`` をキャンセルし、それが止まるまで（その ``finally``
  ブロックが、await するものも含めて実行されるまで）待ってから ``default`` を返します。
  すぐに止まる処理なら、ちょうど ``seconds`` 秒後です:
  ``with_timeout(job(5, "late"), 2, "too slow")`` は 2 秒後に ``"too slow"`` を
  返します。
* 何も動き続けてはいけません: ``with_timeout`` が始めたタスクはすべて（``aw`` が
  Task ならそれも）、返るその時にはもう終わっています。``asyncio.wait_for``、
  ``asyncio.timeout()``、``TaskGroup`` と同じです。
* ``aw`` が例外を送出したら、その同じ例外が ``with_timeout`` から出てきます。
  ``default`` に置き換えてはいけません。``aw`` 自身が送出した ``TimeoutError``
  も同じです。
* ``seconds <= 0`` なら時間はもう切れています: ``aw`` をキャンセルし、すぐに
  ``default`` を返します。
* 時間が切れるちょうどその瞬間に終わった処理は、どちらの扱いでもかまいません。
* 呼び出しはそれぞれ独立です: ある呼び出しのことを次の呼び出しに持ち越さないで
  ください。

``asyncio.wait_for`` がほとんどをやってくれます。時間切れのときに送出される例外
（``asyncio.TimeoutError``）と、``aw`` 自身も同じ例外を送出しうることに注意して
ください。

採点ツールは仮想時計の上で、自分で用意した awaitable を使って with_timeout() を呼び、
何を返したか・送出したか、いつか、そして awaitable がどうなったかを確認します。
次のコマンドで確認できます:

    grade exercise5
"""
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to try with_timeout on: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


async def with_timeout(aw, seconds: float, default=None):
    # TODO: return the result of `aw` if it finishes within `seconds`;
    # otherwise cancel it, wait until it has stopped, and return `default`
    raise NotImplementedError


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
