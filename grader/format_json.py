"""The JSON report, for machines: one document with the scores, each exercise, and each check."""

from __future__ import annotations

import json
from typing import Any

from .formats import RenderOptions, renderer
from .results import CheckResult, ExerciseResult, Report


@renderer("json")
def json_report(report: Report, options: RenderOptions) -> str:
    """One JSON document, indented by 2, non-ASCII text kept as it is; never colored."""
    return dumps(document(report))


def dumps(document: dict) -> str:
    """``document`` as the JSON format writes it."""
    # "\u0023" decodes to "#": the document means the same, but no line holds "##[" (a CI command).
    return json.dumps(document, indent=2, ensure_ascii=False).replace("##[", "#\\u0023[")


def document(report: Report) -> dict:
    """The JSON format's data for ``report``, as it is (redacting is the pipeline's)."""
    document: dict = {
        "score": report.score,
        "max_score": report.max_score,
        "exercises": [_exercise(exercise) for exercise in report.exercises],
    }
    if report.errors:
        document["errors"] = list(report.errors)
    if report.needs_review:
        document["needs_review"] = list(report.needs_review)
    if report.isolation:
        document["isolation"] = dict(report.isolation)
    return document


def _exercise(exercise: ExerciseResult) -> dict:
    return {
        "exercise": exercise.name,
        "title": exercise.title,
        "score": exercise.score,
        "max_score": exercise.max_score,
        "checks": [_check(check) for check in exercise.checks],
    }


def _check(check: CheckResult) -> dict:
    return {
        "name": check.name,
        "title": check.title,
        "score": check.score,
        "max_score": check.max_score,
        "passed": check.passed,
        "status": check.status,
        "hidden": check.hidden,
        "message": check.message,
    }


def report_from_document(document: dict[str, Any]) -> Report:
    """The Report that :func:`document` made ``document`` of: the format read back."""
    exercises = [
        ExerciseResult(
            exercise["exercise"], exercise["title"], [_check_from(exercise["exercise"], c) for c in exercise["checks"]]
        )
        for exercise in document["exercises"]
    ]
    return Report(
        exercises,
        list(document.get("errors", [])),
        needs_review=list(document.get("needs_review", [])),
        isolation=dict(document.get("isolation", {})),
    )


def _check_from(exercise: str, check: dict[str, Any]) -> CheckResult:
    return CheckResult(
        exercise=exercise,
        name=check["name"],
        title=check["title"],
        # A skipped check's points are not in the format; it scores 0 of 0 whatever they were.
        points=check["max_score"],
        hidden=bool(check["hidden"]),
        status=check["status"],
        message=check["message"],
    )
