"""asyncio inside a running loop (notebooks)"""

import asyncio
import inspect
import os
import re
import threading
import traceback
from contextlib import contextmanager

import pytest

from grader import Failure, check, expect_duration, plain_repr
from grader.run import student_traceback
from grader.sandbox import current_policy

IN_A_THREAD = (
    "a thread runs one event loop at a time, and the running one is busy running your code. "
    "When asyncio.get_running_loop() finds a loop, run the coroutine with asyncio.run() in "
    "another thread and wait for that thread's result."
)
SIDE_BY_SIDE = """\
    return asyncio.run(aw)                            # incorrect inside a running loop!

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, aw).result()  # correct: a new loop, in another thread"""
BLOCKED = (
    "the running loop can't run anything, not even a coroutine handed to it with "
    "run_coroutine_threadsafe(), while its own thread waits for it. Run the coroutine on a new "
    "event loop in another thread (asyncio.run() there) and wait for that thread's result."
)
PASS_IT_ON = (
    "let the exception out: asyncio.run() raises what the coroutine raised, and so does "
    "future.result() for a concurrent.futures future; don't catch it, or raise it again."
)
CLOSE = (
    "close every loop you create: asyncio.run() closes its own; a loop from asyncio.new_event_loop() "
    "needs loop.close() when you are done with it (in a `finally:`)."
)
NOT_ASYNC = "run_sync is a plain function, called without await: define it with `def`, not `async def`."
NEST_ASYNCIO = (
    "nest_asyncio is not installed here, and the exercise asks for a way without it: "
    "when a loop is already running, run the coroutine on a new event loop in another thread."
)


# The plugin's `student` fixture adds this hint when the file fails to import nest_asyncio.
IMPORT_HINTS = {"nest_asyncio": NEST_ASYNCIO}


async def sample(delay, value):
    """The coroutine the grader hands to run_sync."""
    await asyncio.sleep(delay)
    return value


async def failing(delay, message):
    await asyncio.sleep(delay)
    raise ValueError(message)


@contextmanager
def as_in_a_new_program():
    """Forget, for the call, the loop asyncio remembers as this thread's "current" one.

    ``asyncio.get_event_loop()`` depends on it, and on whether ``set_event_loop()`` was ever
    called (``asyncio.run()`` calls it): whatever earlier checks did, start as a new program
    would, and put things back afterwards. (The sandbox doesn't do this; on 3.10-3.13 the
    state lives in the policy's ``_local``.)
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


@contextmanager
def threads_print_their_errors():
    """An exception a student's thread lets out is printed (to the sandbox's stderr), as Python does,
    rather than caught by pytest's own hook and shown as a warning of the grading session."""
    saved = threading.excepthook
    threading.excepthook = threading.__excepthook__
    try:
        yield
    finally:
        threading.excepthook = saved


def call_run_sync(student, make):
    """A plain function calling ``student.run_sync(make())``; a coroutine it never started is closed."""

    def call():
        coroutine = make()
        try:
            with as_in_a_new_program(), threads_print_their_errors():
                return student.run_sync(coroutine)
        finally:
            if inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
                coroutine.close()

    return call


def in_plain_code(run, student, make, label):
    return run(call_run_sync(student, make), sync=True, allow_error=True, label=label)


def in_a_running_loop(run, student, make, label):
    call = call_run_sync(student, make)

    async def notebook_cell():
        return call()

    try:
        return run(notebook_cell, allow_error=True, label=label)
    except pytest.fail.Exception as stopped:  # pytest-timeout: real time ran out
        raise blocked_its_own_loop(stopped, student, label) from None


def blocked_its_own_loop(stopped, student, label):
    """Say where run_sync waited when the real-time limit stopped it: the kit would say "busy loop"."""
    timeout = re.match(r"Timeout \(>([\d.]+)s\)", str(stopped))
    frames = [f for f in traceback.extract_tb(stopped.__traceback__) if os.path.abspath(f.filename) == student.__file__]
    if not timeout or not frames:
        return stopped
    where = f"{os.path.basename(frames[-1].filename)} line {frames[-1].lineno}"
    return Failure(
        f"inside a running event loop, {label} never returned: it was still waiting at {where} "
        f"(`{(frames[-1].line or '').strip()}`) after {float(timeout.group(1)):g} s of real time. "
        "Waiting there blocks the very loop that is running it, so nothing that loop should run can happen "
        "(a deadlock), and the grader stopped it.",
        help=BLOCKED,
    )


