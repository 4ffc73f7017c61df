"""Timeouts and cancellation"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from grader import TOLERANCE, Failure, Job, Run, TaskRecord, check, plain_repr, seconds, task_chart
from grader.checks.common import check_not_blocking
from grader.timeline import coroutine_label

# Virtual seconds a check keeps watching after with_timeout has returned: long enough for
# anything it left running to finish, and so to show.
LOOK_AFTER = 10.0
WAIT_FOR = (
    "`return await asyncio.wait_for(aw, seconds)` gives back the result as soon as it is ready, "
    "and cancels `aw` when the time is up."
)
CATCH_TIMEOUT = (
    "when the time is up asyncio.wait_for raises asyncio.TimeoutError: catch that "
    "(`except asyncio.TimeoutError:`) and `return default`."
)
CANCEL = (
    "when the time is up, cancel the work and let it stop: asyncio.wait_for(aw, seconds) does both. "
    "asyncio.wait(..., timeout=...) only stops waiting, and asyncio.shield() keeps the work running."
)
LET_IT_RAISE = (
    "catch only the timeout (`except asyncio.TimeoutError:`), so that any other exception from the work "
    "reaches the caller unchanged."
)


@dataclass
class Watch:
    """One call of with_timeout(job, *args), as a check saw it."""

    job: Job
    args: tuple
    ended: float | None = None  # when with_timeout returned or raised
    leftover: list[tuple[str, float | None]] = field(default_factory=list)  # tasks it left running

    @property
    def label(self) -> str:
        return f"with_timeout({', '.join([self.job.label, *map(repr, self.args)])})"

    def chart(self) -> str:
        bars = [TaskRecord(self.label, "", 0.0, 0.0, self.ended)]
        return task_chart(bars + ([self.job.record()] if self.job.started is not None else []))


def watched(student: Any, job: Job, *args: Any) -> tuple[Callable[[], Any], Watch]:
    """A coroutine function for ``run`` that calls ``with_timeout(job, *args)``, then watches
    what is left running for LOOK_AFTER s; and the Watch it fills in."""
    watch = Watch(job, args)

    async def call_and_watch() -> Any:
        loop = asyncio.get_running_loop()
        raised = None
        try:
            value = await student.with_timeout(job.coroutine(), *args)
        except Exception as error:
            raised = error
        watch.ended = loop.time()
        # Labelled now: a coroutine's arguments can no longer be read once it has finished.
        others = {
            task: coroutine_label(task.get_coro())
            for task in asyncio.all_tasks()
            if task is not asyncio.current_task() and not task.done()
        }
        ends: dict[asyncio.Task, float] = {}
        for task in others:
            task.add_done_callback(lambda task: ends.setdefault(task, loop.time()))
        await asyncio.sleep(LOOK_AFTER)
        watch.leftover = [
            (label, ends.get(task)) for task, label in others.items() if ends.get(task, float("inf")) > watch.ended
        ]
        if raised is not None:
            raise raised
        return value

    return call_and_watch, watch


def run_watched(student: Any, run: Callable[..., Run], job: Job, *args: Any) -> tuple[Run, Watch]:
    function, watch = watched(student, job, *args)
    return run(function, label=watch.label, allow_error=True), watch


def fail_on_error(result: Run, help: str | None = None) -> None:
    if result.error is not None:
        raise Failure(result.describe_error(), help=help, notes=result.notes())


def at(instant: float | None) -> str:
    return "never" if instant is None else seconds(instant)


@check(points=2)
def test_returns_the_result_of_work_that_finishes_in_time(student, run):
    """with_timeout(job(1, 'done'), 3) returns 'done', the job's result"""
    result, watch = run_watched(student, run, Job(1, "done"), 3)
    fail_on_error(result, help=WAIT_FOR)
    if result.value != "done":
        job = watch.job
        ran = "never started" if job.started is None else f"returned 'done' at {at(job.finished)}"
        raise Failure(
            f"{watch.label} returned {plain_repr(result.value)}; expected 'done' ({job.label} {ran})",
            help=f"return what the work gives back. {WAIT_FOR}",
            details=watch.chart(),
            notes=result.notes(),
        )


@check(points=2)
def test_returns_as_soon_as_the_work_finishes(student, run):
    """with_timeout(job(1, 'done'), 3) returns at 1 s, when the job finishes, not at 3 s"""
    result, watch = run_watched(student, run, Job(1, "done"), 3)
    fail_on_error(result, help=WAIT_FOR)
    if abs(watch.ended - 1.0) <= TOLERANCE:
        return
    job = watch.job
    if job.outcome == "returned" and job.finished < watch.ended:
        rationale = f"with_timeout returned at {seconds(watch.ended)}, but the work finished at {at(job.finished)}"
    elif job.started is None:
        rationale = f"with_timeout returned at {seconds(watch.ended)} without ever starting {job.label}"
    else:
        rationale = f"with_timeout returned at {seconds(watch.ended)}, not at 1.0 s, when {job.label} finishes"
    raise Failure(rationale, help=WAIT_FOR, details=watch.chart(), notes=result.notes())


