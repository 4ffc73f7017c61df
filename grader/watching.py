"""Watching one call of a student's coroutine function from the sandbox, and reading it in the judge.

A check that hands work to student code (exercises 5 and 6: ``with_timeout(aw, 2)``,
``race(*aws)``) needs more than what the call returned: *when* it returned, whether the work
ran at all, what the code did with it, and what it left running. A :class:`Watch` notes that:
made in the check before ``run(...)``, it is filled in the sandbox by :meth:`Watch.call` and
copied back (it is :class:`~grader.observed.Observed`)::

    slow = Job(5, "late")
    watch = Watch("with_timeout(job(5, 'late'), 2)", [slow])

    async def call():
        return await watch.call(student.with_timeout, slow.coroutine(), 2)

    result = run(call, label=watch.label, allow_error=True)
    fail_on_error(result)                 # the student's error, with a hint when its cause is known
    expect_work_ran(result, watch)        # no vacuous pass: the work must have started
    expect_nothing_left_running(result, watch)

The work handed over can be a coroutine (:class:`~grader.instrument.Job`), a Task already
running one (:class:`TaskJob`), a Future the grader sets later (:class:`FutureJob`), or work
whose ``finally`` block awaits before it stops (:class:`SlowToStopJob`): :func:`hand_over`
makes the right awaitable, in the sandbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .failures import Failure
from .instrument import Job
from .leftovers import Leftover, still_running
from .mistakes import WAIT_FOR_NOTHING, known_mistake
from .observed import Observed
from .orders import tasks_in_order
from .run import NOT_ASYNC, NotACoroutine, Run, describe_call
from .timeline import TOLERANCE, TaskRecord
from .wire import Decoder, Encoder

# Virtual seconds a Watch keeps looking after the call has returned: long enough for anything it
# left running to finish, and so to show what became of it.
LOOK_AFTER = 10.0

NEVER_RAN = "{function} never let {jobs} start, so the work never ran at all"

# Hints for errors that are the classic symptom of one mistake with awaitables handed over, beside
# those of grader.mistakes: shown only for that error.
CREATE_TASK_TAKES_COROUTINES = (
    "asyncio.create_task() takes only a coroutine, and an awaitable may also be a Task or a Future already: "
    "`asyncio.ensure_future(aw)` takes all three (a Task or a Future comes back as it is)."
)
WAIT_TAKES_TASKS = (
    "asyncio.wait() takes tasks, not coroutines (Python 3.11 and later refuse them): wrap each awaitable "
    "first, with `asyncio.ensure_future(aw)`."
)
AWAITED_A_CANCELLED_TASK = (
    "awaiting a task that was cancelled raises CancelledError in the code that awaits it: wait for "
    "cancelled tasks with `await asyncio.gather(*tasks, return_exceptions=True)`, or catch "
    "asyncio.CancelledError around each await."
)


@dataclass(frozen=True)
class Symptom:
    """An error that comes from one known mistake: its type, and a regular expression its message matches."""

    kind: type[BaseException]
    message: str
    hint: str

    def matches(self, error: BaseException) -> bool:
        return isinstance(error, self.kind) and re.search(self.message, str(error)) is not None


SYMPTOMS = (
    Symptom(TypeError, r"^a coroutine was expected, got", CREATE_TASK_TAKES_COROUTINES),
    Symptom(TypeError, r"^Passing coroutines is forbidden", WAIT_TAKES_TASKS),
    Symptom(ValueError, r"^Set of coroutines/Futures is empty", WAIT_FOR_NOTHING),  # Python 3.10's words
    Symptom(asyncio.CancelledError, r"", AWAITED_A_CANCELLED_TASK),
)
# A Task or Future in an error message: its repr holds a name counter and the grader's paths.
_AWAITABLE_REPR = re.compile(r"<(\w*?)(Task|Future)\b[^\n]*")


def known_cause(result: Run) -> str | None:
    """The hint for the error ``result`` ended with, if it is the classic symptom of a known
    mistake (:func:`grader.mistakes.known_mistake`, or one of :data:`SYMPTOMS`)."""
    if result.error is None:
        return None
    found = known_mistake(result)
    return found or next((symptom.hint for symptom in SYMPTOMS if symptom.matches(result.error)), None)


def fail_on_error(result: Run, help: str | None = None, call: str | None = None) -> None:
    """Fail the check with the student's error, if the call raised one.

    The hint is the one for the error's known cause (:func:`known_cause`), else ``help`` (give
    it only when the check knows the cause). ``call`` names the call in the message, when the
    run made several (default: the run's label). A Task or Future the message shows is named
    by its type only, the same on every run.
    """
    if result.error is None:
        return
    shown = dataclasses.replace(result, call=call) if call else result
    text = shown.describe_error()
    hint = known_cause(shown) or (help if "\n\nHint: " not in text else None)
    rationale = _AWAITABLE_REPR.sub(lambda found: f"a {found[2]}", text)
    raise Failure(rationale, help=hint, notes=result.notes())


# ---------------------------------------------------------------- the work handed over


@dataclass
class TaskJob(Job):
    """A :class:`~grader.instrument.Job` handed over as a Task already running it: ``task(job(3, 'slow'))``."""

    @property
    def label(self) -> str:
        return f"task({super().label})"

    def task(self) -> asyncio.Task:
        """In the sandbox, inside the running loop."""
        return asyncio.ensure_future(self.coroutine())


@dataclass
class FutureJob(Job):
    """Work handed over as a plain Future that the grader sets to ``value`` (or ``error``) after
    ``delay`` s: ``future(1, 'fast')``. It counts as started when it is made; its outcome is
    ``"cancelled"`` if the student's code cancelled it first."""

    @property
    def name(self) -> str:
        return "future"

    def future(self) -> asyncio.Future:
        """In the sandbox, inside the running loop."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.started, self.outcome = loop.time(), "running"

        def settle() -> None:
            if future.done():
                return
            if self.error is not None:
                future.set_exception(self.error)
            else:
                future.set_result(self.value)

        timer = loop.call_later(self.delay, settle)

        def ended(future: asyncio.Future) -> None:
            timer.cancel()
            self.finished = loop.time()
            if future.cancelled():
                self.outcome = "cancelled"
            else:
                self.outcome = "raised" if future.exception() is not None else "returned"

        future.add_done_callback(ended)
        return future


@dataclass
class SlowToStopJob(Job):
    """A Job whose ``finally`` block awaits ``cleanup`` s before it stops (closing a connection,
    say): cancelled at 1 s, it stops at 1 s + ``cleanup``. ``cancelled_at`` notes when the
    cancellation reached it. Shown as ``job(3, 'slow', cleanup=1)``."""

    cleanup: float = 1.0
    cancelled_at: float | None = None

    @property
    def label(self) -> str:
        return f"job({self.delay:g}, {self.value!r}, cleanup={self.cleanup:g})"

    def observation(self, encoder: Encoder) -> Any:
        return [*super().observation(encoder), self.cancelled_at]

    def restore(self, decoder: Decoder, data: Any) -> None:
        super().restore(decoder, data[:3])
        self.cancelled_at = None if data[3] is None else float(data[3])

    def coroutine(self) -> Any:
        async def work(delay: float, value: Any) -> Any:
            loop = asyncio.get_running_loop()
            self.started, self.outcome = loop.time(), "running"
            try:
                try:
                    await asyncio.sleep(delay)
                except asyncio.CancelledError:
                    self.cancelled_at = loop.time()
                    raise
                finally:
                    await asyncio.sleep(self.cleanup)
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

        work.__name__ = work.__qualname__ = "job"
        return work(self.delay, self.value)

    def record(self) -> TaskRecord:
        return TaskRecord(self.label, "", self.started, self.started, self.finished, self.outcome == "cancelled")


def hand_over(job: Job) -> Any:
    """The awaitable to give the student's code for ``job``: in the sandbox, inside the running loop."""
    if isinstance(job, TaskJob):
        return job.task()
    if isinstance(job, FutureJob):
        return job.future()
    return job.coroutine()


# ---------------------------------------------------------------- the watch


class Watch(Observed):
    """One call of a student's coroutine function, watched: when it began and returned (virtual
    seconds), whether it raised, which of ``jobs`` were still running when it returned, and the
    tasks it left running then (:class:`~grader.leftovers.Leftover`, for
    :func:`~grader.leftovers.expect_nothing_left_running`). After the call it keeps watching
    ``look_after`` s, to see what became of them.

    With ``order`` (``"as made"`` or ``"reversed"``, see :mod:`grader.orders`), every set of the
    tasks made during the call gives them in that order, so that a result that rests on a set's
    order is the same on every run.

    Make it in the check before ``run(...)``; call :meth:`call` in the sandbox (or pass
    :meth:`calling` to ``run``); read it after the run.
    """

    def __init__(
        self, label: str = "", jobs: Sequence[Job] = (), look_after: float = LOOK_AFTER, order: str | None = None
    ) -> None:
        self.label = label
        self.jobs = list(jobs)
        self.look_after = look_after
        self.order = order
        self.began: float | None = None
        self.ended: float | None = None  # None: it never returned
        self.raised = False
        self.left: list[Leftover] = []
        self.running_then: list[Job] = []
        self.observe()

    @property
    def function(self) -> str:
        """``race``, for ``race(job(1, 'fast'))``."""
        return self.label.split("(", 1)[0]

    def calling(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], Any]:
        """A coroutine function for ``run`` that calls ``function(*args, **kwargs)`` under this
        watch; it also labels the watch with the call, if it has no label yet."""
        if not self.label:
            self.label = describe_call(function, args, kwargs)

        async def watched() -> Any:
            return await self.call(function, *args, **kwargs)

        return watched

    async def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """In the sandbox: ``await function(*args, **kwargs)``, noting the instant it returns (or
        raises) and what is running then; then watch ``look_after`` s more, and return (or raise)
        what the call did. Tasks and futures among the arguments are watched too; tasks that
        were running before the call (a check's own) are not."""
        loop = asyncio.get_running_loop()
        handed = {id(value) for value in (*args, *kwargs.values()) if isinstance(value, asyncio.Future)}
        before = [task for task in asyncio.all_tasks(loop) if id(task) not in handed]
        self.began = loop.time()
        awaitable = function(*args, **kwargs)
        if not inspect.isawaitable(awaitable):
            kind = "None" if awaitable is None else f"a {type(awaitable).__name__}"
            raise NotACoroutine(NOT_ASYNC.format(call=self.label, kind=kind))
        try:
            with tasks_in_order(self.order) if self.order else contextlib.nullcontext():
                value = await awaitable
        except BaseException as error:
            live = self._returned(loop, before, raised=True)
            if isinstance(error, Exception):  # control flow (CancelledError, SystemExit...) goes on at once
                await asyncio.sleep(self.look_after)
            self.left = [dataclasses.replace(leftover) for leftover in live]
            raise error
        live = self._returned(loop, before, raised=False)
        await asyncio.sleep(self.look_after)
        # A copy, as it stands now: what asyncio does to them once the run ends is not theirs.
        self.left = [dataclasses.replace(leftover) for leftover in live]
        return value

    def _returned(self, loop: asyncio.AbstractEventLoop, before: list[asyncio.Task], raised: bool) -> list[Leftover]:
        self.ended, self.raised = loop.time(), raised
        self.running_then = [job for job in self.jobs if job.outcome == "running"]
        live = [leftover for _, leftover in still_running(exclude=before)]
        self.left = list(live)
        return live

    def took(self, seconds: float) -> bool:
        """Whether the call returned (or raised) ``seconds`` after it began."""
        return self.ended is not None and self.began is not None and abs(self.ended - self.began - seconds) <= TOLERANCE

    def bar(self, label: str | None = None) -> TaskRecord:
        """The call as a bar for :func:`~grader.render_timeline.task_chart` (labelled ``label``)."""
        began = self.began or 0.0
        return TaskRecord(label or self.label, "", began, began, self.ended)

    def observation(self, encoder: Encoder) -> Any:
        running = [index for index, job in enumerate(self.jobs) if any(job is other for other in self.running_then)]
        return [self.began, self.ended, self.raised, [leftover.wire() for leftover in self.left], running]

    def restore(self, decoder: Decoder, data: Any) -> None:
        began, ended, raised, left, running = data
        self.began = None if began is None else float(began)
        self.ended = None if ended is None else float(ended)
        self.raised = bool(raised)
        self.left = [Leftover.unwire(item) for item in left]
        self.running_then = [self.jobs[index] for index in running if 0 <= index < len(self.jobs)]


def expect_work_ran(result: Run, watch: Watch, *jobs: Job, help: str | None = None, details: str | None = None) -> None:
    """The work handed to the call (``jobs``, default all the watch's) started: a check about what
    the code did with the work must not pass code that never ran it (closed it unrun, say)."""
    unstarted = [job for job in (jobs or watch.jobs) if job.started is None]
    if unstarted:
        raise Failure(
            NEVER_RAN.format(function=watch.function, jobs=joined(job.label for job in unstarted)),
            help=help,
            details=details,
            notes=result.notes(),
        )


def joined(labels: Any) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(labels)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
