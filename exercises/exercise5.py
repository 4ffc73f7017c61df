"""Exercise 5: timeouts and cancellation.

Write ``async def with_timeout(aw, seconds: float, default=None)`` that
awaits ``aw`` (a coroutine, say) but gives up on it after ``seconds``:

* If ``aw`` finishes within ``seconds``, return its result, at the moment it
  finishes (not later): ``with_timeout(job(1, "done"), 3)`` returns
  ``"done"`` after 1 s.
* If it takes longer, cancel it (its ``finally`` blocks run and nothing of it
  keeps running) and return ``default`` after exactly ``seconds``:
  ``with_timeout(job(5, "late"), 2, "too slow")`` returns ``"too slow"``
  after 2 s.
* If ``aw`` raises an exception, that same exception comes out of
  ``with_timeout``; it is not turned into ``default``.

``asyncio.wait_for`` does most of this; mind which exception it raises when
the time is up (``asyncio.TimeoutError``).

The grader calls with_timeout() with its own awaitables on a virtual clock and
checks what it returns or raises, when, and what became of the awaitable.
Check your work with:

    grade exercise5

---

演習 5: タイムアウトとキャンセル

``async def with_timeout(aw, seconds: float, default=None)`` を書いてください。
``aw``（たとえばコルーチン）を await しますが、``seconds`` 秒たったら諦めます。

* ``aw`` が ``seconds`` 秒以内に終われば、その結果を、終わったその時に（遅れずに）
  返します: ``with_timeout(job(1, "done"), 3)`` は 1 秒後に ``"done"`` を返します。
* それより長くかかるなら、``aw`` をキャンセルし（その ``finally`` ブロックが実行され、
  何も動き続けません）、ちょうど ``seconds`` 秒後に ``default`` を返します:
  ``with_timeout(job(5, "late"), 2, "too slow")`` は 2 秒後に ``"too slow"`` を
  返します。
* ``aw`` が例外を送出したら、その同じ例外が ``with_timeout`` から出てきます。
  ``default`` に置き換えてはいけません。

``asyncio.wait_for`` がほとんどをやってくれます。時間切れのときに送出される例外
（``asyncio.TimeoutError``）に注意してください。

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
    # otherwise cancel it and return `default` (after exactly `seconds`)
    raise NotImplementedError


async def main() -> None:
    print(await with_timeout(job(1, "done"), 3))
    print(await with_timeout(job(5, "late"), 2, "too slow"))


if __name__ == "__main__":
    asyncio.run(main())