@check(points=2)
def test_returns_the_default_when_the_time_is_up(student, run):
    """with_timeout(job(5, 'late'), 2, 'too slow') returns 'too slow' at 2 s (and None with no default)"""
    for default in ("too slow", None):
        args = (2, default) if default is not None else (2,)
        result, watch = run_watched(student, run, Job(5, "late"), *args)
        expect_default_at_two_seconds(result, watch, default)


def expect_default_at_two_seconds(result: Run, watch: Watch, default: Any) -> None:
    timed_out = isinstance(result.error, asyncio.TimeoutError)
    fail_on_error(result, help=CATCH_TIMEOUT if timed_out else WAIT_FOR)
    job, value, ended = watch.job, result.value, watch.ended
    if value == default and abs(ended - 2.0) <= TOLERANCE:
        return
    if value == default:
        rationale = f"{watch.label} returned the default at {seconds(ended)}, not at 2.0 s, when the time was up"
    elif job.outcome == "returned" and job.finished <= ended + TOLERANCE:
        rationale = (
            f"{watch.label} returned {plain_repr(value)} at {seconds(ended)}: it waited for {job.label} "
            f"to finish instead of giving up at 2.0 s and returning the default, {default!r}"
        )
    elif abs(ended - 2.0) <= TOLERANCE:
        rationale = (
            f"{watch.label} returned {plain_repr(value)} when the time was up; expected the default, {default!r}"
        )
    else:
        rationale = (
            f"{watch.label} returned {plain_repr(value)} at {seconds(ended)}; expected the default, {default!r}, "
            "at 2.0 s, when the time was up"
        )
    help = "`return default` when the time is up, whatever it is." if abs(ended - 2.0) <= TOLERANCE else WAIT_FOR
    raise Failure(rationale, help=help, details=watch.chart(), notes=result.notes())


@check(points=2)
def test_cancels_work_that_takes_too_long_and_leaves_nothing_running(student, run):
    """with_timeout cancels job(5, 'late') at its 2 s limit, and leaves nothing running after it returns"""
    result, watch = run_watched(student, run, Job(5, "late"), 2, "too slow")
    fail_on_error(result, help=CATCH_TIMEOUT if isinstance(result.error, asyncio.TimeoutError) else CANCEL)
    problem = not_cancelled(watch) or left_running(watch)
    if problem is None:
        result, watch = run_watched(student, run, Job(1, "done"), 3)
        fail_on_error(result, help=WAIT_FOR)
        problem = left_running(watch)
    if problem is not None:
        raise Failure(problem, help=CANCEL, details=watch.chart(), notes=result.notes())


def not_cancelled(watch: Watch) -> str | None:
    job, ended = watch.job, watch.ended
    if job.started is None:
        return f"with_timeout never let {job.label} start, so the work never ran at all"
    if job.outcome != "cancelled" and job.finished is not None and job.finished > ended + TOLERANCE:
        finished = at(job.finished)
        return f"with_timeout returned at {seconds(ended)}, but {job.label} kept running: it finished at {finished}"
    if job.outcome != "cancelled":
        return (
            f"{job.label} was not cancelled when the time was up, at 2.0 s: "
            f"with_timeout let it run to the end, at {at(job.finished)}"
        )
    if job.finished > 2.0 + TOLERANCE:
        return f"{job.label} was cancelled at {seconds(job.finished)}, not at 2.0 s, when the time was up"
    return None


def left_running(watch: Watch) -> str | None:
    if not watch.leftover:
        return None
    tasks = "; ".join(f"{label} (until {at(end)})" for label, end in watch.leftover)
    return (
        f"{watch.label} left {len(watch.leftover)} task(s) running after it returned at {seconds(watch.ended)}: {tasks}"
    )


@check(points=1)
def test_an_exception_from_the_work_comes_out_unchanged(student, run):
    """with_timeout(failing_job(1, ValueError('boom')), 3, 'fallback') raises that ValueError"""
    boom = ValueError("boom")
    result, watch = run_watched(student, run, Job(1, error=boom), 3, "fallback")
    if result.error is boom:
        return
    if result.error is not None and not isinstance(result.error, ValueError):
        raise Failure(result.describe_error(), help=LET_IT_RAISE, notes=result.notes())
    if result.error is not None:
        rationale = f"{watch.label} raised {result.error!r}, not the work's own exception, ValueError('boom')"
    elif watch.job.outcome == "raised":
        rationale = (
            f"{watch.label} returned {plain_repr(result.value)} instead of raising the ValueError('boom') "
            f"that {watch.job.label} raised at {at(watch.job.finished)}"
        )
    else:
        rationale = (
            f"{watch.label} returned {plain_repr(result.value)} instead of raising ValueError('boom'); "
            f"{watch.job.label} never got to raise it ({watch.job.outcome})"
        )
    raise Failure(rationale, help=LET_IT_RAISE, details=watch.chart(), notes=result.notes())


@check(points=1)
def test_does_not_block_the_event_loop(student, run):
    """while with_timeout waits, other tasks keep running"""

    async def with_timeout_of_a_job():
        return await student.with_timeout(Job(1, "done").coroutine(), 3)

    check_not_blocking(with_timeout_of_a_job, run, "with_timeout(job(1, 'done'), 3)")
