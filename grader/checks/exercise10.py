"""asyncio inside a running loop (notebooks)

What the checks try ``run_sync`` with, at the edges of its docstring, and why the rest is left out.

Covered:
- where it is called from: plain code (no loop running), inside a running loop (a notebook cell),
  and nested: inside a coroutine that run_sync itself runs, which also starts it later than 0 s;
- what the coroutine does: returns after 2 s or 1 s, raises after 1 s, and runs for 600 s, longer
  than any real-time timeout a wait in run_sync might have;
- how often: a second call in the same program (what a first call leaves behind: a closed loop,
  an executor shut down);
- the loops it makes: closed when the coroutine returns, and when it raises;
- that the coroutine really ran, on an event loop, to its end: each coroutine handed over notes
  when it started and how it ended, so a run_sync that reads its arguments and closes it unrun
  (no event loop at all) passes nothing.

Left out, on purpose:
- a delay of 0: nothing in run_sync depends on the delay, and 1, 2 and 600 s already vary it;
- a Task or a Future as ``aw``: each belongs to the loop that made it, and run_sync runs ``aw`` on
  a new loop; the docstring promises coroutines, and asyncio.run() (the stub's hint) takes only those;
- other awaitables (an object with ``__await__``): the same reason;
- an exception deriving only from BaseException (KeyboardInterrupt, CancelledError): the docstring
  speaks of exceptions, and a ValueError shows whether run_sync passes one on.

Which waits follow the virtual clock: every run calls :func:`grader.follow_virtual_waits` in the
sandbox first, so ``future.result(timeout=...)``, ``concurrent.futures.wait``, ``thread.join(timeout)``,
``event.wait(timeout)``, ``queue.Queue.get(timeout=...)`` and ``Semaphore.acquire(timeout=...)`` time
out on the virtual clock (``result(timeout=10)`` gives up at 10 s, however fast the grader runs),
a thread blocked in one of them doesn't hold the clock back, and threads that all wait for each
other are a deadlock reported at once. ``Lock.acquire(timeout=...)``, ``queue.SimpleQueue.get`` and
waits on sockets still take real time, up to the grader's real-time limit.
"""

import asyncio
import inspect
from contextlib import contextmanager

from grader import (
    Failure,
    Job,
    Opaque,
    OutOfRealTime,
    Record,
    ThreadDeadlock,
    ThreadErrors,
    check,
    current_policy,
    expect_duration,
    follow_virtual_waits,
    is_coroutine,
    plain_repr,
    student_traceback,
    where_stuck,
)

