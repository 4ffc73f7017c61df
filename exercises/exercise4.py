"""Exercise 4: asyncio.gather.

``fetch`` is given: it pretends to download something by waiting ``delay``
seconds and then returns ``value``.

Write ``async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]``
that runs ``fetch(delay, value)`` for every ``(delay, value)`` in ``jobs``
*concurrently* with ``asyncio.gather`` and returns the values as a list.

* The result is in the order of ``jobs``, not in the order the fetches finish:
  ``fetch_all([(2, "a"), (1, "b")])`` returns ``["a", "b"]``.
* The whole call takes as long as the largest delay (2 s above, not 3 s).
* ``fetch_all([])`` returns ``[]`` at once.

The grader calls fetch_all() with several job lists on a virtual clock and
checks the returned list and how long it took. Check your work with:

    grade exercise4

---

演習 4: asyncio.gather

``fetch`` は用意されています。``delay`` 秒待ってから ``value`` を返すことで、
ダウンロードのふりをします。

``async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]`` を
書いてください。``jobs`` の各 ``(delay, value)`` について ``fetch(delay, value)``
を ``asyncio.gather`` で *並行に* 実行し、値のリストを返します。

* 結果は終わった順ではなく ``jobs`` の順です:
  ``fetch_all([(2, "a"), (1, "b")])`` は ``["a", "b"]`` を返します。
* 全体の所要時間は最大の delay と同じです（上の例では 3 秒ではなく 2 秒）。
* ``fetch_all([])`` はすぐに ``[]`` を返します。

採点ツールは仮想時計の上でいくつかの jobs を使って fetch_all() を呼び、
戻り値と所要時間を確認します。次のコマンドで確認できます:

    grade exercise4
"""
from __future__ import annotations

import asyncio


async def fetch(delay: float, value: str) -> str:
    """Given: wait ``delay`` seconds, then return ``value``."""
    await asyncio.sleep(delay)
    return value


async def fetch_all(jobs: list[tuple[float, str]]) -> list[str]:
    # TODO: run every fetch concurrently with asyncio.gather
    # and return the values in the order of `jobs`
    raise NotImplementedError


if __name__ == "__main__":
    print(asyncio.run(fetch_all([(2, "a"), (1, "b")])))
