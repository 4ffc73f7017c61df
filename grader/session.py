"""A grading session: the checks (the judge) run here; student code only in sandboxes they fork.

Nothing the student's code does can reach this process's checks, scores or report: each run
is a process of its own that sends back plain data (see :mod:`grader.student`). A run that
hangs, crashes or exits costs only the check it was in.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import Exercise
from .results import CheckResult, ExerciseResult, Report

Event = dict[str, Any]

NOT_RUN = "the grader could not run this check: {reason}"
NO_CHECKS = "no checks were found for {exercise} in {where}"


@dataclass(frozen=True)
class Settings:
    submission: Path
    timeout: float = 3.0


def grade(exercises: list[Exercise], settings: Settings) -> Report:
    """Run every check of ``exercises`` against the submission and score them."""
    return grade_each(exercises, [settings.submission], settings.timeout)[0]


def grade_each(exercises: list[Exercise], folders: list[Path], timeout: float = 3.0) -> list[Report]:
    """Grade several submissions in one pytest session: a report for each folder, in order.

    Each folder's exercise files are first copied to a private folder: the checks read only that
    copy, resolved once, whatever the student's code later does to the original or to the paths.
    """
    from .confine import end_supervising, protect_supervisor

    # Student code can then neither open this process's /proc files nor leave orphans we can't find.
    protect_supervisor()
    files = [str(exercise.checks) for exercise in exercises]
    with _private_copies(folders, exercises) as copies:
        arguments = pytest_arguments(files, [str(copy) for copy in copies], timeout, [str(f) for f in folders])
        with _forgetting_modules_from([Path(f).parent for f in files]):
            try:
                events = _events(arguments)
            finally:
                end_supervising()
        return [
            _report(exercises, events, str(copy), str(folder)) for copy, folder in zip(copies, folders, strict=True)
        ]


def collect(exercises: list[Exercise]) -> None:
    """Import pytest, its plugins and the check modules of ``exercises`` the judge's own way, and
    collect the checks without running one (a check may do anything, and hang: only a judge under
    its time limit runs one). The modules stay imported: judges forked afterwards (``grade batch``)
    start grading at once."""
    with tempfile.TemporaryDirectory(prefix="grader-warm-") as empty:
        arguments = pytest_arguments([str(exercise.checks) for exercise in exercises], [empty], 1.0)
        _events([*arguments, "--collect-only"])


@contextmanager
def _private_copies(folders: list[Path], exercises: list[Exercise]) -> Iterator[list[Path]]:
    root = Path(tempfile.mkdtemp(prefix="grader-"))
    try:
        copies = []
        for index, folder in enumerate(folders):
            copy = root / f"submission{index}"
            copy.mkdir()
            for exercise in exercises:
                _copy_file(Path(folder).resolve() / f"{exercise.name}.py", copy)
            copies.append(copy)
        yield copies
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _copy_file(source: Path, folder: Path) -> None:
    """A regular file only: never a link followed out of the submission, never a folder."""
    if source.is_file() and not source.is_symlink():
        shutil.copyfile(source, folder / source.name)


@contextmanager
def _forgetting_modules_from(folders: list[Path]) -> Iterator[None]:
    """Check modules imported here must not outlive the session: a later one would reuse them
    by name (or a half-imported one, after a failed import)."""
    before = set(sys.modules)
    try:
        yield
    finally:
        roots = [str(Path(folder).resolve()) + os.sep for folder in folders]
        for name in set(sys.modules) - before:
            path = getattr(sys.modules[name], "__file__", None) or ""
            if any(os.path.abspath(path).startswith(root) for root in roots):
                del sys.modules[name]


def pytest_arguments(
    check_files: list[str], submissions: list[str], timeout: float, shown_as: list[str] | None = None
) -> list[str]:
    """The pytest command line that grades ``check_files`` against each of ``submissions``."""
    # fmt: off
    return [
        *check_files,
        "-p", "grader.plugin", "-p", "pytest_asyncio.plugin",
        # No cache written anywhere, no user configuration, no warnings summary.
        "-p", "no:cacheprovider", "-p", "no:warnings", "-p", "no:timeout", "-c", os.devnull,
        *(part for name in _UNUSED_PLUGINS for part in ("-p", f"no:{name}")),
        "--rootdir", os.path.dirname(check_files[0]) if check_files else ".",
        "--confcutdir", os.path.dirname(check_files[0]) if check_files else ".",
        "--import-mode=importlib", "--continue-on-collection-errors", "--assert=plain",
        "-o", "asyncio_mode=strict", "-o", "asyncio_default_fixture_loop_scope=function",
        "--grader-timeout", f"{timeout:g}",
        *(f"--submission={folder}" for folder in submissions),
        *(f"--shown-as={folder}" for folder in shown_as or []),
        "-s", "-p", "no:terminal",
    ]
    # fmt: on


# pytest's plugins that grading never uses: each costs start-up time, some (unraisableexception:
# a full garbage collection after every check) much more.
_UNUSED_PLUGINS = (
    "unraisableexception",
    "threadexception",
    "pastebin",
    "junitxml",
    "doctest",
    "setuponly",
    "setupplan",
    "stepwise",
    "logging",
    "faulthandler",
    "subtests",
    "legacypath",
)


# pytest reads these from the environment: they would let it choose which checks run (-k, a
# deselect: full marks on a part) or which plugins judge. The judge's command line is its own,
# and only the plugins it names judge: none that happens to be installed (pytest-randomly...).
IGNORED_VARIABLES = ("PYTEST_ADDOPTS", "PYTEST_PLUGINS")
JUDGE_VARIABLES = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}


def _events(arguments: list[str]) -> list[Event]:
    import pytest

    from .collect import Collector

    events: list[Event] = []
    with _environment_of_the_judge():
        pytest.main(arguments, plugins=[Collector(events.append)])
    return events


@contextmanager
def _environment_of_the_judge() -> Iterator[None]:
    names = (*IGNORED_VARIABLES, *JUDGE_VARIABLES)
    saved = {name: os.environ.pop(name) for name in names if name in os.environ}
    os.environ.update(JUDGE_VARIABLES)
    try:
        yield
    finally:
        for name in JUDGE_VARIABLES:
            os.environ.pop(name, None)
        os.environ.update(saved)


def _report(exercises: list[Exercise], events: list[Event], submission: str, shown: str) -> Report:
    described = [
        check
        for event in events
        if event["event"] == "collected"
        for check in event["checks"]
        if check["submission"] == submission
    ]
    outcomes = {event["id"]: event for event in events if event["event"] == "result"}
    broken = {event.get("where", ""): event["message"] for event in events if event["event"] == "error"}
    results, errors = [], []
    for exercise in exercises:
        checks = [check for check in described if check["exercise"] == exercise.name]
        # A check module that would not load costs its own exercise only.
        error = next((message for where, message in broken.items() if Path(where).name == exercise.checks.name), None)
        if error is not None or not checks:
            errors.append(error or NO_CHECKS.format(exercise=exercise.name, where=exercise.checks))
        title = checks[0]["exercise_title"] if checks else exercise.name
        not_run = NOT_RUN.format(reason="it was not reached")
        results.append(
            ExerciseResult(exercise.name, title, [_result(c, outcomes.get(c["id"]), not_run) for c in checks])
        )
    unplaced = [m for where, m in broken.items() if not any(Path(where).name == e.checks.name for e in exercises)]
    review = next((event for event in events if event["event"] == "review"), {})
    folder = str(Path(submission).resolve())
    needs_review = review.get("submissions", {}).get(folder, [])
    isolation = review.get("isolation", {}).get(folder, {})
    return Report(results, errors + unplaced, submission=shown, needs_review=list(needs_review), isolation=isolation)


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
