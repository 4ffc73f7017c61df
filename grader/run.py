"""Run one student coroutine in a sandbox and keep everything it did."""

from __future__ import annotations

import asyncio
import inspect
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from .errors import LoopProblem
from .failures import Failure
from .sandbox import BlockingCall, Limits, Sandbox
from .timeline import TOLERANCE, Line, TaskRecord, peak_concurrency

if sys.version_info >= (3, 11):
    from asyncio import Runner
else:  # pragma: no cover - exercised on 3.10
    from backports.asyncio.runner import Runner

NOT_WRITTEN = "{call} is not written yet: it still raises NotImplementedError."
NOT_ASYNC = (
    "{call} returned {kind} instead of a coroutine: define it with `async def`, not `def`, so that it can be awaited."
)
RAISED = "{call} raised {error}"
NEVER_AWAITED = (
    "{what} was never awaited: calling a coroutine function only creates a coroutine; "
    "`await` it (or wrap it in a task) to run it."
)
# Exceptions that belong to pytest (a pytest-timeout expiry, say), never to the student.
NOT_STUDENTS = (KeyboardInterrupt, pytest.fail.Exception, pytest.skip.Exception)


@dataclass
class Run:
    """What happened when a check ran ``call`` (say ``main()``) on virtual time."""

    call: str
    value: Any = None
    error: BaseException | None = None
    duration: float | None = None
    lines: list[Line] = field(default_factory=list)
    tasks: list[TaskRecord] = field(default_factory=list)
    blocking: list[BlockingCall] = field(default_factory=list)
    never_awaited: list[str] = field(default_factory=list)
    loop_errors: list[str] = field(default_factory=list)
    student_files: tuple[str, ...] = ()
    error_text: str | None = None
    loops: list[Any] = field(default_factory=list)
    left_running: list[TaskRecord] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    def took(self, seconds: float) -> bool:
        """Whether the call ended after exactly ``seconds`` of virtual time."""
        return self.duration is not None and abs(self.duration - seconds) <= TOLERANCE

    def peak(self, function: str | None = None) -> int:
        """Most tasks (running ``function``, if given) alive at one virtual instant."""
        return peak_concurrency(self.tasks, function)

    def tasks_of(self, function: str) -> list[TaskRecord]:
        return [record for record in self.tasks if record.function == function]

    def notes(self) -> list[str]:
        """Problems worth mentioning whatever the check was about."""
        notes = [str(call) for call in self.blocking[:1]]
        if len(self.blocking) > 1:
            notes[0] += f" ({len(self.blocking) - 1} more blocking call(s) after it.)"
        notes += [NEVER_AWAITED.format(what=what) for what in self.never_awaited]
        return notes

    def describe_error(self) -> str:
        if self.error_text is not None:
            return self.error_text
        error = self.error
        if isinstance(error, NotImplementedError):
            return NOT_WRITTEN.format(call=self.call)
        if isinstance(error, (LoopProblem, NotACoroutine)):
            return f"{self.call}: {error}" if isinstance(error, LoopProblem) else str(error)
        text = RAISED.format(call=self.call, error=one_line(error))
        trace = student_traceback(error, self.student_files)
        return f"{text}\n{trace}" if trace else text

    def raise_for_error(self) -> None:
        """Fail the check with the student's error, if the call raised one."""
        if self.error is not None:
            raise Failure(self.describe_error(), notes=self.notes()) from None


class NotACoroutine(Exception):
    pass


def run_student(
    function: Callable[..., Any],
    *args: Any,
    limits: Limits = Limits(),
    student_files: tuple[str, ...] = (),
    label: str | None = None,
    sync: bool = False,
    **kwargs: Any,
) -> Run:
    """Call ``function(*args, **kwargs)`` and run the coroutine it returns to the end.

    With ``sync=True`` the function is plain code, called as it is (still on virtual time):
    ``duration`` is then the virtual time the call took, and ``loops`` the loops it made.
    """
    result = Run(call=label or describe_call(function, args, kwargs), student_files=student_files)
    with Sandbox(limits, student_files=frozenset(student_files)) as box:
        try:
            if sync:
                result.value = function(*args, **kwargs)
                result.duration = box.clock.time()
            else:
                result.value = _call_and_run(box, function, args, kwargs, result)
        except NOT_STUDENTS:
            raise
        except BaseException as error:  # the student's, whatever it is
            result.error = error
            result.error_text = result.describe_error()
            # Let go of the frames' locals, so never-awaited coroutines are collected (and noted).
            traceback.clear_frames(error.__traceback__)
        returned = _close_coroutines(result.value)
    result.lines = box.stdout.lines()
    result.tasks = [record for loop in box.loops for record in loop.task_records]
    result.blocking = box.blocking
    result.loop_errors = [error for loop in box.loops for error in loop.errors]
    result.loops = list(box.loops)
    noted = _never_awaited(box) + [f"{name} (returned by {result.call})" for name in returned]
    result.never_awaited = list(dict.fromkeys(noted))
    if result.error is None:
        problem = next((p for loop in box.loops for p in loop.problems), None)
        result.error = problem
    return result


def _call_and_run(box: Sandbox, function: Callable[..., Any], args: tuple, kwargs: dict, result: Run) -> Any:
    awaitable = function(*args, **kwargs)
    if not inspect.isawaitable(awaitable):
        raise NotACoroutine(NOT_ASYNC.format(call=result.call, kind=_kind(awaitable)))
    with Runner(loop_factory=box.new_loop) as runner:
        try:
            return runner.run(_as_coroutine(awaitable))
        finally:
            loop = runner.get_loop()
            main = loop.task_records[:1]
            result.duration = main[0].finished if main else None
            # What asyncio is about to cancel because the call returned without waiting for it.
            result.left_running = loop.records_of(t for t in asyncio.all_tasks(loop) if not t.done())


def _as_coroutine(awaitable: Any) -> Any:
    if inspect.iscoroutine(awaitable):
        return awaitable

    async def wait_for_it() -> Any:
        return await awaitable

    return wait_for_it()


def _close_coroutines(value: Any) -> list[str]:
    """Close coroutines the student returned instead of awaiting, so they can't warn later."""
    items = value if isinstance(value, (list, tuple)) else [value]
    closed = []
    for item in items:
        if inspect.iscoroutine(item):
            item.close()
            closed.append(f"{item.__qualname__}()")
    return closed


def _kind(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"


def _never_awaited(box: Sandbox) -> list[str]:
    found = []
    for warning in box.warnings:
        text = str(warning.message)
        if issubclass(warning.category, RuntimeWarning) and text.endswith("was never awaited"):
            name = text.split("'")[1] if "'" in text else "a coroutine"
            found.append(f"{name}()")
    return found


def describe_call(function: Callable[..., Any], args: tuple, kwargs: dict) -> str:
    name = getattr(function, "__name__", repr(function))
    shown = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def one_line(error: BaseException) -> str:
    """``ValueError: boom``, or just ``ValueError`` when there is no message."""
    message = str(error)
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def student_traceback(error: BaseException, student_files: tuple[str, ...]) -> str:
    """The traceback of ``error`` cut to the frames in the student's own files."""
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__) if os.path.abspath(frame.filename) in student_files
    ]
    if not frames:
        return ""
    lines = ["Traceback (your code only):"]
    for frame in frames:
        lines.append(f'  File "{os.path.basename(frame.filename)}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines.append(one_line(error))
    return "\n".join(lines)