IN_A_THREAD = (
    "a thread runs one event loop at a time, and the running one is busy running your code. "
    "When asyncio.get_running_loop() finds a loop, run the coroutine with asyncio.run() in "
    "another thread and wait for that thread's result."
)
SIDE_BY_SIDE = """\
    return asyncio.run(aw)                            # incorrect inside a running loop!

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, aw).result()  # correct: a new loop, in another thread"""
# The words of the errors asyncio raises when a loop is started, or run, inside a running one.
IN_A_RUNNING_LOOP = (
    "cannot be called from a running event loop",
    "This event loop is already running",
    "Cannot run the event loop while another loop is running",
)
BLOCKED = (
    "the running loop can't run anything, not even a coroutine handed to it with "
    "run_coroutine_threadsafe(), while its own thread waits for it. Run the coroutine on a new "
    "event loop in another thread (asyncio.run() there) and wait for that thread's result."
)
A_THREAD_EACH = (
    "each call of run_sync needs a thread of its own: here one waited for a thread that was itself "
    "waiting, for that very call. Start a new thread (or a new ThreadPoolExecutor) at each call."
)
RAISE_IT = "run_sync must raise what the coroutine raised: asyncio.run() and future.result() raise it for you."
CAUGHT_AND_PRINTED = (
    "run_sync printed the coroutine's exception instead of letting it out: don't catch it, or raise it again."
)
DROPPED_BY_A_THREAD = (
    "the exception ended the thread that ran the coroutine, and Python only prints such an exception: "
    "join() doesn't raise it. Catch it in the thread (`except BaseException as error:`), keep it, and raise "
    "it in run_sync after join(), or use concurrent.futures.ThreadPoolExecutor: future.result() raises it for you."
)
WRAPPED = (
    "raise the coroutine's own exception, as it is: asyncio.run() and future.result() raise it for you; "
    "turning it into another one hides it from whoever calls run_sync."
)
GAVE_UP = (
    "run_sync stopped waiting before the coroutine was done: the coroutine decides how long it takes, "
    "so wait for it without a timeout (future.result(), thread.join() with no argument)."
)
RETURNED_EARLY_HELP = (
    "wait for the coroutine to the end, however long it takes (future.result() or thread.join() "
    "with no timeout), then return its result."
)
CLOSE = (
    "close every loop you create: asyncio.run() closes its own; a loop from asyncio.new_event_loop(), or "
    "the one asyncio.get_event_loop() makes when none is set, needs loop.close() when you are done with it "
    "(in a `finally:`)."
)
CLOSE_IN_FINALLY = (
    "run_sync closed its loop when the coroutine returned, but not when it raised: call loop.close() "
    "in a `finally:` (asyncio.run() does that for you)."
)
NOT_ASYNC = "run_sync is a plain function, called without await: define it with `def`, not `async def`."
RESULT_OF_IT = "run_sync returned a {kind} instead of its result: call .result() on it, which waits for the value."
RETURN_IT = "return what the coroutine returns."
ON_TIME = "run the coroutine once, to its end, and return as soon as it is done."
RUN_IT = (
    "run the coroutine itself, to its end, on an event loop (asyncio.run(aw) does): what it returns, "
    "or raises, is what run_sync gives back."
)
AGAIN = (
    "a second call must work as the first did: make what run_sync needs anew at each call (a new loop: "
    "asyncio.run() does; a new thread or executor), rather than one the first call closed or shut down."
)
NEST_ASYNCIO = (
    "nest_asyncio is not installed here, and the exercise asks for a way without it: "
    "when a loop is already running, run the coroutine on a new event loop in another thread."
)

NEVER_RAN = "{where}, {call} {did} without running the coroutine: {sample} never started on an event loop"
NOT_FINISHED = "{where}, {call} returned {value} at {at} s, before {sample} had finished (it ends at {end:g} s)"
NEVER_RETURNED = "{where}, {call} never returned: it was still waiting at {place} (`{source}`)"
STOPPED = "{where}, {call} never returned: {error}"
STOPPED_AT = "It was at {place}: `{source}`"
OWN_LOOP = (
    ". Waiting there blocks the very loop that is running it, so nothing that loop should run can happen "
    "(a deadlock), and the grader stopped it."
)
EACH_OTHER = ": each thread was waiting for another (a deadlock), and the grader stopped it."
NOTHING_ENDS_IT = ": nothing could ever end that wait (a deadlock), and the grader stopped it."
LEFT_OPEN = "{where}, {call} left {count} event loop{s} it created open (not closed)"
WRONG_VALUE = "{where}, {call} returned {value}, not {expected!r}"
NO_ERROR = "{where}, {call} returned {value} instead of raising the ValueError('boom') the coroutine raised"
INSTEAD = " instead of the ValueError('boom') the coroutine raised"
THREAD_ENDED = ": that ValueError ended the thread that ran the coroutine{at}, and went no further"
NESTED = "(outer() waits 1 s, then returns run_sync(sample(2, 'inner')).)"

# The plugin's `student` fixture adds this hint when the file fails to import nest_asyncio.
IMPORT_HINTS = {"nest_asyncio": NEST_ASYNCIO}


class Sample(Job):
    """A coroutine the grader hands to run_sync: ``sample(2, 'done')`` returns 'done' after 2 s,
    ``failing(1, 'boom')`` raises ValueError('boom') after 1 s; it notes when it started and how it ended."""

    @property
    def name(self) -> str:
        return "failing" if self.error is not None else "sample"

    @property
    def label(self) -> str:
        shown = self.error.args[0] if self.error is not None else self.value
        return f"{self.name}({self.delay:g}, {shown!r})"


def sample(delay, value):
    return Sample(delay, value)


def failing(delay, message):
    return Sample(delay, error=ValueError(message))


# -- calling run_sync, in the sandbox -----------------------------------------------------------


