"""Racing

Boundaries of ``race(*aws)`` the checks cover, and why:

- three awaitables of different delays: the first one's result, at 1 s; the others cancelled
  then; nothing left running when race returns (the kit's one rule,
  :func:`grader.expect_nothing_left_running`: every task it started is done at that very
  instant, as with asyncio.wait_for and TaskGroup).
- others whose ``finally`` blocks await 1 s: race cancels them all at 1 s and returns at 2 s,
  once they have stopped (returning after ``asyncio.sleep(0)``, or cancelling and awaiting one
  task at a time, fails it). Code that goes one at a time through the ``pending`` set depends
  on that set's order; the check runs with every set of tasks in creation order, so it fails
  such code the same way on every run.
- the first to finish raises: that very exception, the other cancelled.
- Tasks and a Future instead of coroutines (``asyncio.create_task(aw)`` fails it).
- one awaitable; two that finish at the same instant (a tie: either result will do), run with
  every set of tasks going through them in creation order and in reverse, so that a result
  taken from a set (``done.pop()``) is accepted in both orders and a wrong one fails in both
  (``asyncio.wait(pending)`` on an empty set fails it).
- no awaitables: ValueError.
- a second race in the same program returns its own winner (results kept at module level fail it).
- the work ran: every check about what race did with the work first makes sure the work
  started, so that code that reads each coroutine's arguments and closes it unrun scores
  nothing there.

Left out: a time limit (race has none, so ``seconds <= 0`` has no counterpart); a tie between a
result and an exception (either will do, as in any tie, and the tie check shows that already);
race itself being cancelled (the docstring promises nothing for it); awaitables that are
neither coroutines, Tasks nor Futures (``asyncio.ensure_future`` treats them as coroutines);
more than three awaitables (nothing changes past three).
"""

from __future__ import annotations

import builtins
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
    plain_repr,
    seconds,
    task_chart,
)

FIRST_COMPLETED = (
    "wrap each awaitable in a task (asyncio.ensure_future), then "
    "`done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`."
)
WAITED_FOR_ALL = (
    "race returned only once every awaitable had finished: return as soon as the first has, with "
    "`asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)` (asyncio.gather, and asyncio.wait with its "
    "default return_when=ALL_COMPLETED, wait for all of them)."
)
CANCEL_OTHERS = "once one has finished, call .cancel() on every other task."
BLOCKED = (
    "wait with `await` (asyncio.wait, asyncio.sleep), never with time.sleep(): while time.sleep() runs, "
    "nothing else can, not even the awaitables."
)
ALL_AT_ONCE = (
    "cancel every other task first (a loop of .cancel() calls), then wait for all of them together: "
    "`await asyncio.gather(*others, return_exceptions=True)`. Cancelling and awaiting one task at a time "
    "leaves the rest running while each one stops."
)
RAISE_IT = (
    "the first task to finish may have raised: `task.result()` raises its exception again; "
    "cancel the other tasks before (or whatever happens, in a `finally:`)."
)
UNWRAP_GROUP = (
    "a TaskGroup wraps the errors of its tasks in an ExceptionGroup: keep the first one's exception "
    "yourself and raise it after the `async with` block."
)
EMPTY = "check `if not aws:` first and `raise ValueError(...)`: with nothing to race there is no winner."
AFRESH = (
    "keep what one race needs (its tasks, its results, its events) in local variables: kept at module level, "
    "they are still there, full, when the next race comes."
)
VALUE_NOT_RESULT = {
    "set": "asyncio.wait() gives back two sets of tasks, (done, pending); return the result of the finished one: "
    "`next(iter(done)).result()`.",
    "list": "asyncio.gather() waits for all and gives back every result; race wants only the first one's.",
    "task": "return the task's result, `task.result()`, not the task itself.",
}

ONE_AT_A_TIME = (
    "race cancelled the other awaitables one at a time, at {instants}, not all at once at {first}, when "
    "{winner} finished: each waited for the one before it to stop"
)
NOT_AFRESH = (
    "{call}, made after {first} in the same program, returned {value} at {ended}; expected {expected!r} at "
    "{instant}, when {job} finished"
)


def run_race(run: Callable[..., Run], student: Any, *jobs: Job, order: str | None = None) -> tuple[Run, Watch]:
    """Run ``race(*jobs)`` under a Watch: when it returned, the jobs, what it left running then
    (and, with ``order``, every set of its tasks in that order)."""
    watch = Watch(f"race({', '.join(job.label for job in jobs)})", jobs, order=order)

    async def race_and_watch() -> Any:
        return await watch.call(student.race, *(hand_over(job) for job in jobs))

    return run(race_and_watch, label=watch.label, allow_error=True), watch


def three_jobs() -> list[Job]:
    return [Job(3, "slow"), Job(1, "fast"), Job(2, "medium")]


