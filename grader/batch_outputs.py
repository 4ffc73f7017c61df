"""What a batch writes, as pure functions of the graded class: grades.csv, results.json, each
student's feedback and the summary. No clock, no path, no order but the students' ids: the same
class gives the same bytes, however many judges graded it and in whatever order they finished.

Every report goes through the one report pipeline (``render_report.render``): the JSON format
for results.json, the text format for feedback.
"""

from __future__ import annotations

import csv
import io
import statistics
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import __version__, format_json
from .format_text import points
from .render_report import RenderOptions, defuse, render, shown
from .results import Report
from .text import visible

GRADES = "grades.csv"
RESULTS = "results.json"
SUMMARY = "summary.md"
FEEDBACK = "feedback"

FEEDBACK_TITLE = "# {course}: feedback for {student}"
SUMMARY_TITLE = "# {course}: {count} submissions from {name}"
SCORES = "## Scores"
SCORE_LINE = "Mean {mean:.1f} %, median {median:.1f} %; {full} of {count} with full marks."
MISSED = "## What the class has not understood"
MISSED_NONE = "Every check passed for every submission."
NOTHING_GRADED = "No check could be run for any submission."
MORE_IN_SUMMARY = "... and {count} more checks failed by someone: see {summary}."
MISSED_HEADER = ("failed by", "check", "points", "most common first line of its message")
UNGRADED = "## Not graded in full"
NO_MESSAGE = "(no message)"
BAR = "#"
BAR_WIDTH = 40
BUCKETS = 10
# A cell a spreadsheet would read as a formula (=, +, -, @) is kept as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Graded:
    """A student's result: their id, their submission's hash, and their report (hidden messages kept)."""

    student: str
    submission: str
    report: Report


def grades_csv(graded: list[Graded], names: list[str]) -> str:
    """One row per student: a column per exercise, then total, max_score, percent."""
    best = _max_points(graded, names)
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["student", *names, "total", "max_score", "percent"])
    for entry in graded:
        scores = {exercise.name: exercise.score for exercise in entry.report.exercises}
        most = entry.report.max_score if entry.report.exercises else sum(best.values())
        cells = [points(scores[name]) if name in scores else "" for name in names]
        total = entry.report.score
        share = f"{_percent(total, most):.1f}"
        writer.writerow([_text_cell(entry.student), *cells, points(total), points(most), share])
    return stream.getvalue()


def results_json(graded: list[Graded], course: str, names: list[str]) -> str:
    """Every student's report in ``grade --format json``'s schema, with their id, hash and isolation."""
    return "".join(results_json_parts(graded, course, names))


def results_json_parts(graded: list[Graded], course: str, names: list[str]) -> Iterator[str]:
    """results.json a student at a time: a class's reports are never all rendered at once."""
    head = {"tool": "grade batch", "grader": __version__, "course": course, "exercises": names, "students": []}
    opening = _json(head).removesuffix("[]\n}\n") + "[\n"
    yield opening
    for index, entry in enumerate(graded):
        document = format_json.document(shown(entry.report, show_hidden=True))
        document.setdefault("isolation", {})  # always there: how this submission was graded matters
        student = textwrap.indent(_json({"student": entry.student, "submission": entry.submission, **document}), "    ")
        yield student.rstrip("\n") + (",\n" if index < len(graded) - 1 else "\n")
    yield "  ]\n}\n"


def _json(document: dict) -> str:
    return format_json.dumps(document) + "\n"


def feedback_md(entry: Graded, course: str, show_hidden: bool = False) -> str:
    """The report a student can be sent: the text report, hidden checks by title and points only."""
    text = render(entry.report, "text", RenderOptions(color=False), show_hidden=show_hidden).rstrip("\n")
    fence = "`" * max(3, _longest_run(text, "`") + 1)
    title = FEEDBACK_TITLE.format(course=course, student=visible(entry.student))
    return f"{title}\n\n{fence}text\n{text}\n{fence}\n"


