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

from . import wire
from .capture import OutputLimitExceeded
from .errors import LoopProblem
from .failures import Failure, plain_repr
from .sandbox import BlockingCall, Limits, Output, Sandbox
from .text import visible
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
NOT_DEFINED = "{file} has no {name}: the grader calls {name}() as the exercise describes it; was it renamed or deleted?"
REAL_TIMEOUT = (
    "your code was still running after {seconds} s of real time, so the grader stopped it. "
    "A loop that never awaits anything (a busy loop), or a call that blocks until something that "
    "can never happen, keeps everything else from running."
)
CRASHED = (
    "the process running your code ended before it could report ({how}). "
    "Does your code call os._exit() or crash Python?"
)
# Control flow that only the grader may use: from student code, it is a mistake (or a trick).
NOT_YOURS = {
    "Skipped": "pytest.skip()",
    "XFailed": "pytest.xfail()",
    "Failed": "pytest.fail()",
    "Exit": "pytest.exit()",
    "SkipTest": "unittest.SkipTest",
}
NOT_YOURS_HELP = "{what} belongs to tests, not to the code they test: a check can't be skipped from inside it."


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
    stuck_at: list[tuple[str, int, str]] = field(default_factory=list)

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
        if isinstance(error, LoopProblem):
            return f"{self.call}: {error}"
        if isinstance(error, (NotACoroutine, NotDefined, OutOfRealTime, Crashed)):
            return str(error)
        text = RAISED.format(call=self.call, error=one_line(error))
        if type(error).__name__ in NOT_YOURS:
            text += f"\n\nHint: {NOT_YOURS_HELP.format(what=NOT_YOURS[type(error).__name__])}"
        trace = student_traceback(error, self.student_files)
        return f"{text}\n{trace}" if trace else text

    def raise_for_error(self) -> None:
        """Fail the check with the student's error, if the call raised one."""
        if self.error is not None:
            raise Failure(self.describe_error(), notes=self.notes()) from None


class NotACoroutine(Exception):
    pass


class NotDefined(Exception):
    """The student's module lacks a function a check calls."""


class OutOfRealTime(Exception):
    """The judge stopped a run that used up its real time."""


class Crashed(Exception):
    """The sandbox process ended without a readable reply."""


class LoopState:
    """What the judge knows of an event loop the student's code made: whether it was closed."""

    __slots__ = ("closed",)

    def __init__(self, closed: bool) -> None:
        self.closed = closed

    def is_closed(self) -> bool:
        return self.closed


wire.register_rebuildable(OutputLimitExceeded, NotACoroutine, NotDefined)


def run_student(
    function: Callable[..., Any],
    *args: Any,
    limits: Limits = Limits(),
    student_files: tuple[str, ...] = (),
    label: str | None = None,
    sync: bool = False,
    output: Output | None = None,
    **kwargs: Any,
) -> Run:
    """Call ``function(*args, **kwargs)`` and run the coroutine it returns to the end (in the sandbox).

    With ``sync=True`` the function is plain code, called as it is (still on virtual time):
    ``duration`` is then the virtual time the call took, and ``loops`` the loops it made.
    """
    result = Run(call=label or describe_call(function, args, kwargs), student_files=student_files)
    output = output or Output(limits.max_lines)
    printed_before = len(output.stdout.lines())
    with Sandbox(limits, student_files=frozenset(student_files), output=output) as box:
        try:
            if sync:
                result.value = function(*args, **kwargs)
                result.duration = box.clock.time()
            else:
                result.value = _call_and_run(box, function, args, kwargs, result)
        except BaseException as error:  # the student's, whatever it is: pytest.skip and SystemExit too
            result.error = error
        returned = _close_coroutines(result.value)
    result.lines = output.stdout.lines()[printed_before:]
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
    name = getattr(function, "__name__", None) or type(function).__name__
    shown = [_short(a) for a in args] + [f"{k}={_short(v)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _short(value: Any, limit: int = 40) -> str:
    text = plain_repr(value)  # never a memory address: the same label on every run
    return text if len(text) <= limit else text[: limit - 3] + "..."


def one_line(error: BaseException) -> str:
    """``ValueError: boom``, or just ``ValueError`` when there is no message (shown, never acted on)."""
    message = visible(str(error))
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def frames(error: BaseException) -> list[tuple[str, int, str, str]]:
    """(file, line, function, source) of each frame ``error`` passed, outermost first: from its
    traceback, or, for an error rebuilt in the judge, from what the sandbox sent."""
    sent = getattr(error, "__grader_frames__", None)
    if sent is not None:
        return list(sent)
    return [(f.filename, f.lineno or 0, f.name, f.line or "") for f in traceback.extract_tb(error.__traceback__)]


def student_traceback(error: BaseException, student_files: tuple[str, ...]) -> str:
    """The traceback of ``error`` cut to the frames in the student's own files."""
    mine = [frame for frame in frames(error) if os.path.abspath(frame[0]) in student_files]
    if not mine:
        return ""
    lines = ["Traceback (your code only):"]
    for filename, lineno, name, line in mine:
        lines.append(f'  File "{os.path.basename(filename)}", line {lineno}, in {visible(name)}')
        if line:
            lines.append(f"    {visible(line.strip())}")
    lines.append(one_line(error))
    return "\n".join(lines)


def to_wire(result: Run, encoder: wire.Encoder) -> dict:
    """In the sandbox: everything a check may read of a run, as plain data."""
    return {
        "call": result.call,
        "value": encoder.value(result.value),
        "error": encoder.value(result.error) if result.error is not None else None,
        "duration": result.duration,
        "lines": [[line.time, line.text] for line in result.lines],
        "tasks": [_task_wire(record, encoder) for record in result.tasks],
        "left_running": [_task_wire(record, encoder) for record in result.left_running],
        "blocking": [[b.call, b.seconds, b.time, b.where] for b in result.blocking],
        "never_awaited": result.never_awaited,
        "loop_errors": result.loop_errors,
        "loops": [loop.is_closed() for loop in result.loops],
    }


def _task_wire(record: TaskRecord, encoder: wire.Encoder) -> list:
    error = encoder.value(record.error) if record.error is not None else None
    return [record.label, record.name, record.created, record.started, record.finished, record.cancelled, error]


def from_wire(data: dict, decoder: wire.Decoder, student_files: tuple[str, ...]) -> Run:
    """In the judge: the run as the sandbox described it, rebuilt without running any student code."""
    error = data.get("error")
    return Run(
        call=str(data["call"]),
        value=decoder.value(data.get("value")),
        error=decoder.value(error) if error is not None else None,
        duration=_number(data.get("duration")),
        lines=[Line(float(t), str(text)) for t, text in data.get("lines", [])],
        tasks=[_task(item, decoder) for item in data.get("tasks", [])],
        left_running=[_task(item, decoder) for item in data.get("left_running", [])],
        blocking=[BlockingCall(str(c), float(s), float(t), str(w)) for c, s, t, w in data.get("blocking", [])],
        never_awaited=[str(text) for text in data.get("never_awaited", [])],
        loop_errors=[str(text) for text in data.get("loop_errors", [])],
        loops=[LoopState(bool(closed)) for closed in data.get("loops", [])],
        student_files=student_files,
    )


def _task(item: list, decoder: wire.Decoder) -> TaskRecord:
    label, name, created, started, finished, cancelled, error = item
    return TaskRecord(
        str(label),
        str(name),
        float(created),
        _number(started),
        _number(finished),
        bool(cancelled),
        decoder.value(error) if error is not None else None,
    )


def _number(value: Any) -> float | None:
    return None if value is None else float(value)
