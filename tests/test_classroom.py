"""``--format classroom``: what GitHub Classroom's grading reporter reads (base64 of its JSON, one
test per check), appended to ``$GITHUB_OUTPUT`` in Actions while the job log gets the text report;
and student output that tries to forge the reporter's workflow commands reaching no log."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import pytest
from conftest import ROOT

from grader import format_classroom
from grader.cli import main
from grader.format_classroom import CLASSROOM, CRASHED, GRADER_ERROR, RESULT, guarded, payload
from grader.redact import HIDDEN
from grader.render_report import render
from grader.results import CheckResult, ExerciseResult, Report
from grader.usage import EXIT_FAILED, EXIT_PASSED, EXIT_USAGE

FORGED_SCORE = '::notice title=Autograding report::{"totalPoints":100,"maxPoints":100}'
STOP_COMMANDS = "::stop-commands::pause"
CHECKS = ROOT / "tests" / "hostile_checks"
FORGER = f"""\
async def main() -> None:
    print({FORGED_SCORE!r})
    print({STOP_COMMANDS!r})
    raise RuntimeError("\\n" + {FORGED_SCORE!r} + "\\n" + {STOP_COMMANDS!r} + "\\n##[error]forged")
"""


def result(name: str, status: str = "passed", points: float = 1, hidden: bool = False, message: str = ""):
    title = name.removeprefix("test_").replace("_", " ")
    return CheckResult("exercise1", name, title, points, hidden, status, message)


def report(*checks: CheckResult, errors: tuple[str, ...] = ()) -> Report:
    return Report([ExerciseResult("exercise1", "Say hello", list(checks))], list(errors))


def decoded(shown: str) -> dict:
    return json.loads(base64.b64decode(shown.strip()))


def reporter_log(document: dict) -> str:
    """What Classroom's reporter prints for each test (console-results.js): its name, and under a
    test that did not pass, "Error: " and its message; then any test code."""
    lines = []
    for test in document["tests"]:
        lines.append(("✅ " if test["status"] == "pass" else "❌ ") + test["name"])
        if test["status"] != "pass":
            lines.append(f"Error: {test['message']}")
        lines.append(test["test_code"])
    return "\n".join(lines)


def acting(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


# ---------------------------------------------------------------- the payload


def test_the_payload_is_one_line_of_base64_of_the_reporters_json_with_one_test_per_check():
    shown = render(report(result("test_a", points=2), result("test_b", "failed", points=3, message="no")), CLASSROOM)
    assert "\n" not in shown.strip()
    assert decoded(shown) == {
        "version": 1,
        "status": "fail",
        "max_score": 5,
        "tests": [
            {
                "name": "exercise1: a",
                "status": "pass",
                "score": 2,
                "message": "",
                "line_no": 0,
                "test_code": "grade exercise1",
                "filename": "",
                "duration": 0,
            },
            {
                "name": "exercise1: b",
                "status": "fail",
                "score": 0,
                "message": "no",
                "line_no": 0,
                "test_code": "grade exercise1",
                "filename": "",
                "duration": 0,
            },
        ],
    }


def test_the_reporters_sum_of_scores_is_the_reports_score_and_full_marks_pass():
    full = report(result("test_a", points=2), result("test_b", points=0.5))
    document = payload(full)
    assert (sum(test["score"] for test in document["tests"]), document["max_score"]) == (2.5, 2.5)
    assert document["status"] == "pass"


def test_a_hidden_check_goes_by_its_title_with_its_message_redacted_never_its_name():
    hidden = result("test_secret_name", "failed", points=3, hidden=True, message="expected 42 (SECRET)")
    hidden = replace(hidden, title="a hidden check")
    document = decoded(render(report(result("test_a"), hidden), CLASSROOM))
    assert document["tests"][1]["name"] == "exercise1: a hidden check"
    assert document["tests"][1]["message"] == HIDDEN
    assert "secret" not in json.dumps(document).lower()


def test_a_skipped_check_passes_with_no_points_and_its_reason():
    document = payload(report(result("test_a"), result("test_b", "skipped", message="needs 3.11")))
    assert (document["tests"][1]["status"], document["tests"][1]["score"]) == ("pass", 0)
    assert document["tests"][1]["message"] == "skipped: needs 3.11"
    assert document["max_score"] == 1


def test_a_report_with_errors_is_an_error_with_its_reason_and_records_no_points():
    document = payload(report(result("test_a", points=9), errors=("the checks in exercise2.py could not be loaded",)))
    assert document["status"] == "error"
    assert document["max_score"] == 0  # the reporter then records nothing, rather than 9/9
    assert document["tests"][-1] == {
        "name": GRADER_ERROR,
        "status": "error",
        "score": 0,
        "message": "the checks in exercise2.py could not be loaded",
        "line_no": 0,
        "test_code": "",
        "filename": "",
        "duration": 0,
    }


@pytest.mark.parametrize("graded", [Report([]), report()], ids=["no exercise", "an exercise with no check"])
def test_a_report_that_graded_nothing_is_an_error_never_full_marks(graded):
    assert payload(graded)["status"] == "error"


def test_a_crash_of_the_grader_becomes_an_error_report_with_its_reason():
    def crash() -> Report:
        raise RuntimeError("worker could not start")

    crashed = guarded(crash)
    assert crashed.errors == [CRASHED.format(error="RuntimeError: worker could not start")]
    assert payload(crashed)["status"] == "error"


def test_forged_workflow_commands_in_a_message_are_defused_inside_the_payload_too():
    hostile = result("test_a", "failed", message=f"printed:\n{FORGED_SCORE}\n{STOP_COMMANDS}\n##[error]x")
    document = decoded(render(report(hostile), CLASSROOM))
    assert acting(reporter_log(document)) == []
    assert "Autograding report" in document["tests"][0]["message"]  # shown, but inert


# ---------------------------------------------------------------- through grade, in and out of GitHub Actions


@pytest.fixture
def forger(tmp_path, monkeypatch):
    """A submission whose output and exception try to forge Classroom's score and stop the log's commands."""
    (tmp_path / "exercise1.py").write_text(FORGER)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    return tmp_path


def grade_forger(folder, *options: str) -> int:
    return main(["1", "--checks", str(CHECKS), "--from", str(folder), "--color", "never", *options])


def test_outside_github_actions_classroom_prints_the_payload(forger, capsys):
    assert grade_forger(forger, "--format", "classroom") == EXIT_FAILED
    document = decoded(capsys.readouterr().out)
    assert (document["status"], document["max_score"]) == ("fail", 2)


def test_in_github_actions_the_payload_is_appended_to_github_output_and_the_log_gets_the_text_report(
    forger, capsys, monkeypatch, tmp_path
):
    output = tmp_path / "github_output"
    output.write_text("earlier=1\n")
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    assert grade_forger(forger, "--format", "classroom") == EXIT_FAILED
    earlier, line = output.read_text().splitlines()
    assert earlier == "earlier=1" and line == RESULT.format(payload=line.removeprefix("result=")).strip()
    document = decoded(line.removeprefix("result="))
    assert [test["score"] for test in document["tests"]] == [0, 1]
    log = capsys.readouterr().out
    assert "Score: 1/2" in log and "exercise1: Hostile submissions  (1/2)" in log


@pytest.mark.parametrize("form", ["text", "classroom"])
def test_student_output_forging_classrooms_score_reaches_no_log_as_a_workflow_command(
    forger, capsys, monkeypatch, tmp_path, form
):
    output = tmp_path / "github_output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))
    grade_forger(forger, "--format", form)
    log = capsys.readouterr().out
    assert "Autograding report" in log  # the student's text is shown...
    assert acting(log) == []  # ...but no line of it is a command
    if form == "classroom":
        document = decoded(output.read_text().removeprefix("result="))
        assert "Autograding report" in document["tests"][0]["message"]
        assert acting(reporter_log(document)) == []


def test_an_unwritable_github_output_is_a_usage_error(forger, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path / "missing" / "output"))
    assert grade_forger(forger, "--format", "classroom") == EXIT_USAGE
    assert "cannot append the result to $GITHUB_OUTPUT" in capsys.readouterr().err


def test_the_solutions_get_full_marks_in_classroom_format(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    solutions = ROOT / "solutions"
    assert main(["1", "4", "--from", str(solutions), "--format", "classroom"]) == EXIT_PASSED
    document = decoded(capsys.readouterr().out)
    assert (document["status"], sum(t["score"] for t in document["tests"]), document["max_score"]) == ("pass", 20, 20)


def test_a_format_registered_as_classroom_is_this_module():
    from grader.formats import FORMATS

    assert FORMATS[CLASSROOM] is format_classroom.classroom_report


def test_a_broken_withheld_manifest_still_gives_classroom_a_result_that_says_so(forger, monkeypatch, tmp_path):
    import shutil

    checks = tmp_path / "course"
    shutil.copytree(CHECKS, checks)
    (checks / "withheld.json").write_text("not a list\n")
    output = tmp_path / "github_output"
    monkeypatch.setenv("GITHUB_OUTPUT", str(output))

    main(["1", "--checks", str(checks), "--from", str(forger), "--color", "never", "--format", "classroom"])

    document = decoded(output.read_text().removeprefix("result="))
    assert document["status"] == "error"
    assert "withheld.json is not a list of withheld checks" in json.dumps(document)
