"""Timeouts and cancellation

Boundaries of ``with_timeout(aw, seconds, default=None)`` the checks cover, and why:

- work that finishes in time (1 s of 3): its result, at the instant it finishes.
- work that takes too long (5 s of 2), with a default and without one (``None``): the default at
  2 s, the work cancelled then, and nothing left running when with_timeout returns (the kit's
  one rule, :func:`grader.expect_nothing_left_running`: every task it started is done at that
  very instant, as with asyncio.wait_for); the same rule when the work wins (a timer task left
  behind fails it).
- work whose ``finally`` block awaits 1 s before it stops: with_timeout returns at 3 s, once it
  has stopped (cancelling it and returning at once, or after `asyncio.sleep(0)`, fails it).
- an exception from the work: a ValueError, and a TimeoutError of the work's own, which must not
  be taken for the time being up (``except asyncio.TimeoutError: return default`` around
  wait_for fails it).
- a Task instead of a coroutine (cancelled when the time is up), and a Future (its result in
  time): ``asyncio.create_task(aw)`` fails it.
- ``seconds`` 0 and -1: the time is already up, the default at once, the work stopped (refusing
  the limit, or returning without closing the coroutine, fails it).
- a second call in the same program, after one that timed out: it starts afresh (a flag kept at
  module level fails it).
- the work ran: every check about what with_timeout did with the work first makes sure the work
  started, so that code that reads a coroutine's arguments and closes it unrun scores nothing
  there.

Left out: work that finishes at the very instant the time is up (asyncio itself leaves that to
which of two timers of one instant fires first, and wait_for answers differently across Python
versions: the docstring lets it go either way); the order of a set of tasks (with_timeout has one
awaitable, so no verdict rests on one, that tie aside); with_timeout itself being cancelled (the
docstring promises nothing for it); long limits (virtual time makes them the same as short ones).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from grader import (
    TOLERANCE,
    Failure,
    FutureJob,
    Job,
    Opaque,
    Run,
    SlowToStopJob,
    TaskJob,
    Watch,
    check,
    expect_nothing_left_running,
    expect_work_ran,
    fail_on_error,
    hand_over,
    is_coroutine,
    plain_repr,
    seconds,
    task_chart,
)
from grader.checks.common import check_not_blocking

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
RETURN_THE_DEFAULT = "`return default` when the time is up, whatever it is."
BLOCKED = (
    "wait with `await` (asyncio.wait_for, asyncio.sleep), never with time.sleep(): while time.sleep() "
    "runs, nothing else can, not even the work."
)
RESULT_NOT_AWAITABLE = "return the work's result (what `await` gives), not the task or coroutine itself."
OWN_TIMEOUT = (
    "the work raised a TimeoutError of its own, long before the time was up, and with_timeout took it "
    "for the time being up. Tell the two apart: `work = asyncio.ensure_future(aw)`, then "
    "`await asyncio.wait_for(work, seconds)`, and on asyncio.TimeoutError return default only "
    "`if work.cancelled()` (wait_for cancelled it: the time was up); else raise it again."
)
UP_AT_ONCE = (
    "with seconds <= 0 the time is already up: cancel the work and return default at once, as "
    "`asyncio.wait_for(aw, 0)` does. Don't refuse such a limit, and don't wait for the work."
)
CLOSE_IT = (
    "even when the time is up at once, the work is yours to stop: hand it to asyncio.wait_for(aw, seconds), "
    "which cancels it (and closes a coroutine that never started), rather than returning without it."
)
AFRESH = (
    "keep what one call needs (a flag, a task, a timer) in local variables: kept at module level, it is "
    "still there, changed, when the next call comes."
)

NOT_CLOSED = (
    "{call} returned {value} but left {job} neither awaited nor closed: the coroutine was never awaited, "
    "and Python warns about it"
)
ZERO_LIMIT = (
    "{call} returned {value} at {ended}; with seconds = {limit} the time is already up: "
    "expected the default, {default!r}, at once ({began})"
)
NOT_AFRESH = (
    "{call}, made after {first} had timed out, returned {value} at {ended}; expected 'done' at {expected}, "
    "when {job} finished"
)


def run_watched(student: Any, run: Callable[..., Run], job: Job, *args: Any) -> tuple[Run, Watch]:
    """Run ``with_timeout(job, *args)`` under a Watch: the job, when with_timeout returned, and
    what it left running then."""
    watch = Watch(call_label(job, args), [job])

    async def call_and_watch() -> Any:
        return await watch.call(student.with_timeout, hand_over(job), *args)

    return run(call_and_watch, label=watch.label, allow_error=True), watch


def call_label(job: Job, args: tuple) -> str:
    return f"with_timeout({', '.join([job.label, *map(repr, args)])})"


def chart(*watches: Watch) -> str:
    """A bar for each call and one for each job that started."""
    jobs = [job for watch in watches for job in watch.jobs if job.started is not None]
    return task_chart([watch.bar() for watch in watches if watch.began is not None] + [job.record() for job in jobs])


def at(instant: float | None) -> str:
    return "never" if instant is None else seconds(instant)


def fate(job: Job) -> str:
    """``returned 'late' at 6.0 s``: how a job ended (or that it never started)."""
    if job.started is None:
        return "never started"
    if job.finished is None:
        return "was still running"
    what = f"returned {plain_repr(job.value)}" if job.outcome == "returned" else job.outcome
    return f"{what} at {seconds(job.finished)}"


def near(instant: float | None, expected: float) -> bool:
    return instant is not None and abs(instant - expected) <= TOLERANCE


def timed_out(result: Run) -> bool:
    return isinstance(result.error, asyncio.TimeoutError)


def blocked_or(result: Run, otherwise: str | None) -> str | None:
    """The hint about time.sleep() when the run blocked the loop (the work could not run), else ``otherwise``."""
    return BLOCKED if result.blocking else otherwise


def wrong_value_help(result: Run, otherwise: str) -> str:
    """The hint for a call that returned the wrong thing, from what the run shows."""
    if result.blocking:
        return BLOCKED
    value = result.value
    if is_coroutine(value) or (isinstance(value, Opaque) and value.type_name.endswith(("Task", "Future"))):
        return RESULT_NOT_AWAITABLE
    return otherwise


@check(points=1)
def test_returns_the_result_of_work_that_finishes_in_time(student, run):
    """with_timeout(job(1, 'done'), 3) returns 'done', the job's result"""
    result, watch = run_watched(student, run, Job(1, "done"), 3)
    fail_on_error(result)
    job = watch.jobs[0]
    if result.value == "done" and job.outcome == "returned":
        return
    if result.value == "done":
        expect_work_ran(result, watch, help=blocked_or(result, WAIT_FOR), details=chart(watch))
    raise Failure(
        f"{watch.label} returned {plain_repr(result.value)}; expected 'done' ({job.label} {fate(job)})",
        help=wrong_value_help(result, f"return what the work gives back. {WAIT_FOR}"),
        details=chart(watch),
        notes=result.notes(),
    )


