"""What a run left behind: printed lines and task lifetimes, stamped with virtual time."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from .failures import plain_repr  # without addresses, which would make reports differ run to run

# Virtual seconds within which two instants count as the same (float sums of delays).
TOLERANCE = 1e-6
# Argument types whose values can't change after the call: shown as they are when the label is
# read. Exact types only, since a subclass may carry state of its own into its repr.
_IMMUTABLE = frozenset({int, float, complex, bool, str, bytes, type(None)})


@dataclass(frozen=True)
class Line:
    """One printed line and the virtual time (seconds) at which it began."""

    time: float
    text: str


class _Shown(str):
    """An argument written out when the call was made: its value may change while the task runs."""

    __slots__ = ()


# A call as made: the function's name and its arguments, each kept as it is (immutable) or shown.
Call = tuple[str, tuple[object, ...]]
_NO_CALL: Call = ("", ())


class TaskRecord:
    """One asyncio task's life in virtual seconds (``None``: did not happen).

    A loop records every task, so a record is kept small (slots, no dataclass machinery), and
    the label of a recorded call is written out only when it is first read.
    """

    __slots__ = ("_label", "_function", "_arguments", "name", "created", "started", "finished", "cancelled", "error")

    def __init__(
        self,
        label: str,
        name: str,
        created: float,
        started: float | None = None,
        finished: float | None = None,
        cancelled: bool = False,
        error: BaseException | None = None,
    ) -> None:
        self._label: str | None = label
        self._function, self._arguments = _NO_CALL
        self.name, self.created, self.started, self.finished = name, created, started, finished
        self.cancelled, self.error = cancelled, error

    @classmethod
    def of_coroutine(cls, coro: object, created: float) -> TaskRecord:
        """The record of a task about to run ``coro``, labelled with its call as made: arguments
        that may change while it runs (a dict it fills, say) are written out now."""
        record = cls.__new__(cls)  # set here, not through __init__: a loop makes one per task
        record._function, record._arguments = capture_call(coro)
        record._label, record.name, record.created = None, "", created
        record.started = record.finished = record.error = None
        record.cancelled = False
        return record

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = format_call((self._function, self._arguments))
            self._arguments = ()  # let go of the values
        return self._label

    @label.setter
    def label(self, label: str) -> None:
        self._label, (self._function, self._arguments) = label, _NO_CALL

    @property
    def function(self) -> str:
        return (self._function or self.label).split("(", 1)[0]

    @property
    def pending(self) -> bool:
        return self.finished is None

    def __repr__(self) -> str:
        return (
            f"TaskRecord(label={self.label!r}, name={self.name!r}, created={self.created!r}, "
            f"started={self.started!r}, finished={self.finished!r}, cancelled={self.cancelled!r})"
        )


def coroutine_label(coro: object) -> str:
    """``say_after(1, 'hello')`` for a coroutine that has not started yet (its locals change after)."""
    return format_call(capture_call(coro))


def capture_call(coro: object) -> Call:
    """The call that made ``coro``, as cheaply as can be kept: see :func:`format_call`."""
    try:  # a native coroutine, the common case, without looking up each attribute twice
        name, code, frame = coro.__qualname__ or type(coro).__name__, coro.cr_code, coro.cr_frame  # type: ignore[attr-defined]
    except AttributeError:
        return getattr(coro, "__qualname__", None) or type(coro).__name__, ()
    count = code.co_argcount + code.co_kwonlyargcount
    varargs = code.co_flags & inspect.CO_VARARGS
    if not (count or varargs):
        return name, ()  # nothing to show: its frame's locals need not be read
    arguments = frame.f_locals if frame is not None else {}
    values = [arguments[n] for n in code.co_varnames[:count] if n in arguments]
    if varargs:  # a wrapper's *args: show what it was given
        values += arguments.get(code.co_varnames[count], ())
    for index, value in enumerate(values):  # a plain loop: on 3.10 and 3.11 a comprehension costs a call
        if type(value) not in _IMMUTABLE:
            values[index] = _Shown(_short_repr(value))
    # A tuple of immutable values is dropped from the garbage collector's watch, a list is not.
    return name, tuple(values)


def format_call(call: Call) -> str:
    name, values = call
    return f"{name}({', '.join(value if type(value) is _Shown else _short_repr(value) for value in values)})"


def _short_repr(value: object, limit: int = 30) -> str:
    text = plain_repr(value)
    if text.startswith("<"):  # an object shown by its state (a queue's contents...): its type says enough
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
