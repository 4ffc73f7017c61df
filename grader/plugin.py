"""The pytest plugin: fixtures for checks, their points and titles, and their messages.

Load it with ``-p grader.plugin``. It is not registered as an entry point, on purpose:
it would turn every asyncio test in the environment onto virtual time.
"""

from __future__ import annotations

import os
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from . import observed
from .failures import Failure
from .loop import VirtualEventLoop
from .run import REAL_TIMEOUT, Run, one_line
from .sandbox import Limits, virtual_world
from .student import Sandboxing, StudentModule
from .text import MAX_MESSAGE_CHARS, cap

__all__ = ["REAL_TIMEOUT", "check"]

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
    group.addoption(
        "--shown-as",
        metavar="DIR",
        action="append",
        default=None,
        help="for each --submission (a private copy), the folder to name in messages: the student's own",
    )
    group.addoption(
        "--grader-timeout",
        type=float,
        default=3.0,
        metavar="SECONDS",
        help="real seconds one run of student code may take before the grader stops it (default: 3)",
    )
    group.addoption(
        "--unconfined",
        action="store_true",
        help="run student code without confinement (no Landlock, limits or process tree): for debugging only",
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


def original_path(config: pytest.Config, submission_dir: Path, file_name: str) -> Path:
    """The student's own file that ``submission_dir`` (the grader's private copy) was made from."""
    folders = [str(folder) for folder in submission_dirs(config)]
    shown_as = config.getoption("shown_as") or folders
    return Path(dict(zip(folders, shown_as, strict=False)).get(str(submission_dir), str(submission_dir))) / file_name


def shown(path: Path) -> str:
    """How messages name the student's file: as they would type it, relative to where they are."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@pytest.fixture
def sandboxing(request: pytest.FixtureRequest) -> Sandboxing:
    from .confinement import sandboxing_for

    return sandboxing_for(request.config)


@pytest.fixture
def student(request: pytest.FixtureRequest, student_path: Path, submission_dir: Path, sandboxing) -> StudentModule:
    """The student's module, as the judge sees it: names of functions to ``run`` in a sandbox.

    Each run imports it afresh in a process of its own. A check module's
    ``IMPORT_HINTS = {"nest_asyncio": "..."}`` adds a hint to an import failure whose message
    mentions the key.
    """
    original = original_path(request.config, submission_dir, student_path.name)
    hints = getattr(request.module, "IMPORT_HINTS", {})
    # Absolute: the sandbox imports it after moving into a scratch folder of its own.
    return StudentModule(student_path.absolute(), shown(original), sandboxing, hints, original=original.absolute())


@pytest.fixture(autouse=True)
def _one_run_per_submission(submission_dir: Path) -> Iterator[None]:
    """Every check depends on the submission, so with several, every check runs for each;
    and each starts with no recorders left from the check before."""
    observed.start_check()
    yield
    observed.start_check()


@pytest.fixture
def run(student: StudentModule) -> Callable[..., Run]:
    """``run(student.main)`` runs a student coroutine on virtual time, in a sandbox process, and
    returns a :class:`Run`: plain data of what happened.

    If the student's code raises, the check fails with that error, unless ``allow_error=True``.
    ``function`` may also be the check's own function (run in the sandbox beside the student's
    code); ``label`` then names the call in messages. ``sync=True`` runs a plain (not async)
    function, still on virtual time.
    """

    def run_(
        function: Callable[..., Any],
        *args: Any,
        allow_error: bool = False,
        limits: Limits = Limits(),
        label: str | None = None,
        sync: bool = False,
        **kwargs: Any,
    ) -> Run:
        result = student.run(function, args, kwargs, limits, label, sync)
        if not allow_error:
            result.raise_for_error()
        return result

    return run_


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport | None:
    """A failed check's report carries the student's message, and no traceback: pytest would
    spend most of a failing check's time drawing one that nobody reads."""
    excinfo = call.excinfo
    if excinfo is None or isinstance(excinfo.value, (pytest.skip.Exception, pytest.xfail.Exception)):
        return None
    message = cap(failure_message(excinfo.value), MAX_MESSAGE_CHARS)
    report = pytest.TestReport(
        item.nodeid,
        item.location,
        {name: 1 for name in item.keywords},
        "failed",
        message,
        call.when,
        duration=call.duration,
        start=call.start,
        stop=call.stop,
        user_properties=item.user_properties,
    )
    report.grader_message = message
    return report


def failure_message(error: BaseException) -> str:
    """What the student reads when a check fails with ``error``."""
    if isinstance(error, Failure):
        return error.render()
    if isinstance(error, pytest.fail.Exception):
        return str(error)
    if isinstance(error, AssertionError):
        return str(error) or "an assertion failed"
    return CHECK_ERROR.format(error=one_line(error))
