"""Figure 5: a class of submissions graded on two processes, and the share that is start-up.

Each process calls ``grade_each`` on its part of the class: one pytest session (one worker)
for all of it. The start-up share is the same batch graded against a check module with no
checks at all: starting the processes, pytest and the plugins, and nothing else.

Then the same class through ``grade batch`` (a judge process per submission, forked from a warm
parent, two at once), run through ``peak.py``: submissions per second, against ``grade_each``'s
rate in the same run, and the largest resident set of any process of its tree.

``python -m benchmarks.batch [SIZE]`` prints these rows for a class of SIZE (default 200).
"""

from __future__ import annotations

import csv
import multiprocessing
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from grader.catalog import Exercise
from grader.session import grade_each

from .classroom import CLASS_SIZE, Submission, make_class
from .measure import run_process, timed
from .rows import Row, Target

PROCESSES = 2
RATE = Target(5.0, at_most=False, on_value=True)
BATCH_RATE = Target(8.0, at_most=False, on_value=True)
AGAINST_SHARED = Target(0.7, at_most=False)
MEMORY = Target(80.0, on_value=True)
SHARED = "grade_each, shared sessions"
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


def rows(exercises: list[Exercise], root: Path, scratch: Path, size: int = CLASS_SIZE) -> list[Row]:
    names = [exercise.name for exercise in exercises]
    students = make_class(scratch / "class", root / "solutions", root / "exercises", names, size)
    folders = [student.folder for student in students]
    seconds, outcomes = timed(grade_class, exercises, folders)
    startup, _ = timed(grade_class, [_no_checks(scratch)], folders)
    checks = sum(count for _, count in outcomes)
    per_check = (seconds - startup) * PROCESSES / max(checks, 1)
    figure = f"5 batch, {size} submissions x {len(names)} exercises, {PROCESSES} processes"
    rate_note = f"{seconds:.1f} s for {checks:,} checks; {_as_expected(students, outcomes)}"
    share_note = f"the rest is grading: {per_check * 1000:.2f} ms per check on each process"
    extra = {"seconds": seconds, "checks": checks, "seconds_per_check_per_process": per_check}
    return [
        Row(figure, size / seconds, "/s", None, "", RATE, rate_note, extra),
        Row("5 batch start-up share (zero checks)", startup, "s", seconds, "the whole batch", None, share_note),
        *batch_command_rows(root, scratch, students, size / seconds),
    ]


def batch_command_rows(root: Path, scratch: Path, students: list[Submission], shared_rate: float) -> list[Row]:
    """``grade batch`` on the class, as an instructor runs it: its rate, and its largest process."""
    out = scratch / "batch-out"
    command = [sys.executable, "-m", "grader", "batch", str(scratch / "class"), "--out", str(out)]
    run = run_process([*command, "--jobs", str(PROCESSES)], root)
    with (out / "grades.csv").open(newline="") as stream:
        scores = {row["student"]: float(row["total"]) for row in csv.DictReader(stream)}
    outcomes = [(scores.get(student.folder.name, -1.0), 0) for student in students]
    size = len(students)
    rate = size / run.seconds
    note = (
        f"{run.seconds:.1f} s, CPU {run.cpu_seconds:.1f} s, exit status {run.status}; "
        f"{_as_expected(students, outcomes)}; a judge process per submission"
    )
    figure = f"5 grade batch, {size} submissions, --jobs {PROCESSES}"
    extra = {"seconds": run.seconds, "cpu_seconds": run.cpu_seconds}
    memory_note = "largest resident set of any process in its tree: the parent, a judge or a sandbox"
    return [
        Row(figure, rate, "/s", None, "", BATCH_RATE, note, extra),
        Row("5 grade batch vs one shared session", rate, "/s", shared_rate, SHARED, AGAINST_SHARED, note),
        Row("5 peak memory per grading process, grade batch", run.peak_mb, "MB", None, "", MEMORY, memory_note),
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


if __name__ == "__main__":
    from grader.catalog import exercises

    from .table import render

    size = int(sys.argv[1]) if len(sys.argv) > 1 else CLASS_SIZE
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as scratch:
        measured = rows(exercises(), root, Path(scratch), size)
    print(
        render(
            measured,
            {
                "date": "-",
                "python": sys.version.split()[0],
                "cpu": "-",
                "cores": "-",
                "load_average_1min": "-",
                "commit": "-",
            },
        ),
        end="",
    )
