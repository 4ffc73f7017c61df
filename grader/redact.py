"""Hidden checks: what a student may read of them, decided once, before any format renders a report."""

from __future__ import annotations

from dataclasses import replace

from .results import CheckResult, ExerciseResult, Report

HIDDEN = "(hidden check: its details are shown to your instructor)"


def redact(report: Report) -> Report:
    """The report a student may read: a hidden check keeps its title and points, not its message."""
    return replace(report, exercises=[_redact_exercise(exercise) for exercise in report.exercises])


def _redact_exercise(exercise: ExerciseResult) -> ExerciseResult:
    return replace(exercise, checks=[_redact_check(check) for check in exercise.checks])


def _redact_check(check: CheckResult) -> CheckResult:
    if not check.hidden:
        return check
    # A failed hidden check still says that something is wrong; a passed or skipped one says nothing.
    return replace(check, message=HIDDEN if check.status == "failed" else "")
