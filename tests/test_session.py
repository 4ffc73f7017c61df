"""The session's pure parts: scoring what the checks reported, and broken check modules."""

from __future__ import annotations

from pathlib import Path

from grader.catalog import Exercise
from grader.session import NO_CHECKS, NOT_RUN, _report

SUBMISSION = "submission"
EXERCISES = [Exercise("exercise1", Path("checks/exercise1.py")), Exercise("exercise2", Path("checks/exercise2.py"))]


# ---------------------------------------------------------------- scoring


def described(
    name: str, exercise: str = "exercise1", points: float = 1, hidden: bool = False, submission: str = SUBMISSION
) -> dict:
    return {
        "id": f"{exercise}.py::{name}",
        "submission": submission,
        "exercise": exercise,
        "exercise_title": f"Title of {exercise}",
        "name": name,
        "title": name.removeprefix("test_").replace("_", " "),
        "points": points,
        "hidden": hidden,
    }


def collected(*checks: dict) -> dict:
    return {"event": "collected", "checks": list(checks)}


def outcome(name: str, status: str = "passed", message: str = "", exercise: str = "exercise1") -> dict:
    return {"event": "result", "id": f"{exercise}.py::{name}", "status": status, "message": message}


def score(events: list[dict], exercises: list[Exercise] = EXERCISES, submission: str = SUBMISSION):
    return _report(exercises, events, submission, submission)


def test_scores_add_up_the_points_of_passed_checks():
    report = score(
        [
            collected(
                described("test_a", points=2), described("test_b", points=3), described("test_c", "exercise2", points=5)
            ),
            {"event": "start", "id": "exercise1.py::test_a"},
            outcome("test_a"),
            outcome("test_b", "failed", "expected 1, not 2"),
            outcome("test_c", exercise="exercise2"),
        ]
    )
    assert [(e.name, e.score, e.max_score) for e in report.exercises] == [("exercise1", 2, 5), ("exercise2", 5, 5)]
    assert (report.score, report.max_score, report.full_marks) == (7, 10, False)


def test_each_check_keeps_its_title_points_visibility_status_and_message():
    report = score(
        [
            collected(described("test_secret", points=4, hidden=True)),
            outcome("test_secret", "failed", "expected 1, not 2"),
        ]
    )
    [check] = report.exercises[0].checks
    assert (check.exercise, check.name, check.title, check.points, check.hidden) == (
        "exercise1",
        "test_secret",
        "secret",
        4,
        True,
    )
    assert (check.status, check.message) == ("failed", "expected 1, not 2")


def test_an_exercise_takes_its_title_from_its_checks():
    report = score([collected(described("test_a")), outcome("test_a")], exercises=EXERCISES[:1])
    assert report.exercises[0].title == "Title of exercise1"


def test_exercises_come_in_the_order_asked_for():
    report = score([collected(described("test_a"), described("test_c", "exercise2"))], exercises=EXERCISES[::-1])
    assert [e.name for e in report.exercises] == ["exercise2", "exercise1"]


def test_every_check_passing_is_full_marks():
    report = score(
        [collected(described("test_a"), described("test_b")), outcome("test_a"), outcome("test_b")],
        exercises=EXERCISES[:1],
    )
    assert (report.score, report.max_score, report.full_marks) == (2, 2, True)


def test_a_skipped_check_counts_neither_for_nor_against():
    report = score(
        [
            collected(described("test_a"), described("test_b", points=3)),
            outcome("test_a"),
            outcome("test_b", "skipped", "needs a"),
        ],
        exercises=EXERCISES[:1],
    )
    assert (report.score, report.max_score, report.full_marks) == (1, 1, True)


def test_a_check_that_never_reported_fails_as_not_reached():
    report = score([collected(described("test_a"), described("test_b")), outcome("test_a")], exercises=EXERCISES[:1])
    check = report.exercises[0].checks[1]
    assert (check.status, check.message) == ("failed", NOT_RUN.format(reason="it was not reached"))
    assert report.full_marks is False


def test_nothing_collected_and_an_error_is_no_marks_and_not_full_marks():
    message = NOT_RUN.format(reason="ModuleNotFoundError: No module named 'pytest_asyncio'")
    report = score([{"event": "error", "where": "", "message": message}])
    assert [(e.name, e.title, e.checks) for e in report.exercises] == [
        ("exercise1", "exercise1", []),
        ("exercise2", "exercise2", []),
    ]
    assert report.errors == [NO_CHECKS.format(exercise=e.name, where=e.checks) for e in EXERCISES] + [message]
    assert (report.score, report.max_score, report.full_marks) == (0, 0, False)