def chart(watch: Watch) -> str:
    """A bar for race and for each job that started; a line for each that never did."""
    width = max(len(job.label) for job in watch.jobs)
    bars = [watch.bar(f"{'race(...)':<{width}}")] + [job.record() for job in watch.jobs if job.started is not None]
    lines = [task_chart(bars)]
    lines += [f"    {job.label:<{width}}  never started" for job in watch.jobs if job.started is None]
    return "\n".join(lines)


def first(watch: Watch) -> Job:
    """The job that finishes first when all run at once."""
    return min(watch.jobs, key=lambda job: job.delay)


def others(watch: Watch) -> list[Job]:
    winner = first(watch)
    return [job for job in watch.jobs if job is not winner]


def kind_of(value: Any) -> str | None:
    """What a wrong value is, when it says how the student got there: a set, a list, a task."""
    if isinstance(value, (set, frozenset)):
        return "set"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, Opaque) and value.type_name.endswith("Task"):
        return "task"
    return None


def shown(value: Any) -> str:
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(map(plain_repr, value))) + "}" if value else "set()"
    return plain_repr(value)


def awaitables(jobs: list[Job], was: bool = False) -> str:
    """``2 awaitables`` (``2 awaitables were`` with ``was``): a count and words agreeing with it."""
    words = ("awaitable", "was") if len(jobs) == 1 else ("awaitables", "were")
    return f"{len(jobs)} {words[0]} {words[1]}" if was else f"{len(jobs)} {words[0]}"


def names(jobs: list[Job]) -> str:
    return " and ".join(job.label for job in jobs)


def near(instant: float | None, expected: float) -> bool:
    return instant is not None and abs(instant - expected) <= TOLERANCE


def timing_help(result: Run, watch: Watch) -> str | None:
    """The hint for a race that returned late or wrong, from what the run shows."""
    if result.blocking:
        return BLOCKED
    if any(job.started is None for job in watch.jobs):
        return FIRST_COMPLETED  # they were awaited one after another, not raced
    ends = [job.finished for job in watch.jobs]
    if all(job.outcome in ("returned", "raised") for job in watch.jobs) and watch.ended >= max(ends) - TOLERANCE:
        return WAITED_FOR_ALL
    return None


@check(points=1)
def test_returns_the_result_of_the_first_to_finish(student, run):
    """race(job(3, 'slow'), job(1, 'fast'), job(2, 'medium')) returns 'fast'"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result)
    fast = first(watch)
    if result.value == "fast" and fast.outcome == "returned":
        return
    if result.value == "fast":
        expect_work_ran(result, watch, details=chart(watch))
    value = result.value
    kind = kind_of(value)
    source = next((job for job in watch.jobs if job.value == value and job.outcome == "returned"), None)
    rationale = f"race returned {shown(value)}; expected 'fast', the result of job(1, 'fast'), the first to finish"
    if result.value == "fast":
        rationale = f"race returned 'fast', but job(1, 'fast') did not return it: it was {fast.outcome}"
    elif kind is None and source is not None:
        rationale += f" (that was the result of {source.label}, which finished at {seconds(source.finished)})"
    raise Failure(
        rationale,
        help=VALUE_NOT_RESULT[kind] if kind else timing_help(result, watch),
        details=chart(watch),
        notes=result.notes(),
    )


@check(points=1)
def test_returns_as_soon_as_the_first_finishes(student, run):
    """race returns at 1 s, when job(1, 'fast') finishes, not later"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result)
    fast = first(watch)
    if watch.took(1.0) and fast.outcome == "returned" and near(fast.finished, 1.0):
        return
    finished = [job.finished for job in watch.jobs if job.outcome in ("returned", "raised")]
    never = [job for job in watch.jobs if job.started is None]
    if finished and min(finished) < watch.ended - TOLERANCE:
        rationale = (
            f"race returned at {seconds(watch.ended)}, but the first awaitable finished at {seconds(min(finished))}"
        )
    elif never and watch.took(1.0):  # on time, but without running the work
        expect_work_ran(result, watch, details=chart(watch))
        return
    elif never:
        rationale = (
            f"race returned at {seconds(watch.ended)}, not at 1.0 s: {names(never)} never started, "
            f"so {'they' if len(never) > 1 else 'it'} never raced"
        )
    else:
        rationale = f"race returned at {seconds(watch.ended)}, not at 1.0 s, when job(1, 'fast') finishes"
    raise Failure(rationale, help=timing_help(result, watch), details=chart(watch), notes=result.notes())


