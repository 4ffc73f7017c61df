"""What a run left behind: printed lines and task lifetimes, stamped with virtual time."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

from .clock import TICKS_PER_SECOND


@dataclass(frozen=True)
class Line:
    """One printed line and the virtual time (seconds) at which it began."""

    time: float
    text: str


@dataclass
class TaskRecord:
    """One asyncio task's life in virtual seconds (``None``: did not happen)."""

    label: str
    name: str
    created: float
    started: float | None = None
    finished: float | None = None
    cancelled: bool = False
    error: BaseException | None = field(default=None, repr=False)

    @property
    def function(self) -> str:
        return self.label.split("(", 1)[0]

    @property
    def pending(self) -> bool:
        return self.finished is None


def coroutine_label(coro: object) -> str:
    """``say_after(1, 'hello')`` for a coroutine that has not started yet."""
    name = getattr(coro, "__qualname__", None) or type(coro).__name__
    try:
        arguments = inspect.getcoroutinelocals(coro)  # type: ignore[arg-type]
    except Exception:
        arguments = {}
    code = getattr(coro, "cr_code", None)
    if code is None or not arguments:
        return f"{name}()"
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    values = [arguments[n] for n in names if n in arguments]
    if code.co_flags & inspect.CO_VARARGS:  # a wrapper's *args: show what it was given
        values += list(arguments.get(code.co_varnames[len(names)], ()))
    shown = ", ".join(_short_repr(value) for value in values)
    return f"{name}({shown})"


def _short_repr(value: object, limit: int = 30) -> str:
    from .failures import plain_repr  # addresses in a label would make reports differ run to run

    text = plain_repr(value)
    if text.startswith("<"):  # an object shown by its state (a queue's contents...): its type says enough
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def seconds(ticks: int) -> float:
    return ticks / TICKS_PER_SECOND


def peak_concurrency(records: list[TaskRecord], function: str | None = None) -> int:
    """The largest number of tasks (running ``function``, if given) alive at one instant."""
    return peak_overlap(
        [
            (
                record.started if record.started is not None else record.created,
                record.finished if record.finished is not None else float("inf"),
            )
            for record in records
            if function is None or record.function == function
        ]
    )


def peak_overlap(intervals: list[tuple[float, float]]) -> int:
    """The most intervals open at one instant; one ending as another starts is no overlap."""
    events = [(start, 1) for start, end in intervals if end > start]
    events += [(end, -1) for start, end in intervals if end > start]
    peak = alive = 0
    for _, change in sorted(events):
        alive += change
        peak = max(peak, alive)
    return peak
