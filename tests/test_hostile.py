"""Student code that is hostile, by accident or on purpose: every case ends in a clear message
for the check it broke and a correct score; the grader neither hangs, crashes nor loses results."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SUBMISSIONS

from grader.capture import OUTPUT_LIMIT
from grader.catalog import Exercise
from grader.errors import DEADLOCK, LIVELOCK, TIME_LIMIT
from grader.run import CRASHED, NOT_ASYNC, REAL_TIMEOUT
from grader.session import grade_each
from grader.submission import IMPORT_EXITED, IMPORT_RAISED, SYNTAX

TIMEOUT = 1.0
HOSTILE = SUBMISSIONS / "hostile"
CHECKS = Exercise("exercise1", ROOT / "tests" / "hostile_checks" / "exercise1.py")


def _start(template: str) -> str:
    """A message template's fixed opening, up to its first placeholder."""
    return template.split("{", 1)[0]


def _between(template: str) -> str:
    """A message template's fixed text between its first and second placeholders."""
    return template.split("}", 1)[1].split("{", 1)[0]


EXPECTED = {
    "infinite_cpu_loop.py": REAL_TIMEOUT.format(seconds=f"{TIMEOUT:g}"),
    "busy_wait_on_clock.py": REAL_TIMEOUT.format(seconds=f"{TIMEOUT:g}"),
    # The judge ends a run from outside the process: nothing the code catches can swallow that.
    "catches_everything_loop.py": REAL_TIMEOUT.format(seconds=f"{TIMEOUT:g}"),
    "swallows_timeouts.py": REAL_TIMEOUT.format(seconds=f"{TIMEOUT:g}"),
    "os_exit_in_main.py": CRASHED.format(how="exit status 3"),
    "forges_results.py": CRASHED.format(how="exit status 0"),
    "huge_output.py": OUTPUT_LIMIT.format(limit=10_000),
    "deadlock_event.py": _start(DEADLOCK),
    "sleep_forever_loop.py": _start(TIME_LIMIT).format(limit=3600),
    "syntax_error.py": _between(SYNTAX),
    "sys_exit_at_import.py": _between(IMPORT_EXITED),
    "raises_at_import.py": _between(IMPORT_RAISED),
    "sys_exit_in_main.py": "main() raised SystemExit: ",
    "name_error.py": "main() raised NameError: name 'asycnio' is not defined",
    "not_async.py": NOT_ASYNC.format(call="main()", kind="None"),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Every hostile file graded in one session: each run in a sandbox process of its own."""
    root = tmp_path_factory.mktemp("hostile")
    folders = []
    for name in sorted(EXPECTED):
        folder = root / name.removesuffix(".py")
        folder.mkdir()
        shutil.copy(HOSTILE / name, folder / "exercise1.py")
        folders.append(folder)
    reports = grade_each([CHECKS], folders, timeout=TIMEOUT)
    return {name: report.exercises[0] for name, report in zip(sorted(EXPECTED), reports, strict=True)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_code_fails_only_its_own_check_with_a_clear_message(graded, name):
    first, later = graded[name].checks
    assert (first.name, first.status) == ("test_main_runs", "failed")
    expected = EXPECTED[name] if isinstance(EXPECTED[name], tuple) else (EXPECTED[name],)
    assert any(text in first.message for text in expected), first.message
    assert (later.name, later.status) == ("test_a_later_check_still_runs", "passed")
    assert graded[name].score == 1


def test_a_sleep_zero_loop_is_stopped_as_a_livelock_before_the_real_time_limit(grade_file):
    result = grade_file(HOSTILE / "livelock_sleep0.py", CHECKS)
    assert _between(LIVELOCK) in result.checks[0].message
    assert "main() is waiting at exercise1.py line 8: await asyncio.sleep(0)" in result.checks[0].message


def test_a_deadlock_names_the_waiting_task_and_its_await(graded):
    assert (
        "main() is waiting at exercise1.py line 8: await ready.wait()" in graded["deadlock_event.py"].checks[0].message
    )


def test_student_output_cannot_forge_workflow_commands_on_the_graders_stdout(tmp_path):
    shutil.copy(HOSTILE / "prints_forged_classroom_notice.py", tmp_path / "exercise1.py")
    for form in ("text", "json"):
        shown = subprocess.run(
            [sys.executable, "-m", "grader", "1", "--from", str(tmp_path), "--format", form],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        assert "Autograding report" in shown.stdout  # shown to the student, as text
        assert not [line for line in shown.stdout.splitlines() if line.lstrip().startswith("::")]
        assert "##[" not in shown.stdout
