"""A grading session: the checks run in a worker process that a hostile submission can't take down.

If student code hangs past pytest-timeout's reach, or ends the process (``os._exit``, a
crash), the check it was in fails with a reason and a new worker runs the checks left.
"""

from __future__ import annotations

import json
import os
import selectors
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import process
from .catalog import Exercise
from .results import CheckResult, ExerciseResult, Report

Event = dict[str, Any]

KILLED = (
    "your code was still running after {seconds:g} s of real time and would not let the "
    "grader stop it, so the grader ended it. Look for a loop that never awaits anything "
    "and catches every exception."
)
CRASHED = (
    "the grading process ended while this check was running ({how}). Does your code call os._exit() or crash Python?"
)
NOT_RUN = "the grader could not run this check: {reason}"
NO_CHECKS = "no checks were found for {exercise} in {where}"
# Real seconds allowed to start Python and collect the checks.
STARTUP_LIMIT = 60.0


def kill_after(timeout: float) -> float:
    """Real seconds of silence after which a worker is ended: pytest-timeout had its chance."""
    return timeout + max(0.5, timeout / 2)


@dataclass(frozen=True)
class Settings:
    submission: Path
    timeout: float = 3.0


def grade(exercises: list[Exercise], settings: Settings, in_process: bool = False) -> Report:
    """Run every check of ``exercises`` against the submission and score them."""
    return grade_each(exercises, [settings.submission], settings.timeout, in_process)[0]


def grade_each(
    exercises: list[Exercise], folders: list[Path], timeout: float = 3.0, in_process: bool = False
) -> list[Report]:
    """Grade several submissions in one pytest session: a report for each folder, in order."""
    files = [str(exercise.checks) for exercise in exercises]
    arguments = pytest_arguments(files, [str(folder) for folder in folders], timeout)
    if in_process:
        with _forgetting_modules_from([Path(f).parent for f in files] + list(folders)):
            events = _events_in_process(arguments)
    else:
        events = _events_in_workers(arguments, timeout)
    return [_report(exercises, events, str(folder)) for folder in folders]


@contextmanager
def _forgetting_modules_from(folders: list[Path]) -> Iterator[None]:
    """Check and student modules imported in-process must not outlive the session: a later one
    would reuse them by name (or a half-imported one, after a failed import)."""
    before = set(sys.modules)
    try:
        yield
    finally:
        roots = [str(Path(folder).resolve()) + os.sep for folder in folders]
        for name in set(sys.modules) - before:
            path = getattr(sys.modules[name], "__file__", None) or ""
            if any(os.path.abspath(path).startswith(root) for root in roots):
                del sys.modules[name]


def pytest_arguments(check_files: list[str], submissions: list[str], timeout: float) -> list[str]:
    """The pytest command line that grades ``check_files`` against each of ``submissions``."""
    # fmt: off
    return [
        *check_files,
        "-p", "grader.plugin", "-p", "asyncio", "-p", "timeout",
        # No cache written into the student's folder, no user configuration, no warnings summary.
        "-p", "no:cacheprovider", "-p", "no:warnings", "-c", os.devnull,
        "--rootdir", os.path.dirname(check_files[0]) if check_files else ".",
        "--import-mode=importlib",
        "-o", "asyncio_mode=strict", "-o", "asyncio_default_fixture_loop_scope=function",
        "--timeout", f"{timeout:g}", "--timeout-method", "signal",
        *(f"--submission={folder}" for folder in submissions),
        "-q", "--no-header",
    ]
    # fmt: on


def _events_in_process(arguments: list[str]) -> list[Event]:
    """Same checks, same events, no worker: quicker, for trusted code such as the kit's tests."""
    import pytest

    from .collect import Collector

    events: list[Event] = []
    pytest.main(arguments, plugins=[Collector(events.append)])
    return events


def _events_in_workers(arguments: list[str], timeout: float) -> list[Event]:
    events: list[Event] = []
    finished: set[str] = set()
    while True:
        progress, checks = _one_worker(arguments, timeout, sorted(finished), events)
        finished |= {event["id"] for event in events if event["event"] == "result"}
        if checks is None or finished >= checks or not progress:
            return events


@dataclass
class _Watch:
    """What the supervisor knows of one worker while it runs."""

    timeout: float
    checks: set[str] | None = None
    running: str | None = None
    progress: bool = False

    def silence_allowed(self) -> float:
        return kill_after(self.timeout) if self.running else STARTUP_LIMIT

    def finish(self, events: list[Event], event: Event) -> None:
        events.append(event)
        self.running, self.progress = None, True


