"""Task records: what each task of a virtual loop ran, and when it was created, started and finished.

A grader's loop records every task the student's code makes, so the bookkeeping is kept to a
minimum per task: the call's label is written out only when read (see ``TaskRecord``), and
the start is not marked by a callback of its own. A task's first step runs at the clock's
time when the loop reaches it, and the clock can't move before that except by a blocking call
(``time.sleep``). So a start is settled when the clock moves (for the tasks whose coroutine
has begun by then), when the task ends, or when the records are read.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from .clock import TICKS_PER_SECOND, VirtualClock
from .timeline import TaskRecord

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__)


class TaskRecorder:
    """Keeps a :class:`TaskRecord` per task, in the order the tasks were created."""

    def __init__(self, clock: VirtualClock) -> None:
        self._clock = clock
        self._ticks = clock.ticks  # the clock as last seen: where a move starts from
        self._records: list[TaskRecord] = []
        self._live: dict[asyncio.Future, TaskRecord] = {}  # of the tasks not done yet
        # Records whose start is not settled yet, with their coroutines. A deque: a worker
        # thread's time.sleep moves the clock, and so settles starts, from that thread.
        self._unstarted: deque[tuple[TaskRecord, Any]] = deque()
        clock.on_change(self._clock_moved)

    @property
    def records(self) -> list[TaskRecord]:
        """Every record, in the order the tasks were created, each start settled as of now."""
        self._settle(self._clock.time())
        return self._records

    def recorded(self, coro: Any, create_task: Callable[..., asyncio.Task], options: dict[str, Any]) -> asyncio.Task:
        """``create_task(coro, **options)``, and the new task's record."""
        record = TaskRecord.of_coroutine(coro, self._clock.time())
        self._records.append(record)
        # Noted as unstarted before the task exists: an eager task factory runs its first step
        # inside create_task.
        self._unstarted.append((record, coro))
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

    def records_of(self, tasks: Iterable[asyncio.Future]) -> list[TaskRecord]:
        """The records of ``tasks`` (those recorded), in the order the tasks were created."""
        chosen = {id(self._live[t]) for t in tasks if t in self._live}
        return [record for record in self.records if id(record) in chosen]

    def _discard(self, record: TaskRecord) -> None:
        self._records.remove(record)
        self._unstarted = deque(entry for entry in self._unstarted if entry[0] is not record)

    def close(self) -> None:
        self._settle(self._clock.time())
        self._unstarted.clear()
        self._clock.off_change(self._clock_moved)

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
        if self._unstarted:
            self._settle(before / TICKS_PER_SECOND)

    def _settle(self, at: float) -> None:
        """The tasks whose coroutine has begun since the clock last moved started ``at``."""
        unstarted = self._unstarted
        for _ in range(len(unstarted)):
            try:
                entry = unstarted.popleft()
            except IndexError:  # another thread settled them meanwhile
                return
            record, coro = entry
            if record.started is not None:
                continue
            if has_started(coro):
                record.started = at
            else:
                unstarted.append(entry)


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
