"""An asyncio event loop on virtual time.

When no callback is ready and nothing outside the loop (a thread, a child process, a
socket) can wake it, the loop jumps its clock straight to the next timer instead of
waiting. With no timer either, it reports a deadlock instead of hanging.
"""

from __future__ import annotations

import asyncio
import heapq
import linecache
import os
import selectors
import threading
from asyncio import events
from collections.abc import Callable, Iterable
from concurrent.futures import thread as pool_threads
from typing import Any

from .clock import TICKS_PER_SECOND, VirtualClock, to_ticks
from .errors import DEADLOCK, LIVELOCK, TIME_LIMIT, Deadlock, Livelock, LoopProblem, TimeLimitExceeded
from .timeline import TaskRecord, coroutine_label

DEFAULT_TIME_LIMIT = 3600.0
DEFAULT_LIVELOCK_LIMIT = 100_000
# Real seconds between looks at a thread the loop is waiting for.
THREAD_POLL = 0.005
# Idle executor workers wait for jobs forever; jobs are counted one by one instead.
_WORKER_THREAD_PREFIXES = ("asyncio_", "ThreadPoolExecutor-")


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
        self.clock = clock if clock is not None else VirtualClock()
        self._clock_resolution = 1 / TICKS_PER_SECOND
        self._time_limit_ticks = to_ticks(time_limit)
        self._livelock_limit = livelock_limit
        self._student_files = student_files
        self._spins = 0
        self._timer_seq = 0
        self._jobs_in_threads = 0
        # Threads that were there before (the grader's, a test runner's timers) can't wake it.
        self._threads_before = threads_before
        self.task_records: list[TaskRecord] = []
        self._records: dict[asyncio.Task, TaskRecord] = {}  # of the tasks not done yet
        self.problems: list[LoopProblem] = []
        self.errors: list[str] = []

    def run_forever(self) -> None:
        if self._threads_before is None:
            self._threads_before = frozenset(threading.enumerate())
        super().run_forever()

    # -- time ---------------------------------------------------------------------------

    def time(self) -> float:
        return self.clock.ticks / TICKS_PER_SECOND

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

    def _select(self, timeout: float | None) -> list:
        if timeout == 0:  # callbacks are ready: only look
            ready = self._select_for_real(0)
            if ready:
                self._spins = 0
            else:
                self._count_spin()
            return ready
        while self._can_be_woken():
            ready = self._select_for_real(THREAD_POLL)
            if ready:
                return ready
        # Looked at after the threads: one may have woken the loop just before it ended.
        ready = self._select_for_real(0)
        if ready:
            return ready
        self._jump_to_next_timer()
        return []

    def _count_spin(self) -> None:
        self._spins += 1
        if self._spins >= self._livelock_limit:
            if self._can_be_woken():
                self._spins = 0
                return
            self._give_up(Livelock, LIVELOCK, count=self._livelock_limit)

    def _jump_to_next_timer(self) -> None:
        when = self._scheduled[0]._when if self._scheduled else float("inf")
        if when == float("inf"):
            self._give_up(Deadlock, DEADLOCK)
        if to_ticks(when) > self._time_limit_ticks:
            self.clock.advance_to(self._time_limit_ticks / TICKS_PER_SECOND)
            self._give_up(TimeLimitExceeded, TIME_LIMIT, limit=self._time_limit_ticks / TICKS_PER_SECOND)
        self.clock.advance_to(when)
        self._spins = 0

    def _can_be_woken(self) -> bool:
        """Whether something outside the loop's own timers may still wake it up."""
        if self._jobs_in_threads:
            return True
        if len(self._selector.get_map()) > 1:  # more than the loop's own self-pipe
            return True
        if threading.active_count() == 1:  # the loop's own thread alone: the common case, made quick
            return False
        return any(self._is_foreign(thread) for thread in threading.enumerate())

    def _is_foreign(self, thread: threading.Thread) -> bool:
        return (
            thread not in (self._threads_before or ())
            and thread is not threading.current_thread()
            and not _is_idle_pool_worker(thread)
            and thread.is_alive()
        )

    def _give_up(self, kind: type[LoopProblem], template: str, **details: Any) -> None:
        problem = kind(template.format(time=self.time(), tasks=self.describe_tasks(), **details))
        self.problems.append(problem)
        self._spins = 0  # the runner's clean-up must get its own turns
        raise problem

    def describe_tasks(self) -> str:
        """A line per unfinished task: what it runs and where it waits."""
        order = {id(record): index for index, record in enumerate(self.task_records)}
        tasks = sorted(asyncio.all_tasks(self), key=lambda t: order.get(id(self._records.get(t)), len(order)))
        if not tasks:
            return "No task is waiting."
        stacks = {task: task.get_stack() for task in tasks}
        # A check's own helper tasks would only confuse: show the student's, if any.
        theirs = [t for t in tasks if any(f.f_code.co_filename in self._student_files for f in stacks[t])]
        lines = ["Tasks still waiting:"]
        for task in theirs or tasks:
            record = self._records.get(task)
            label = record.label if record is not None else coroutine_label(task.get_coro())
            lines.append(f"  - {label} {_await_point(stacks[task], self._student_files)}")
        return "\n".join(lines)

    # -- threads ------------------------------------------------------------------------

    def run_in_executor(self, executor: Any, func: Callable[..., Any], *args: Any) -> asyncio.Future:
        future = super().run_in_executor(executor, func, *args)
        self._jobs_in_threads += 1
        future.add_done_callback(self._job_done)
        return future

    def _job_done(self, _future: asyncio.Future) -> None:
        self._jobs_in_threads -= 1

    # -- records ------------------------------------------------------------------------

    def create_task(self, coro: Any, **kwargs: Any) -> asyncio.Task:
        if _is_asyncio_internal(coro):
            return super().create_task(coro, **kwargs)
        record = TaskRecord.of_coroutine(coro, self.time())
        # Scheduled before the task's first step, so it runs just ahead of it.
        self.call_soon(self._mark_started, record)
        task = super().create_task(coro, **kwargs)
        record.name = task.get_name()
        task.add_done_callback(self._mark_finished)
        self.task_records.append(record)
        self._records[task] = record
        return task

    def records_of(self, tasks: Iterable[asyncio.Task]) -> list[TaskRecord]:
        """The records of ``tasks`` (those the loop made), in the order the tasks were created."""
        chosen = {id(self._records[t]) for t in tasks if t in self._records}
        return [record for record in self.task_records if id(record) in chosen]

    def _mark_started(self, record: TaskRecord) -> None:
        if record.started is None:
            record.started = self.time()

    def _mark_finished(self, task: asyncio.Task) -> None:
        record = self._records.pop(task)
        record.finished = self.time()
        record.cancelled = task.cancelled()
        if not record.cancelled:
            record.error = task.exception()

    def default_exception_handler(self, context: dict) -> None:
        """Keep what asyncio would log (e.g. a task destroyed while pending) for the report."""
        message = context.get("message") or "unhandled error in the event loop"
        error = context.get("exception")
        self.errors.append(f"{message}: {error!r}" if error is not None else message)


