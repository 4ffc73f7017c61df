"""One pipeline for every report format: hidden messages redacted, control characters shown, the
chosen format's renderer, then CI workflow commands defused. Only the renderer differs by format.

``to_text`` and ``to_json`` are the pipeline with one format each, kept for the kit's callers.
"""

from __future__ import annotations

import re
from dataclasses import replace

# Each of these modules registers its format in FORMATS as it is imported.
from . import format_classroom, format_json, format_text  # noqa: F401
from .format_text import SAME_FOR_ALL
from .formats import FORMATS, RenderOptions
from .redact import HIDDEN, redact
from .results import CheckResult, ExerciseResult, Report
from .text import visible

__all__ = ["FORMATS", "HIDDEN", "SAME_FOR_ALL", "RenderOptions", "defuse", "render", "shown", "to_json", "to_text"]

# A CI runner reads `::command::` at the start of a line and the legacy `##[command]` anywhere:
# text that came from student code must not be able to forge annotations or scores.
_WORKFLOW_COMMAND = re.compile(r"^(\s*:)(:)", re.MULTILINE)
ZERO_WIDTH_SPACE = "\u200b"


def render(
    report: Report, format: str = "text", options: RenderOptions = RenderOptions(), show_hidden: bool = False
) -> str:
    """``report`` in ``format``, with the rules every format shares applied around its renderer."""
    return defuse(FORMATS[format](shown(report, show_hidden), options))


def shown(report: Report, show_hidden: bool = False) -> Report:
    """What any format may show of ``report``: hidden messages redacted, control characters escaped."""
    return _visible_report(report if show_hidden else redact(report))


def defuse(text: str) -> str:
    """Break up CI workflow commands with an invisible space, so they print but do nothing."""
    text = _WORKFLOW_COMMAND.sub(lambda m: m.group(1) + ZERO_WIDTH_SPACE + m.group(2), text)
    return text.replace("##[", "#" + ZERO_WIDTH_SPACE + "#[")


def to_text(report: Report, color: bool = False, show_hidden: bool = False) -> str:
    return render(report, "text", RenderOptions(color=color), show_hidden)


def to_json(report: Report, show_hidden: bool = False) -> str:
    return render(report, "json", show_hidden=show_hidden)


def _visible_report(report: Report) -> Report:
    # Escapes before any renderer runs: the renderers' own escapes (colors) and defuse's
    # zero-width spaces must stay what they are.
    return replace(
        report,
        exercises=[_visible_exercise(exercise) for exercise in report.exercises],
        errors=[visible(error, newlines=True) for error in report.errors],
    )


def _visible_exercise(exercise: ExerciseResult) -> ExerciseResult:
    return replace(
        exercise,
        name=visible(exercise.name),
        title=visible(exercise.title),
        checks=[_visible_check(check) for check in exercise.checks],
    )


def _visible_check(check: CheckResult) -> CheckResult:
    return replace(
        check, name=visible(check.name), title=visible(check.title), message=visible(check.message, newlines=True)
    )
