"""Exercise 7: bounded concurrency.

``download`` is given: it pretends to download a page by waiting 1 second and
then returns ``"content of <url>"``.

Write ``async def download_all(urls: list[str], limit: int) -> list[str]``
that downloads every URL in ``urls`` with ``download``, with at most
``limit`` downloads in progress at any moment:

* As soon as one download finishes, the next one starts (do not wait for a
  whole batch of ``limit`` downloads to finish before starting more). With
  the given ``download``, 7 URLs and ``limit=3`` take 3 s.
* The result is in the order of ``urls``, not in the order the downloads
  finish. ``download_all([], 3)`` returns ``[]`` at once.
* ``limit=1`` downloads one page at a time, each as soon as the one before
  ends.
* ``limit`` smaller than 1 (0, or a negative number) raises ``ValueError``:
  check it first, even when ``urls`` is empty.
* Each call keeps to its own ``limit``: a second call in the same program,
  with another limit, must not reuse anything (a Semaphore, a list of pages)
  kept at module level by the first.

``asyncio.Semaphore(limit)`` lets at most ``limit`` tasks into an
``async with`` block at a time.

The grader swaps in its own ``download``, whose delays differ from URL to URL,
and checks on a virtual clock how many downloads run at once, when each one
starts, and the returned list. Check your work with:

    grade exercise7

---

演習 7: 同時実行数の制限

``download`` は用意されています。1 秒待ってから ``"content of <url>"`` を返すことで、
ページのダウンロードのふりをします。

``async def download_all(urls: list[str], limit: int) -> list[str]`` を
書いてください。``urls`` のすべての URL を ``download`` でダウンロードしますが、
同時に進行中のダウンロードはどの瞬間も ``limit`` 個までです。

* ダウンロードが 1 つ終わったら、すぐに次を開始します（``limit`` 個のまとまりが
  すべて終わるのを待ってから次をまとめて始めるのではありません）。用意された
  ``download`` では、7 個の URL と ``limit=3`` で 3 秒かかります。
* 結果は終わった順ではなく ``urls`` の順です。``download_all([], 3)`` はすぐに
  ``[]`` を返します。
* ``limit=1`` のときは 1 ページずつ、前のダウンロードが終わったらすぐに次を
  ダウンロードします。
* ``limit`` が 1 より小さい（0 または負の数）ときは ``ValueError`` を送出します。
  ``urls`` が空でも、最初にこれを確認してください。
* 呼び出しごとに、その呼び出しの ``limit`` を守ります。同じプログラムの中で
  別の limit で 2 回目を呼んだとき、1 回目がモジュールレベルに残したもの
  （Semaphore やページのリスト）を使い回してはいけません。

``asyncio.Semaphore(limit)`` を使うと、``async with`` ブロックに同時に入れる
タスクを ``limit`` 個までにできます。

採点ツールは URL ごとに待ち時間の違う自分の ``download`` に差し替え、仮想時計の上で、
同時にいくつのダウンロードが動くか、それぞれがいつ始まるか、返されたリストを
確認します。次のコマンドで確認できます:

    grade exercise7
"""
from __future__ import annotations

import asyncio


async def download(url: str) -> str:
    """Given: wait 1 second, then return the page's content."""
    await asyncio.sleep(1)
    return f"content of {url}"


async def download_all(urls: list[str], limit: int) -> list[str]:
    # TODO: download every URL with at most `limit` downloads at a time,
    # starting the next as soon as one finishes; results in the order of `urls`
    raise NotImplementedError


if __name__ == "__main__":
    pages = [f"https://example.com/{n}" for n in range(7)]
    print(asyncio.run(download_all(pages, 3)))
