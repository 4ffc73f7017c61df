"""The JSON report, for machines: one document with the scores, each exercise, and each check."""

from __future__ import annotations

import json

from .formats import RenderOptions, renderer
from .results import CheckResult, ExerciseResult, Report


@renderer("json")
def json_report(report: Report, options: RenderOptions) -> str:
    """One JSON document, indented by 2, non-ASCII text kept as it is; never colored."""
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
    # "\u0023" decodes to "#": the document means the same, but no line holds "##[" (a CI command).
    return json.dumps(document, indent=2, ensure_ascii=False).replace("##[", "#\\u0023[")


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
