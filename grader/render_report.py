"""Reports as text for people and as JSON for machines: pure functions of a Report."""

from __future__ import annotations

import json
import re
import textwrap

from .results import CheckResult, ExerciseResult, Report

HIDDEN = "(hidden check: its details are shown to your instructor)"
# A CI runner reads `::command::` at the start of a line and the legacy `##[command]` anywhere:
# text that came from student code must not be able to forge annotations or scores.
_WORKFLOW_COMMAND = re.compile(r"^(\s*:)(:)", re.MULTILINE)
ZERO_WIDTH_SPACE = "\u200b"
SAME_FOR_ALL = "Every check failed for the same reason:"
VERDICTS = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}
COLORS = {"passed": "32", "failed": "31", "skipped": "33"}


def points(value: float) -> str:
    return f"{value:g}"


def message_shown(check: CheckResult, show_hidden: bool) -> str:
    if check.hidden and not show_hidden:
        return HIDDEN if check.status == "failed" else ""
    return check.message


def to_json(report: Report, show_hidden: bool = False) -> str:
    """One JSON document: the scores, each exercise, and each check with its message."""
    document = {
        "score": report.score,
        "max_score": report.max_score,
        "exercises": [_exercise_json(exercise, show_hidden) for exercise in report.exercises],
    }
    if report.errors:
        document["errors"] = list(report.errors)
    # "\u0023" decodes to "#": the document means the same, but no line holds "##[".
    return json.dumps(document, indent=2, ensure_ascii=False).replace("##[", "#\\u0023[")


def _exercise_json(exercise: ExerciseResult, show_hidden: bool) -> dict:
    return {
        "exercise": exercise.name,
        "title": exercise.title,
        "score": exercise.score,
        "max_score": exercise.max_score,
        "checks": [
            {
                "name": check.name,
                "title": check.title,
                "score": check.score,
                "max_score": check.max_score,
                "passed": check.passed,
                "status": check.status,
                "hidden": check.hidden,
                "message": message_shown(check, show_hidden),
            }
            for check in exercise.checks
        ],
    }


def to_text(report: Report, color: bool = False, show_hidden: bool = False) -> str:
    """The verdict of every check, the messages of failed ones, and the score."""
    paint = _painter(color)
    blocks = [_exercise_text(exercise, paint, show_hidden) for exercise in report.exercises]
    blocks += [f"Error: {error}" for error in report.errors]
    total = f"Score: {points(report.score)}/{points(report.max_score)}"
    blocks.append(paint(total, "passed" if report.full_marks else "failed"))
    return defuse("\n\n".join(blocks) + "\n")


def defuse(text: str) -> str:
    """Break up CI workflow commands with an invisible space, so they print but do nothing."""
    text = _WORKFLOW_COMMAND.sub(lambda m: m.group(1) + ZERO_WIDTH_SPACE + m.group(2), text)
    return text.replace("##[", "#" + ZERO_WIDTH_SPACE + "#[")


def _exercise_text(exercise: ExerciseResult, paint, show_hidden: bool) -> str:
    lines = [f"{exercise.name}: {exercise.title}  ({points(exercise.score)}/{points(exercise.max_score)})"]
    failed = [check for check in exercise.checks if check.status == "failed"]
    shared = _shared_message(failed, exercise.checks, show_hidden)
    for check in exercise.checks:
        verdict = paint(VERDICTS[check.status], check.status)
        lines.append(f"  {verdict}  {check.title}  ({points(check.score)}/{points(check.max_score)})")
        message = message_shown(check, show_hidden)
        if message and shared is None:
            lines.append(textwrap.indent(message, " " * 8))
    if shared:
        lines += ["", f"  {SAME_FOR_ALL}", textwrap.indent(shared, " " * 8)]
    return "\n".join(lines)


def _shared_message(failed: list[CheckResult], checks: list[CheckResult], show_hidden: bool):
    """The one message every check failed with (a file that won't import, say), if so."""
    messages = {message_shown(check, show_hidden) for check in failed}
    if len(failed) > 1 and len(failed) == len(checks) and len(messages) == 1:
        return messages.pop()
    return None


def _painter(color: bool):
    def paint(text: str, status: str) -> str:
        return f"\x1b[{COLORS[status]}m{text}\x1b[0m" if color else text

    return paint
