"""Courses outside the package: found from ``--checks DIR`` or a ``[tool.grader]`` table, and graded
through ``grade``'s own ``main(argv)``, in-process."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from conftest import ROOT

from grader import session
from grader.catalog import A_COMMAND, RESERVED
from grader.cli import main
from grader.commands import summaries
from grader.course import (
    BAD_PATTERN,
    BUILT_IN,
    CANNOT_READ,
    FROM_CONFIG,
    FROM_OPTION,
    NO_CHECKS_FOLDER,
    NO_EXERCISES,
    NOT_A_STRING,
    NOT_A_TABLE,
    UNKNOWN_SETTING,
    UNKNOWN_SETTING_NO_MATCH,
    Course,
    find_course,
)
from grader.run import NOT_WRITTEN
from grader.usage import EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, UsageError

MANUAL = ROOT / "INSTRUCTOR.md"
# The manual's course files: a ```python or ```toml block whose first line is "# course: PATH".
COURSE_FILE = re.compile(r"^```(?:python|toml)\n(# course: (\S+)\n.*?)^```$", re.DOTALL | re.MULTILINE)

CHECKS = '''\
"""Say hello"""

from grader import check, expect_output


@check(points=2)
def test_says_hello(student, run):
    """main() prints hello"""
    expect_output(run(student.main), ["hello"], help="print hello.")


@check(points=1, hidden=True)
def test_says_nothing_else(student, run):
    """main() prints nothing but hello"""
    assert run(student.main).texts == ["hello"], "SECRET: it printed more"
'''
STUB = '''\
"""Exercise 1: write ``async def main()`` that prints hello."""


async def main() -> None:
    raise NotImplementedError
'''
SOLUTION = """\
async def main() -> None:
    print("hello")