def summary_md(graded: list[Graded], course: str, name: str, most_checks: int | None = None) -> str:
    """The score distribution, the checks most failed with their most common message, and who was
    not graded in full: what an instructor reads first. On a terminal, ``most_checks`` rows of
    checks are plenty; summary.md has them all."""
    reports = [shown(entry.report, show_hidden=True) for entry in graded]
    blocks = [
        SUMMARY_TITLE.format(course=course, count=len(graded), name=visible(name)),
        SCORES + "\n\n" + _scores(reports),
        MISSED + "\n\n" + _missed(reports, len(graded), most_checks),
    ]
    ungraded = [(entry.student, report.errors) for entry, report in zip(graded, reports, strict=True) if report.errors]
    if ungraded:
        blocks.append(UNGRADED + "\n\n" + "\n".join(f"- {visible(s)}: {_first_line(e[0])}" for s, e in ungraded))
    return defuse("\n\n".join(blocks) + "\n")


def _scores(reports: list[Report]) -> str:
    percents = [_percent(report.score, report.max_score) for report in reports]
    counts = Counter(min(int(value // (100 / BUCKETS)), BUCKETS) for value in percents)
    widest = max(counts.values(), default=1)
    rows = []
    for bucket in range(BUCKETS + 1):
        label = "100%" if bucket == BUCKETS else f"{bucket * 10}-{bucket * 10 + 9}%"
        count = counts.get(bucket, 0)
        bar = BAR * (max(1, round(count * BAR_WIDTH / widest)) if count else 0)
        rows.append(f"{label:>7}  {count:>4}  {bar}".rstrip())
    full = sum(report.full_marks for report in reports)
    line = SCORE_LINE.format(
        mean=statistics.fmean(percents or [0]), median=statistics.median(percents or [0]), full=full, count=len(reports)
    )
    return line + "\n\n```text\n" + "\n".join(rows) + "\n```"


def _missed(reports: list[Report], count: int, most: int | None = None) -> str:
    # Checks are told apart by name (not by place: a report may lack an exercise), and listed in
    # the order first met where as many failed them.
    failures: dict[tuple[str, str], list[str]] = {}
    described: dict[tuple[str, str], tuple[str, float]] = {}
    for report in reports:
        for exercise in report.exercises:
            for check in exercise.checks:
                name = (exercise.name, check.name)
                described.setdefault(name, (f"{exercise.name}: {check.title}", check.points))
                if check.status == "failed":
                    failures.setdefault(name, []).append(_first_line(check.message))
    if not failures:
        return MISSED_NONE if described else NOTHING_GRADED
    order = {name: index for index, name in enumerate(described)}
    rows = [
        (f"{len(messages)} of {count}", title, points(worth), _most_common(messages))
        for name, messages in sorted(failures.items(), key=lambda item: (-len(item[1]), order[item[0]]))
        for title, worth in [described[name]]
    ]
    if most is None or len(rows) <= most:
        return _table([MISSED_HEADER, *rows])
    more = MORE_IN_SUMMARY.format(count=len(rows) - most, summary=SUMMARY)
    return _table([MISSED_HEADER, *rows[:most]]) + "\n\n" + more


def _table(rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("---" for _ in rows[0]) + "|")
    return "\n".join(lines)


def _most_common(messages: Iterable[str]) -> str:
    counted = Counter(messages)
    return min(counted, key=lambda message: (-counted[message], message))


def _first_line(message: str) -> str:
    return next((line.strip() for line in message.splitlines() if line.strip()), NO_MESSAGE)


def _max_points(graded: list[Graded], names: list[str]) -> dict[str, float]:
    best = dict.fromkeys(names, 0.0)
    for entry in graded:
        for exercise in entry.report.exercises:
            if exercise.name in best:
                best[exercise.name] = max(best[exercise.name], exercise.max_score)
    return best


def _percent(score: float, most: float) -> float:
    return 100 * score / most if most else 0.0


def _text_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _longest_run(text: str, character: str) -> int:
    longest = run = 0
    for each in text:
        run = run + 1 if each == character else 0
        longest = max(longest, run)
    return longest
