"""Failures in concurrent work"""

import asyncio

from grader import Failure, Mismatch, check, expect_duration, keep, plain_repr, seconds, spy, student_traceback

GOOD = [(2, "pear"), (1, "apple"), (3, "fig")]
MIXED = [(2, "a"), (1, "!b"), (3, "c")]
MIXED_RESULT = ["a", LookupError("!b"), "c"]
GATHER = (
    "`await asyncio.gather(*coroutines, return_exceptions=True)` runs them all at the same time "
    "and puts each exception in the list, in its job's place, instead of raising it."
)
TASKGROUP = (
    "a TaskGroup cancels all its other tasks as soon as one fails, then raises an ExceptionGroup: "
    "it is for work that must fail as a whole. Here, " + GATHER
)
IN_ORDER = "gather() returns the results in the order of its arguments, whatever order they finish in."
NO_CANCEL = (
    "let every fetch run to its end: don't cancel the others when one fails (a TaskGroup, or "
    "asyncio.wait(..., return_when=FIRST_EXCEPTION) followed by cancel(), does). " + GATHER
)
OBJECT = (
    "put the exception object itself in the list (gather(..., return_exceptions=True) does that), "
    "not str(exc) or a new exception made from it."
)


async def fetch_in_capitals(delay, value, raised):
    """A stand-in for the given fetch: fails with ``raised[value]``, a KeyError (a LookupError) the
    check made and kept, so that it comes back from the sandbox as that very object."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise raised[value]
    return value.upper()


def is_group(error):
    return type(error).__name__ in ("ExceptionGroup", "BaseExceptionGroup")


def fetch_error(error):
    """The LookupError a fetch raised that is ``error``, or inside the group ``error``; else None."""
    if is_group(error):
        return next(filter(None, map(fetch_error, error.exceptions)), None)
    return error if isinstance(error, LookupError) else None


def from_fetch(error):
    return fetch_error(error) is not None


def raised_instead(result, jobs):
    """What to say when fetch_all_safe raised: a fetch's failure it let through, or its own error."""
    error = result.error
    if not from_fetch(error):
        return result.describe_error(), None
    what = f"the {plain_repr(fetch_error(error))} it holds" if is_group(error) else "it"
    trace = student_traceback(error, result.student_files) or None
    return (
        f"fetch_all_safe raised {plain_repr(error)} instead of returning {what} in the list, for jobs={jobs!r}",
        trace,
    )


def run_safe(run, function, jobs):
    """Run ``function(jobs)``; fail saying what it raised, if it raised."""
    result = run(function, jobs, allow_error=True)
    if result.error is not None:
        rationale, trace = raised_instead(result, jobs)
        hint = TASKGROUP if is_group(result.error) else GATHER if from_fetch(result.error) else None
        raise Failure(rationale, help=hint, details=trace, notes=result.notes())
    return result


def describe(call):
    return f"fetch({', '.join(map(plain_repr, call.args))})"


def same(got, want):
    """Equal values; or, for an exception, one of the same type with the same arguments."""
    if isinstance(want, BaseException):
        return type(got) is type(want) and got.args == want.args
    return type(got) is type(want) and got == want


def same_list(got, want):
    return isinstance(got, list) and len(got) == len(want) and all(map(same, got, want))


def in_another_order(got, want):
    rest = list(want)
    for item in got:
        match = next((index for index, other in enumerate(rest) if same(item, other)), None)
        if match is None:
            return False
        del rest[match]
    return not rest


def wrong_list(result, jobs, want):
    """Why the list fetch_all_safe returned is not ``want``, and a hint."""
    got = result.value
    if isinstance(got, list) and len(got) != len(jobs):
        return f"fetch_all_safe returned {len(got)} result(s) for {len(jobs)} jobs: {plain_repr(got)}", (
            "every job needs its place in the list: a job that failed holds its exception. " + GATHER
        )
    if isinstance(got, list) and in_another_order(got, want):
        return f"expected {plain_repr(want)}, not {plain_repr(got)}: the results are not in the order of the jobs", (
            IN_ORDER
        )
    if isinstance(got, list):
        for job, item, expected in zip(jobs, got, want, strict=False):
            if isinstance(expected, BaseException) and isinstance(item, str) and expected.args[0] in item:
                return (
                    f"in place of the failed fetch{job!r}, fetch_all_safe returned the string {item!r}, "
                    f"not the {type(expected).__name__} itself",
                    OBJECT,
                )
    return f"expected {plain_repr(want)}, not {plain_repr(got)}", GATHER


def expect_list(result, jobs, want):
    if not same_list(result.value, want):
        rationale, hint = wrong_list(result, jobs, want)
        raise Failure(rationale, help=hint, notes=result.notes())


