"""Gathering results

Boundaries of the contract (``fetch_all(jobs)`` runs ``fetch(delay, value)`` for every job at
once and returns the values in the order of ``jobs``, in the time of the largest delay):

- 0 jobs: "fetch_all([]) returns [] at once".
- 1 job, many jobs (eight: more than the three of the other checks, so batches of three or
  five take longer), equal delays (a dict keyed by delay keeps one), repeated jobs (the same
  delay and value twice: a set or a dict drops one), long delays (600 s: a hidden time limit of
  one's own gives up): "with one job, eight jobs, ..." wants every value, in order, in the time
  of the longest delay, each list in a run of its own.
- A second call in the same process: "a second call of fetch_all ..." calls it twice in one
  process and compares the second call with the same call made first in a fresh process, so
  it fails only what the first call left behind (a mutable default, a list or a cache at module
  level), never a mistake that every call makes (the other checks report those).
- A start later than 0 s is left out: nothing in this contract reads the clock.
- A delay of 0 is left out: asyncio.sleep(0) takes no time, so it shows nothing that [] and
  one job don't.
- Every hint rests on evidence from the run: the values (the job's own, fewer, reordered,
  awaitables), the spied fetch calls (none, cancelled, one at a time), a blocking call, and the
  error (``gather(list)``, ``asyncio.wait([])``, a TimeoutError of the student's own).
"""

import asyncio

import pytest

from grader import (
    TOLERANCE,
    Failure,
    Mismatch,
    check,
    expect_duration,
    expect_no_error,
    is_coroutine,
    plain_repr,
    seconds,
    spy,
)
from grader.checks.common import explained, never_awaited

JOBS = [(2, "pear"), (1, "apple"), (3, "fig")]
VALUES = ["pear", "apple", "fig"]
IN_ORDER = "asyncio.gather(*coroutines) returns the results in the order it was given them, whatever finishes first."
CONCURRENT = "pass every fetch(delay, value) to one asyncio.gather(...) call, so that they all wait at the same time."
AWAIT_THEM = (
    "await the fetches before returning their values: `return await asyncio.gather(*coroutines)` runs them "
    "all at once and gives back what each returned."
)
BLOCKED = (
    "time.sleep blocks the event loop, so the jobs ran one at a time even inside asyncio.gather: let "
    "fetch(delay, value) do the waiting (it waits with `await asyncio.sleep`)."
)
EACH_JOB = "call fetch(delay, value) once for each job."
NOTHING_TO_WAIT_FOR = "with no jobs there is nothing to wait for: return []"
THEIR_VALUES = "return what each `await fetch(delay, value)` gives back, not the values from the jobs."
NO_TIME_LIMIT = "nothing in the exercise asks for a time limit: wait for every fetch, however long its delay."
ONE_VALUE_A_JOB = (
    "return one value for each job, repeats included: a set or a dict keeps one of each, and so drops jobs "
    "that look alike."
)
A_LIST = "return a list even for one job (`[value]`), as asyncio.gather gives it."
A_NEW_LIST = (
    "make the list of results inside fetch_all, on every call: a default argument such as `results=[]`, or "
    "a list at module level, is made once and shared by every call."
)
FETCH_EVERY_TIME = "call fetch for every job on every call, even for a job fetched before."

CALLED = "fetch_all called fetch {count} time(s) for {jobs} jobs"
NONE_RAN = "fetch_all made fetch() coroutines but never awaited them, so no fetch ran"
AT_MOST = "at most {peak} fetch() {calls} ran at the same time; expected all {count}"
WITH_OUR_FETCH = (
    "with the grader's own fetch (which returns values in capitals), fetch_all returned {value}; "
    "expected ['PEAR', 'APPLE', 'FIG']"
)
RETURNED = "{call} returned {value}; expected {expected}"
SECOND_RETURNED = "called a second time, {call} returned {second}; called first, it returned {first}"
SECOND_TOOK = "called a second time, {call} took {second}; called first, it took {first}"

EDGES = [
    [(1.5, "solo")],
    [(3, "plum"), (1, "kiwi"), (4, "lime"), (1.5, "date"), (5, "pear"), (2, "fig"), (6, "yuzu"), (2.5, "sloe")],
    [(2, "kiwi"), (2, "lime"), (2, "plum")],
    [(1, "echo"), (2, "solo"), (1, "echo")],
    [(600, "late"), (90, "early")],
]
AGAIN = [(1, "plum"), (2, "pear")]


@pytest.fixture
def run(run):
    """The kit's ``run``, with a hint for an error that is the symptom of a known mistake."""
    return explained(run)


async def fetch_slowly(delay, value):
    """A stand-in for the given fetch, with other delays and values."""
    await asyncio.sleep(delay * 2)
    return value.upper()


def returned_awaitables(value) -> bool:
    """fetch_all handed back coroutines or tasks instead of their values."""
    items = value if isinstance(value, list) else [value]
    return any(is_coroutine(item) or getattr(item, "is_a", lambda *_: False)("Task", "Future") for item in items)


def same_values(value, expected) -> bool:
    """``value`` is a list holding ``expected``'s values, in any order."""
    return isinstance(value, list) and sorted(map(plain_repr, value)) == sorted(map(plain_repr, expected))


def values_hint(value, jobs):
    """The hint the returned ``value`` itself supports, when it isn't the values of ``jobs``."""
    expected = [job_value for _, job_value in jobs]
    if returned_awaitables(value):
        return AWAIT_THEM
    if same_values(value, expected):
        return IN_ORDER
    if len(expected) == 1 and value == expected[0]:
        return A_LIST
    if dropped_alike(value, jobs):
        return ONE_VALUE_A_JOB
    return None


