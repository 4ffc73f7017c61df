"""The text report, for people: each check's verdict and points, failed checks' messages, the score."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from .formats import RenderOptions, renderer
from .results import CheckResult, ExerciseResult, Report
from .withheld import notes

SAME_FOR_ALL = "Every check failed for the same reason:"
VERDICTS = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}
COLORS = {"passed": "32", "failed": "31", "skipped": "33"}
MESSAGE_INDENT = " " * 8

Paint = Callable[[str, str], str]


def points(value: float) -> str:
    return f"{value:g}"


@renderer("text")
def text_report(report: Report, options: RenderOptions) -> str:
    """The verdict of every check, the messages of failed ones, and the score."""
    paint = _painter(options.color)
    blocks = [_exercise_text(exercise, paint) for exercise in report.exercises]
    blocks += [f"Error: {error}" for error in report.errors]
    total = f"Score: {points(report.score)}/{points(report.max_score)}"
    blocks.append(paint(total, "passed" if report.full_marks else "failed"))
    return "\n\n".join(blocks) + "\n"


def _exercise_text(exercise: ExerciseResult, paint: Paint) -> str:
    lines = [f"{exercise.name}: {exercise.title}  ({points(exercise.score)}/{points(exercise.max_score)})"]
    shared = _shared_message(exercise.checks)
    for check in exercise.checks:
        verdict = paint(VERDICTS[check.status], check.status)
        lines.append(f"  {verdict}  {check.title}  ({points(check.score)}/{points(check.max_score)})")
        if check.message and shared is None:
            lines.append(textwrap.indent(check.message, MESSAGE_INDENT))
    lines += notes(exercise)  # hidden checks a student's copy of the course leaves out, if any
    if shared:
        lines += ["", f"  {SAME_FOR_ALL}", textwrap.indent(shared, MESSAGE_INDENT)]
    return "\n".join(lines)


def _shared_message(checks: list[CheckResult]) -> str | None:
    """The one message every check failed with (a file that won't import, say), if so."""
    failed = [check for check in checks if check.status == "failed"]
    messages = {check.message for check in failed}
    if len(failed) > 1 and len(failed) == len(checks) and len(messages) == 1:
        return messages.pop()
    return None


def _painter(color: bool) -> Paint:
    def paint(text: str, status: str) -> str:
        return f"\x1b[{COLORS[status]}m{text}\x1b[0m" if color else text

    return paint