@check(points=1)
def test_cancels_the_others(student, run):
    """race cancels job(3, 'slow') and job(2, 'medium') once job(1, 'fast') has finished"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result)
    expect_work_ran(result, watch, details=chart(watch))
    problem = not_cancelled(watch, "returned")
    if problem is not None:
        raise Failure(problem, help=CANCEL_OTHERS, details=chart(watch), notes=result.notes())


def not_cancelled(watch: Watch, verb: str) -> str | None:
    """What is wrong with the other jobs' ends, if anything: they should be cancelled when race ends."""
    ended = watch.ended
    kept_going = [job for job in others(watch) if job.started is not None and not ended_by(job, ended)]
    if kept_going:
        ends = ", ".join(f"{job.label} {ending(job)}" for job in kept_going)
        return f"{awaitables(kept_going, was=True)} still running after race {verb} at {seconds(ended)}: {ends}"
    ran_out = [job for job in others(watch) if job.outcome in ("returned", "raised")]
    if ran_out:
        return f"race let {names(ran_out)} run to the end instead of cancelling {'them' if len(ran_out) > 1 else 'it'}"
    return None


def ended_by(job: Job, instant: float) -> bool:
    return job.finished is not None and job.finished <= instant + TOLERANCE


def ending(job: Job) -> str:
    if job.finished is None:
        return "never ended"
    return (
        f"was cancelled at {seconds(job.finished)}"
        if job.outcome == "cancelled"
        else f"finished at {seconds(job.finished)}"
    )


@check(points=1)
def test_waits_until_the_others_have_stopped(student, run):
    """race leaves nothing running: when it returns, every task it started has stopped (finally blocks included)"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result)
    expect_work_ran(result, watch, details=chart(watch))
    expect_nothing_left_running(result, watch, help=CANCEL_OTHERS)


@check(points=1)
def test_others_slow_to_stop_are_cancelled_at_once_and_waited_for(student, run):
    """when the others take 1 s to stop, race cancels them all at 1 s and returns at 2 s, once they have stopped"""
    slow, fast, slower = SlowToStopJob(3, "slow", cleanup=1), Job(1, "fast"), SlowToStopJob(4, "slower", cleanup=1)
    result, watch = run_race(run, student, slow, fast, slower)
    fail_on_error(result)
    expect_work_ran(result, watch, details=chart(watch))
    losers = [slow, slower]
    never = [job for job in losers if job.cancelled_at is None]
    if never:
        raise Failure(
            f"race never cancelled {names(never)}: " + ", ".join(f"{job.label} {ending(job)}" for job in never),
            help=CANCEL_OTHERS,
            details=chart(watch),
            notes=result.notes(),
        )
    instants = sorted(job.cancelled_at for job in losers)
    if not near(instants[0], 1.0):
        raise Failure(
            f"race cancelled the others only at {seconds(instants[0])}, not at 1.0 s, when {fast.label} finished",
            help=CANCEL_OTHERS,
            details=chart(watch),
            notes=result.notes(),
        )
    if not near(instants[-1], 1.0):
        raise Failure(
            ONE_AT_A_TIME.format(instants=" and ".join(map(seconds, instants)), first=seconds(1.0), winner=fast.label),
            help=ALL_AT_ONCE,
            details=chart(watch),
            notes=result.notes(),
        )
    expect_nothing_left_running(result, watch, help=CANCEL_OTHERS)
    if not watch.took(2.0):
        raise Failure(
            f"race returned at {seconds(watch.ended)}, not at 2.0 s, as soon as the others had stopped",
            details=chart(watch),
            notes=result.notes(),
        )


@check(points=1)
def test_an_exception_from_the_first_to_finish_is_raised(student, run):
    """race(job(2, 'slow'), failing_job(1, ValueError('boom'))) raises that ValueError and cancels the other"""
    boom = ValueError("boom")
    result, watch = run_race(run, student, Job(2, "slow"), Job(1, error=boom))
    failing = first(watch)
    kind = kind_of(result.value)
    if result.error is None:
        rationale = (
            f"race returned {shown(result.value)} at {seconds(watch.ended)}; expected it to raise the "
            "ValueError('boom') that failing_job(1, ValueError('boom')), the first to finish, raised at 1.0 s"
        )
    elif not isinstance(result.error, ValueError):
        group = isinstance(result.error, getattr(builtins, "BaseExceptionGroup", ()))
        fail_on_error(result, help=UNWRAP_GROUP if group else None)
    elif result.error is not boom:
        rationale = f"race raised {result.error!r}, not the ValueError('boom') that failing_job(1, ...) raised"
    elif failing.outcome != "raised":
        expect_work_ran(result, watch, details=chart(watch))
        rationale = f"race raised ValueError('boom'), but {failing.label} did not raise it: it was {failing.outcome}"
    else:
        rationale = not_cancelled(watch, "raised")
        if rationale is None:
            return
    if result.error is None and kind:
        help = VALUE_NOT_RESULT[kind]
    elif failing.started is None:  # it was never raced, so it never got to raise
        help = timing_help(result, watch)
    else:
        help = RAISE_IT
    raise Failure(rationale, help=help, details=chart(watch), notes=result.notes())


@check(points=1)
def test_takes_tasks_and_futures(student, run):
    """race takes Tasks and Futures too: it returns the first one's result at 1 s, and cancels the others"""
    result, watch = run_race(run, student, TaskJob(3, "slow"), TaskJob(1, "fast"), FutureJob(2, "medium"))
    fail_on_error(result)
    expect_work_ran(result, watch, details=chart(watch))
    fast = first(watch)
    if result.value != "fast" or not watch.took(1.0) or fast.outcome != "returned":
        kind = kind_of(result.value)
        raise Failure(
            f"{watch.label} returned {shown(result.value)} at {seconds(watch.ended)}; "
            f"expected 'fast' at 1.0 s, when {fast.label} finished",
            help=VALUE_NOT_RESULT[kind] if kind else timing_help(result, watch),
            details=chart(watch),
            notes=result.notes(),
        )
    problem = not_cancelled(watch, "returned")
    if problem is not None:
        raise Failure(problem, help=CANCEL_OTHERS, details=chart(watch), notes=result.notes())
    expect_nothing_left_running(result, watch, help=CANCEL_OTHERS)


