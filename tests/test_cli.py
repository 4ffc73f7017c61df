"""``grade``, called in-process through ``main(argv)``: its output, its exit status, its errors.

Most tests grade with pytest's own output kept off the CLI's stdout (``grade`` wrapped by the
``in_process`` fixture); the few marked "with the worker" call ``grade`` as a student's does.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SUBMISSIONS

import grader
from grader import grading, session
from grader.arguments import NO_OUTPUT_FOLDER, OUTPUT_IS_FOLDER
from grader.catalog import A_COMMAND, UNKNOWN, UNKNOWN_LIKE_COMMAND, UNKNOWN_NO_MATCH, exercises
from grader.cli import BAD_TIMEOUT, CANNOT_WRITE, MAX_TIMEOUT, NO_FOLDER, main, split
from grader.commands import COMMANDS
from grader.render_report import FORMATS, HIDDEN, SAME_FOR_ALL
from grader.results import CheckResult, ExerciseResult, Report
from grader.submission import MISSING
from grader.usage import EXIT_FAILED, EXIT_PASSED, EXIT_USAGE

ESCAPE = "\x1b["


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    """Run from the kit's root, where a student runs ``grade``."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def in_process(monkeypatch):
    """Grade with pytest's own output kept off the CLI's stdout."""
    real_grade = session.grade

    def grade_in_process(exercises, settings):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return real_grade(exercises, settings)

    monkeypatch.setattr(session, "grade", grade_in_process)


@pytest.fixture
def no_grading(monkeypatch):
    """For usage errors: grading at all would be a mistake."""

    def grade(exercises, settings):
        raise AssertionError(f"graded {exercises} with {settings} despite a usage error")

    monkeypatch.setattr(session, "grade", grade)


@pytest.fixture
def canned(monkeypatch):
    """``canned(report)``: grading returns ``report``, for tests of the CLI's own choices."""

    def use(report: Report) -> None:
        monkeypatch.setattr(session, "grade", lambda exercises, settings: report)

    return use


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def max_points(exercise: str) -> float:
    """The points an exercise's checks are worth, read from their ``@check`` marks."""
    module = importlib.import_module(f"grader.checks.{exercise}")
    functions = [value for name, value in vars(module).items() if name.startswith("test_")]
    return sum(
        mark.kwargs.get("points", 1)
        for function in functions
        for mark in getattr(function, "pytestmark", [])
        if mark.name == "check"
    )


def score_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def one_check_report(status: str, hidden: bool = False, message: str = "") -> Report:
    check = CheckResult("exercise1", "test_a", "a", 1, hidden, status, message)
    return Report([ExerciseResult("exercise1", "Your first coroutine", [check])])


# ---------------------------------------------------------------- with the worker


def test_with_the_worker_the_solutions_pass_with_exit_status_0(capsys):
    code, out, err = run(capsys, "all", "--from", "solutions")
    assert code == EXIT_PASSED == 0
    assert "FAIL" not in out
    total = sum(max_points(exercise.name) for exercise in exercises())
    assert score_line(out) == f"Score: {total:g}/{total:g}"


def test_with_the_worker_the_stubs_fail_with_exit_status_1_and_the_same_json_each_time(capsys):
    first = run(capsys, "--format", "json", "1")
    second = run(capsys, "--format", "json", "1")
    assert first == second
    code, out, err = first
    assert code == EXIT_FAILED == 1
    document = json.loads(out)
    assert (document["score"], document["max_score"]) == (0, max_points("exercise1"))


def test_with_the_worker_the_report_is_the_same_as_in_process(capsys, tmp_path, request):
    folder = tmp_path / "submission"
    folder.mkdir()
    shutil.copy(SUBMISSIONS / "exercise3" / "wrong_serial_awaits.py", folder / "exercise3.py")
    with_worker = run(capsys, "3", "--from", str(folder))
    request.getfixturevalue("in_process")
    assert run(capsys, "3", "--from", str(folder)) == with_worker
    assert with_worker[0] == EXIT_FAILED


