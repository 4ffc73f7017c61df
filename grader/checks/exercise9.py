"""Failures in concurrent work

Boundaries of ``fetch_all_safe(jobs)`` the checks cover, and why:

- no failure, and one failure that comes first in time with others after it (it must cancel
  none of them, nor be raised, nor be lost, and the call takes the longest delay).
- every job failing, with other exceptions than LookupError too (a ConnectionError and a
  ValueError from the grader's own fetch): each exception in its job's place, nothing raised
  (``except LookupError`` only, or raising when nothing succeeded, fails it).
- the very exception object a fetch raised (the grader's KeyError), not a copy or its text.
- no jobs: ``[]`` at once.
- two calls in one program, the second repeating a job of the first: it runs fetch for each of
  its own jobs and returns only their results (a cache or a list kept at module level fails it).
- the result's order never rests on a set's order: every run goes through sets of tasks in the
  order they were made, and the two checks of the list's order run the call in reverse order
  too, failing a result that changes (reading the ``done`` set of asyncio.wait() fails them).

Left out: a failure that comes last in time (nothing is left to cancel or lose then, so no
mistake shows only there); a fetch raising a BaseException that is not an Exception
(KeyboardInterrupt, SystemExit: such an exception means "stop everything", and gather() lets it
through too); a fetch that is cancelled from outside (the docstring promises nothing for it).
"""

import asyncio

from grader import (
    Failure,
    Mismatch,
    check,
    expect_duration,
    keep,
    known_mistake,
    plain_repr,
    run_in_each_order,
    seconds,
    spy,
    student_traceback,
)

GOOD = [(2, "pear"), (1, "apple"), (3, "fig")]
MIXED = [(2, "a"), (1, "!b"), (3, "c")]
MIXED_RESULT = ["a", LookupError("!b"), "c"]
ALL_FAIL = [(2, "!p"), (1, "!q"), (3, "!r")]
FIRST_JOBS = [(1, "a"), (2, "!b")]
SECOND_JOBS = [(1, "a"), (2, "c")]
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
    "put the exception object itself in the list, as gather(..., return_exceptions=True) or an `except` clause "
    "gives it, not str(exc) or a new exception made from it."
)
EVERY_PLACE = (
    "every job needs its place in the list: a job that failed holds its exception there, in its job's place; "
    "leave no job out."
)
ANY_EXCEPTION = (
    "a fetch may fail with any exception, not only LookupError: catch `Exception` (or let "
    "gather(..., return_exceptions=True) do it), so that each one takes its job's place in the list."
)
NEVER_RAISE = (
    "fetch_all_safe does not raise, even when every fetch fails: then the list holds only exceptions, "
    "each in its job's place."
)
NO_CACHE = (
    "run fetch for every job of every call: a result kept from an earlier call (a cache at module level) is "
    "not what this call's fetch gives back."
)
KEPT_RESULTS = (
    "make the result list inside fetch_all_safe: a list kept at module level (or as a default argument) still "
    "holds the results of the call before."
)


def grader_exceptions(jobs, kinds):
    """The exception the grader's fetch raises for each failing job's value, kept (so that each
    comes back from the sandbox as that very object): ``kinds`` maps a value to its class."""
    return {value: keep(kinds.get(value, KeyError)(value)) for _, value in jobs if value.startswith("!")}


async def fetch_in_capitals(delay, value, raised):
    """A stand-in for the given fetch: fails with ``raised[value]``, an exception the check made and
    kept; otherwise returns the value in capitals."""
    await asyncio.sleep(delay)
    if value.startswith("!"):
        raise raised[value]
    return value.upper()


def is_group(error):
    return type(error).__name__ in ("ExceptionGroup", "BaseExceptionGroup")


def fetch_error(error, raised=()):
    """The exception a fetch raised that is ``error``, or inside the group ``error``; else None.
    A fetch's is a LookupError (the given fetch's), or one of ``raised`` (the grader's fetch's)."""
    if is_group(error):
        return next((found for inner in error.exceptions if (found := fetch_error(inner, raised))), None)
    if isinstance(error, LookupError) or any(error is known or same(error, known) for known in raised):
        return error
    return None