WHERE = {in_plain_code: "from plain code", in_a_running_loop: "inside a running event loop, as in a notebook cell"}


def its_error(result, where, instead=""):
    """What to say when run_sync itself failed (not as the coroutine it ran did)."""
    error = result.error
    if not isinstance(error, Exception) or isinstance(error, NotImplementedError):
        return Failure(result.describe_error(), notes=result.notes())  # the grader's own words
    trace = student_traceback(error, result.student_files) or None
    if where == WHERE[in_a_running_loop] and "running" in str(error):
        # "asyncio.run() cannot be called from a running event loop", "This event loop is already running"
        details = f"{trace}\n\n{SIDE_BY_SIDE}" if trace else SIDE_BY_SIDE
        rationale = f"{result.call} raised {type(error).__name__}: {error}, as in a notebook cell"
        return Failure(rationale, help=IN_A_THREAD, details=details, notes=result.notes())
    rationale = f"{where}, {result.call} raised {plain_repr(error)}{instead}"
    return Failure(rationale, help=PASS_IT_ON if instead else None, details=trace, notes=result.notes())


def expect_value(result, where, value, delay):
    if result.error is not None:
        raise its_error(result, where)
    if result.value != value:
        raise Failure(
            f"{where}, {result.call} returned {plain_repr(result.value)}, not {value!r}",
            help=NOT_ASYNC if inspect.iscoroutine(result.value) else "return what the coroutine returns.",
            notes=result.notes(),
        )
    expect_duration(
        result, delay, help="run the coroutine once, to its end, and return as soon as it is done.", context=where
    )


def expect_raised(result, where):
    error = result.error
    if isinstance(error, ValueError) and error.args == ("boom",):
        return
    if error is None:
        raise Failure(
            f"{where}, {result.call} returned {plain_repr(result.value)} instead of raising "
            "the ValueError('boom') the coroutine raised",
            help=NOT_ASYNC if inspect.iscoroutine(result.value) else PASS_IT_ON,
            notes=result.notes(),
        )
    raise its_error(result, where, instead=" instead of the ValueError('boom') the coroutine raised")


@check(points=2)
def test_runs_a_coroutine_from_plain_code(student, run):
    """from plain code, run_sync(coroutine) returns what the coroutine returns, when it is done"""
    result = in_plain_code(run, student, lambda: sample(2, "done"), "run_sync(sample(2, 'done'))")
    expect_value(result, WHERE[in_plain_code], "done", 2.0)


@check(points=3)
def test_runs_a_coroutine_inside_a_running_loop(student, run):
    """inside a running event loop (as in a notebook cell), run_sync(coroutine) returns its value too"""
    result = in_a_running_loop(run, student, lambda: sample(2, "done"), "run_sync(sample(2, 'done'))")
    expect_value(result, WHERE[in_a_running_loop], "done", 2.0)


@check(points=1)
def test_raises_what_the_coroutine_raised_from_plain_code(student, run):
    """from plain code, run_sync raises the exception the coroutine raised"""
    result = in_plain_code(run, student, lambda: failing(1, "boom"), "run_sync(failing(1, 'boom'))")
    expect_raised(result, WHERE[in_plain_code])


@check(points=2)
def test_raises_what_the_coroutine_raised_inside_a_running_loop(student, run):
    """inside a running event loop, run_sync raises the exception the coroutine raised"""
    result = in_a_running_loop(run, student, lambda: failing(1, "boom"), "run_sync(failing(1, 'boom'))")
    expect_raised(result, WHERE[in_a_running_loop])


@check(points=2)
def test_closes_every_loop_it_creates(student, run):
    """every event loop run_sync creates is closed when it returns, from plain code or inside a loop"""
    for way in (in_plain_code, in_a_running_loop):
        result = way(run, student, lambda: sample(1, "done"), "run_sync(sample(1, 'done'))")
        expect_value(result, WHERE[way], "done", 1.0)
        still_open = [loop for loop in result.loops if not loop.is_closed()]
        if still_open:
            count = len(still_open)
            raise Failure(
                f"{WHERE[way]}, {result.call} left {count} event loop{'s' if count > 1 else ''} "
                "it created open (not closed)",
                help=CLOSE,
                notes=result.notes(),
            )
