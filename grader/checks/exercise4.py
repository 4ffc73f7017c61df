"""Gathering results"""

import asyncio

from grader import Failure, Mismatch, check, expect_duration, plain_repr, spy

JOBS = [(2, "pear"), (1, "apple"), (3, "fig")]
IN_ORDER = "asyncio.gather(*coroutines) returns the results in the order it was given them, whatever finishes first."
CONCURRENT = "pass every fetch(delay, value) to one asyncio.gather(...) call, so that they all wait at the same time."


async def fetch_slowly(delay, value):
    """A stand-in for the given fetch, with other delays and values."""
    await asyncio.sleep(delay * 2)
    return value.upper()


@check(points=2)
def test_returns_the_values_in_the_order_of_jobs(student, run):
    """fetch_all returns the values in the order of the jobs, not the order they finish in"""
    result = run(student.fetch_all, JOBS)
    if result.value != ["pear", "apple", "fig"]:
        raise Mismatch(["pear", "apple", "fig"], result.value, help=IN_ORDER, notes=result.notes())


@check(points=3)
def test_takes_as_long_as_the_longest_fetch(student, run):
    """fetch_all takes 3 s, the longest delay, not 6 s, their sum"""
    expect_duration(run(student.fetch_all, JOBS), 3.0, help=CONCURRENT)


@check(points=1)
def test_no_jobs_return_an_empty_list_at_once(student, run):
    """fetch_all([]) returns [] at once"""
    result = run(student.fetch_all, [])
    if result.value != []:
        raise Mismatch([], result.value, help="with no jobs there is nothing to wait for: return [].")
    expect_duration(result, 0.0, help="with no jobs there is nothing to wait for: return [] at once.")


@check(points=2)
def test_all_fetches_run_at_the_same_time(student, run):
    """every fetch runs at the same time as the others"""
    calls = spy(student, "fetch")
    run(student.fetch_all, JOBS)
    if len(calls) != len(JOBS):
        raise Failure(
            f"fetch_all called fetch {len(calls)} time(s) for {len(JOBS)} jobs",
            help="call fetch(delay, value) once for each job.",
        )
    if calls.peak() < len(JOBS):
        raise Failure(
            f"at most {calls.peak()} fetch() calls ran at the same time; expected all {len(JOBS)}", help=CONCURRENT
        )


@check(points=2)
def test_uses_the_given_fetch(student, run):
    """fetch_all gets each value by calling fetch (the grader swaps in its own)"""
    spy(student, "fetch", fetch_slowly)
    result = run(student.fetch_all, JOBS)
    if result.value != ["PEAR", "APPLE", "FIG"]:
        raise Failure(
            "with the grader's own fetch (which returns values in capitals), "
            f"fetch_all returned {plain_repr(result.value)}; "
            "expected ['PEAR', 'APPLE', 'FIG']",
            help="return what each `await fetch(delay, value)` gives back, not the values from the jobs.",
            notes=result.notes(),
        )
    expect_duration(result, 6.0, help=CONCURRENT)