@contextmanager
def as_in_a_new_program():
    """Forget, for the call, the loop asyncio remembers as this thread's "current" one.

    ``asyncio.get_event_loop()`` depends on it, and on whether ``set_event_loop()`` was ever
    called (``asyncio.run()`` calls it): start as a new program would. (On 3.10-3.13 the state
    lives in the policy's ``_local``.)
    """
    local = getattr(current_policy(), "_local", None)
    if local is None or not hasattr(local, "_set_called"):
        yield
        return
    saved = local._loop, local._set_called
    local._loop, local._set_called = None, False
    try:
        yield
    finally:
        local._loop, local._set_called = saved


def run_sync_on(student, make):
    """``student.run_sync(make())``; a coroutine it never started is closed."""
    coroutine = make()
    try:
        return student.run_sync(coroutine)
    finally:
        if inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
            coroutine.close()


def in_the_sandbox(body, errors):
    """A plain function running ``body()`` with waits on the virtual clock and thread errors noted."""

    def call():
        follow_virtual_waits()
        with as_in_a_new_program(), errors.recording():
            return body()

    return call


def in_plain_code(run, call, label):
    return run(call, sync=True, allow_error=True, label=label)


def in_a_running_loop(run, call, label):
    async def notebook_cell():
        return call()

    return run(notebook_cell, allow_error=True, label=label)


WHERE = {in_plain_code: "from plain code", in_a_running_loop: "inside a running event loop, as in a notebook cell"}
WAYS = (in_plain_code, in_a_running_loop)


class Attempt:
    """One run of a call of run_sync: where from, what happened, the coroutine it got, thread errors."""

    def __init__(self, where, result, work, errors, in_a_loop):
        self.where, self.result, self.work, self.errors = where, result, work, errors
        self.in_a_loop = in_a_loop  # whether (some) run_sync was called inside a running loop


def attempt(run, student, way, work, label=None, body=None):
    errors = ThreadErrors()
    call = in_the_sandbox(body or (lambda: run_sync_on(student, work.coroutine)), errors)
    result = way(run, call, label or f"run_sync({work.label})")
    return Attempt(WHERE[way], result, work, errors, in_a_loop=body is not None or way is in_a_running_loop)


# -- what went wrong, in words ------------------------------------------------------------------


def its_error(tried, instead=""):
    """What to say when run_sync itself failed (not as the coroutine it ran did)."""
    result = tried.result
    error = result.error
    if isinstance(error, (ThreadDeadlock, OutOfRealTime)) and where_stuck(result) is not None:
        return never_returned(tried)
    if not isinstance(error, Exception) or isinstance(error, NotImplementedError):
        return Failure(result.describe_error(), notes=result.notes())  # the grader's own words
    trace = student_traceback(error, result.student_files) or None
    if isinstance(error, RuntimeError) and any(words in str(error) for words in IN_A_RUNNING_LOOP):
        return in_a_running_loop_error(tried, trace)
    rationale = f"{tried.where}, {result.call} raised {plain_repr(error)}{instead}"
    return Failure(rationale, help=error_hint(tried, instead), details=trace, notes=result.notes())


def in_a_running_loop_error(tried, trace):
    result, error = tried.result, tried.result.error
    details = f"{trace}\n\n{SIDE_BY_SIDE}" if trace else SIDE_BY_SIDE
    if tried.where == WHERE[in_a_running_loop]:
        rationale = f"{result.call} raised {type(error).__name__}: {error}, as in a notebook cell"
    else:
        rationale = f"{tried.where}, {result.call} raised {type(error).__name__}: {error}"
    return Failure(rationale, help=IN_A_THREAD, details=details, notes=result.notes())


def error_hint(tried, instead):
    error = tried.result.error
    if type(error).__name__ == "TimeoutError" and tried.work.error is None:
        return GAVE_UP
    if instead and "boom" in str(error):
        return WRAPPED
    return None


