"""Every exercise, both ways: right answers get full marks; realistic wrong ones fail the
intended check with the intended feedback."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS, failed, grade_files

from grader.catalog import exercises
from grader.results import ExerciseResult
from grader.run import NOT_WRITTEN

EXERCISES = [exercise.name for exercise in exercises()]


def _wrong_answers() -> dict[str, dict[str, list[str]]]:
    """Every exercise's table, from tests/expected/exerciseN.py: "exerciseN/file.py" -> {check: texts}."""
    table = {}
    for path in sorted((Path(__file__).parent / "expected").glob("exercise*.py")):
        spec = importlib.util.spec_from_file_location(f"expected_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        table.update({f"{path.stem}/{name}": checks for name, checks in module.WRONG.items()})
    return table


WRONG = _wrong_answers()


def _every_file(exercise: str) -> list[Path]:
    return [
        ROOT / "solutions" / f"{exercise}.py",
        ROOT / "exercises" / f"{exercise}.py",
        *sorted((SUBMISSIONS / exercise).glob("*.py")),
    ]


class Graded(dict):
    """Every file of an exercise, graded the first time one of them is asked for: one pytest
    session per exercise, and only for the exercises a run selects."""

    def __init__(self, tmp_path_factory) -> None:
        super().__init__()
        self._factory = tmp_path_factory

    def __missing__(self, path: Path) -> ExerciseResult:
        exercise = path.stem if path.parent.name in ("solutions", "exercises") else path.parent.name
        files = _every_file(exercise)
        folder = self._factory.mktemp(exercise)
        self.update(zip(files, grade_files(folder, files, exercise), strict=True))
        return self[path]


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[Path, ExerciseResult]:
    return Graded(tmp_path_factory)


def _right_submissions():
    for path in sorted(SUBMISSIONS.glob("exercise*/right_*.py")) + [SUBMISSIONS / "exercise3/article_verbatim.py"]:
        needs_311 = "# requires: 3.11" in path.read_text(encoding="utf-8")
        marks = (
            [pytest.mark.skipif(sys.version_info < (3, 11), reason="uses asyncio.TaskGroup (3.11+)")]
            if needs_311
            else []
        )
        yield pytest.param(path, id=f"{path.parent.name}/{path.name}", marks=marks)


def test_every_exercise_has_at_least_five_wrong_answers_under_test():
    for exercise in EXERCISES:
        assert sum(name.startswith(exercise + "/") for name in WRONG) >= 5, exercise


def test_every_wrong_submission_on_disk_is_under_test():
    on_disk = {f"{p.parent.name}/{p.name}" for p in SUBMISSIONS.glob("exercise*/wrong_*.py")}
    assert on_disk <= set(WRONG)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_reference_solution_gets_full_marks(graded, exercise):
    result = graded[ROOT / "solutions" / f"{exercise}.py"]
    assert failed(result) == {}
    assert result.score == result.max_score == 10


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_untouched_stub_scores_zero_saying_it_is_not_written(graded, exercise):
    result = graded[ROOT / "exercises" / f"{exercise}.py"]
    assert result.score == 0
    assert all(NOT_WRITTEN.split("{call}")[1] in message for message in failed(result).values())


@pytest.mark.parametrize("path", list(_right_submissions()))
def test_a_correct_submission_in_another_style_gets_full_marks(graded, path):
    result = graded[path]
    assert failed(result) == {}
    assert result.score == result.max_score


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_wrong_submission_fails_the_intended_check_with_the_intended_feedback(graded, name):
    result = graded[SUBMISSIONS / name]
    failures = failed(result)
    assert result.score < result.max_score
    for check, texts in WRONG[name].items():
        assert check in failures, f"{check} passed; failed: {sorted(failures)}"
        for text in texts:
            assert text in failures[check]


# Other plugins, other collection: the judge's memory, and so the sandboxes' addresses, differ.
OTHER_ARGUMENTS = ["-p", "no:recwarn", "-p", "no:tmpdir", "-p", "no:monkeypatch", "-o", "console_output_style=count"]


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_submission_gets_the_same_report_under_other_pytest_arguments(graded, tmp_path, monkeypatch, exercise):
    from grader import session

    usual = session.pytest_arguments
    monkeypatch.setattr(session, "pytest_arguments", lambda *a, **k: [*usual(*a, **k), *OTHER_ARGUMENTS])
    files = _every_file(exercise)
    again = dict(zip(files, grade_files(tmp_path, files, exercise), strict=True))
    for path in files:
        assert _without_folders(again[path]) == _without_folders(graded[path]), path.name


def _without_folders(result: ExerciseResult) -> list[tuple]:
    """Each check's outcome, the test's own temporary folders left out of the messages."""
    return [(c.name, c.status, re.sub(r"\S*/exercise\d+-\d+/", "", c.message)) for c in result.checks]