@check(points=1)
def test_returns_as_soon_as_the_work_finishes(student, run):
    """with_timeout(job(1, 'done'), 3) returns at 1 s, when the job finishes, not at 3 s"""
    result, watch = run_watched(student, run, Job(1, "done"), 3)
    fail_on_error(result)
    job = watch.jobs[0]
    expect_work_ran(result, watch, help=blocked_or(result, WAIT_FOR), details=chart(watch))
    if watch.took(1.0) and job.outcome == "returned":
        return
    if job.outcome == "returned" and job.finished < watch.ended:
        rationale = f"with_timeout returned at {seconds(watch.ended)}, but the work finished at {at(job.finished)}"
    else:
        rationale = f"with_timeout returned at {seconds(watch.ended)}, not at 1.0 s, when {job.label} finishes"
    raise Failure(rationale, help=blocked_or(result, WAIT_FOR), details=chart(watch), notes=result.notes())


@check(points=1)
def test_returns_the_default_when_the_time_is_up(student, run):
    """with_timeout(job(5, 'late'), 2, 'too slow') returns 'too slow' at 2 s (and None with no default)"""
    for default in ("too slow", None):
        args = (2, default) if default is not None else (2,)
        result, watch = run_watched(student, run, Job(5, "late"), *args)
        expect_default_when_up(result, watch, default, 2.0)


def expect_default_when_up(result: Run, watch: Watch, default: Any, limit: float) -> None:
    """The call returned ``default`` when its ``limit`` was up, having started the work."""
    fail_on_error(result, help=CATCH_TIMEOUT if timed_out(result) else None)
    job, value, ended = watch.jobs[0], result.value, watch.ended
    up = seconds(limit)
    if value == default and watch.took(limit):
        expect_work_ran(result, watch, help=blocked_or(result, WAIT_FOR), details=chart(watch))
        return
    if value == default:
        rationale = f"{watch.label} returned the default at {seconds(ended)}, not at {up}, when the time was up"
    elif job.outcome == "returned" and job.finished <= ended + TOLERANCE:
        rationale = (
            f"{watch.label} returned {plain_repr(value)} at {seconds(ended)}: it waited for {job.label} "
            f"to finish instead of giving up at {up} and returning the default, {default!r}"
        )
    elif watch.took(limit):
        rationale = (
            f"{watch.label} returned {plain_repr(value)} when the time was up; expected the default, {default!r}"
        )
    else:
        rationale = (
            f"{watch.label} returned {plain_repr(value)} at {seconds(ended)}; expected the default, {default!r}, "
            f"at {up}, when the time was up"
        )
    help = RETURN_THE_DEFAULT if watch.took(limit) else WAIT_FOR
    raise Failure(rationale, help=wrong_value_help(result, help), details=chart(watch), notes=result.notes())


