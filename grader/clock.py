"""A virtual clock: time that moves only when told to.

Time is kept as an integer count of nanoseconds, so sums of float delays do not drift:
after sleeps of 0.1, 0.2 and 0.3 the clock reads exactly 0.6.
"""

from __future__ import annotations

import math
from collections.abc import Callable

TICKS_PER_SECOND = 1_000_000_000


def to_ticks(seconds: float) -> int:
    """Round a duration or an instant in seconds to whole ticks."""
    return round(seconds * TICKS_PER_SECOND)


class VirtualClock:
    """Virtual time, starting at 0 and only ever moving forward.

    >>> clock = VirtualClock()
    >>> clock.advance(0.1); clock.advance(0.2)
    >>> clock.time()
    0.3
    """

    def __init__(self) -> None:
        self._ticks = 0
        self._listeners: list[Callable[[int], None]] = []

    @property
    def ticks(self) -> int:
        return self._ticks

    def time(self) -> float:
        return self._ticks / TICKS_PER_SECOND

    def on_change(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(ticks)`` each time the clock moves."""
        self._listeners.append(listener)

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        if math.isnan(seconds) or seconds < 0:
            raise ValueError(f"time can't go backwards (asked to advance by {seconds!r} s)")
        if math.isinf(seconds):
            raise ValueError("time can't advance by an infinite amount")
        self._set(self._ticks + to_ticks(seconds))

    def advance_to(self, instant: float) -> None:
        """Move the clock to ``instant`` seconds; an instant already past is ignored."""
        if not math.isfinite(instant):
            raise ValueError(f"can't move the clock to {instant!r}")
        self._set(max(self._ticks, to_ticks(instant)))

    def _set(self, ticks: int) -> None:
        if ticks == self._ticks:
            return
        self._ticks = ticks
        for listener in self._listeners:
            listener(ticks)
