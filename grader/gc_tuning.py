"""Fewer garbage collections while a virtual loop runs.

A fan-out keeps every task's coroutine, future and timer alive until its instant comes (about
20 tracked objects a task). With Python's settings the collector walks them again and again as
they age: at 100,000 tasks each task cost half as much again as at 1,000, mostly in cache misses
of those walks. While any virtual loop runs, the young generation is collected less often,
the older ones far less often (not at all in a run of 100,000 tasks), and the objects that were
there before (the grader, pytest) are frozen out of the walks. The last loop to stop puts it all
back. The price: a garbage cycle that outlives a young collection waits longer to be freed.

The collector's settings are the process's, and loops may run in several threads at once
(``asyncio.run`` in a worker thread): the first loop to start changes them, the last to stop
restores them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between two collections of the young generation (Python's own: 700; 2,000 from 3.13).
# Higher leaves more garbage cycles waiting a while; this many stay a few megabytes.
YOUNG_THRESHOLD = 50_000
# Young collections between two of the middle generation (Python's: 10): once every 5,000,000
# allocations. On 3.14, whose collector is incremental, it is how slowly the old one is scanned.
OLDER_THRESHOLD = 100


class _Tuning:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._saved: tuple[int, ...] = ()
        self._froze = False
        self.frozen_before_fork = False

    def hold(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._saved = gc.get_threshold()
                young, older, *oldest = self._saved
                gc.set_threshold(max(YOUNG_THRESHOLD, young), max(OLDER_THRESHOLD, older), *oldest)
                # Someone else's frozen objects (a forked worker's, say) are theirs to thaw. Counting
                # them walks every one (milliseconds in a forked child): not when the fork said so.
                self._froze = not self.frozen_before_fork and gc.get_freeze_count() == 0
                if self._froze:
                    gc.freeze()
            self._holders += 1

    def release(self) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0:
                gc.set_threshold(*self._saved)
                if self._froze:
                    gc.unfreeze()

    @property
    def held(self) -> bool:
        return self._holders > 0


_tuning = _Tuning()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often until the ``with`` ends (and every other one like it)."""
    _tuning.hold()
    try:
        yield
    finally:
        _tuning.release()


def freeze_before_fork() -> None:
    """Freeze every object there is, as the gc documentation advises before a fork: the child
    would otherwise walk (and so copy) them all in its first full collection. Its loops then
    leave them frozen."""
    gc.freeze()
    _tuning.frozen_before_fork = True


def thaw_after_fork() -> None:
    """In the parent, right after the fork: its objects are collected again as they were."""
    gc.unfreeze()
    _tuning.frozen_before_fork = False


def in_force() -> bool:
    """Whether some loop is running with the collector tuned."""
    return _tuning.held