@check(points=1)
def test_cancels_work_that_takes_too_long_and_leaves_nothing_running(student, run):
    """with_timeout cancels job(5, 'late') at its 2 s limit, and leaves nothing running after it returns"""
    result, watch = run_watched(student, run, Job(5, "late"), 2, "too slow")
    expect_cancelled_when_up(result, watch, 2.0)
    expect_nothing_left_running(result, watch)
    result, watch = run_watched(student, run, Job(1, "done"), 3)
    fail_on_error(result)
    expect_nothing_left_running(result, watch)


def expect_cancelled_when_up(result: Run, watch: Watch, limit: float) -> None:
    fail_on_error(result, help=CATCH_TIMEOUT if timed_out(result) else None)
    expect_work_ran(result, watch, help=blocked_or(result, CANCEL), details=chart(watch))
    job, ended = watch.jobs[0], watch.ended
    if job.outcome != "cancelled" and job.finished is not None and job.finished > ended + TOLERANCE:
        finished = at(job.finished)
        problem = f"with_timeout returned at {seconds(ended)}, but {job.label} kept running: it finished at {finished}"
    elif job.outcome != "cancelled":
        problem = (
            f"{job.label} was not cancelled when the time was up, at {seconds(limit)}: "
            f"with_timeout let it run to the end, at {at(job.finished)}"
        )
    elif not near(job.finished, limit):
        problem = f"{job.label} was cancelled at {seconds(job.finished)}, not at {seconds(limit)}, when the time was up"
    else:
        return
    raise Failure(problem, help=CANCEL, details=chart(watch), notes=result.notes())


@check(points=1)
def test_waits_until_cancelled_work_has_stopped(student, run):
    """when the work takes 1 s to stop, with_timeout returns the default only once it has stopped, at 3 s"""
    job = SlowToStopJob(5, "late", cleanup=1)
    result, watch = run_watched(student, run, job, 2, "too slow")
    fail_on_error(result, help=CATCH_TIMEOUT if timed_out(result) else None)
    expect_work_ran(result, watch, help=blocked_or(result, CANCEL), details=chart(watch))
    if not near(job.cancelled_at, 2.0):
        if job.cancelled_at is None:
            problem = f"{job.label} was not cancelled when the time was up, at 2.0 s: it {fate(job)}"
        else:
            problem = (
                f"{job.label} was cancelled only at {seconds(job.cancelled_at)}, not at 2.0 s, when the time was up"
            )
        raise Failure(
            problem,
            help=CANCEL,
            details=chart(watch),
            notes=result.notes(),
        )
    expect_nothing_left_running(result, watch)
    if result.value != "too slow" or not watch.took(3.0):
        raise Failure(
            f"{watch.label} returned {plain_repr(result.value)} at {seconds(watch.ended)}; expected 'too slow' "
            f"at 3.0 s, as soon as {job.label} had stopped (at {at(job.finished)})",
            help=wrong_value_help(result, RETURN_THE_DEFAULT),
            details=chart(watch),
            notes=result.notes(),
        )


@check(points=1)
def test_an_exception_from_the_work_comes_out_unchanged(student, run):
    """an exception from the work comes out unchanged, even a TimeoutError of the work's own"""
    result, watch = run_watched(student, run, Job(1, error=ValueError("boom")), 3, "fallback")
    expect_raised_by_the_work(result, watch, LET_IT_RAISE)
    result, watch = run_watched(student, run, Job(1, error=asyncio.TimeoutError("own")), 3, "fallback")
    expect_raised_by_the_work(result, watch, OWN_TIMEOUT)


def expect_raised_by_the_work(result: Run, watch: Watch, help: str) -> None:
    """The call raised the very exception its job raised, and the job did raise it. ``help`` is
    the hint when the call returned instead (the default, say)."""
    job = watch.jobs[0]
    error = job.error
    if result.error is error and job.outcome == "raised":
        return
    if result.error is not None and not isinstance(result.error, type(error)):
        fail_on_error(result)
    expect_work_ran(result, watch, help=blocked_or(result, None), details=chart(watch))
    if result.error is error:
        rationale = f"{watch.label} raised {error!r}, but {job.label} never raised it ({job.outcome})"
    elif result.error is not None:
        rationale = f"{watch.label} raised {result.error!r}, not the work's own exception, {error!r}"
    elif job.outcome == "raised":
        rationale = (
            f"{watch.label} returned {plain_repr(result.value)} instead of raising the {error!r} "
            f"that {job.label} raised at {at(job.finished)}"
        )
    else:
        rationale = (
            f"{watch.label} returned {plain_repr(result.value)} instead of raising {error!r}; "
            f"{job.label} never got to raise it ({job.outcome})"
        )
    hint = help if result.error is None and job.outcome == "raised" else LET_IT_RAISE
    raise Failure(rationale, help=hint, details=chart(watch), notes=result.notes())


