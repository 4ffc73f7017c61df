"""INSTRUCTOR.md's worked example is real: its files grade as the manual says, and the manual
shows them byte for byte. Its table of exercises matches the checks too."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, failed

from grader.catalog import Exercise, exercises, resolve
from grader.render_report import to_text
from grader.results import Report
from grader.run import NOT_WRITTEN
from grader.session import grade_each

MANUAL = ROOT / "INSTRUCTOR.md"
EXAMPLE = ROOT / "tests" / "instructor_example"
EXERCISE11 = Exercise("exercise11", EXAMPLE / "checks" / "exercise11.py")
SUBMISSIONS = ["solution", "stub", "wrong"]
MARKER = "# file: "
TABLED = [exercise.name for exercise in exercises()]
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)

# What the wrong answer (all printed at once, no waiting) must fail, and what the student reads.
WRONG = {
    "test_one_line_a_second": [
        "'2' was printed at 0.0 s, expected at 1.0 s",
        ">   1.0 s  2           0.0 s  2",
        "Hint: print a number, then `await asyncio.sleep(1)`",
    ],
    "test_finishes_after_n_seconds": ["countdown(3) took 0.0 s of event-loop time, not 3.0 s"],
}


def _manual() -> str:
    return MANUAL.read_text(encoding="utf-8")


def _marked_blocks() -> dict[str, str]:
    """The manual's ```python blocks whose first line is ``# file: PATH``: PATH -> the block."""
    blocks = {}
    for block in PYTHON_BLOCK.findall(_manual()):
        first = block.split("\n", 1)[0]
        if first.startswith(MARKER):
            path = first.removeprefix(MARKER).strip()
            assert path not in blocks, f"INSTRUCTOR.md shows {path} twice"
            blocks[path] = block
    return blocks


@pytest.fixture(scope="module")
def graded():
    """The example's solution, stub and wrong answer, graded in one in-process session."""
    reports = grade_each([EXERCISE11], [EXAMPLE / name for name in SUBMISSIONS])
    return {name: report.exercises[0] for name, report in zip(SUBMISSIONS, reports, strict=True)}


def test_the_solution_gets_full_marks(graded):
    result = graded["solution"]
    assert failed(result) == {}
    assert result.score == result.max_score == 10
    assert result.title == "A countdown"


def test_the_stub_scores_zero_saying_it_is_not_written(graded):
    result = graded["stub"]
    assert result.score == 0
    assert len(failed(result)) == len(result.checks) == 5
    messages = failed(result)
    assert messages["test_one_line_a_second"] == NOT_WRITTEN.format(call="countdown(3)")
    assert messages["test_zero_is_liftoff_at_once"] == NOT_WRITTEN.format(call="countdown(0)")


def test_the_wrong_answer_fails_the_timing_checks_with_the_intended_feedback(graded):
    result = graded["wrong"]
    messages = failed(result)
    assert sorted(messages) == sorted(WRONG)
    for check, texts in WRONG.items():
        for text in texts:
            assert text in messages[check]
    assert result.score == 5


def test_the_manual_shows_what_a_student_reads_for_the_wrong_answer(graded):
    assert f"```\n{to_text(Report([graded['wrong']]))}```" in _manual()


def test_the_hidden_check_is_hidden(graded):
    hidden = [check.name for check in graded["solution"].checks if check.hidden]
    assert hidden == ["test_zero_is_liftoff_at_once"]


def test_the_manual_shows_every_example_file():
    on_disk = {path.relative_to(ROOT).as_posix() for path in EXAMPLE.rglob("*.py")}
    assert set(_marked_blocks()) == on_disk


@pytest.mark.parametrize("path", sorted(_marked_blocks()) if MANUAL.exists() else [])
def test_the_manual_shows_the_example_file_byte_for_byte(path):
    assert _marked_blocks()[path] == (ROOT / path).read_text(encoding="utf-8")


def _table_rows() -> list[tuple[str, str, str]]:
    """The manual's table of exercises: (exercise, check title, points) for each row."""
    section = _manual().split("\n## The exercises", 1)[1].split("\n## ", 1)[0]
    rows, exercise = [], ""
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[3].replace(".", "", 1).isdigit():
            continue
        found = re.search(r"exercise\d+", cells[0])
        exercise = found.group(0) if found else exercise
        rows.append((exercise, cells[2], cells[3]))
    return rows


def test_the_manual_table_lists_every_check_with_its_title_and_points():
    report = grade_each(resolve(TABLED, exercises()), [ROOT / "solutions"])[0]
    checks = [
        (exercise.name, check.title, f"{check.points:g}") for exercise in report.exercises for check in exercise.checks
    ]
    assert _table_rows() == checks
