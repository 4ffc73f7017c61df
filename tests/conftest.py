"""Shared helpers: grade a submission file in-process, the way `grade` would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.catalog import exercises, resolve
from grader.results import ExerciseResult
from grader.session import Settings, grade

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


def submission_folder(tmp_path: Path, source: Path, exercise: str) -> Path:
    """A folder holding ``source`` under the name the grader looks for."""
    folder = tmp_path / "submission"
    folder.mkdir(exist_ok=True)
    shutil.copy(source, folder / f"{exercise}.py")
    return folder


@pytest.fixture
def grade_file(tmp_path):
    """``grade_file(path, "exercise3")`` grades one file in-process and returns its ExerciseResult."""

    def grade_one(source: Path, exercise: str, timeout: float = 3.0) -> ExerciseResult:
        folder = submission_folder(tmp_path, source, exercise)
        report = grade(resolve([exercise], exercises()), Settings(folder, timeout), in_process=True)
        return report.exercises[0]

    return grade_one


def failed(result: ExerciseResult) -> dict[str, str]:
    """Failed checks of a result: name -> message."""
    return {check.name: check.message for check in result.checks if check.status == "failed"}
