"""Grades no submission can forge: each trick from the issue, graded through the real ``grade``
command, earns nothing it did not earn, and says why where the trick was the student's own doing."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, SUBMISSIONS

from grader.cli import main
from grader.usage import EXIT_FAILED

FORGERIES = SUBMISSIONS / "forgery"
# The tricks that read or reach beyond the process, not the grader's objects: confinement's tests.
OUTSIDE = {"reads_the_solution.py"}


def grade_json(capsys, folder, *exercises: str) -> tuple[int, dict]:
    status = main([*exercises, "--from", str(folder), "--format", "json", "--timeout", "2"])
    return status, json.loads(capsys.readouterr().out)


def checks_of(document: dict) -> list[dict]:
    return [check for exercise in document["exercises"] for check in exercise["checks"]]


@pytest.mark.parametrize("name", sorted(p.name for p in FORGERIES.glob("*.py") if p.name not in OUTSIDE))
def test_a_forgery_earns_no_point_and_fails_every_check(capsys, tmp_path, name):
    shutil.copy(FORGERIES / name, tmp_path / "exercise1.py")
    status, document = grade_json(capsys, tmp_path, "1")
    assert status == EXIT_FAILED
    assert (document["score"], document["max_score"]) == (0, 10)
    assert {check["status"] for check in checks_of(document)} == {"failed"}


@pytest.mark.parametrize(
    ("name", "what"),
    [("skip_in_main.py", "pytest.skip()"), ("xfail_in_main.py", "unittest.SkipTest")],
)
def test_control_flow_raised_by_student_code_fails_the_check_saying_so(capsys, tmp_path, name, what):
    shutil.copy(FORGERIES / name, tmp_path / "exercise1.py")
    _, document = grade_json(capsys, tmp_path, "1")
    assert all(what in check["message"] for check in checks_of(document))


def test_one_forging_file_among_untouched_stubs_earns_nothing_under_grade_all(capsys, tmp_path):
    shutil.copytree(ROOT / "exercises", tmp_path, dirs_exist_ok=True)
    shutil.copy(FORGERIES / "gc_rewrites_results.py", tmp_path / "exercise1.py")
    status, document = grade_json(capsys, tmp_path, "all")
    assert status == EXIT_FAILED
    assert document["score"] == 0
    assert document["max_score"] == 10 * len(document["exercises"])


@pytest.mark.parametrize(
    ("name", "noted"),
    [
        ("gc_rewrites_results.py", "exercise1.py line 4: gc.get_objects()"),
        ("frames_write_results.py", "exercise1.py line 6: sys._getframe()"),
    ],
)
def test_reaching_for_the_grader_is_refused_and_listed_for_the_instructor(capsys, tmp_path, name, noted):
    shutil.copy(FORGERIES / name, tmp_path / "exercise1.py")
    _, document = grade_json(capsys, tmp_path, "1")
    assert document["needs_review"] == [noted]
    assert "the grader refused it" in checks_of(document)[0]["message"]


def test_an_honest_submission_has_nothing_to_review(capsys):
    _, document = grade_json(capsys, ROOT / "solutions", "1")
    assert "needs_review" not in document
