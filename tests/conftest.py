"""Shared helpers: grade submission files in-process, the way `grade` would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.catalog import Exercise, exercises, resolve
from grader.results import ExerciseResult
from grader.session import grade_each

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


def grade_files(
    folder: Path, sources: list[Path], exercise: str | Exercise, timeout: float = 3.0
) -> list[ExerciseResult]:
    """Grade each source file as ``exercise`` (a name, or an Exercise) in one in-process pytest session."""
    chosen = exercise if isinstance(exercise, Exercise) else resolve([exercise], exercises())[0]
    exercise = chosen.name
    folders = []
    for index, source in enumerate(sources):
        submission = folder / f"{exercise}-{index}"
        submission.mkdir(parents=True)
        shutil.copy(source, submission / f"{exercise}.py")
        folders.append(submission)
    reports = grade_each([chosen], folders, timeout)
    return [report.exercises[0] for report in reports]


@pytest.fixture
def grade_file(tmp_path):
    """``grade_file(path, "exercise3")`` grades one file in-process and returns its ExerciseResult."""

    def grade_one(source: Path, exercise: str | Exercise, timeout: float = 3.0) -> ExerciseResult:
        return grade_files(tmp_path, [source], exercise, timeout)[0]

    return grade_one


def failed(result: ExerciseResult) -> dict[str, str]:
    """Failed checks of a result: name -> message."""
    return {check.name: check.message for check in result.checks if check.status == "failed"}
