"""A virtual clock: time that moves only when told to.

Time is kept as an integer count of nanoseconds, so sums of float delays do not drift:
after sleeps of 0.1, 0.2 and 0.3 the clock reads exactly 0.6.
"""

from __future__ import annotations

import math
from collections.abc import Callable

TICKS_PER_SECOND = 1_000_000_000

Listener = Callable[[int], None]


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
        # Kept beside the ticks: an event loop reads the time several times per timer.
        self._seconds = 0.0
        # A tuple, replaced rather than changed: a thread that moves the clock (time.sleep in a
        # worker) may call the listeners while another adds or removes one.
        self._listeners: tuple[Listener, ...] = ()

    @property
    def ticks(self) -> int:
        return self._ticks

    def time(self) -> float:
        return self._seconds

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(ticks)`` each time the clock moves."""
        self._listeners = (*self._listeners, listener)

    def off_change(self, listener: Listener) -> None:
        """Stop calling ``listener`` (added with :meth:`on_change`); one not added is ignored."""
        kept = list(self._listeners)
        if listener in kept:
            kept.remove(listener)
        self._listeners = tuple(kept)

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

    def advance_to_ticks(self, ticks: int) -> None:
        """Move the clock to ``ticks``, for a caller that already holds whole ticks (an event loop)."""
        if ticks > self._ticks:
            self._set(ticks)

    def _set(self, ticks: int) -> None:
        if ticks == self._ticks:
            return
        self._ticks = ticks
        self._seconds = ticks / TICKS_PER_SECOND
        for listener in self._listeners:
            listener(ticks)
