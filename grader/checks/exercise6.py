"""Racing"""

from __future__ import annotations

import asyncio
import builtins
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from grader import TOLERANCE, Failure, Job, Run, TaskRecord, check, plain_repr, seconds, task_chart

# Virtual seconds a check keeps watching after race has returned: long enough for any
# awaitable it left running to finish, and so to show.
LOOK_AFTER = 10.0
FIRST_COMPLETED = (
    "wrap each awaitable in a task (asyncio.ensure_future), then "
    "`done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`."
)
CANCEL_OTHERS = "once one has finished, call .cancel() on every other task."
WAIT_FOR_THEM = (
    "cancel() only asks a task to stop; it stops when it next runs. Wait for that before returning: "
    "`await asyncio.wait(pending)` or `await asyncio.gather(*pending, return_exceptions=True)`."
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
VALUE_NOT_RESULT = {
    set: "asyncio.wait() gives back two sets of tasks, (done, pending); return the result of the finished one: "
    "`next(iter(done)).result()`.",
    list: "asyncio.gather() waits for all and gives back every result; race wants only the first one's.",
    asyncio.Task: "return the task's result, `task.result()`, not the task itself.",
}


@dataclass
class Watch:
    """One call of race(*jobs), as a check saw it."""

    jobs: list[Job]
    ended: float | None = None  # when race returned or raised
    running_then: list[Job] = field(default_factory=list)  # jobs still running at that instant

    @property
    def label(self) -> str:
        return f"race({', '.join(job.label for job in self.jobs)})"

    @property
    def first(self) -> Job:
        """The job that finishes first when all run at once."""
        return min(self.jobs, key=lambda job: job.delay)

    @property
    def others(self) -> list[Job]:
        return [job for job in self.jobs if job is not self.first]

    def chart(self) -> str:
        """A bar for race and for each job that started; a line for each that never did."""
        width = max(len(job.label) for job in self.jobs)
        bars = [TaskRecord(f"{'race(...)':<{width}}", "", 0.0, 0.0, self.ended)]
        bars += [job.record() for job in self.jobs if job.started is not None]
        lines = [task_chart(bars)]
        lines += [f"    {job.label:<{width}}  never started" for job in self.jobs if job.started is None]
        return "\n".join(lines)


def run_race(run: Callable[..., Run], student: Any, *jobs: Job) -> tuple[Run, Watch]:
    """Run ``race(*jobs)``, noting when it ended and which jobs were still running then;
    then watch LOOK_AFTER s more, to see what became of them."""
    watch = Watch(list(jobs))

    async def race_and_watch() -> Any:
        raised = None
        try:
            value = await student.race(*(job.coroutine() for job in jobs))
        except Exception as error:
            raised = error
        watch.ended = asyncio.get_running_loop().time()
        watch.running_then = [job for job in jobs if job.outcome == "running"]
        await asyncio.sleep(LOOK_AFTER)
        if raised is not None:
            raise raised
        return value

    return run(race_and_watch, label=watch.label, allow_error=True), watch


def three_jobs() -> list[Job]:
    return [Job(3, "slow"), Job(1, "fast"), Job(2, "medium")]


def fail_on_error(result: Run, help: str | None = None) -> None:
    if result.error is not None:
        raise Failure(result.describe_error(), help=help, notes=result.notes())


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


@check(points=2)
def test_returns_the_result_of_the_first_to_finish(student, run):
    """race(job(3, 'slow'), job(1, 'fast'), job(2, 'medium')) returns 'fast'"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result, help=FIRST_COMPLETED)
    if result.value == "fast":
        return
    value = result.value
    kind = next((kind for kind in VALUE_NOT_RESULT if isinstance(value, kind)), None)
    source = next((job for job in watch.jobs if job.value == value and job.outcome == "returned"), None)
    rationale = f"race returned {shown(value)}; expected 'fast', the result of job(1, 'fast'), the first to finish"
    if kind is None and source is not None:
        rationale += f" (that was the result of {source.label}, which finished at {seconds(source.finished)})"
    raise Failure(
        rationale,
        help=VALUE_NOT_RESULT[kind] if kind else FIRST_COMPLETED,
        details=watch.chart(),
        notes=result.notes(),
    )


@check(points=2)
def test_returns_as_soon_as_the_first_finishes(student, run):
    """race returns at 1 s, when job(1, 'fast') finishes, not later"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result, help=FIRST_COMPLETED)
    if abs(watch.ended - 1.0) <= TOLERANCE:
        return
    finished = [job.finished for job in watch.jobs if job.outcome in ("returned", "raised")]
    never = [job for job in watch.jobs if job.started is None]
    if finished and min(finished) < watch.ended - TOLERANCE:
        rationale = (
            f"race returned at {seconds(watch.ended)}, but the first awaitable finished at {seconds(min(finished))}"
        )
    elif never:
        rationale = (
            f"race returned at {seconds(watch.ended)}, not at 1.0 s: {names(never)} never started, "
            f"so {'they' if len(never) > 1 else 'it'} never raced"
        )
    else:
        rationale = f"race returned at {seconds(watch.ended)}, not at 1.0 s, when job(1, 'fast') finishes"
    raise Failure(rationale, help=FIRST_COMPLETED, details=watch.chart(), notes=result.notes())


@check(points=2)
def test_cancels_the_others(student, run):
    """race cancels job(3, 'slow') and job(2, 'medium') once job(1, 'fast') has finished"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result, help=CANCEL_OTHERS)
    problem = not_cancelled(watch, "returned")
    if problem is not None:
        raise Failure(problem, help=CANCEL_OTHERS, details=watch.chart(), notes=result.notes())


def not_cancelled(watch: Watch, verb: str) -> str | None:
    """What is wrong with the other jobs' ends, if anything: they should be cancelled when race ends."""
    ended = watch.ended
    kept_going = [job for job in watch.others if job.started is not None and not ended_by(job, ended)]
    if kept_going:
        ends = ", ".join(f"{job.label} {ending(job)}" for job in kept_going)
        return f"{awaitables(kept_going, was=True)} still running after race {verb} at {seconds(ended)}: {ends}"
    ran_out = [job for job in watch.others if job.outcome in ("returned", "raised")]
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
    """race returns only once the cancelled awaitables have stopped (their finally blocks have run)"""
    result, watch = run_race(run, student, *three_jobs())
    fail_on_error(result, help=WAIT_FOR_THEM)
    if not watch.running_then:
        return
    stopping = [job for job in watch.running_then if job.outcome == "cancelled" and ended_by(job, watch.ended)]
    if len(stopping) == len(watch.running_then):
        rationale = (
            f"race returned at {seconds(watch.ended)} before the {awaitables(stopping)} it had cancelled had "
            f"stopped: the finally blocks of {names(stopping)} ran only after race returned"
        )
    else:
        rationale = (
            f"{awaitables(watch.running_then, was=True)} still running when race returned at {seconds(watch.ended)}: "
            f"{names(watch.running_then)}"
        )
    raise Failure(rationale, help=WAIT_FOR_THEM, details=watch.chart(), notes=result.notes())


@check(points=2)
def test_an_exception_from_the_first_to_finish_is_raised(student, run):
    """race(job(2, 'slow'), failing_job(1, ValueError('boom'))) raises that ValueError and cancels the other"""
    boom = ValueError("boom")
    result, watch = run_race(run, student, Job(2, "slow"), Job(1, error=boom))
    kind = next((kind for kind in VALUE_NOT_RESULT if isinstance(result.value, kind)), None)
    if result.error is None:
        rationale = (
            f"race returned {shown(result.value)} at {seconds(watch.ended)}; expected it to raise the "
            "ValueError('boom') that failing_job(1, ValueError('boom')), the first to finish, raised at 1.0 s"
        )
    elif not isinstance(result.error, ValueError):
        group = isinstance(result.error, getattr(builtins, "BaseExceptionGroup", ()))
        raise Failure(result.describe_error(), help=UNWRAP_GROUP if group else RAISE_IT, notes=result.notes())
    elif result.error is not boom:
        rationale = f"race raised {result.error!r}, not the ValueError('boom') that failing_job(1, ...) raised"
    else:
        rationale = not_cancelled(watch, "raised")
        if rationale is None:
            return
    help = VALUE_NOT_RESULT[kind] if result.error is None and kind else RAISE_IT
    raise Failure(rationale, help=help, details=watch.chart(), notes=result.notes())


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
