"""The catalog: which exercises exist, in course order, and what a typed name means."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.catalog import (
    A_COMMAND,
    ALL_MEANS,
    RESERVED,
    UNKNOWN,
    UNKNOWN_LIKE_COMMAND,
    UNKNOWN_NO_MATCH,
    Exercise,
    exercises,
    resolve,
)
from grader.usage import EXIT_USAGE, UsageError

NAMES = ["exercise1", "exercise2", "exercise3", "exercise9", "exercise10", "exercise11"]


@pytest.fixture
def checks_dir(tmp_path: Path) -> Path:
    """A checks folder of empty files, created out of order, with files that are not exercises."""
    folder = tmp_path / "checks"
    folder.mkdir()
    for name in [*reversed(NAMES), "__init__", "common"]:
        (folder / f"{name}.py").write_text("")
    (folder / "exercise5.txt").write_text("")
    return folder


@pytest.fixture
def known(checks_dir: Path) -> list[Exercise]:
    return exercises(checks_dir)


def names(chosen: list[Exercise]) -> list[str]:
    return [exercise.name for exercise in chosen]


def test_exercises_are_listed_in_course_order_with_exercise10_after_exercise9(known):
    assert names(known) == NAMES


def test_each_exercise_points_at_its_check_file(checks_dir, known):
    assert [exercise.checks for exercise in known] == [checks_dir / f"{name}.py" for name in NAMES]


def test_a_folder_without_check_files_has_no_exercises(tmp_path):
    assert exercises(tmp_path) == []


def test_the_course_catalog_starts_with_exercise1_to_exercise4():
    assert names(exercises())[:4] == ["exercise1", "exercise2", "exercise3", "exercise4"]


@pytest.mark.parametrize("typed", ["exercise3", "3", "exercise3.py"])
def test_an_exercise_can_be_named_in_full_by_number_or_by_file_name(known, typed):
    assert names(resolve([typed], known)) == ["exercise3"]


def test_exercise10_is_not_mistaken_for_exercise1(known):
    assert names(resolve(["10"], known)) == ["exercise10"]


def test_all_means_every_exercise_in_course_order(known):
    assert resolve(["all"], known) == known


def test_no_name_means_all(known):
    assert resolve([], known) == known


def test_names_are_kept_in_the_order_given(known):
    assert names(resolve(["10", "2"], known)) == ["exercise10", "exercise2"]


def test_an_exercise_named_twice_is_graded_once(known):
    assert names(resolve(["exercise3", "3", "exercise3.py"], known)) == ["exercise3"]


def test_all_after_a_name_adds_only_the_exercises_not_yet_chosen(known):
    assert names(resolve(["3", "all", "1"], known)) == [
        "exercise3",
        "exercise1",
        "exercise2",
        "exercise9",
        "exercise10",
        "exercise11",
    ]


def test_a_misspelt_name_is_a_usage_error_suggesting_the_closest_exercise(known):
    with pytest.raises(UsageError) as raised:
        resolve(["exercize3"], known)
    assert raised.value.format_message() == UNKNOWN.format(name="exercize3", suggestion="exercise3")
    assert raised.value.format_message() == "no exercise 'exercize3'; did you mean exercise3?"


def test_an_unknown_name_is_a_usage_error_with_exit_status_2(known):
    with pytest.raises(UsageError) as raised:
        resolve(["exercize3"], known)
    assert raised.value.exit_code == EXIT_USAGE == 2


def test_a_name_like_no_exercise_lists_the_exercises(known):
    with pytest.raises(UsageError) as raised:
        resolve(["fizzbuzz"], known)
    assert str(raised.value) == UNKNOWN_NO_MATCH.format(name="fizzbuzz", names=", ".join(NAMES))


def test_a_number_with_no_exercise_lists_the_exercises(known):
    with pytest.raises(UsageError) as raised:
        resolve(["7"], known)
    assert str(raised.value) == UNKNOWN_NO_MATCH.format(name="7", names=", ".join(NAMES))


def test_an_unknown_name_after_known_ones_is_still_an_error(known):
    with pytest.raises(UsageError, match="fizzbuzz"):
        resolve(["1", "fizzbuzz"], known)


def test_with_no_exercises_at_all_the_error_says_so(tmp_path):
    with pytest.raises(UsageError) as raised:
        resolve(["exercise1"], exercises(tmp_path))
    assert str(raised.value) == UNKNOWN_NO_MATCH.format(name="exercise1", names="(none)")


# ---------------------------------------------------------------- courses of other shapes, and commands

COMMANDS = {"list": "list each exercise"}


def test_a_pattern_makes_any_python_file_an_exercise_but_files_starting_with_an_underscore(checks_dir):
    (checks_dir / "_helpers.py").write_text("")
    assert names(exercises(checks_dir, "*.py")) == ["common", *NAMES]


def test_a_check_file_named_like_a_command_is_a_usage_error_naming_both(checks_dir):
    (checks_dir / "list.py").write_text("")
    with pytest.raises(UsageError) as raised:
        exercises(checks_dir, "*.py", COMMANDS)
    message = RESERVED.format(path=checks_dir / "list.py", name="list", means="list each exercise")
    assert raised.value.format_message() == message
    assert raised.value.exit_code == EXIT_USAGE


def test_a_check_file_named_all_is_a_usage_error_since_grade_all_grades_every_exercise(checks_dir):
    (checks_dir / "all.py").write_text("")
    with pytest.raises(UsageError) as raised:
        exercises(checks_dir, "*.py")
    assert str(raised.value) == RESERVED.format(path=checks_dir / "all.py", name="all", means=ALL_MEANS)


def test_a_command_named_among_exercises_is_a_usage_error_saying_it_is_a_command(known):
    with pytest.raises(UsageError) as raised:
        resolve(["3", "list"], known, COMMANDS)
    assert str(raised.value) == A_COMMAND.format(name="list")


def test_a_misspelt_command_is_a_usage_error_suggesting_the_command(known):
    with pytest.raises(UsageError) as raised:
        resolve(["lsit"], known, COMMANDS)
    assert str(raised.value) == UNKNOWN_LIKE_COMMAND.format(name="lsit", suggestion="list")


def test_a_word_like_no_exercise_and_no_command_still_lists_the_exercises(known):
    with pytest.raises(UsageError) as raised:
        resolve(["batch"], known, COMMANDS)
    assert str(raised.value) == UNKNOWN_NO_MATCH.format(name="batch", names=", ".join(NAMES))