def from_fetch(error, raised=()):
    return fetch_error(error, raised) is not None


def raised_instead(result, jobs, raised=()):
    """What to say when fetch_all_safe raised: a fetch's failure it let through, or its own error."""
    error = result.error
    if not from_fetch(error, raised):
        return result.describe_error(), None
    what = f"the {plain_repr(fetch_error(error, raised))} it holds" if is_group(error) else "it"
    trace = student_traceback(error, result.student_files) or None
    return (
        f"fetch_all_safe raised {plain_repr(error)} instead of returning {what} in the list, for jobs={jobs!r}",
        trace,
    )


def hint_for_raising(error, raised=()):
    if is_group(error):
        return TASKGROUP
    found = fetch_error(error, raised)
    if found is None:
        return None
    return GATHER if isinstance(found, LookupError) else ANY_EXCEPTION


def run_safe(run, function, jobs, each_order=False):
    """Run ``function(jobs)`` (under both orders of sets of tasks, with ``each_order``); fail saying
    what it raised, if it raised."""
    if each_order:
        result = run_in_each_order(run, function, jobs, allow_error=True)
    else:
        result = run(function, jobs, allow_error=True)
    fail_if_raised(result, jobs)
    return result


def fail_if_raised(result, jobs, raised=(), hint=None):
    if result.error is not None:
        rationale, trace = raised_instead(result, jobs, raised)
        hint = hint_for_raising(result.error, raised) or known_mistake(result) or hint
        raise Failure(rationale, help=hint, details=trace, notes=result.notes())


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
        return f"fetch_all_safe returned {len(got)} result(s) for {len(jobs)} jobs: {plain_repr(got)}", EVERY_PLACE
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
    return f"expected {plain_repr(want)}, not {plain_repr(got)}", hint_for_wrong_items(got, want)


def hint_for_wrong_items(got, want):
    """The hint that fits what stands in the list where ``want`` has something else."""
    if not isinstance(got, list):
        return GATHER
    pairs = [(item, expected) for item, expected in zip(got, want, strict=False) if not same(item, expected)]
    if any(isinstance(item, asyncio.CancelledError) for item, _ in pairs):
        return NO_CANCEL
    if any(isinstance(item, BaseException) and isinstance(expected, BaseException) for item, expected in pairs):
        return OBJECT
    return GATHER


def expect_list(result, jobs, want, context=""):
    if not same_list(result.value, want):
        rationale, hint = wrong_list(result, jobs, want)
        raise Failure(context + rationale, help=hint, notes=result.notes())


@check(points=1)
def test_returns_the_values_in_the_order_of_jobs(student, run):
    """with no failure, fetch_all_safe returns the values in the order of the jobs"""
    result = run_safe(run, student.fetch_all_safe, GOOD, each_order=True)
    expect_list(result, GOOD, ["pear", "apple", "fig"])


@check(points=2)
def test_a_failed_fetch_gives_its_exception_in_its_place(student, run):
    """fetch_all_safe([(2, 'a'), (1, '!b'), (3, 'c')]) returns ['a', LookupError('!b'), 'c']"""
    expect_list(run_safe(run, student.fetch_all_safe, MIXED, each_order=True), MIXED, MIXED_RESULT)


@check(points=2)
def test_a_failure_cancels_none_of_the_others(student, run):
    """when one fetch fails, every other fetch still runs to its end"""
    calls = spy(student, "fetch")
    result = run(student.fetch_all_safe, MIXED, allow_error=True)
    cancelled = [call for call in calls if call.outcome == "cancelled"]
    if not cancelled and result.error is not None:
        fail_if_raised(result, MIXED)
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