def test_a_check_module_that_would_not_load_costs_only_its_own_exercise():
    broken = {"event": "error", "where": "exercise2.py", "message": "the checks in exercise2.py could not be loaded"}
    report = score([collected(described("test_a")), outcome("test_a"), broken])
    assert [(e.name, e.score, e.max_score) for e in report.exercises] == [("exercise1", 1, 1), ("exercise2", 0, 0)]
    assert report.errors == [broken["message"]]
    assert report.full_marks is False


def test_a_report_counts_only_the_checks_of_its_own_submission():
    events = [
        collected(
            described("test_a[submission0]", submission="one"), described("test_a[submission1]", submission="two")
        ),
        outcome("test_a[submission0]", "failed", "no"),
        outcome("test_a[submission1]"),
    ]
    one, two = score(events, EXERCISES[:1], "one"), score(events, EXERCISES[:1], "two")
    assert [(c.status, c.message) for c in one.exercises[0].checks] == [("failed", "no")]
    assert [(c.status, c.message) for c in two.exercises[0].checks] == [("passed", "")]


def test_no_checks_at_all_is_an_error_for_each_exercise_and_never_full_marks():
    report = score([])
    assert [e.checks for e in report.exercises] == [[], []]
    assert report.errors == [NO_CHECKS.format(exercise=e.name, where=e.checks) for e in EXERCISES]
    assert (report.score, report.max_score, report.full_marks) == (0, 0, False)


# ---------------------------------------------------------------- broken check modules


def test_a_check_module_that_cannot_be_imported_is_an_error_not_full_marks(tmp_path):
    from grader.catalog import Exercise
    from grader.collect import LOAD_FAILED
    from grader.session import grade_each

    checks = tmp_path / "checks" / "exercise1.py"
    checks.parent.mkdir()
    checks.write_text("import no_such_module_anywhere\n")
    exercise = Exercise("exercise1", checks)
    (report,) = grade_each([exercise], [tmp_path])
    assert not report.full_marks
    assert report.errors[0].startswith(LOAD_FAILED.split("{", 1)[0])
    assert "no_such_module_anywhere" in report.errors[0]


def test_grade_1_11_with_a_broken_exercise11_gives_exercise1_full_marks_and_exercise11_a_clear_error(tmp_path, capsys):
    import json
    import shutil

    from grader.cli import main

    checks = tmp_path / "checks"
    checks.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "grader" / "checks" / "exercise1.py", checks)
    (checks / "exercise11.py").write_text('"""A countdown"""\nimport no_such_module_anywhere\n')
    solutions = Path(__file__).resolve().parent.parent / "solutions"
    status = main(["1", "11", "--checks", str(checks), "--from", str(solutions), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    scores = {e["exercise"]: (e["score"], e["max_score"]) for e in document["exercises"]}
    assert scores == {"exercise1": (10, 10), "exercise11": (0, 0)}
    assert len(document["errors"]) == 1
    assert "exercise11.py could not be loaded" in document["errors"][0]
    assert "no_such_module_anywhere" in document["errors"][0]
    assert status == 1


def test_the_environment_can_neither_choose_the_checks_nor_add_plugins_to_the_judge(tmp_path, monkeypatch):
    from grader.catalog import exercises
    from grader.session import Settings, grade

    plugin = tmp_path / "passes_everything.py"
    plugin.write_text("def pytest_collection_modifyitems(items):\n    items.clear()\n")
    # Installed, too: a distribution whose pytest11 entry point pytest would auto-load.
    installed = tmp_path / "passes_everything-1.0.dist-info"
    installed.mkdir()
    (installed / "METADATA").write_text("Metadata-Version: 2.1\nName: passes-everything\nVersion: 1.0\n")
    (installed / "entry_points.txt").write_text("[pytest11]\npasses_everything = passes_everything\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTEST_ADDOPTS", "-k prints_hello")
    monkeypatch.setenv("PYTEST_PLUGINS", "passes_everything")
    solutions = Path(__file__).resolve().parent.parent / "solutions"

    report = grade([exercises()[0]], Settings(solutions))

    assert (report.score, report.max_score) == (10, 10)
    assert len(report.exercises[0].checks) == 4
