"""GitHub Classroom's format: what its grading reporter reads from a grading step's ``result``.

The reporter (``classroom-resources/autograding-grading-reporter@v1``) base64-decodes the step's
output, records the sum of every ``tests[].score`` out of ``max_score``, and prints each test's
name and message in the job log. So there is one test per check, with that check's points, and
every text in it is defused as the report itself is: the reporter prints it unescaped.

The renderer is pure; ``publish`` (called by the grading command) appends the line to
``$GITHUB_OUTPUT``, and the job log gets the text report instead.
"""

from __future__ import annotations

import base64
import json
import os
import traceback
from collections.abc import Callable
from pathlib import Path

from .formats import RenderOptions, renderer
from .results import CheckResult, ExerciseResult, Report
from .usage import UsageError

CLASSROOM = "classroom"
VERSION = 1
GITHUB_OUTPUT = "GITHUB_OUTPUT"
RESULT = "result={payload}\n"
STATUSES = {"passed": "pass", "failed": "fail", "skipped": "pass"}
TEST_NAME = "{exercise}: {title}"
TEST_CODE = "grade {exercise}"
SKIPPED = "skipped: {reason}"
GRADER_ERROR = "the grader could not grade this"
CRASHED = "the grader crashed, so nothing was graded: {error}"
CANNOT_PUBLISH = "cannot append the result to ${variable} ({path}): {reason}"


@renderer(CLASSROOM)
def classroom_report(report: Report, options: RenderOptions) -> str:
    """Base64 of the reporter's JSON, on one line."""
    document = json.dumps(payload(report), ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(document.encode("utf-8")).decode("ascii")


def payload(report: Report) -> dict:
    status = _status(report)
    return {
        "version": VERSION,
        "status": status,
        # Points recorded from a run that could not grade everything would be wrong (90/90 when an
        # exercise's checks would not load): with 0 the reporter records none, and fails the job.
        "max_score": 0 if status == "error" else report.max_score,
        "tests": [_test(exercise, check) for exercise in report.exercises for check in exercise.checks]
        + [_error(error) for error in report.errors],
    }


def github_output() -> str:
    """The file a GitHub Actions step writes its outputs to, or "" outside Actions."""
    return os.environ.get(GITHUB_OUTPUT, "")


def publish(rendered: str) -> None:
    """Append ``result=<payload>`` to ``$GITHUB_OUTPUT``: the step's output the reporter reads."""
    path = Path(github_output())
    try:
        with path.open("a", encoding="utf-8") as file:
            file.write(RESULT.format(payload=rendered.strip()))
    except OSError as error:
        raise UsageError(CANNOT_PUBLISH.format(variable=GITHUB_OUTPUT, path=path, reason=error.strerror)) from error


def guarded(grade: Callable[[], Report]) -> Report:
    """``grade()``'s report, or, if the grader itself crashed, a report that says so: Classroom
    must get an error with its reason, never no result (or a silent 0)."""
    try:
        return grade()
    except Exception as error:  # any crash is reported, not raised
        reason = "".join(traceback.format_exception_only(type(error), error)).strip()
        return Report([], [CRASHED.format(error=reason)])


def _status(report: Report) -> str:
    if report.errors or any(exercise.max_score <= 0 for exercise in report.exercises) or not report.exercises:
        return "error"
    return "pass" if report.full_marks else "fail"


def _test(exercise: ExerciseResult, check: CheckResult) -> dict:
    message = SKIPPED.format(reason=check.message) if check.status == "skipped" else check.message
    return {
        # A hidden check goes by its title (its message is already redacted), never its function's name.
        "name": _inert(TEST_NAME.format(exercise=exercise.name, title=check.title)),
        "status": STATUSES[check.status],
        "score": check.score,
        "message": _inert(message),
        "line_no": 0,  # 0: the reporter shows no line
        "test_code": _inert(TEST_CODE.format(exercise=exercise.name)),
        "filename": "",
        "duration": 0,  # reports hold no real times, so the same work gives the same bytes
    }


def _error(error: str) -> dict:
    return {
        "name": GRADER_ERROR,
        "status": "error",
        "score": 0,
        "message": _inert(error),
        "line_no": 0,
        "test_code": "",
        "filename": "",
        "duration": 0,
    }


def _inert(text: str) -> str:
    # Imported here: render_report imports this module to register the format.
    from .render_report import defuse

    return defuse(text)
