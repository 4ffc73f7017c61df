"""The pytest plugin: fixtures for checks, their points and titles, and their messages.

Load it with ``-p grader.plugin``. It is not registered as an entry point, on purpose:
it would turn every asyncio test in the environment onto virtual time.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .failures import Failure
from .loop import VirtualEventLoop
from .run import Run, one_line, run_student
from .sandbox import Limits, virtual_world
from .submission import load_submission

REAL_TIMEOUT = (
    "your code was still running after {seconds} s of real time, so the grader stopped it. "
    "A loop that never awaits anything (a busy loop), or a call that blocks until something that "
    "can never happen, keeps everything else from running."
)
CHECK_ERROR = "the check ran into an error it did not expect: {error}"
DEFAULT_SUBMISSION = "exercises"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("grader", "asyncio grader")
    group.addoption(
        "--submission",
        metavar="DIR",
        action="append",
        default=None,
        help=f"folder holding a student's exerciseN.py files (default: {DEFAULT_SUBMISSION}); "
        "give it again to grade several submissions in one session",
    )
    parser.addini("grader_submission", "folder holding the student's files", default=DEFAULT_SUBMISSION)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "check(points=1, hidden=False): a graded check and its points")


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Any:
    """Set the sandboxes' costly part up once for the whole run of checks."""
    with virtual_world():
        return (yield)


@pytest.hookimpl(optionalhook=True)
def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Callable[[], Any]]:
    """Async checks run on a virtual loop too."""
    return {"virtual": VirtualEventLoop}


def check(points: float = 1, *, hidden: bool = False) -> Callable[[Callable[..., Any]], Any]:
    """Mark a test as a graded check worth ``points``; its docstring's first line is its title.

    A hidden check counts in the score, but its message is shown only to the instructor.
    """
    if points < 0:
        raise ValueError(f"a check's points must be >= 0, not {points!r}")
    return pytest.mark.check(points=points, hidden=hidden)


def exercise_of(module: types.ModuleType) -> str:
    """The exercise a check module grades: its ``EXERCISE``, or its own file name."""
    return getattr(module, "EXERCISE", None) or module.__name__.rsplit(".", 1)[-1]


def submission_dirs(config: pytest.Config) -> list[str]:
    return config.getoption("submission") or [config.getini("grader_submission")]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """With several submissions, every check runs once for each."""
    folders = submission_dirs(metafunc.config)
    if len(folders) > 1 and "submission_dir" in metafunc.fixturenames:
        metafunc.parametrize(
            "submission_dir", folders, indirect=True, ids=[f"submission{i}" for i in range(len(folders))]
        )


@pytest.fixture
def submission_dir(request: pytest.FixtureRequest) -> Path:
    return Path(getattr(request, "param", None) or submission_dirs(request.config)[0])


@pytest.fixture
def student_path(request: pytest.FixtureRequest, submission_dir: Path) -> Path:
    return submission_dir / f"{exercise_of(request.module)}.py"


@pytest.fixture
def student(request: pytest.FixtureRequest, student_path: Path) -> Iterator[types.ModuleType]:
    """The student's module, freshly imported for this check (and forgotten after it).

    A check module's ``IMPORT_HINTS = {"nest_asyncio": "..."}`` adds a hint to an import
    failure whose message mentions the key.
    """
    try:
        module = load_submission(student_path, student_path.stem).module
    except Failure as failure:
        hints = getattr(request.module, "IMPORT_HINTS", {})
        failure.help = next((hint for key, hint in hints.items() if key in failure.rationale), failure.help)
        raise
    yield module
    if sys.modules.get(student_path.stem) is module:
        del sys.modules[student_path.stem]


@pytest.fixture(autouse=True)
def _one_run_per_submission(submission_dir: Path) -> None:
    """Every check depends on the submission, so with several, every check runs for each."""


@pytest.fixture
def run(student_path: Path) -> Callable[..., Run]:
    """``run(student.main)`` runs a student coroutine on virtual time and returns a :class:`Run`.

    If the student's code raises, the check fails with that error, unless ``allow_error=True``.
    ``label`` names the call in messages when ``function`` is a check's own wrapper;
    ``sync=True`` runs a plain (not async) function, still on virtual time.
    """
    files = (str(student_path.resolve()),)

    def run_(
        function: Callable[..., Any],
        *args: Any,
        allow_error: bool = False,
        limits: Limits = Limits(),
        label: str | None = None,
        sync: bool = False,
        **kwargs: Any,
    ) -> Run:
        result = run_student(function, *args, limits=limits, student_files=files, label=label, sync=sync, **kwargs)
        if not allow_error:
            result.raise_for_error()
        return result

    return run_


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    report = yield
    if report.failed and call.excinfo is not None:
        report.grader_message = failure_message(call.excinfo.value, report)
    return report


def failure_message(error: BaseException, report: Any = None) -> str:
    """What the student reads when a check fails with ``error``."""
    if isinstance(error, Failure):
        return error.render()
    if isinstance(error, pytest.fail.Exception):
        timeout = re.match(r"Timeout \(>([\d.]+)s\)", str(error))
        if timeout:
            return REAL_TIMEOUT.format(seconds=f"{float(timeout.group(1)):g}")
        return str(error)
    if isinstance(error, AssertionError):
        crash = getattr(getattr(report, "longrepr", None), "reprcrash", None)
        return str(error) or (crash.message if crash else "an assertion failed")
    return CHECK_ERROR.format(error=one_line(error))
