"""Task records: what each task of a virtual loop ran, and when it was created, started and finished.

A grader's loop records every task the student's code makes, so the bookkeeping per task is
kept small: the call's label is written out only when read (see ``TaskRecord``), and the start
is not marked by a callback of its own. A task's first step runs at the clock's time when the
loop reaches it, and only a blocking call (``time.sleep``) can move the clock before that: the
loop jumps only when no callback is ready, so every task has started by then. A start is
therefore settled when the clock moves, when the task ends, or when the records are read.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from .clock import TICKS_PER_SECOND, VirtualClock
from .timeline import TaskRecord, coroutine_label

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)


class _Unstarted(TaskRecord):
    """A record that holds on to its task's coroutine until the task's start is known."""

    __slots__ = ("coro",)


class TaskRecorder:
    """Keeps a :class:`TaskRecord` per task, in the order the tasks were created."""

    def __init__(self, clock: VirtualClock) -> None:
        self._clock = clock
        self._ticks = clock.ticks  # the clock as last seen: where a move starts from
        self._records: list[TaskRecord] = []
        self._live: dict[asyncio.Future, TaskRecord] = {}  # of the tasks not done yet
        # The records whose start is not settled yet. A deque: time.sleep in a worker thread
        # moves the clock, and so settles starts, from that thread.
        self._unstarted: deque[_Unstarted] = deque()
        clock.on_change(self._clock_moved)

    @property
    def records(self) -> list[TaskRecord]:
        """Every record, in the order the tasks were created, each start settled as of now."""
        self._settle(self._clock.time())
        return self._records

    def recorded(self, coro: Any, create_task: Callable[..., asyncio.Task], options: dict[str, Any]) -> asyncio.Task:
        """``create_task(coro, **options)``, and the new task's record."""
        record = _Unstarted.of_coroutine(coro, self._clock.time())
        record.coro = coro
        self._records.append(record)
        # Noted as unstarted before the task exists: an eager task factory runs its first step
        # inside create_task.
        self._unstarted.append(record)
        try:
            task = create_task(coro, **options)
        except BaseException:  # not a coroutine, say: there is no task to record
            self._discard(record)
            raise
        record.name = task.get_name()
        task.add_done_callback(self._finished)
        self._live[task] = record
        return task

    def record_of(self, task: asyncio.Future) -> TaskRecord | None:
        """The record of an unfinished task (``None`` for asyncio's own, which are not recorded)."""
        return self._live.get(task)

    def records_by_task(self, tasks: Iterable[asyncio.Future]) -> dict[asyncio.Future, TaskRecord]:
        """Each of ``tasks`` not done and recorded, with its record, starts settled as of now."""
        self._settle(self._clock.time())
        return {task: self._live[task] for task in tasks if task in self._live}

    def in_creation_order(self, tasks: Iterable[asyncio.Future]) -> list[asyncio.Future]:
        """Unfinished ``tasks`` (a set has no order) in the order they were made; asyncio's own,
        which are not recorded, after them by what they run."""
        rank = {id(record): index for index, record in enumerate(self._records)}

        def place(task: asyncio.Future) -> tuple[int, str]:
            record = self._live.get(task)
            if record is not None:
                return (rank[id(record)], "")
            return (len(rank), coroutine_label(task.get_coro()) if isinstance(task, asyncio.Task) else "")

        return sorted(tasks, key=place)

    def records_of(self, tasks: Iterable[asyncio.Future]) -> list[TaskRecord]:
        """The records of ``tasks`` (those recorded), in the order the tasks were created."""
        chosen = {id(self._live[t]) for t in tasks if t in self._live}
        return [record for record in self.records if id(record) in chosen]

    def all_started(self) -> None:
        """The loop is about to move the clock with no callback ready: every task has started."""
        now = self._clock.time()
        unstarted = self._unstarted
        while unstarted:
            record = unstarted.popleft()
            if record.started is None:
                record.started = now
            record.coro = None

    def close(self) -> None:
        self._settle(self._clock.time())
        self._unstarted.clear()
        self._clock.off_change(self._clock_moved)

    def _discard(self, record: _Unstarted) -> None:
        self._records.remove(record)
        with contextlib.suppress(ValueError):  # settled meanwhile by a thread's move of the clock
            self._unstarted.remove(record)

    def _finished(self, task: asyncio.Future) -> None:
        record = self._live.pop(task)
        record.finished = self._clock.time()
        if record.started is None:  # it ran since the clock last moved
            record.started = record.finished
        record.cancelled = task.cancelled()
        if not record.cancelled:
            record.error = task.exception()

    def _clock_moved(self, ticks: int) -> None:
        before, self._ticks = self._ticks, ticks
        if self._unstarted:  # moved by a blocking call: some tasks may not have started
            self._settle(before / TICKS_PER_SECOND)

    def _settle(self, at: float) -> None:
        """The tasks whose coroutine has begun since the clock last moved started ``at``."""
        unstarted = self._unstarted
        for _ in range(len(unstarted)):
            try:
                record = unstarted.popleft()
            except IndexError:  # another thread settled them meanwhile
                return
            if record.started is None and not has_started(record.coro):
                unstarted.append(record)
                continue
            if record.started is None:
                record.started = at
            record.coro = None


def has_started(coro: Any) -> bool:
    """Whether ``coro`` has begun to run (or was closed); one that isn't a native coroutine is
    taken as begun, its start then being the next time the clock moves."""
    try:
        return inspect.getcoroutinestate(coro) != inspect.CORO_CREATED
    except AttributeError:
        return True


def is_asyncio_internal(coro: Any) -> bool:
    """The runner's clean-up tasks (shutting down generators, executors) are not the student's;
    a task the student made of an asyncio coroutine (``create_task(asyncio.sleep(1))``) is."""
    qualname = getattr(coro, "__qualname__", None)
    if qualname is None:
        return type(coro).__name__ == "async_generator_athrow"  # asyncio closing an async generator
    return qualname.startswith("BaseEventLoop.shutdown_") and os.path.dirname(coro.cr_code.co_filename) == _ASYNCIO_DIR