@check(points=1)
def test_takes_a_task_or_a_future(student, run):
    """with_timeout takes a Task or a Future too, and cancels a Task that takes too long"""
    result, watch = run_watched(student, run, TaskJob(5, "late"), 2, "too slow")
    expect_default_when_up(result, watch, "too slow", 2.0)
    expect_cancelled_when_up(result, watch, 2.0)
    expect_nothing_left_running(result, watch)
    result, watch = run_watched(student, run, FutureJob(1, "done"), 3)
    fail_on_error(result)
    if result.value != "done" or not watch.took(1.0):
        raise Failure(
            f"{watch.label} returned {plain_repr(result.value)} at {seconds(watch.ended)}; expected 'done' at 1.0 s, "
            "when the future was set to it",
            help=wrong_value_help(result, WAIT_FOR),
            details=chart(watch),
            notes=result.notes(),
        )


@check(points=1)
def test_a_limit_of_zero_or_less_is_up_at_once(student, run):
    """with seconds <= 0 the time is already up: the default comes at once, and the work is stopped"""
    for limit in (0, -1):
        result, watch = run_watched(student, run, Job(1, "done"), limit, "now")
        fail_on_error(result, help=CATCH_TIMEOUT if timed_out(result) else UP_AT_ONCE)
        job = watch.jobs[0]
        if any(name.startswith("job()") for name in result.never_awaited):
            raise Failure(
                NOT_CLOSED.format(call=watch.label, value=plain_repr(result.value), job=job.label),
                help=CLOSE_IT,
                notes=result.notes(),
            )
        if result.value != "now" or not watch.took(0.0):
            raise Failure(
                ZERO_LIMIT.format(
                    call=watch.label,
                    value=plain_repr(result.value),
                    ended=seconds(watch.ended),
                    limit=limit,
                    default="now",
                    began=seconds(watch.began),
                ),
                help=wrong_value_help(result, UP_AT_ONCE),
                details=chart(watch),
                notes=result.notes(),
            )
        expect_nothing_left_running(result, watch, help=CANCEL)


@check(points=1)
def test_a_second_call_starts_afresh(student, run):
    """a second call in the same program starts afresh, after one that timed out"""
    late, done = Job(5, "late"), Job(1, "done")
    first = Watch(call_label(late, (2, "too slow")), [late], look_after=0)
    second = Watch(call_label(done, (3,)), [done])

    async def two_calls() -> Any:
        await first.call(student.with_timeout, late.coroutine(), 2, "too slow")
        return await second.call(student.with_timeout, done.coroutine(), 3)

    result = run(two_calls, label=f"{first.label}, then {second.label}", allow_error=True)
    in_first = second.began is None
    fail_on_error(
        result,
        help=CATCH_TIMEOUT if in_first and timed_out(result) else None,
        call=(first if in_first else second).label,
    )
    if result.value == "done" and second.took(1.0) and done.outcome == "returned":
        return
    if result.value == "done":
        expect_work_ran(result, second, help=blocked_or(result, None), details=chart(second))
    expected = (second.began or 0.0) + 1.0
    alone, watch = run_watched(student, run, Job(1, "done"), 3)
    fine_alone = (
        alone.error is None and alone.value == "done" and watch.took(1.0) and watch.jobs[0].outcome == "returned"
    )
    raise Failure(
        NOT_AFRESH.format(
            call=second.label,
            first=first.label,
            value=plain_repr(result.value),
            ended=at(second.ended),
            expected=seconds(expected),
            job=done.label,
        )
        + (" (called on its own, it returns 'done')" if fine_alone else ""),
        help=AFRESH if fine_alone else None,
        details=chart(first, second),
        notes=result.notes(),
    )


@check(points=1)
def test_does_not_block_the_event_loop(student, run):
    """while with_timeout waits, other tasks keep running"""

    async def with_timeout_of_a_job():
        return await student.with_timeout(Job(1, "done").coroutine(), 3)

    check_not_blocking(with_timeout_of_a_job, run, "with_timeout(job(1, 'done'), 3)")
