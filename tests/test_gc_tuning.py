"""The garbage collector while virtual loops run: collected less often, the older objects frozen
out of the walks, and everything as it was once the last loop has stopped."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator

import pytest

from grader.gc_tuning import OLDER_THRESHOLD, YOUNG_THRESHOLD, fewer_collections, in_force
from grader.loop import VirtualEventLoop


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    """Each test starts and ends with the collector as Python sets it, nothing frozen."""
    saved = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.set_threshold(*saved)
    gc.unfreeze()


def test_while_a_loop_runs_every_generation_is_collected_less_often_and_older_objects_are_frozen() -> None:
    before = gc.get_threshold()
    seen: list[tuple[tuple[int, ...], int, bool]] = []

    async def main() -> None:
        seen.append((gc.get_threshold(), gc.get_freeze_count(), in_force()))

    loop = VirtualEventLoop()
    try:
        loop.run_until_complete(main())
    finally:
        loop.close()
    [(during, frozen, held)] = seen
    assert during == (max(YOUNG_THRESHOLD, before[0]), max(OLDER_THRESHOLD, before[1]), *before[2:])
    assert frozen > 0 and held
    assert (gc.get_threshold(), gc.get_freeze_count(), in_force()) == (before, 0, False)


def test_a_loop_that_raises_puts_the_collector_back_too() -> None:
    before = gc.get_threshold()

    async def fails() -> None:
        raise ValueError("boom")

    loop = VirtualEventLoop()
    try:
        with pytest.raises(ValueError):
            loop.run_until_complete(fails())
    finally:
        loop.close()
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


def test_loops_in_two_threads_put_it_back_only_when_the_last_one_stops() -> None:
    before = gc.get_threshold()
    first_running, second_done = threading.Event(), threading.Event()
    after_second: list[tuple[int, ...]] = []

    async def waits_for_the_other() -> None:
        first_running.set()
        await asyncio.to_thread(second_done.wait, 10)
        after_second.append(gc.get_threshold())

    def second() -> None:
        first_running.wait(10)
        loop = VirtualEventLoop()
        try:
            loop.run_until_complete(asyncio.sleep(1))
        finally:
            loop.close()
            second_done.set()

    thread = threading.Thread(target=second)
    thread.start()
    loop = VirtualEventLoop()
    try:
        loop.run_until_complete(waits_for_the_other())
    finally:
        loop.close()
        thread.join()
    assert after_second == [(max(YOUNG_THRESHOLD, before[0]), max(OLDER_THRESHOLD, before[1]), *before[2:])]
    assert (gc.get_threshold(), gc.get_freeze_count()) == (before, 0)


def test_objects_someone_else_froze_are_neither_frozen_again_nor_thawed(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.freeze()
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    with fewer_collections():
        pass
    assert calls == []
    assert gc.get_freeze_count() > 0


def test_higher_thresholds_set_before_are_kept_while_a_loop_runs() -> None:
    higher = (YOUNG_THRESHOLD * 2, OLDER_THRESHOLD * 2, 30)
    gc.set_threshold(*higher)
    with fewer_collections():
        assert gc.get_threshold()[:2] == higher[:2]
    assert gc.get_threshold()[:2] == higher[:2]


def test_a_fork_freezes_the_objects_for_the_child_alone_and_its_loops_leave_them_frozen() -> None:
    from grader import remote

    def in_the_child() -> dict:
        loop = VirtualEventLoop()
        try:
            loop.run_until_complete(asyncio.sleep(1))
        finally:
            loop.close()
        return {"frozen": gc.get_freeze_count()}

    reply = remote.call(in_the_child, timeout=10)

    assert reply.message is not None and reply.message["frozen"] > 0
    assert gc.get_freeze_count() == 0  # the parent's garbage is collected as before
