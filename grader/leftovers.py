"""The kit's one rule for "nothing left running": every task a function started is done at the
moment it returns.

asyncio's own ``wait_for``, ``timeout()`` and ``TaskGroup`` all wait for a task they cancelled
to finish before they return, and so must a student's function: ``cancel()`` only asks a task
to stop, and a task whose ``finally`` block awaits stops later still. So the rule is checked at
the very instant the function returns, not a few loop turns or a few virtual seconds after.

In the sandbox, :func:`still_running` notes the tasks that are not done at that instant (a
:class:`~grader.watching.Watch` does it for a check); in the judge,
:func:`expect_nothing_left_running` fails the check with :data:`LEFT_RUNNING`, saying what
became of each task afterwards, and a hint that fits what the code did: the tasks ended cancelled,
so it cancelled them but did not wait (:data:`WAIT_UNTIL_STOPPED`), or one ran on, so it did not
cancel them all (the check's ``help``, or :data:`CANCEL_WHAT_YOU_STARTED`). What each task was
doing at that instant is told from how it ended, which reads the same on every Python version.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .failures import Failure
from .render_timeline import seconds, task_chart
from .run import Run
from .timeline import TaskRecord, coroutine_label

# The one message of the rule, shared by every exercise that promises "nothing left running".
LEFT_RUNNING = "{call} returned at {instant}, but {count} still running then: {tasks}"
# What became of one task left running (joined with "; " into LEFT_RUNNING's {tasks}).
STOPPED_AFTER = "{task}, cancelled, but it stopped only after {function} had returned, at {end}"
RAN_ON = "{task}, which ran on until {end}"
NEVER_STOPPED = "{task}, still running {look_after} later (asyncio cancels such a task only when the program ends)"

WAIT_UNTIL_STOPPED = (
    "cancel() only asks a task to stop; it stops when it next runs, and later still if its finally block "
    "awaits. Wait until it has stopped before returning, as asyncio.wait_for, asyncio.timeout() and TaskGroup "
    "do: `await asyncio.gather(*tasks, return_exceptions=True)`."
)
CANCEL_WHAT_YOU_STARTED = (
    "before returning, cancel every task the function started that is still running (`task.cancel()`), "
    "then wait until they have stopped: `await asyncio.gather(*tasks, return_exceptions=True)`."
)


@dataclass
class Leftover:
    """A task that was not done when the watched call returned, and what became of it after."""

    label: str
    started: float | None
    ended: float | None = None  # when it ended, if it did while the check watched
    how: str | None = None  # "cancelled", "returned" or "raised"

    def wire(self) -> list:
        return [self.label, self.started, self.ended, self.how]

    @classmethod
    def unwire(cls, data: list) -> Leftover:
        label, started, ended, how = data
        return cls(str(label), _number(started), _number(ended), None if how is None else str(how))

    def record(self, until: float | None = None) -> TaskRecord:
        """This task as a bar for :func:`~grader.render_timeline.task_chart`."""
        start = self.started if self.started is not None else until or 0.0
        return TaskRecord(self.label, "", start, start, self.ended, self.how == "cancelled")


# ---------------------------------------------------------------- in the sandbox


def still_running(exclude: Iterable[asyncio.Future] = ()) -> list[tuple[asyncio.Task, Leftover]]:
    """The tasks of the running loop not done now (other than the current one and ``exclude``),
    in the order they were made, each with a :class:`Leftover` that fills in when it ends."""
    loop = asyncio.get_running_loop()
    skip = {id(task) for task in exclude} | {id(asyncio.current_task())}
    tasks = [task for task in asyncio.all_tasks(loop) if not task.done() and id(task) not in skip]
    if hasattr(loop, "in_creation_order"):
        tasks, by_task = loop.in_creation_order(tasks), loop.records_by_task(tasks)
    else:  # another loop keeps no records: a set's order is none, so go by what each task runs
        tasks, by_task = sorted(tasks, key=lambda task: coroutine_label(task.get_coro())), {}
    found = []
    for task in tasks:
        record = by_task.get(task)
        label = record.label if record is not None else coroutine_label(task.get_coro())
        leftover = Leftover(label, record.started if record is not None else None)
        task.add_done_callback(lambda task, leftover=leftover: _ended(loop, task, leftover))
        found.append((task, leftover))
    return found


def _ended(loop: asyncio.AbstractEventLoop, task: asyncio.Task, leftover: Leftover) -> None:
    leftover.ended = loop.time()
    leftover.how = "cancelled" if task.cancelled() else "raised" if task.exception() is not None else "returned"


# ---------------------------------------------------------------- in the judge


def expect_nothing_left_running(result: Run, watch: Any, help: str | None = None, details: str | None = None) -> None:
    """Every task the watched call started (and every task handed to it) was done at the very
    instant it returned; else fail with :data:`LEFT_RUNNING`.

    ``watch`` is the :class:`~grader.watching.Watch` the call ran under. ``help`` is the hint
    when a task was left running without being cancelled (default :data:`CANCEL_WHAT_YOU_STARTED`);
    tasks that were all cancelled but not waited for get :data:`WAIT_UNTIL_STOPPED`. ``details``
    replaces the default chart of the call and the tasks it left running.
    """
    left = list(watch.left)
    if watch.ended is None or not left:
        return
    function = watch.label.split("(", 1)[0]
    stories = [_story(leftover, function, watch.look_after) for leftover in left]
    count = "1 task was" if len(left) == 1 else f"{len(left)} tasks were"
    rationale = LEFT_RUNNING.format(
        call=watch.label, instant=seconds(watch.ended), count=count, tasks="; ".join(stories)
    )
    stopping = all(leftover.how == "cancelled" for leftover in left)
    hint = WAIT_UNTIL_STOPPED if stopping else help or CANCEL_WHAT_YOU_STARTED
    if details is None:
        bar = TaskRecord(watch.label, "", watch.began, watch.began, watch.ended)
        details = task_chart([bar] + [leftover.record(watch.ended) for leftover in left])
    raise Failure(rationale, help=hint, details=details, notes=result.notes())


def _story(leftover: Leftover, function: str, look_after: float) -> str:
    if leftover.ended is None:
        return NEVER_STOPPED.format(task=leftover.label, look_after=seconds(look_after))
    end = seconds(leftover.ended)
    if leftover.how == "cancelled":
        return STOPPED_AFTER.format(task=leftover.label, function=function, end=end)
    return RAN_ON.format(task=leftover.label, end=end)


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