def never_returned(tried):
    """A call that waited for ever: where it waited, and, when the evidence says, why."""
    result = tried.result
    place = where_stuck(result)
    rationale = NEVER_RETURNED.format(where=tried.where, call=result.call, place=place, source=place.source)
    if isinstance(result.error, OutOfRealTime):
        details = STOPPED_AT.format(place=place, source=place.source)
        rationale = STOPPED.format(where=tried.where, call=result.call, error=result.error)
        return Failure(rationale, details=details, notes=result.notes())
    waiting = len(result.error.waiting())
    if waiting == 1 and tried.in_a_loop:
        return Failure(rationale + OWN_LOOP, help=BLOCKED, notes=result.notes())
    if waiting == 1:
        return Failure(rationale + NOTHING_ENDS_IT, notes=result.notes())
    details = str(result.error).split("\n", 1)[-1]
    return Failure(rationale + EACH_OTHER, help=A_THREAD_EACH, details=details, notes=result.notes())


def expect_ran(tried, started=None, label=None):
    """No vacuous pass: the coroutine must have started on an event loop (asyncio.sleep needs one)."""
    result = tried.result
    if (tried.work.outcome != "not started") if started is None else started:
        return
    did = f"raised {plain_repr(result.error)}" if result.error is not None else f"returned {plain_repr(result.value)}"
    rationale = NEVER_RAN.format(where=tried.where, call=result.call, did=did, sample=label or tried.work.label)
    raise Failure(rationale, help=RUN_IT, notes=result.notes())


def expect_finished(tried):
    """run_sync returned only once the coroutine had finished."""
    work, result = tried.work, tried.result
    if work.outcome in ("returned", "raised") and work.finished <= (result.duration or 0) + 1e-6:
        return
    at = f"{result.duration:g}" if result.duration is not None else "?"
    end = (work.started or 0) + work.delay
    rationale = NOT_FINISHED.format(
        where=tried.where, call=result.call, value=plain_repr(result.value), at=at, sample=work.label, end=end
    )
    raise Failure(rationale, help=RETURNED_EARLY_HELP, notes=result.notes())


def value_hint(value):
    if is_coroutine(value):
        return NOT_ASYNC
    for kind in ("Future", "Task"):
        if isinstance(value, Opaque) and value.is_a(kind):
            return RESULT_OF_IT.format(kind=kind)
    return RETURN_IT


def expect_value(tried, value, duration=None):
    """run_sync returned ``value``, once the coroutine had run to its end, after ``duration`` s
    (the coroutine's delay, unless given)."""
    result = tried.result
    if result.error is not None:
        raise its_error(tried)
    expect_ran(tried)
    if result.value != value:
        if tried.work.outcome not in ("returned", "raised"):
            expect_finished(tried)
        rationale = WRONG_VALUE.format(
            where=tried.where, call=result.call, value=plain_repr(result.value), expected=value
        )
        raise Failure(rationale, help=value_hint(result.value), notes=result.notes())
    expect_finished(tried)
    expect_duration(result, duration or tried.work.delay, help=ON_TIME, context=tried.where)


def is_boom(error):
    return isinstance(error, ValueError) and error.args == ("boom",)


def expect_raised(tried):
    result, error = tried.result, tried.result.error
    if error is not None and not is_boom(error):
        raise its_error(tried, instead=INSTEAD)
    expect_ran(tried)
    if error is None:
        rationale = NO_ERROR.format(where=tried.where, call=result.call, value=plain_repr(result.value))
        dropped = [thread_error for thread_error in tried.errors if is_boom(thread_error.error)]
        if dropped:
            rationale += THREAD_ENDED.format(at=f" at {dropped[0].where}" if dropped[0].where else "")
        raise Failure(rationale, help=no_error_hint(tried, dropped), notes=result.notes())


def no_error_hint(tried, dropped):
    if is_coroutine(tried.result.value):
        return NOT_ASYNC
    if dropped:
        return DROPPED_BY_A_THREAD
    if any("boom" in text for text in tried.result.texts):
        return CAUGHT_AND_PRINTED
    return RAISE_IT


def open_loops(tried):
    return [loop for loop in tried.result.loops if not loop.is_closed()]


def left_open(tried, help):
    count = len(open_loops(tried))
    rationale = LEFT_OPEN.format(where=tried.where, call=tried.result.call, count=count, s="s" if count > 1 else "")
    return Failure(rationale, help=help, notes=tried.result.notes())


# -- the checks -------------------------------------------------------------------------------


