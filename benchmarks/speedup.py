"""Figure 2: how much faster than real time the reference solutions are graded.

Each ``run(...)`` a check makes stands for ``Run.duration`` seconds of real time: the delays
it slept through on the virtual clock. The checks are graded in this process
(``in_process=True``), with ``grader.plugin.run_student`` wrapped to add those durations up;
the baseline is the real time of the same pytest session.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

from grader.catalog import Exercise
from grader.results import Report
from grader.session import grade_each

from .measure import timed
from .rows import Row

MOVED = "benchmarks/speedup.py adds up Run.duration through grader.plugin.run_student, which is gone"


@contextlib.contextmanager
def recording_durations() -> Iterator[list[float]]:
    """While inside, every finished check run's virtual duration is appended to the list."""
    import grader.plugin as plugin

    original = getattr(plugin, "run_student", None)
    if original is None:
        raise RuntimeError(MOVED)
    durations: list[float] = []

    def recording(*args, **kwargs):
        result = original(*args, **kwargs)
        if result.duration is not None:
            durations.append(result.duration)
        return result

    plugin.run_student = recording
    try:
        yield durations
    finally:
        plugin.run_student = original


def grade_quietly(exercises: list[Exercise], folder: Path) -> Report:
    """One in-process session; pytest's own output is dropped."""
    with contextlib.redirect_stdout(io.StringIO()):
        return grade_each(exercises, [folder], in_process=True)[0]


def rows(exercises: list[Exercise], solutions: Path) -> list[Row]:
    with recording_durations() as durations:
        grade_quietly(exercises, solutions)  # warm: pytest and the plugins are imported once
        found = []
        for name, chosen in [(e.name, [e]) for e in exercises] + [(f"all {len(exercises)}", exercises)]:
            durations.clear()
            seconds, report = timed(grade_quietly, chosen, solutions)
            found.append(_row(name, sum(durations), len(durations), seconds, report))
    return found


def _row(name: str, stands_for: float, runs: int, seconds: float, report: Report) -> Row:
    note = f"{runs} runs on virtual time; score {report.score:g}/{report.max_score:g}"
    return Row(f"2 speed-up {name}", stands_for, "s", seconds, "real time, in-process session", None, note)