@check(points=1)
def test_returns_the_values_in_the_order_of_jobs(student, run):
    """with no failure, fetch_all_safe returns the values in the order of the jobs"""
    expect_list(run_safe(run, student.fetch_all_safe, GOOD), GOOD, ["pear", "apple", "fig"])


@check(points=3)
def test_a_failed_fetch_gives_its_exception_in_its_place(student, run):
    """fetch_all_safe([(2, 'a'), (1, '!b'), (3, 'c')]) returns ['a', LookupError('!b'), 'c']"""
    expect_list(run_safe(run, student.fetch_all_safe, MIXED), MIXED, MIXED_RESULT)


@check(points=2)
def test_a_failure_cancels_none_of_the_others(student, run):
    """when one fetch fails, every other fetch still runs to its end"""
    calls = spy(student, "fetch")
    result = run(student.fetch_all_safe, MIXED, allow_error=True)
    cancelled = [call for call in calls if call.outcome == "cancelled"]
    if not cancelled and result.error is not None:
        run_safe(run, student.fetch_all_safe, MIXED)  # fails the same way, saying what it raised
    if cancelled:
        failed = next((describe(call) for call in calls if call.outcome == "raised"), "fetch(1, '!b')")
        names = " and ".join(describe(call) for call in cancelled)
        rationale = f"when {failed} failed, {names} {'was' if len(cancelled) == 1 else 'were'} cancelled"
        rationale += (
            f" at {seconds(cancelled[0].finished)}, before {'it' if len(cancelled) == 1 else 'they'} could finish"
        )
        if result.error is not None:
            rationale += f"; fetch_all_safe raised {plain_repr(result.error)}"
        raise Failure(
            rationale,
            help=TASKGROUP if is_group(result.error) else GATHER if result.error else NO_CANCEL,
            details=calls.chart(),
            notes=result.notes(),
        )
    if len(calls) != len(MIXED):
        raise Failure(
            f"fetch_all_safe called fetch {len(calls)} time(s) for {len(MIXED)} jobs",
            help="call fetch(delay, value) once for each job. " + GATHER,
            details=calls.chart(),
            notes=result.notes(),
        )


@check(points=2)
def test_takes_as_long_as_the_longest_delay(student, run):
    """fetch_all_safe([(2, 'a'), (1, '!b'), (3, 'c')]) takes 3 s, the longest delay, failure or not"""
    calls = spy(student, "fetch")
    result = run_safe(run, student.fetch_all_safe, MIXED)
    if result.took(3.0):
        return
    hint = GATHER
    if result.duration > 3.0 and calls.peak() <= 1:
        why = ": the fetch() calls ran one after another, so their delays added up (2 s + 1 s + 3 s)"
    elif any(call.outcome in ("cancelled", "running") for call in calls):
        stopped = [describe(call) for call in calls if call.outcome in ("cancelled", "running")]
        why = f": {' and '.join(stopped)} did not run to {'its' if len(stopped) == 1 else 'their'} end"
        hint = NO_CANCEL
    elif len(calls) < len(MIXED):
        why = f": it called fetch only {len(calls)} time(s) for {len(MIXED)} jobs"
    else:
        why = ""
    expect_duration(result, 3.0, help=hint, why=why, details=calls.chart())


@check(points=1)
def test_returns_the_very_exception_fetch_raised(student, run):
    """fetch_all_safe returns what each fetch gives back: its value, or the exception object it raised"""
    jobs = [(1, "!x"), (2, "y"), (1.5, "!z")]
    raised = {value: keep(KeyError(value)) for _, value in jobs if value.startswith("!")}
    spy(student, "fetch", lambda delay, value: fetch_in_capitals(delay, value, raised))
    result = run_safe(run, student.fetch_all_safe, jobs)
    want = [KeyError("!x"), "Y", KeyError("!z")]
    if not same_list(result.value, want):
        rationale, hint = wrong_list(result, jobs, want)
        raise Failure(
            "with the grader's own fetch (which returns values in capitals and fails with KeyError), " + rationale,
            help=hint,
            notes=result.notes(),
        )
    if result.value[0] is not raised["!x"] or result.value[2] is not raised["!z"]:
        raise Failure(
            "fetch_all_safe returned new exceptions that look like the ones fetch raised, not those very objects",
            help=OBJECT,
            notes=result.notes(),
        )


@check(points=1)
def test_no_jobs_return_an_empty_list_at_once(student, run):
    """fetch_all_safe([]) returns [] at once"""
    result = run_safe(run, student.fetch_all_safe, [])
    if result.value != [] or not isinstance(result.value, list):
        raise Mismatch([], result.value, help="with no jobs there is nothing to wait for: return [].")
    expect_duration(result, 0.0, help="with no jobs there is nothing to wait for: return [] at once.")