@check(points=2)
def test_runs_a_coroutine_from_plain_code(student, run):
    """from plain code, run_sync(coroutine) returns what the coroutine returns, when it is done"""
    expect_value(attempt(run, student, in_plain_code, sample(2, "done")), "done")


@check(points=2)
def test_runs_a_coroutine_inside_a_running_loop(student, run):
    """inside a running event loop (as in a notebook cell), run_sync(coroutine) returns its value too"""
    expect_value(attempt(run, student, in_a_running_loop, sample(2, "done")), "done")


@check(points=1)
def test_raises_what_the_coroutine_raised_from_plain_code(student, run):
    """from plain code, run_sync raises the exception the coroutine raised"""
    expect_raised(attempt(run, student, in_plain_code, failing(1, "boom")))


@check(points=1)
def test_raises_what_the_coroutine_raised_inside_a_running_loop(student, run):
    """inside a running event loop, run_sync raises the exception the coroutine raised"""
    expect_raised(attempt(run, student, in_a_running_loop, failing(1, "boom")))


@check(points=1)
def test_closes_every_loop_it_creates(student, run):
    """every event loop run_sync creates is closed when it returns or raises, from plain code or inside a loop"""
    for way in WAYS:
        returned = attempt(run, student, way, sample(1, "done"))
        raised = attempt(run, student, way, failing(1, "boom"))
        for tried in (returned, raised):
            if tried.result.error is not None and tried.work.outcome not in ("returned", "raised"):
                raise its_error(tried)
            expect_ran(tried)
        if open_loops(returned):
            raise left_open(returned, CLOSE)
        if open_loops(raised):
            raise left_open(raised, CLOSE_IN_FINALLY)


def nested(student, inner, outer_ran):
    """Call run_sync(outer()), where outer() waits 1 s, then returns run_sync(inner's coroutine)."""

    async def outer():
        outer_ran.append(True)
        await asyncio.sleep(1)
        return run_sync_on(student, inner.coroutine)

    return lambda: run_sync_on(student, outer)


@check(points=1)
def test_runs_inside_a_coroutine_it_runs(student, run):
    """a coroutine that run_sync runs can call run_sync too (nested), from plain code or inside a loop"""
    for way in WAYS:
        inner, outer_ran = sample(2, "inner"), Record()
        body = nested(student, inner, outer_ran)
        tried = attempt(run, student, way, inner, label="run_sync(outer())", body=body)
        try:
            if tried.result.error is None:
                expect_ran(tried, started=bool(outer_ran), label="outer()")
            expect_value(tried, "inner", duration=3.0)  # outer() returns once the inner call has: at 1 + 2 s
        except Failure as failure:
            failure.details = "\n\n".join(part for part in (NESTED, failure.details) if part)
            raise


@check(points=1)
def test_waits_as_long_as_the_coroutine_runs(student, run):
    """run_sync waits as long as the coroutine takes (600 s here), with no timeout of its own"""
    for way in WAYS:
        expect_value(attempt(run, student, way, sample(600, "late")), "late")


def one_then_another(student, first, second, first_returned):
    """Call run_sync on ``first``, then on ``second``, in the same program."""

    def body():
        first_returned.append(run_sync_on(student, first.coroutine))
        return run_sync_on(student, second.coroutine)

    return body


@check(points=1)
def test_works_a_second_time(student, run):
    """run_sync works a second time in the same program, from plain code or inside a loop"""
    for way in WAYS:
        first, second, first_returned = sample(1, "first"), sample(2, "second"), Record()
        body = one_then_another(student, first, second, first_returned)
        tried = attempt(run, student, way, second, label=f"run_sync({second.label})", body=body)
        if not first_returned:  # the first call already failed: say so, under its own name
            tried.result.call, tried.work = f"run_sync({first.label})", first
            expect_value(tried, "first")
        tried.where = f"{WHERE[way]}, after run_sync({first.label}) had returned"
        if tried.result.error is not None:
            failure = its_error(tried)
            raise Failure(failure.rationale, help=failure.help or AGAIN, details=failure.details, notes=failure.notes)
        expect_value(tried, "second", duration=3.0)  # the second call ends at 1 + 2 s
