"""Figure 5: a class of submissions graded on two processes, and the share that is start-up.

Each process calls ``grade_each`` on its part of the class: one pytest session (one worker)
for all of it. The start-up share is the same batch graded against a check module with no
checks at all: starting the processes, pytest and the plugins, and nothing else.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from grader.catalog import Exercise
from grader.session import grade_each

from .classroom import CLASS_SIZE, Submission, make_class
from .measure import timed
from .rows import Row, Target

PROCESSES = 2
RATE = Target(5.0, at_most=False, on_value=True)
NO_CHECKS = '"""An exercise with no checks: grading it is start-up alone."""\n'


def grade_part(exercises: list[Exercise], folders: list[Path]) -> list[tuple[float, int]]:
    """In a pool process: each folder's score and number of checks, from one session."""
    reports = grade_each(exercises, folders)
    return [(report.score, sum(len(result.checks) for result in report.exercises)) for report in reports]


def grade_class(exercises: list[Exercise], folders: list[Path], processes: int = PROCESSES) -> list[tuple[float, int]]:
    size = -(-len(folders) // processes)
    parts = [folders[start : start + size] for start in range(0, len(folders), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        graded = pool.map(grade_part, [exercises] * len(parts), parts)
        return [outcome for part in graded for outcome in part]


def rows(exercises: list[Exercise], root: Path, scratch: Path) -> list[Row]:
    names = [exercise.name for exercise in exercises]
    students = make_class(scratch / "class", root / "solutions", root / "exercises", names)
    folders = [student.folder for student in students]
    seconds, outcomes = timed(grade_class, exercises, folders)
    startup, _ = timed(grade_class, [_no_checks(scratch)], folders)
    checks = sum(count for _, count in outcomes)
    per_check = (seconds - startup) * PROCESSES / max(checks, 1)
    figure = f"5 batch, {CLASS_SIZE} submissions x {len(names)} exercises, {PROCESSES} processes"
    rate_note = f"{seconds:.1f} s for {checks:,} checks; {_as_expected(students, outcomes)}"
    share_note = f"the rest is grading: {per_check * 1000:.2f} ms per check on each process"
    extra = {"seconds": seconds, "checks": checks, "seconds_per_check_per_process": per_check}
    return [
        Row(figure, CLASS_SIZE / seconds, "/s", None, "", RATE, rate_note, extra),
        Row("5 batch start-up share (zero checks)", startup, "s", seconds, "the whole batch", None, share_note),
    ]


def _no_checks(scratch: Path) -> Exercise:
    path = scratch / "nochecks" / "exercise0.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NO_CHECKS)
    return Exercise("exercise0", path)


def _as_expected(students: list[Submission], outcomes: list[tuple[float, int]]) -> str:
    """Right copies all score the best score of the class; wrong ones score less."""
    scores = [score for score, _ in outcomes]
    best = max(scores, default=0)
    fine = sum((student.wrong is None) == (score == best) for student, score in zip(students, scores, strict=True))
    return f"{fine}/{len(students)} verdicts as expected"