def _one_worker(
    arguments: list[str], timeout: float, skip: list[str], events: list[Event]
) -> tuple[bool, set[str] | None]:
    """Run one worker until it ends; return whether it finished a check, and all check ids."""
    arguments = arguments + [f"--deselect={nodeid}" for nodeid in skip]
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as stderr:
        token = os.urandom(16).hex()
        worker = process.start(arguments, write_end, token, stderr)
        os.close(write_end)
        watch = _Watch(timeout)
        for event in _read(read_end, worker, token, watch.silence_allowed):
            if event["event"] in ("collected", "error"):
                if event["event"] == "collected":
                    watch.checks = {check["id"] for check in event["checks"]}
                if not skip:  # a restarted worker reports them again
                    events.append(event)
            elif event["event"] == "start":
                watch.running = event["id"]
            elif event["event"] == "result":
                watch.finish(events, event)
            elif event["event"] == "killed" and watch.running:
                watch.finish(events, _failed(watch.running, KILLED.format(seconds=kill_after(timeout))))
        status = worker.wait()
        if watch.running:
            watch.finish(events, _failed(watch.running, CRASHED.format(how=_how(status))))
        if watch.checks is None:
            stderr.seek(0)
            reason = stderr.read().decode(errors="replace").strip().splitlines()[-1:] or [f"exit status {status}"]
            events.append({"event": "error", "message": NOT_RUN.format(reason=reason[0])})
    return watch.progress, watch.checks


def _read(fd: int, worker: process.Worker, token: str, limit: Callable[[], float]) -> Iterator[Event]:
    """Events as the worker writes them; ``killed`` if it goes quiet for longer than ``limit()``."""
    buffer = b""
    with selectors.DefaultSelector() as selector, os.fdopen(fd, "rb", buffering=0) as pipe:
        selector.register(pipe, selectors.EVENT_READ)
        deadline = time.monotonic() + limit()
        while True:
            if not selector.select(max(deadline - time.monotonic(), 0)):
                worker.kill()
                yield {"event": "killed"}
                deadline = time.monotonic() + STARTUP_LIMIT
                continue
            chunk = pipe.read(65536)
            if not chunk:
                return
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                event = _parse(line, token)
                if event is not None:
                    yield event
                    deadline = time.monotonic() + limit()


def _parse(line: bytes, token: str) -> Event | None:
    """The event on ``line``, if it is led by ``token``: student code may write to the pipe too."""
    lead = f"{token} ".encode()
    if not line.startswith(lead):
        return None
    try:
        event = json.loads(line[len(lead) :])
    except (ValueError, RecursionError):
        return None
    return event if isinstance(event, dict) and "event" in event else None


def _how(status: int) -> str:
    return f"killed by signal {-status}" if status < 0 else f"exit status {status}"


def _failed(nodeid: str, message: str) -> Event:
    return {"event": "result", "id": nodeid, "status": "failed", "message": message}


def _report(exercises: list[Exercise], events: list[Event], submission: str) -> Report:
    described = {
        check["id"]: check
        for event in events
        if event["event"] == "collected"
        for check in event["checks"]
        if check["submission"] == submission
    }
    outcomes = {event["id"]: event for event in events if event["event"] == "result"}
    errors = [event["message"] for event in events if event["event"] == "error"]
    error = errors[0] if errors else NOT_RUN.format(reason="it was not reached")
    worker_failed = bool(errors)
    results = []
    for exercise in exercises:
        checks = [check for check in described.values() if check["exercise"] == exercise.name]
        if not checks and not worker_failed:
            errors.append(NO_CHECKS.format(exercise=exercise.name, where=exercise.checks))
        title = checks[0]["exercise_title"] if checks else exercise.name
        results.append(
            ExerciseResult(exercise.name, title, [_result(check, outcomes.get(check["id"]), error) for check in checks])
        )
    return Report(results, errors)


def _result(check: Event, outcome: Event | None, error: str) -> CheckResult:
    outcome = outcome or {"status": "failed", "message": error}
    return CheckResult(
        exercise=check["exercise"],
        name=check["name"],
        title=check["title"],
        points=check["points"],
        hidden=check["hidden"],
        status=outcome["status"],
        message=outcome["message"],
    )