"""


@pytest.fixture
def course(tmp_path: Path, monkeypatch) -> Path:
    """A course of one exercise, in its own folder outside the package, with no pyproject.toml yet."""
    folder = tmp_path / "hello-course"
    for part, text in [("checks", CHECKS), ("exercises", STUB), ("solutions", SOLUTION)]:
        (folder / part).mkdir(parents=True)
        (folder / part / "exercise1.py").write_text(text)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


@pytest.fixture
def in_process(monkeypatch):
    """Grade without the worker process; pytest's own output is kept off the CLI's stdout."""
    real_grade = session.grade

    def grade_in_process(exercises, settings):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return real_grade(exercises, settings)

    monkeypatch.setattr(session, "grade", grade_in_process)


def configure(folder: Path, table: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f'[project]\nname = "hello-course"\n\n[tool.grader]\n{table}\n')
    return path


def raised(*arguments, **keywords) -> str:
    with pytest.raises(UsageError) as error:
        find_course(*arguments, **keywords)
    assert error.value.exit_code == EXIT_USAGE
    return error.value.format_message()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- finding the course


def test_with_no_grader_table_above_the_current_directory_the_course_is_the_built_in_one(tmp_path):
    assert find_course(start=tmp_path) == BUILT_IN


def test_the_kits_own_pyproject_has_no_grader_table_so_its_root_grades_the_built_in_course():
    assert find_course(start=ROOT) == BUILT_IN


def test_checks_given_on_the_command_line_make_a_course_of_that_folder(course):
    found = find_course("checks")
    assert found == Course("hello-course", Path("checks"))
    assert [exercise.name for exercise in found.catalog()] == ["exercise1"]


def test_a_grader_table_is_found_from_a_subfolder_and_its_folders_are_relative_to_its_pyproject(course):
    configure(course, 'name = "Hello"')
    (course / "exercises" / "deeper").mkdir()
    found = find_course(start=course / "exercises" / "deeper")
    assert found == Course("Hello", course / "checks", course / "exercises", course / "solutions")


def test_every_setting_of_the_grader_table_can_be_changed(course):
    (course / "tests").mkdir()
    (course / "checks").rename(course / "tests" / "graded")
    configure(course, 'checks = "tests/graded"\nexercises = "src"\nsolutions = "answers"\npattern = "*.py"')
    found = find_course(start=course)
    assert found == Course("hello-course", course / "tests" / "graded", course / "src", course / "answers", "*.py")


def test_a_nearer_pyproject_without_a_grader_table_is_passed_over(course):
    configure(course, "")
    (course / "exercises" / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    assert find_course(start=course / "exercises").checks == course / "checks"


def test_checks_given_on_the_command_line_win_over_a_grader_table(course, tmp_path):
    configure(course, 'checks = "nowhere"')
    assert find_course("checks", start=course).checks == Path("checks")


def test_a_checks_folder_that_does_not_exist_is_a_usage_error_saying_where_the_grader_looked(course):
    absolute = (course / "chekcs").resolve()
    assert raised("chekcs") == NO_CHECKS_FOLDER.format(given="chekcs", absolute=absolute, source=FROM_OPTION)


def test_a_grader_table_naming_a_missing_checks_folder_is_a_usage_error_naming_the_pyproject(course):
    path = configure(course, 'checks = "tests"')
    message = raised(start=course)
    source = FROM_CONFIG.format(path=path)
    assert message == NO_CHECKS_FOLDER.format(given="tests", absolute=(course / "tests").resolve(), source=source)


def test_a_course_without_exercises_is_a_usage_error_rather_than_nothing_graded_and_a_pass(capsys, course):
    (course / "checks" / "exercise1.py").rename(course / "checks" / "first.py")
    message = NO_EXERCISES.format(name="hello-course", checks=Path("checks"), pattern="exercise*.py")
    for argv in (["--checks", "checks"], ["list", "--checks", "checks"]):
        assert run(capsys, *argv) == (EXIT_USAGE, "", f"grade: error: {message}\n")


def test_a_misspelt_setting_is_a_usage_error_suggesting_the_right_one(course):
    path = configure(course, 'check = "checks"')
    assert raised(start=course) == UNKNOWN_SETTING.format(path=path, key="check", suggestion="checks")


def test_an_unknown_setting_like_no_other_lists_the_settings(course):
    path = configure(course, 'colour = "red"')
    message = raised(start=course)
    assert message == UNKNOWN_SETTING_NO_MATCH.format(
        path=path, key="colour", keys="checks, exercises, solutions, pattern, name"
    )


def test_a_setting_that_is_not_a_string_is_a_usage_error(course):
    path = configure(course, "checks = 3")
    assert raised(start=course) == NOT_A_STRING.format(path=path, key="checks", value=3)


def test_a_grader_setting_that_is_not_a_table_is_a_usage_error(course):
    path = course / "pyproject.toml"
    path.write_text('[tool]\ngrader = "checks"\n')
    assert raised(start=course) == NOT_A_TABLE.format(path=path, value="checks")


@pytest.mark.parametrize("pattern", ["exercise*", "checks/*.py", "*.txt"])
def test_a_pattern_that_does_not_match_python_files_in_the_checks_folder_is_a_usage_error(course, pattern):
    path = configure(course, f'pattern = "{pattern}"')
    assert raised(start=course) == BAD_PATTERN.format(path=path, example="exercise*.py", value=pattern)


def test_a_pyproject_that_is_not_toml_is_a_usage_error_naming_it(course):
    path = course / "pyproject.toml"
    path.write_text("[tool.grader\n")
    message = raised(start=course)
    assert message.startswith(CANNOT_READ.format(path=path, reason=""))


# ---------------------------------------------------------------- grading it


@pytest.mark.usefixtures("in_process")
def test_grade_checks_dir_grades_the_courses_checks_against_the_students_stub(capsys, course):
    code, out, err = run(capsys, "--checks", "checks", "1")
    assert code == EXIT_FAILED
    assert out.startswith("exercise1: Say hello  (0/3)\n  FAIL  main() prints hello  (0/2)\n")
    assert out.endswith("Score: 0/3\n")
    assert "SECRET" not in out


@pytest.mark.usefixtures("in_process")
def test_the_courses_solution_gets_full_marks(capsys, course):
    code, out, err = run(capsys, "1", "--checks", "checks", "--from", "solutions")
    assert (code, err) == (EXIT_PASSED, "")
    assert out == (
        "exercise1: Say hello  (3/3)\n"
        "  PASS  main() prints hello  (2/2)\n"
        "  PASS  main() prints nothing but hello  (1/1)\n"
        "\n"
        "Score: 3/3\n"
    )


@pytest.mark.usefixtures("in_process")
def test_a_grader_table_makes_plain_grade_grade_the_course_from_any_of_its_subfolders(capsys, course, monkeypatch):
    configure(course, 'name = "Hello"')
    monkeypatch.chdir(course / "solutions")
    code, out, err = run(capsys)
    assert code == EXIT_FAILED  # the course's exercises folder, not the current one, holds the student's files
    assert out.startswith("exercise1: Say hello  (0/3)\n")
    assert run(capsys, "all", "--from", ".")[0] == EXIT_PASSED


def test_grade_list_lists_the_course_of_the_grader_table(capsys, course):
    configure(course, 'name = "Hello"')
    code, out, err = run(capsys, "list")
    assert code == EXIT_PASSED
    assert out == (
        "exercise1   Say hello   3 points   still a stub: main()\n"
        "1 exercise in the Hello course, 3 points in all; your files are in exercises\n"
    )


@pytest.mark.parametrize("argv", [["list"], ["1"], ["list", "--from", "solutions"]])
def test_a_course_with_an_exercise_named_like_a_command_is_a_usage_error_naming_both(capsys, course, argv):
    configure(course, 'pattern = "*.py"')
    (course / "checks" / "list.py").write_text(CHECKS)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    reserved = RESERVED.format(path=course / "checks" / "list.py", name="list", means=summaries()["list"])
    assert err == f"grade: error: {reserved}\n"


def test_a_command_given_among_exercises_is_a_usage_error_saying_it_is_a_command(capsys, course):
    code, out, err = run(capsys, "--checks", "checks", "1", "list")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"grade: error: {A_COMMAND.format(name='list')}\n"


# ---------------------------------------------------------------- the manual's course, made from scratch


def manual_section() -> str:
    return MANUAL.read_text(encoding="utf-8").split("\n## A course of your own\n", 1)[1].split("\n## ", 1)[0]


@pytest.fixture
def greetings(tmp_path: Path, monkeypatch) -> Path:
    """The course INSTRUCTOR.md makes from scratch, built from its blocks, byte for byte."""
    folder = tmp_path / "greetings"
    for match in COURSE_FILE.finditer(manual_section()):
        path = folder / match.group(2)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(match.group(1))
    monkeypatch.chdir(folder)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return folder


def test_the_manuals_course_is_a_pyproject_and_one_check_stub_and_solution(greetings):
    files = sorted(path.relative_to(greetings).as_posix() for path in greetings.rglob("*") if path.is_file())
    assert files == ["checks/exercise1.py", "exercises/exercise1.py", "pyproject.toml", "solutions/exercise1.py"]


def test_the_manuals_course_lists_as_the_manual_shows(capsys, greetings):
    code, out, err = run(capsys, "list")
    assert code == EXIT_PASSED
    assert f"```\n{out}```" in manual_section()


@pytest.mark.usefixtures("in_process")
def test_the_manuals_course_grades_its_stub_0_and_its_solution_full_marks(capsys, greetings):
    code, out, err = run(capsys, "1")
    assert code == EXIT_FAILED
    assert NOT_WRITTEN.format(call="greet('Ada')") in out
    assert out.endswith("Score: 0/3\n")
    code, out, err = run(capsys, "1", "--from", "solutions")
    assert (code, out.splitlines()[-1]) == (EXIT_PASSED, "Score: 3/3")


@pytest.mark.usefixtures("in_process")
def test_checks_given_on_the_command_line_grade_the_exercises_folder_of_the_current_directory(capsys, greetings):
    (greetings / "pyproject.toml").unlink()
    assert run(capsys, "--checks", str(greetings / "checks"), "1", "--from", "solutions")[0] == EXIT_PASSED