@check(points=1)
def test_one_awaitable_or_a_tie(student, run):
    """race with one awaitable returns its result, and when two finish at once, either result, at 1 s"""
    result, watch = run_race(run, student, Job(1, "only"))
    expect_one_of(result, watch, ["only"])
    for order in ("as made", "reversed"):
        result, watch = run_race(run, student, Job(1, "a"), Job(1, "b"), order=order)
        expect_one_of(result, watch, ["a", "b"])


def expect_one_of(result: Run, watch: Watch, values: list[str]) -> None:
    """race returned one of ``values`` at 1 s, from a job that returned it."""
    fail_on_error(result)
    expect_work_ran(result, watch, details=chart(watch))
    source = next((job for job in watch.jobs if job.value == result.value and job.outcome == "returned"), None)
    if result.value in values and source is not None and watch.took(1.0):
        return
    expected = " or ".join(map(repr, values))
    why = "both finished then, and either result will do" if len(values) > 1 else f"when {watch.jobs[0].label} finished"
    kind = kind_of(result.value)
    raise Failure(
        f"{watch.label} returned {shown(result.value)} at {seconds(watch.ended)}; expected {expected} at 1.0 s: {why}",
        help=VALUE_NOT_RESULT[kind] if kind else timing_help(result, watch),
        details=chart(watch),
        notes=result.notes(),
    )


@check(points=1)
def test_a_second_race_starts_afresh(student, run):
    """a second race in the same program starts afresh, and returns its own first result"""
    x, y, b, a = Job(1, "x"), Job(2, "y"), Job(2, "b"), Job(1, "a")
    earlier = Watch("race(job(1, 'x'), job(2, 'y'))", [x, y], look_after=0)
    later = Watch("race(job(2, 'b'), job(1, 'a'))", [b, a])

    async def two_races() -> Any:
        await earlier.call(student.race, x.coroutine(), y.coroutine())
        return await later.call(student.race, b.coroutine(), a.coroutine())

    result = run(two_races, label=f"{earlier.label}, then {later.label}", allow_error=True)
    fail_on_error(result, call=(later if later.began is not None else earlier).label)
    if result.value == "a" and later.took(1.0) and a.outcome == "returned":
        return
    if result.value == "a":
        expect_work_ran(result, later, details=chart(later))
    alone, watch = run_race(run, student, Job(2, "b"), Job(1, "a"))
    fine_alone = alone.error is None and alone.value == "a" and watch.took(1.0) and watch.jobs[1].outcome == "returned"
    kind = kind_of(result.value)
    rationale = NOT_AFRESH.format(
        call=later.label,
        first=earlier.label,
        value=shown(result.value),
        ended="never" if later.ended is None else seconds(later.ended),
        expected="a",
        instant=seconds((later.began or 0.0) + 1.0),
        job=a.label,
    )
    raise Failure(
        rationale + (" (on its own, it returns 'a')" if fine_alone else ""),
        help=AFRESH if fine_alone else VALUE_NOT_RESULT[kind] if kind else None,
        details=chart(later),
        notes=result.notes(),
    )


@check(points=1)
def test_no_awaitables_is_a_value_error(student, run):
    """race() with no awaitables raises ValueError"""
    result = run(student.race, allow_error=True)
    if isinstance(result.error, ValueError):
        return
    if result.error is not None:
        raise Failure(result.describe_error(), help=EMPTY, notes=result.notes())
    raise Failure(
        f"race() returned {shown(result.value)} at {seconds(result.duration)}; expected it to raise ValueError",
        help=EMPTY,
        notes=result.notes(),
    )
