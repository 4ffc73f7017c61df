"""What a batch's judge does, in the process forked for one submission: grade it and save the result.

The judge is the same judge ``grade`` runs (``session.grade``): it never runs the student's
code, whose runs fork sandboxes of their own. It grades a private copy of the submission's
files, so that neither the class folder nor another submission is ever in reach.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from . import format_json, session
from .batch_files import Files
from .batch_store import Saved, Store
from .catalog import Exercise
from .results import Report

GRADER_FAILED = "the grader failed while grading this submission: {error}"


@dataclass(frozen=True)
class Task:
    """One submission to grade, and the key its result is saved under."""

    student: str
    files: Files
    key: str
    digest: str  # the submission's own hash (of files)


def judge(task: Task, exercises: list[Exercise], timeout: float, store: Store) -> None:
    """Grade ``task`` and save its result; a failure of the grader itself is saved as the result."""
    try:
        report = explained(grade(task.files, exercises, timeout), task.files.problems)
    except Exception as error:  # the grader's own: say so in the result rather than lose the student
        report = failure(GRADER_FAILED.format(error="".join(traceback.format_exception_only(error)).strip()))
    store.save(saved(task, report))


def grade(files: Files, exercises: list[Exercise], timeout: float) -> Report:
    with tempfile.TemporaryDirectory(prefix="grader-batch-") as scratch:
        folder = Path(scratch, files.folder)
        folder.mkdir(exist_ok=True)
        for name, source in files.sources.items():
            (folder / f"{name}.py").write_bytes(source)
        # Relative to the copy, so that messages name the files as they are in the submission.
        os.chdir(scratch)
        return session.grade(exercises, session.Settings(Path(files.folder), timeout))


def explained(report: Report, problems: dict[str, str]) -> Report:
    """Each check of an exercise whose file could not be graded fails with the reason, not with
    the grader's "there is no ..." (which names the judge's private copy)."""
    return replace(
        report,
        exercises=[
            replace(
                exercise, checks=[replace(c, status="failed", message=problems[exercise.name]) for c in exercise.checks]
            )
            if exercise.name in problems
            else exercise
            for exercise in report.exercises
        ],
    )


def failure(message: str) -> Report:
    """The report of a submission the grader could not grade: no score, and why."""
    return Report([], [message])


def saved(task: Task, report: Report) -> Saved:
    # The json format's data, hidden messages kept: the instructor's copy of the result.
    document = format_json.document(report)
    return Saved(task.student, task.key, task.digest, document)
