"""The student's module as a check sees it, and how a check's ``run(...)`` reaches it.

In the judge, a :class:`StudentModule` holds only names: ``student.main`` is a
:class:`StudentFunction` saying which function to call, and ``spy(student, "fetch")`` notes a
spy to set. ``run(student.main)`` forks a sandbox process: there (and only there) the real
module is imported, the spies are set, the call runs on virtual time, and what happened comes
back as plain data (:mod:`grader.wire`). Code of the check's own that must run beside the
student's (a ticker task, a wrapper that calls ``student.race``) is passed to ``run`` as a
function: the sandbox is a fork of the judge, so it runs there as written, and
:class:`~grader.observed.Observed` objects it fills are copied back.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import shutil
import sys
import tempfile
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import audit, observed, orders, remote, wire
from .confine import Confinement
from .failures import Failure, plain_repr
from .run import (
    CRASHED,
    NOT_DEFINED,
    REAL_TIMEOUT,
    Crashed,
    NotDefined,
    OutOfRealTime,
    Run,
    describe_call,
    from_wire,
    run_student,
    to_wire,
)
from .sandbox import Limits, Output
from .submission import MISSING, load_submission

IN_THE_JUDGE = "{name}() is the student's: the grader runs it only in the sandbox, through run({name})"
NO_REPLY = "the grader could not read what your code did: {problem}"
# Real seconds left to a check's later runs once one has shown the code hangs: the same hang
# need not cost the full limit again.
AFTER_A_HANG = 1.0

_current: types.ModuleType | None = None  # in the sandbox: the real module
_hung: set[str] = set()  # student files whose code has already run out of real time
_review: dict[str, list[str]] = {}  # submission folder -> what its code tried that the sandbox refused
_isolation: dict[str, dict[str, str]] = {}  # submission folder -> how its sandboxes were confined


def needs_review() -> dict[str, list[str]]:
    """What each submission's code tried that the sandbox refused, for the instructor to look at."""
    return {folder: list(entries) for folder, entries in _review.items()}


def isolation() -> dict[str, dict[str, str]]:
    """How each submission's code was isolated: each protection, on or off (and why)."""
    return {folder: dict(items) for folder, items in _isolation.items()}


def forget_review() -> None:
    """A new grading session: nothing noted in an earlier one carries over."""
    _review.clear()
    _isolation.clear()
    _hung.clear()


@dataclass(frozen=True)
class Sandboxing:
    """How the judge runs student code: the real-time limit of one run, and what a sandbox may
    reach (``confinement(scratch, submission)``; None: unconfined, for the kit's own tests)."""

    timeout: float = 3.0
    confinement: Callable[[Path, Path], Confinement] | None = None


