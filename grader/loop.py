"""An asyncio event loop on virtual time.

When no callback is ready and nothing outside the loop (a thread, a child process, a
socket) can wake it, the loop jumps its clock straight to the next timer instead of
waiting. With no timer either, it reports a deadlock instead of hanging.

The records of its tasks are kept by :mod:`grader.tasks`, and what the student reads when it
gives up is written by :mod:`grader.diagnostics`.
"""

from __future__ import annotations

import asyncio
import heapq
import math
import selectors
import threading
from asyncio import events
from collections.abc import Callable, Iterable
from typing import Any

from . import diagnostics
from .clock import TICKS_PER_SECOND, VirtualClock, to_ticks
from .errors import DEADLOCK, LIVELOCK, TIME_LIMIT, Deadlock, Livelock, LoopProblem, TimeLimitExceeded
from .gc_tuning import fewer_collections
from .tasks import TaskRecorder, is_asyncio_internal
from .timeline import TaskRecord
from .wakers import OutsideWakers

DEFAULT_TIME_LIMIT = 3600.0
DEFAULT_LIVELOCK_LIMIT = 100_000
# Real seconds between looks at a thread the loop is waiting for.
THREAD_POLL = 0.005


class _OrderedTimerHandle(events.TimerHandle):
    """A timer that sorts after the timers scheduled before it for the same instant.

    heapq is not stable, and virtual clocks make ties common: without this, 20 tasks
    doing ``sleep(1)`` would wake in a scrambled order.
    """

    __slots__ = ("_seq",)

    def __lt__(self, other: events.TimerHandle) -> bool:
        if self._when != other._when:
            return self._when < other._when
        return self._seq < getattr(other, "_seq", -1)


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """A selector event loop whose ``time()`` is a :class:`VirtualClock`.

    ``time_limit`` bounds virtual time (seconds since the clock's zero); ``livelock_limit``
    bounds the loop iterations that may pass without time moving on.
    """

    def __init__(
        self,
        clock: VirtualClock | None = None,
        *,
        time_limit: float = DEFAULT_TIME_LIMIT,
        livelock_limit: int = DEFAULT_LIVELOCK_LIMIT,
        student_files: frozenset[str] = frozenset(),
        threads_before: frozenset[threading.Thread] | None = None,
    ) -> None:
        selector = selectors.DefaultSelector()
        self._select_for_real = selector.select
        # Every wait for I/O comes to the loop, which decides whether time jumps.
        selector.select = self._select  # type: ignore[method-assign]
        super().__init__(selector)
        # What the loop watches, its wake-up pipe first. Its length is read every turn: the
        # selector's own dict where there is one, without the public view's extra call.
        self._watched = getattr(selector, "_fd_to_key", None)
        if not isinstance(self._watched, dict):
            self._watched = selector.get_map()
        self._wakers = OutsideWakers(self._watched, threads_before)
        self.clock = clock if clock is not None else VirtualClock()
        # asyncio reads the time several times per timer: the clock's own method saves a call.
        self.time = self.clock.time  # type: ignore[method-assign]
        self._clock_resolution = 1 / TICKS_PER_SECOND
        self._time_limit_ticks = to_ticks(time_limit)
        self._livelock_limit = livelock_limit
        self._student_files = student_files
        self._spins = 0
        self._timer_seq = 0
        self._recorder = TaskRecorder(self.clock)
        self.problems: list[LoopProblem] = []
        self.errors: list[str] = []

    @property
    def task_records(self) -> list[TaskRecord]:
        """A record per task the student's code made, in the order they were created."""
        return self._recorder.records

    def in_creation_order(self, tasks: Iterable[asyncio.Task]) -> list[asyncio.Task]:
        """Unfinished ``tasks`` in the order they were made (asyncio's own after them)."""
        return self._recorder.in_creation_order(tasks)  # type: ignore[return-value]

    def records_by_task(self, tasks: Iterable[asyncio.Task]) -> dict[asyncio.Task, TaskRecord]:
        """Each of ``tasks`` not done yet, with its record (asyncio's own tasks have none)."""
        return self._recorder.records_by_task(tasks)

    def records_of(self, tasks: Iterable[asyncio.Task]) -> list[TaskRecord]:
        """The records of ``tasks`` (those the loop made), in the order the tasks were created."""
        return self._recorder.records_of(tasks)

    def run_forever(self) -> None:
        if self._wakers.threads_before is None:
            self._wakers.threads_before = frozenset(threading.enumerate())
        with fewer_collections():
            super().run_forever()

    def close(self) -> None:
        super().close()  # first: it refuses to close a running loop, whose tasks are still recorded
        self._recorder.close()

    # -- time ---------------------------------------------------------------------------

    def time(self) -> float:  # replaced by the clock's own in __init__
        return self.clock.time()

    def call_at(self, when: float, callback: Callable[..., Any], *args: Any, context: Any = None) -> events.TimerHandle:
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _OrderedTimerHandle(when, callback, args, self, context)
        timer._seq = self._timer_seq
        self._timer_seq += 1
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    # -- waiting ------------------------------------------------------------------------

    # A real look at the files is skipped while the loop watches only its own wake-up pipe:
    # call_soon_threadsafe puts its callback in the ready queue before it writes there. Signals
    # (add_signal_handler) arrive only through that pipe, so then it is looked at.

    def _select(self, timeout: float | None) -> list:
        if timeout == 0:  # callbacks are ready: only look
            ready = self._select_for_real(0) if len(self._watched) > 1 or self._signal_handlers else []
            if ready:
                self._spins = 0
            else:
                self._spins += 1
                if self._spins >= self._livelock_limit:
                    self._spun_in_place()
            return ready
        while self._wakers.can_wake():
            ready = self._select_for_real(THREAD_POLL)
            if ready:
                return ready
        # Looked at after the threads: one may have woken the loop just before it ended.
        ready = self._select_for_real(0) if len(self._watched) > 1 or self._signal_handlers else []
        if ready or self._ready:
            return ready
        self._jump_to_next_timer()
        return []

    def _spun_in_place(self) -> None:
        if self._wakers.can_wake():
            self._spins = 0
            return
        self._give_up(Livelock, LIVELOCK, count=self._livelock_limit)

    def _jump_to_next_timer(self) -> None:
        when = self._scheduled[0]._when if self._scheduled else math.inf
        if when == math.inf:
            self._give_up(Deadlock, DEADLOCK)
        self._recorder.all_started()  # no callback is ready: every task has taken its first step
        ticks = to_ticks(when)
        if ticks > self._time_limit_ticks:
            self.clock.advance_to_ticks(self._time_limit_ticks)
            self._give_up(TimeLimitExceeded, TIME_LIMIT, limit=self._time_limit_ticks / TICKS_PER_SECOND)
        self.clock.advance_to_ticks(ticks)
        self._spins = 0

    def _give_up(self, kind: type[LoopProblem], template: str, **details: Any) -> None:
        problem = diagnostics.give_up(kind, template, self, self._recorder, self._student_files, **details)
        self.problems.append(problem)
        self._spins = 0  # the runner's clean-up must get its own turns
        raise problem

    def run_in_executor(self, executor: Any, func: Callable[..., Any], *args: Any) -> asyncio.Future:
        future = super().run_in_executor(executor, func, *args)
        self._wakers.job_started(future)  # its thread may wake the loop until it is done
        return future

    # -- tasks --------------------------------------------------------------------------

    def create_task(self, coro: Any, **kwargs: Any) -> asyncio.Task:
        if is_asyncio_internal(coro):
            return super().create_task(coro, **kwargs)
        return self._recorder.recorded(coro, super().create_task, kwargs)

    def default_exception_handler(self, context: dict) -> None:
        """Keep what asyncio would log (e.g. a task destroyed while pending) for the report."""
        message = context.get("message") or "unhandled error in the event loop"
        error = context.get("exception")
        self.errors.append(f"{message}: {error!r}" if error is not None else message)
