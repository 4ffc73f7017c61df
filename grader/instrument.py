"""Stand-ins for a student's (or a given) coroutine function that note every call in virtual time."""

from __future__ import annotations

import asyncio
import functools
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import observed
from .failures import plain_repr
from .render_timeline import task_chart
from .timeline import TaskRecord, peak_overlap
from .wire import Decoder, Encoder


@dataclass
class Call:
    """One awaited call: its arguments and when it started and finished (virtual seconds)."""

    args: tuple
    started: float
    finished: float | None = None
    outcome: str = "running"  # then "returned", "raised" or "cancelled"
    error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.finished is not None

    @property
    def returned(self) -> bool:
        return self.outcome == "returned"


class Calls(list, observed.Observed):
    """The calls a :func:`spy` saw of ``name``, in the order they started."""

    def __init__(self, name: str = "") -> None:
        super().__init__()
        self.name = name
        self.observe()

    def observation(self, encoder: Encoder) -> Any:
        return [
            [encoder.value(c.args), c.started, c.finished, c.outcome, encoder.value(c.error) if c.error else None]
            for c in self
        ]

    def restore(self, decoder: Decoder, data: Any) -> None:
        self[:] = [
            Call(tuple(decoder.value(args)), float(started), _number(finished), str(outcome), _error(decoder, error))
            for args, started, finished, outcome, error in data
        ]

    def label(self, call: Call) -> str:
        """``fetch(1, '!b')``: how messages name one call."""
        return f"{self.name}({', '.join(map(plain_repr, call.args))})"

    def chart(self) -> str:
        """One bar per call over virtual time (for ``details=``), saying how each ended."""
        if not self:
            return f"    ({self.name}() was never called)"
        return task_chart(
            [
                TaskRecord(self.label(c), "", c.started, c.started, c.finished, c.outcome == "cancelled", c.error)
                for c in self
            ]
        )

    def arguments(self) -> list[tuple]:
        return [call.args for call in self]

    def peak(self) -> int:
        """The most calls in progress at one virtual instant."""
        return peak_overlap([(c.started, c.finished if c.done else float("inf")) for c in self])

    def one_after_another(self) -> bool:
        """Each call started only once the one before had returned."""
        return all(a.returned and b.started >= a.finished for a, b in zip(self, self[1:], strict=False))


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _error(decoder: Decoder, data: Any) -> BaseException | None:
    return None if data is None else decoder.value(data)


def spy(module: Any, name: str, replacement: Callable[..., Any] | None = None) -> Calls:
    """Replace ``module.name`` with a wrapper that records each call, then runs the original
    (or ``replacement``, a coroutine function with the same signature, say with other delays).

    On the student's module (the ``student`` fixture) the wrapper is set in each run's sandbox,
    and the calls it saw come back with the run.
    """
    from .student import StudentModule

    if isinstance(module, StudentModule):
        return module.spy(name, replacement, _attach, Calls(name))
    return _attach(module, name, replacement, Calls(name))


def _attach(module: types.ModuleType, name: str, replacement: Callable[..., Any] | None, calls: Calls) -> Calls:
    target = replacement or getattr(module, name)

    @functools.wraps(getattr(module, name))
    async def recorded(*args: Any, **kwargs: Any) -> Any:
        call = Call(args + tuple(kwargs.values()), asyncio.get_running_loop().time())
        calls.append(call)
        try:
            value = await target(*args, **kwargs)
        except asyncio.CancelledError:
            call.outcome = "cancelled"
            raise
        except BaseException as error:
            call.outcome, call.error = "raised", error
            raise
        else:
            call.outcome = "returned"
            return value
        finally:
            call.finished = asyncio.get_running_loop().time()

    setattr(module, name, recorded)
    return calls


@dataclass
class Job(observed.Observed):
    """Work a check hands to student code: ``job.coroutine()`` waits ``delay`` s, then returns
    ``value`` (or raises ``error``), noting in virtual seconds when it started and how it ended.

    >>> slow = Job(5, "late")      # run(student.with_timeout, slow.coroutine(), 2)
    >>> slow.label
    "job(5, 'late')"
    """

    delay: float
    value: Any = None
    error: Exception | None = None
    started: float | None = None
    finished: float | None = None
    outcome: str = "not started"  # then "running", and at last "returned", "raised" or "cancelled"

    def __post_init__(self) -> None:
        self.observe()
        if self.error is not None:
            observed.keep(self.error)

    def observation(self, encoder: Encoder) -> Any:
        return [self.started, self.finished, self.outcome]

    def restore(self, decoder: Decoder, data: Any) -> None:
        started, finished, outcome = data
        self.started, self.finished, self.outcome = _number(started), _number(finished), str(outcome)

    @property
    def name(self) -> str:
        return "failing_job" if self.error is not None else "job"

    @property
    def label(self) -> str:
        return f"{self.name}({self.delay:g}, {self.error if self.error is not None else self.value!r})"

    def coroutine(self) -> Any:
        async def work(delay: float, value: Any) -> Any:
            loop = asyncio.get_running_loop()
            self.started, self.outcome = loop.time(), "running"
            try:
                await asyncio.sleep(delay)
                if self.error is not None:
                    raise self.error
            except asyncio.CancelledError:
                self.outcome = "cancelled"
                raise
            except BaseException:
                self.outcome = "raised"
                raise
            finally:
                self.finished = loop.time()
            self.outcome = "returned"
            return value

        # Named the way the kit labels tasks: job(5, 'late'), not Job.coroutine.<locals>.work(5, 'late').
        work.__name__ = work.__qualname__ = self.name
        return work(self.delay, self.error if self.error is not None else self.value)

    def record(self) -> TaskRecord:
        """This job as a bar for :func:`task_chart`."""
        return TaskRecord(self.label, "", self.started, self.started, self.finished, self.outcome == "cancelled")