class StudentModule:
    """A stand-in for the student's module; see the module docstring."""

    def __init__(
        self,
        path: Path,
        shown: str,
        sandboxing: Sandboxing,
        hints: dict[str, str] | None = None,
        original: Path | None = None,
    ) -> None:
        state = {"_path": path, "_shown": shown, "_sandboxing": sandboxing, "_hints": hints or {}, "_spies": []}
        state["_original"] = original or path.absolute()
        # Resolved once: the private copy's path is the judge's and never changes.
        state["_resolved"] = str(path.resolve())
        self.__dict__.update(state)

    @property
    def __file__(self) -> str:
        return self._resolved

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        if _current is None:
            return StudentFunction(self, name)
        try:
            return getattr(_current, name)
        except AttributeError:
            raise NotDefined(NOT_DEFINED.format(file=self._shown, name=name)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        if _current is None:
            raise AttributeError(f"set {name} on the student's module with spy(student, {name!r}, ...)")
        setattr(_current, name, value)

    def spy(self, name: str, replacement: Callable[..., Any] | None, attach: Callable[..., Any], calls: Any) -> Any:
        """Note a spy to set on ``name`` in each run's sandbox; ``calls`` comes back filled."""
        self._spies.append((name, replacement, attach, calls))
        if _current is not None:
            attach(_current, name, replacement, calls)
        return calls

    def run(self, function: Any, args: tuple, kwargs: dict, limits: Limits, label: str | None, sync: bool) -> Run:
        """Run ``function(*args, **kwargs)`` in a sandbox; what happened, as the judge may read it."""
        call = label or describe_call(function, args, kwargs)
        if not self._path.is_file():
            raise Failure(MISSING.format(shown=self._shown, absolute=self._original))
        count = observed.snapshot()
        scratch = Path(tempfile.mkdtemp(prefix="grader-run-"))
        try:
            confinement = self._sandboxing.confinement
            reply = remote.call(
                lambda: self._in_the_sandbox(function, args, kwargs, limits, call, sync, count, scratch),
                self._time_allowed(),
                confinement(scratch, self._path.parent) if confinement is not None else None,
            )
        finally:
            _close_unrun(args, kwargs)
            shutil.rmtree(scratch, ignore_errors=True)
        return self._result(reply, call)

    def _time_allowed(self) -> float:
        limit = self._sandboxing.timeout
        return min(limit, AFTER_A_HANG) if self.__file__ in _hung else limit

    def _in_the_sandbox(
        self, function: Any, args: tuple, kwargs: dict, limits: Limits, call: str, sync: bool, count: int, scratch: Path
    ) -> dict:
        global _current
        os.chdir(scratch)
        output = Output(limits.max_lines)
        output.capture_descriptors(scratch)
        _as_a_fresh_process()
        watch = audit.Watch(frozenset({self.__file__}))
        watch.install()
        try:
            module = load_submission(self._path, self._path.stem, limits, output, shown=self._shown).module
        except Failure as failure:
            return {"kind": "not loaded", "rationale": failure.rationale, "review": watch.noted}
        _current = module
        for name, replacement, attach, calls in self._spies:
            attach(module, name, replacement, calls)
        result = run_student(
            function,
            *args,
            limits=limits,
            student_files=(self.__file__,),
            label=call,
            sync=sync,
            output=output,
            **kwargs,
        )
        encoder = wire.Encoder(observed.kept(), describe=plain_repr)
        return {
            "kind": "ran",
            "run": to_wire(result, encoder),
            "observed": observed.observations(count, encoder),
            "review": watch.noted,
        }

    def _result(self, reply: remote.Reply, call: str) -> Run:
        if reply.timed_out:
            seconds = self._time_allowed()
            _hung.add(self.__file__)
            error = OutOfRealTime(REAL_TIMEOUT.format(seconds=f"{seconds:g}"))
            return Run(call=call, error=error, stuck_at=reply.stuck_at, student_files=(self.__file__,))
        message = reply.message
        if message is None:
            text = CRASHED.format(how=reply.ended) if reply.ended else NO_REPLY.format(problem=reply.problem)
            return Run(call=call, error=Crashed(text), student_files=(self.__file__,))
        try:
            return self._decoded(message, call)
        except (wire.BadMessage, KeyError, TypeError, ValueError) as error:
            return Run(call=call, error=Crashed(NO_REPLY.format(problem=error)), student_files=(self.__file__,))

    def _decoded(self, message: dict, call: str) -> Run:
        self._note_review(message.get("review"))
        self._note_isolation(message.get("isolation"))
        if message.get("kind") == "not loaded":
            rationale = str(message.get("rationale"))
            hint = next((hint for key, hint in self._hints.items() if key in rationale), None)
            raise Failure(rationale, help=hint)
        if message.get("kind") == "internal":
            raise wire.BadMessage(f"the sandbox failed to start: {message.get('error')}")
        if message.get("kind") != "ran":
            raise wire.BadMessage("of an unknown kind")
        decoder = wire.Decoder(observed.kept())
        result = from_wire(message["run"], decoder, (self.__file__,))
        result.call = call  # the judge's own words for the call, whatever the sandbox said
        observed.restore(list(message.get("observed", [])), decoder)
        return result

    def _note_isolation(self, isolation: Any) -> None:
        if type(isolation) is dict and isolation:
            _isolation.setdefault(str(self._path.parent.resolve()), {str(k): str(v) for k, v in isolation.items()})

    def _note_review(self, entries: Any) -> None:
        if type(entries) is not list:
            return
        noted = _review.setdefault(str(self._path.parent.resolve()), [])
        for entry in entries[:20]:
            text = str(entry)[:300]
            if text not in noted:
                noted.append(text)


class StudentFunction:
    """``student.main`` in the judge: which function to call, by name."""

    def __init__(self, module: StudentModule, name: str) -> None:
        self.module, self.__name__, self.__qualname__ = module, name, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if _current is None:
            raise RuntimeError(IN_THE_JUDGE.format(name=self.__name__))
        return getattr(self.module, self.__name__)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<student's {self.__name__}>"


def _as_a_fresh_process() -> None:
    """Undo what the judge's own process set up that a program starting afresh would not have:
    handlers on the root logger (pytest's, when the judge runs inside a test session), which would
    make the student's ``logging.basicConfig(...)`` do nothing. And make sets of tasks go through
    them in the order they were made, not by memory address: no verdict may rest on addresses."""
    asyncio.tasks.Task = orders.ranked(orders.ORDERS[0])
    logging = sys.modules.get("logging")
    if logging is not None:
        for handler in list(logging.root.handlers):
            logging.root.removeHandler(handler)
        logging.root.setLevel(logging.WARNING)


def _close_unrun(args: tuple, kwargs: dict) -> None:
    """The judge's copies of coroutines handed to the sandbox never run: close them quietly."""
    for value in (*args, *kwargs.values()):
        if inspect.iscoroutine(value):
            value.close()