_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)


def _is_idle_pool_worker(thread: threading.Thread) -> bool:
    """A ThreadPoolExecutor's worker, whatever its name: its jobs are counted one by one instead."""
    return getattr(thread, "_target", None) is pool_threads._worker or thread.name.startswith(_WORKER_THREAD_PREFIXES)


def _is_asyncio_internal(coro: Any) -> bool:
    """The runner's clean-up tasks (shutting down generators, executors) are not the student's;
    a task the student made of an asyncio coroutine (``create_task(asyncio.sleep(1))``) is."""
    qualname = getattr(coro, "__qualname__", None)
    if qualname is None:
        return type(coro).__name__ == "async_generator_athrow"  # asyncio closing an async generator
    return qualname.startswith("BaseEventLoop.shutdown_") and os.path.dirname(coro.cr_code.co_filename) == _ASYNCIO_DIR


def _await_point(frames: list, student_files: frozenset[str]) -> str:
    if not frames:
        return "has not started yet"
    frame = ([f for f in frames if f.f_code.co_filename in student_files] or frames)[-1]
    filename, lineno = frame.f_code.co_filename, frame.f_lineno
    source = linecache.getline(filename, lineno).strip()
    where = f"{os.path.basename(filename)} line {lineno}"
    return f"is waiting at {where}: {source}" if source else f"is waiting at {where}"
