"""Exercise 6: racing.

Write ``async def race(*aws)`` that runs all the awaitables ``aws``
(coroutines, Tasks or Futures) at the same time and returns the result of the
first one to finish:

* ``race(job(3, "slow"), job(1, "fast"), job(2, "medium"))`` returns
  ``"fast"`` after 1 s, not after 3 s.
* Before returning, cancel the others (all of them at once) *and wait until
  they have really stopped* (their ``finally`` blocks have run, even one that
  awaits): every task ``race`` started (and every Task it was given) is done
  at the moment ``race`` returns, as with ``asyncio.wait_for``,
  ``asyncio.timeout()`` and ``TaskGroup``.
* If the first to finish raised an exception, ``race`` raises that same
  exception (after cancelling the others, as above).
* ``race()`` with no awaitables raises ``ValueError``; with one, ``race``
  returns its result.
* If several finish at the same moment, the result of any of them will do.
* Each call starts afresh: keep nothing from one call to the next.

``asyncio.wait(..., return_when=asyncio.FIRST_COMPLETED)`` tells you which
finished first; ``asyncio.gather`` waits for all of them, which is not what you
want here.

The grader calls race() with its own awaitables on a virtual clock and checks
what it returns or raises, when, and what became of the other awaitables.
Check your work with:

    grade exercise6

---

演習 6: 競争（レース）

``async def race(*aws)`` を書いてください。awaitable ``aws``（コルーチン、Task、
または Future）をすべて同時に実行し、最初に終わったものの結果を返します。

* ``race(job(3, "slow"), job(1, "fast"), job(2, "medium"))`` は 3 秒後ではなく
  1 秒後に ``"fast"`` を返します。
* 返す前に、ほかのものを（すべて一度に）キャンセルし、*それらが本当に止まるまで*
  （``finally`` ブロックが、await するものも含めて実行されるまで）待ちます。
  ``race`` が始めたタスクはすべて（渡された Task も）、``race`` が返るその時には
  もう終わっています。``asyncio.wait_for``、``asyncio.timeout()``、``TaskGroup``
  と同じです。
* 最初に終わったものが例外を送出したなら、``race`` は（上と同じようにほかを
  キャンセルしてから）その同じ例外を送出します。
* awaitable が 1 つもない ``race()`` は ``ValueError`` を送出します。1 つだけなら、
  その結果を返します。
* 同時に終わったものが複数あれば、そのどれの結果でもかまいません。
* 呼び出しはそれぞれ独立です: ある呼び出しのことを次の呼び出しに持ち越さないで
  ください。

``asyncio.wait(..., return_when=asyncio.FIRST_COMPLETED)`` で最初に終わったものが
わかります。``asyncio.gather`` はすべてを待つので、ここでは使えません。

採点ツールは仮想時計の上で、自分で用意した awaitable を使って race() を呼び、
何を返したか・送出したか、いつか、そしてほかの awaitable がどうなったかを確認します。
次のコマンドで確認できます:

    grade exercise6
"""
from __future__ import annotations

import asyncio


async def job(delay: float, value: str) -> str:
    """An example awaitable to race: wait ``delay`` seconds, then return ``value``."""
    try:
        await asyncio.sleep(delay)
        return value
    finally:
        print(f"job({delay}, {value!r}) stopped")


async def race(*aws):
    # TODO: run every awaitable at the same time, return the first result,
    # after cancelling the others and waiting until they have stopped
    raise NotImplementedError


async def main() -> None:
    print(await race(job(3, "slow"), job(1, "fast"), job(2, "medium")))


if __name__ == "__main__":
    asyncio.run(main())