def test_python_m_grader_help_mentions_the_exit_statuses():
    done = subprocess.run(
        [sys.executable, "-m", "grader", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "Exit status:" in text
    for status, meaning in [
        (EXIT_PASSED, "all checks passed"),
        (EXIT_FAILED, "some failed"),
        (EXIT_USAGE, "usage error"),
    ]:
        assert f"{status} {meaning}" in text


# ---------------------------------------------------------------- exit statuses


@pytest.mark.usefixtures("in_process")
def test_the_solution_of_one_exercise_passes_with_exit_status_0(capsys):
    code, out, err = run(capsys, "1", "--from", "solutions")
    assert code == EXIT_PASSED
    assert score_line(out) == f"Score: {max_points('exercise1'):g}/{max_points('exercise1'):g}"
    assert err == ""


@pytest.mark.usefixtures("in_process")
def test_the_stubs_in_exercises_fail_with_exit_status_1(capsys):
    code, out, err = run(capsys, "3")
    assert code == EXIT_FAILED
    assert "  FAIL  " in out and "  PASS  " not in out
    assert score_line(out) == f"Score: 0/{max_points('exercise3'):g}"


@pytest.mark.usefixtures("no_grading")
def test_an_unknown_exercise_is_a_usage_error_suggesting_the_closest_name(capsys):
    code, out, err = run(capsys, "exercize3")
    assert code == EXIT_USAGE == 2
    assert out == ""
    assert err == f"grade: error: {UNKNOWN.format(name='exercize3', suggestion='exercise3')}\n"


@pytest.mark.usefixtures("no_grading")
def test_a_missing_submission_folder_is_a_usage_error_naming_the_absolute_path(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "1", "--from", "my_work")
    assert code == EXIT_USAGE
    assert out == ""
    assert err == f"grade: error: {NO_FOLDER.format(given='my_work', absolute=(tmp_path / 'my_work').resolve())}\n"


@pytest.mark.usefixtures("no_grading")
@pytest.mark.parametrize(("given", "value"), [("0", 0.0), ("-1", -1.0), ("nan", float("nan"))])
def test_a_timeout_that_is_not_above_zero_is_a_usage_error(capsys, given, value):
    code, out, err = run(capsys, "1", "--timeout", given)
    assert code == EXIT_USAGE
    assert err == f"grade: error: {BAD_TIMEOUT.format(value=value, most=MAX_TIMEOUT)}\n"


@pytest.mark.usefixtures("no_grading")
@pytest.mark.parametrize("given", ["inf", "1e300"])
def test_a_timeout_too_large_for_a_timer_is_a_usage_error(capsys, given):
    code, out, err = run(capsys, "1", "--timeout", given)
    assert code == EXIT_USAGE
    assert err.startswith("grade: error: --timeout")


@pytest.mark.usefixtures("no_grading")
def test_an_unknown_format_is_refused_by_the_argument_parser_with_exit_status_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--format", "xml"])
    assert exited.value.code == EXIT_USAGE
    assert "'xml'" in capsys.readouterr().err


# ---------------------------------------------------------------- output


@pytest.mark.usefixtures("in_process")
def test_json_format_prints_exactly_one_json_document_with_the_scores(capsys):
    code, out, err = run(capsys, "--format", "json", "1", "--from", "solutions")
    document, end = json.JSONDecoder().raw_decode(out)
    assert out[end:] == "\n"
    assert code == EXIT_PASSED
    assert (document["score"], document["max_score"]) == (max_points("exercise1"), max_points("exercise1"))
    assert [exercise["exercise"] for exercise in document["exercises"]] == ["exercise1"]


@pytest.mark.usefixtures("in_process")
def test_json_scores_each_exercise_asked_for(capsys):
    code, out, err = run(capsys, "--format", "json", "3", "1", "--from", "solutions")
    document = json.loads(out)
    assert [(e["exercise"], e["score"], e["max_score"]) for e in document["exercises"]] == [
        ("exercise3", max_points("exercise3"), max_points("exercise3")),
        ("exercise1", max_points("exercise1"), max_points("exercise1")),
    ]
    assert document["score"] == document["max_score"] == max_points("exercise1") + max_points("exercise3")


@pytest.mark.usefixtures("in_process")
@pytest.mark.parametrize("format", ["text", "json"])
def test_grading_the_same_submission_twice_gives_the_same_bytes(capsys, tmp_path, format):
    folder = tmp_path / "submission"
    folder.mkdir()
    shutil.copy(SUBMISSIONS / "exercise1" / "wrong_forgot_await.py", folder / "exercise1.py")
    shutil.copy(SUBMISSIONS / "exercise3" / "wrong_serial_awaits.py", folder / "exercise3.py")
    first = run(capsys, "--format", format, "1", "3", "--from", str(folder))
    second = run(capsys, "--format", format, "1", "3", "--from", str(folder))
    assert first[0] == EXIT_FAILED
    assert first[1].encode() == second[1].encode()


@pytest.mark.usefixtures("in_process")
def test_a_submission_without_the_file_scores_0_saying_where_the_grader_looked(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    missing = MISSING.format(
        shown=os.path.join("empty", "exercise1.py"), absolute=(tmp_path / "empty" / "exercise1.py").resolve()
    )
    code, out, err = run(capsys, "1", "--from", "empty")
    assert code == EXIT_FAILED
    assert f"  {SAME_FOR_ALL}\n        {missing}\n" in out
    assert score_line(out) == f"Score: 0/{max_points('exercise1'):g}"


@pytest.mark.usefixtures("in_process")
def test_a_submission_without_the_file_gives_every_json_check_that_message(capsys, tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    code, out, err = run(capsys, "--format", "json", "1", "--from", str(folder))
    document = json.loads(out)
    messages = {check["message"] for check in document["exercises"][0]["checks"]}
    assert messages == {
        MISSING.format(shown=os.path.relpath(folder / "exercise1.py"), absolute=(folder / "exercise1.py").resolve())
    }
    assert document["score"] == 0


# ---------------------------------------------------------------- color and hidden checks


@pytest.mark.usefixtures("in_process")
def test_color_always_colors_the_report(capsys):
    code, out, err = run(capsys, "1", "--color", "always")
    assert f"{ESCAPE}31mFAIL{ESCAPE}0m" in out


@pytest.mark.usefixtures("in_process")
def test_color_never_does_not_color_even_on_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsys, "1", "--color", "never")
    assert ESCAPE not in out


@pytest.mark.parametrize(
    ("terminal", "no_color", "colored"),
    [(True, None, True), (True, "1", False), (False, None, False)],
    ids=["terminal", "terminal-with-NO_COLOR", "pipe"],
)
def test_color_auto_colors_only_a_terminal_without_no_color(capsys, monkeypatch, canned, terminal, no_color, colored):
    canned(one_check_report("failed", message="expected hello"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    code, out, err = run(capsys, "1")
    assert (ESCAPE in out) is colored
    assert code == EXIT_FAILED


def test_the_default_color_is_auto(capsys, monkeypatch, canned):
    canned(one_check_report("passed"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run(capsys, "1") == run(capsys, "1", "--color", "always")


def test_json_is_never_colored(capsys, canned):
    canned(one_check_report("failed", message="expected hello"))
    code, out, err = run(capsys, "--format", "json", "--color", "always", "1")
    assert ESCAPE not in out
    assert json.loads(out)["exercises"][0]["checks"][0]["message"] == "expected hello"


def test_hidden_messages_stay_hidden_unless_show_hidden_is_given(capsys, canned):
    canned(one_check_report("failed", hidden=True, message="expected 42, not 41"))
    hidden = run(capsys, "1")[1]
    shown = run(capsys, "1", "--show-hidden")[1]
    assert HIDDEN in hidden and "expected 42" not in hidden
    assert "        expected 42, not 41\n" in shown


def test_a_report_with_grader_errors_exits_1_even_with_no_failed_check(capsys, canned):
    canned(Report([ExerciseResult("exercise1", "exercise1", [])], ["the grader could not run this check: boom"]))
    code, out, err = run(capsys, "1")
    assert code == EXIT_FAILED
    assert "Error: the grader could not run this check: boom" in out


def test_two_grade_commands_print_the_same_bytes_even_when_the_student_prints_a_set(tmp_path):
    (tmp_path / "exercise1.py").write_text(
        "async def main():\n    print(' '.join({'hello', 'world', 'async', 'await', 'loop', 'task'}))\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONHASHSEED"}
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "grader", "1", "--from", str(tmp_path), "--format", "json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=environment,
            check=False,
        ).stdout
        for _ in range(3)
    }
    assert len(outputs) == 1


# ---------------------------------------------------------------- commands


def exits(capsys, *argv: str) -> tuple[int, str]:
    """For --help and --version, which argparse answers by exiting."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    return exited.value.code, capsys.readouterr().out


def test_grade_version_gives_the_kits_version_python_and_the_platform(capsys):
    code, out = exits(capsys, "--version")
    assert code == EXIT_PASSED
    assert out == f"grade {grader.__version__} (Python {platform.python_version()}, {platform.platform()})\n"


def test_grade_help_lists_every_command_with_its_summary(capsys):
    code, out = exits(capsys, "--help")
    assert code == EXIT_PASSED
    assert out.startswith("usage: grade [EXERCISE ...] [options]\n       grade COMMAND [options]")
    for name, command in COMMANDS.items():
        assert re.search(rf"^  {name} +{re.escape(command.summary)}$", out, re.MULTILINE)


@pytest.mark.parametrize("argv", [["list", "--help"], ["--checks", "grader/checks", "list", "--help"]])
def test_a_command_has_a_help_of_its_own(capsys, argv):
    code, out = exits(capsys, *argv)
    assert code == EXIT_PASSED
    assert out.startswith("usage: grade list ")
    assert COMMANDS["list"].epilog in out


@pytest.mark.usefixtures("no_grading")
def test_grade_list_lists_the_exercises_and_grades_nothing(capsys):
    code, out, err = run(capsys, "list")
    assert (code, err) == (EXIT_PASSED, "")
    assert [line.split()[0] for line in out.splitlines()[:-1]] == [exercise.name for exercise in exercises()]


@pytest.mark.parametrize(
    ("argv", "rest"),
    [
        (["list"], []),
        (["list", "--from", "solutions"], ["--from", "solutions"]),
        (["--checks", "my/checks", "list"], ["--checks", "my/checks"]),
        (["--checks=my/checks", "list"], ["--checks=my/checks"]),
        (["--che", "my/checks", "list"], ["--che", "my/checks"]),
        (["--show-hidden", "list"], ["--show-hidden"]),
    ],
)
def test_the_first_word_that_is_not_an_option_picks_the_command(argv, rest):
    assert split(argv) == (COMMANDS["list"], rest)


@pytest.mark.parametrize(
    "argv",
    [[], ["3"], ["exercise3", "1"], ["all"], ["--from", "list"], ["--fr", "list"], ["3", "list"], ["--", "list"]],
)
def test_any_other_first_word_is_an_exercise_as_it_always_was(argv):
    assert split(argv) == (grading.COMMAND, argv)


@pytest.mark.usefixtures("no_grading")
def test_a_command_among_the_exercises_is_a_usage_error_saying_it_is_a_command(capsys):
    assert run(capsys, "3", "list") == (EXIT_USAGE, "", f"grade: error: {A_COMMAND.format(name='list')}\n")


@pytest.mark.usefixtures("no_grading")
def test_a_misspelt_command_is_a_usage_error_suggesting_it(capsys):
    code, out, err = run(capsys, "lsit")
    assert err == f"grade: error: {UNKNOWN_LIKE_COMMAND.format(name='lsit', suggestion='list')}\n"


@pytest.mark.usefixtures("no_grading")
@pytest.mark.parametrize("word", ["gradebook"])
def test_a_word_that_is_neither_a_command_nor_an_exercise_is_an_unknown_exercise(capsys, word):
    names = ", ".join(exercise.name for exercise in exercises())
    assert run(capsys, word) == (EXIT_USAGE, "", f"grade: error: {UNKNOWN_NO_MATCH.format(name=word, names=names)}\n")


# ---------------------------------------------------------------- --output and formats


@pytest.mark.parametrize("format", sorted(FORMATS))
def test_output_writes_the_report_to_a_file_with_the_bytes_stdout_would_get(capsys, canned, tmp_path, format):
    canned(one_check_report("failed", message="expected hello"))
    code, shown, err = run(capsys, "1", "--format", format)
    written = tmp_path / "report"
    assert run(capsys, "1", "--format", format, "--output", str(written)) == (code, "", "")
    assert written.read_bytes() == shown.encode()
    assert code == EXIT_FAILED


def test_output_dash_is_standard_output(capsys, canned):
    canned(one_check_report("passed"))
    assert run(capsys, "1", "--output", "-") == run(capsys, "1")


def test_a_report_written_to_a_file_is_not_colored_by_auto_even_from_a_terminal(capsys, canned, monkeypatch, tmp_path):
    canned(one_check_report("failed", message="expected hello"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    run(capsys, "1", "--output", str(tmp_path / "auto"))
    run(capsys, "1", "--output", str(tmp_path / "always"), "--color", "always")
    assert ESCAPE not in (tmp_path / "auto").read_text()
    assert ESCAPE in (tmp_path / "always").read_text()


@pytest.mark.usefixtures("no_grading")
def test_output_into_a_folder_that_does_not_exist_is_a_usage_error_before_grading(capsys, tmp_path):
    given = str(tmp_path / "nowhere" / "report.json")
    message = NO_OUTPUT_FOLDER.format(given=given, folder=tmp_path / "nowhere")
    assert run(capsys, "1", "--output", given) == (EXIT_USAGE, "", f"grade: error: {message}\n")


@pytest.mark.usefixtures("no_grading")
def test_output_to_a_folder_is_a_usage_error(capsys, tmp_path):
    message = OUTPUT_IS_FOLDER.format(given=str(tmp_path))
    assert run(capsys, "1", "--output", str(tmp_path)) == (EXIT_USAGE, "", f"grade: error: {message}\n")


def test_a_report_that_cannot_be_written_is_a_usage_error(capsys, canned, monkeypatch, tmp_path):
    canned(one_check_report("passed"))

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "write_text", refuse)
    message = CANNOT_WRITE.format(path=tmp_path / "report", reason="Permission denied")
    assert run(capsys, "1", "--output", str(tmp_path / "report")) == (EXIT_USAGE, "", f"grade: error: {message}\n")


def test_a_registered_format_can_be_chosen_with_format_at_once(capsys, canned, monkeypatch):
    canned(one_check_report("failed", message="expected hello"))
    monkeypatch.setitem(FORMATS, "score", lambda report, options: f"{report.score:g}/{report.max_score:g}")
    assert run(capsys, "1", "--format", "score") == (EXIT_FAILED, "0/1\n", "")