def dropped_alike(value, jobs) -> bool:
    """``value`` has one value for each distinct job, value or delay: jobs that look alike were dropped."""
    if not isinstance(value, list) or len(value) >= len(jobs):
        return False
    distinct = {len(set(jobs)), len({job_value for _, job_value in jobs}), len({delay for delay, _ in jobs})}
    return len(value) in distinct and set(map(plain_repr, value)) <= {plain_repr(v) for _, v in jobs}


def time_hint(result, calls):
    """Why the fetches didn't all wait at once, as far as the run shows it."""
    if result.blocking:
        return BLOCKED
    if never_awaited(result, "fetch") or returned_awaitables(result.value):
        return AWAIT_THEM
    if any(call.outcome == "cancelled" for call in calls):
        return AWAIT_THEM
    if not calls:
        return EACH_JOB
    if calls.peak() < len(calls):
        return CONCURRENT
    return None


@check(points=2)
def test_returns_the_values_in_the_order_of_jobs(student, run):
    """fetch_all returns the values in the order of the jobs, not the order they finish in"""
    result = run(student.fetch_all, JOBS)
    if result.value != VALUES:
        raise Mismatch(VALUES, result.value, help=values_hint(result.value, JOBS), notes=result.notes())


@check(points=2)
def test_takes_as_long_as_the_longest_fetch(student, run):
    """fetch_all takes 3 s, the longest delay, not 6 s, their sum"""
    calls = spy(student, "fetch")
    result = run(student.fetch_all, JOBS)
    expect_duration(result, 3.0, help=time_hint(result, calls))


@check(points=1)
def test_no_jobs_return_an_empty_list_at_once(student, run):
    """fetch_all([]) returns [] at once"""
    result = run(student.fetch_all, [])
    if result.value != []:
        raise Mismatch([], result.value, help=f"{NOTHING_TO_WAIT_FOR}.")
    expect_duration(result, 0.0, help=f"{NOTHING_TO_WAIT_FOR} at once.")


@check(points=2)
def test_all_fetches_run_at_the_same_time(student, run):
    """every fetch runs at the same time as the others"""
    calls = spy(student, "fetch")
    result = run(student.fetch_all, JOBS)
    if not calls and never_awaited(result, "fetch"):
        raise Failure(NONE_RAN, help=AWAIT_THEM, notes=result.notes())
    if len(calls) != len(JOBS):
        raise Failure(CALLED.format(count=len(calls), jobs=len(JOBS)), help=EACH_JOB)
    peak = calls.peak()
    if peak < len(JOBS):
        raise Failure(
            AT_MOST.format(peak=peak, calls="call" if peak == 1 else "calls", count=len(JOBS)),
            help=time_hint(result, calls),
            details=calls.chart(),
            notes=result.notes(),
        )


@check(points=1)
def test_uses_the_given_fetch(student, run):
    """fetch_all gets each value by calling fetch (the grader swaps in its own)"""
    spy(student, "fetch", fetch_slowly)
    result = run(student.fetch_all, JOBS)
    if not same_values(result.value, [value.upper() for value in VALUES]):
        hint = THEIR_VALUES if same_values(result.value, VALUES) else values_hint(result.value, JOBS)
        raise Failure(WITH_OUR_FETCH.format(value=plain_repr(result.value)), help=hint, notes=result.notes())


@check(points=1)
def test_edge_cases_return_every_value_in_the_longest_delay(student, run):
    """one job, eight jobs, repeats, equal or long delays: every value, in order, in the longest delay"""
    for jobs in EDGES:
        calls = spy(student, "fetch")  # a spy of its own: these calls only
        result = run(student.fetch_all, jobs, allow_error=True, label=f"fetch_all({plain_repr(jobs)})")
        # The grader sets no time limit: a TimeoutError is one of the student's own.
        timed_out = isinstance(result.error, (TimeoutError, asyncio.TimeoutError))
        expect_no_error(result, help=NO_TIME_LIMIT if timed_out else None)
        expected = [value for _, value in jobs]
        if result.value != expected:
            raise Failure(
                RETURNED.format(call=result.call, value=plain_repr(result.value), expected=plain_repr(expected)),
                help=values_hint(result.value, jobs),
                notes=result.notes(),
            )
        expect_duration(result, max(delay for delay, _ in jobs), help=time_hint(result, calls), details=calls.chart())


@check(points=1)
def test_a_second_call_does_as_well_as_the_first(student, run):
    """a second call of fetch_all in the same process does just what a first call does"""
    first = run(student.fetch_all, AGAIN)  # in a fresh process: the call as made first
    calls = spy(student, "fetch")

    async def twice():
        await student.fetch_all(list(JOBS))
        began = asyncio.get_running_loop().time()
        second = await student.fetch_all(list(AGAIN))
        return [second, asyncio.get_running_loop().time() - began, began]

    label = f"fetch_all({plain_repr(JOBS)}), then {first.call}"
    both = run(twice, label=label)
    second, took, began = both.value
    if plain_repr(second) != plain_repr(first.value):
        hint = A_NEW_LIST if isinstance(second, list) and len(second) > len(AGAIN) else None
        shown = SECOND_RETURNED.format(call=first.call, second=plain_repr(second), first=plain_repr(first.value))
        raise Failure(shown, help=hint, notes=both.notes())
    if first.duration is not None and abs(took - first.duration) > TOLERANCE:
        again = [call for call in calls if call.started >= began - TOLERANCE]
        hint = FETCH_EVERY_TIME if len(again) < len(AGAIN) else None
        shown = SECOND_TOOK.format(call=first.call, second=seconds(took), first=seconds(first.duration))
        raise Failure(shown, help=hint, notes=both.notes())
