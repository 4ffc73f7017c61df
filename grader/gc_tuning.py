"""Fewer garbage collections while a virtual loop runs.

A fan-out keeps every task's coroutine, future and timer alive until its instant comes. Python's
cyclic collector walks the older generations again each time they have grown by a quarter, so
each task cost about twice as much at 100,000 tasks as at 1,000. While any virtual loop runs,
the youngest generation is collected less often, and the objects that were there before (the
grader, pytest) are frozen out of the walks. The last loop to stop puts both back.

The collector's settings are the process's, and loops may run in several threads at once
(``asyncio.run`` in a worker thread): the first loop to start changes them, the last to stop
restores them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between two collections of the youngest generation (Python's own: 700; 2,000 from
# 3.14). Higher leaves more garbage cycles waiting a while; this many stay a few megabytes.
YOUNG_THRESHOLD = 50_000


class _Tuning:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._saved: tuple[int, ...] = ()
        self._froze = False

    def hold(self) -> None:
        with self._lock:
            if self._holders == 0:
                self._saved = gc.get_threshold()
                gc.set_threshold(max(YOUNG_THRESHOLD, self._saved[0]), *self._saved[1:])
                # Someone else's frozen objects (a forked worker's, say) are theirs to thaw.
                self._froze = gc.get_freeze_count() == 0
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


def in_force() -> bool:
    """Whether some loop is running with the collector tuned."""
    return _tuning.held
