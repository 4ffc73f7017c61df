"""Exercise 9: failures in concurrent work.

``fetch`` is given: it pretends to download something by waiting ``delay``
seconds; then it returns ``value``, or, when ``value`` starts with ``"!"``,
it fails with ``LookupError(value)``.

Write ``async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]``
that runs ``fetch(delay, value)`` for every ``(delay, value)`` in ``jobs``
*concurrently*, where one failure must neither stop nor lose the others:

* The result has one entry per job, in the order of ``jobs``: the value the
  fetch returned, or, for a fetch that failed, the exception object itself
  (not its message). ``fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])``
  returns ``["a", LookupError("!b"), "c"]``. A fetch may fail with any
  exception, not only ``LookupError`` (the grader's own fetch does).
* ``fetch_all_safe`` itself does not raise, not even when every fetch fails,
  and no fetch is cancelled because another one failed.
* Each call runs ``fetch`` for each of its own jobs and returns only their
  results: nothing kept from an earlier call (a cache, a list at module
  level) may take their place.
* The whole call takes as long as the largest delay (3 s above, not 6 s).
* ``fetch_all_safe([])`` returns ``[]`` at once.

The grader calls fetch_all_safe() with several job lists on a virtual clock,
also with a ``fetch`` of its own, and checks the returned list, how long it
took, and that every fetch ran to its end. Check your work with:

    grade exercise9

---

演習 9: 並行処理での失敗

``fetch`` は用意されています。``delay`` 秒待ってダウンロードのふりをしてから
``value`` を返します。ただし ``value`` が ``"!"`` で始まるときは
``LookupError(value)`` で失敗します。

``async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]``
を書いてください。``jobs`` の各 ``(delay, value)`` について ``fetch(delay, value)``
を *並行に* 実行します。1 つが失敗しても、ほかを止めたり失ったりしてはいけません:

* 結果はジョブごとに 1 つ、``jobs`` の順に並びます。fetch が返した値、または
  失敗した fetch については例外オブジェクトそのもの（メッセージではなく）です。
  ``fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])`` は
  ``["a", LookupError("!b"), "c"]`` を返します。fetch は ``LookupError`` に限らず
  どんな例外でも失敗しえます（採点ツールの fetch はそうします）。
* ``fetch_all_safe`` 自体は、すべての fetch が失敗したときでも例外を送出せず、
  ほかの fetch が失敗したせいでキャンセルされる fetch もありません。
* 呼び出しごとに、自分のジョブそれぞれについて ``fetch`` を実行し、その結果だけを
  返します。前の呼び出しから残したもの（キャッシュやモジュールレベルのリスト）で
  代わりにしてはいけません。
* 全体の所要時間は最大の delay と同じです（上の例では 6 秒ではなく 3 秒）。
* ``fetch_all_safe([])`` はすぐに ``[]`` を返します。

採点ツールは仮想時計の上で、独自の ``fetch`` も使いながら、いくつかの jobs で
fetch_all_safe() を呼び、戻り値・所要時間・すべての fetch が最後まで実行された
ことを確認します。次のコマンドで確認できます:

    grade exercise9
"""

from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``; fail if it starts with "!"."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise LookupError(value)
    return value


async def fetch_all_safe(jobs: list[tuple[float, str]]) -> list[str | BaseException]:
    # TODO: run every fetch concurrently; return each value, or the exception
    # it raised, in the order of `jobs`
    raise NotImplementedError


if __name__ == "__main__":
    print(asyncio.run(fetch_all_safe([(2, "a"), (1, "!b"), (3, "c")])))