@check(points=1)
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
    raised = grader_exceptions(jobs, {})
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
def test_every_fetch_failing_with_any_exception_gives_a_list_of_them(student, run):
    """when every fetch fails, with other exceptions than LookupError too, fetch_all_safe returns each in its place"""
    raised = grader_exceptions(ALL_FAIL, {"!p": ConnectionError, "!q": ValueError, "!r": LookupError})
    spy(student, "fetch", lambda delay, value: fetch_in_capitals(delay, value, raised))
    result = run(student.fetch_all_safe, ALL_FAIL, allow_error=True)
    context = "with the grader's own fetch (which fails with ConnectionError, ValueError and LookupError), "
    error = result.error
    if error is not None and from_fetch(error, raised.values()):
        rationale, trace = raised_instead(result, ALL_FAIL, raised.values())
        hint = hint_for_raising(error, raised.values())
        raise Failure(context + rationale, help=hint, details=trace, notes=result.notes())
    if error is not None:
        hint = known_mistake(result)
        # A second run tells a rule of the student's own from a crash: only when no hint fits already.
        if hint is None and not isinstance(error, NotImplementedError) and returns_once_one_succeeds(run, student):
            hint = NEVER_RAISE
        raise Failure(result.describe_error(), help=hint, notes=result.notes())
    expect_list(result, ALL_FAIL, [raised[value] for _, value in ALL_FAIL], context=context)


def returns_once_one_succeeds(run, student):
    """Whether the same code returns (raises nothing) when one of the fetches succeeds: the evidence
    that it raised only because every fetch failed."""
    jobs = [(2, "p"), *ALL_FAIL[1:]]
    return run(student.fetch_all_safe, jobs, allow_error=True).error is None


@check(points=1)
def test_no_jobs_return_an_empty_list_at_once(student, run):
    """fetch_all_safe([]) returns [] at once"""
    result = run_safe(run, student.fetch_all_safe, [])
    if result.value != [] or not isinstance(result.value, list):
        raise Mismatch([], result.value, help="with no jobs there is nothing to wait for: return [].")
    expect_duration(result, 0.0, help="with no jobs there is nothing to wait for: return [] at once.")


@check(points=1)
def test_a_second_call_runs_and_returns_only_its_own_jobs(student, run):
    """called twice in one program, fetch_all_safe runs fetch for each job of each call and returns only its own"""
    calls = spy(student, "fetch")
    label = f"fetch_all_safe({FIRST_JOBS!r}), then fetch_all_safe({SECOND_JOBS!r})"

    async def twice():
        first = await student.fetch_all_safe(FIRST_JOBS)
        return [first, await student.fetch_all_safe(SECOND_JOBS)]

    result = run(twice, label=label, allow_error=True)
    fail_if_raised(result, FIRST_JOBS)  # only the first call has a job that fails
    what = f"the second call, fetch_all_safe({SECOND_JOBS!r}),"
    fetched = [tuple(call.args) for call in calls[len(FIRST_JOBS) :]]
    missing = [job for job in SECOND_JOBS if job not in fetched]
    if missing:
        raise Failure(
            f"{what} ran fetch for only {len(SECOND_JOBS) - len(missing)} of its {len(SECOND_JOBS)} jobs: "
            + " and ".join(f"fetch{job!r}" for job in missing)
            + (" was" if len(missing) == 1 else " were")
            + " never called",
            help=NO_CACHE,
            details=calls.chart(),
            notes=result.notes(),
        )
    expect_own_results(result, what)


def expect_own_results(result, what):
    values = result.value if isinstance(result.value, list) and len(result.value) == 2 else [None, None]
    first, second = values
    want = ["a", "c"]
    if same_list(second, want):
        return
    if isinstance(second, list) and isinstance(first, list) and len(second) > len(want) and second[: len(first)]:
        if all(map(same, second[: len(first)], first)):
            raise Failure(
                f"{what} returned {plain_repr(second)}: the results of the first call are still in it",
                help=KEPT_RESULTS,
                notes=result.notes(),
            )
    raise Failure(f"{what} returned {plain_repr(second)}; expected {plain_repr(want)}", notes=result.notes())
