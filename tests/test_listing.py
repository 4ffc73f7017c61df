"""``grade list`` reads check modules and student files with ``ast``: it never imports or runs them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from grader import outline
from grader.catalog import exercises
from grader.cli import main
from grader.listing import BROKEN_CHECKS, MISSING, STUB, SYNTAX_ERROR, WRITTEN, state
from grader.usage import EXIT_PASSED, EXIT_USAGE


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(source))
    return path


def stubs(source: str) -> list[str]:
    return outline.stubs(outline.ast.parse(textwrap.dedent(source)))


# ---------------------------------------------------------------- check modules


def test_a_check_modules_title_is_its_docstrings_first_line_and_its_points_the_sum_of_its_checks(tmp_path):
    path = write(
        tmp_path,
        "exercise1.py",
        '''
        """A countdown

        More about it.
        """
        from grader import check

        @check(points=2)
        def test_a(student): ...

        @check(points=0.5, hidden=True)
        def test_b(student): ...

        @check()
        def test_c(student): ...

        def helper(): ...
        ''',
    )
    assert outline.checks(path) == outline.Checks("A countdown", 3.5, "exercise1.py")


def test_a_test_without_check_counts_one_point_as_the_grader_scores_it(tmp_path):
    path = write(tmp_path, "exercise1.py", "def test_a(): ...\nclass TestMore:\n    def test_b(self): ...\n")
    assert outline.checks(path).points == 2


def test_a_check_module_without_a_docstring_is_titled_by_its_exercise(tmp_path):
    assert outline.checks(write(tmp_path, "exercise7.py", "x = 1\n")).title == "exercise7"


def test_exercise_in_a_check_module_names_the_student_file_it_grades(tmp_path):
    path = write(tmp_path, "exercise7.py", 'EXERCISE = "countdown"\n')
    assert (outline.checks(path).title, outline.checks(path).student_file) == ("countdown", "countdown.py")


def test_points_that_are_not_a_plain_number_are_unknown(tmp_path):
    path = write(tmp_path, "exercise1.py", "POINTS = 2\n@check(points=POINTS)\ndef test_a(): ...\n")
    assert outline.checks(path).points is None


def test_a_check_module_is_read_without_being_run(tmp_path):
    source = '"""Never run"""\nraise SystemExit("ran")\n@check(points=2)\ndef test_a(): ...\n'
    path = write(tmp_path, "exercise1.py", source)
    assert outline.checks(path) == outline.Checks("Never run", 2, "exercise1.py")


def test_the_built_in_courses_titles_and_points_read_with_ast_are_the_ones_the_checks_declare():
    read = {exercise.name: outline.checks(exercise.checks) for exercise in exercises()}
    assert read["exercise1"] == outline.Checks("Your first coroutine", 10, "exercise1.py")
    assert {checks.points for checks in read.values()} == {10}


# ---------------------------------------------------------------- student files


@pytest.mark.parametrize(
    "body",
    ["raise NotImplementedError", "raise NotImplementedError()", 'raise NotImplementedError("write me")'],
)
def test_a_function_that_only_raises_not_implemented_error_is_a_stub(body):
    assert stubs(f"async def main():\n    # TODO\n    {body}\n") == ["main"]


def test_a_docstring_before_the_raise_still_leaves_a_stub():
    assert stubs('def main():\n    """Print hello."""\n    raise NotImplementedError\n') == ["main"]


@pytest.mark.parametrize(
    "body",
    ["print('hello')", "pass", "raise ValueError", "print(1)\n    raise NotImplementedError", '"""A docstring."""'],
)
def test_a_function_that_does_anything_else_is_written(body):
    assert stubs(f"def main():\n    {body}\n") == []


def test_stubs_are_listed_in_file_order_with_methods_of_classes():
    source = """
        def given(): return 1
        async def say_after(): raise NotImplementedError
        class Pool:
            def run(self): raise NotImplementedError
        async def main(): raise NotImplementedError
    """
    assert stubs(source) == ["say_after", "main", "run"]


def test_the_state_of_a_student_file(tmp_path):
    write(tmp_path, "stub.py", "async def a(): raise NotImplementedError\nasync def b(): raise NotImplementedError\n")
    write(tmp_path, "done.py", "async def main():\n    print('hello')\n")
    write(tmp_path, "broken.py", "async def main(:\n")
    write(tmp_path, "loops.py", "while True: pass\n")
    assert state(tmp_path / "stub.py") == STUB.format(functions="a(), b()")
    assert state(tmp_path / "done.py") == WRITTEN
    assert state(tmp_path / "broken.py") == SYNTAX_ERROR.format(line=1)
    assert state(tmp_path / "loops.py") == WRITTEN  # never run, so it cannot hang the list
    assert state(tmp_path / "absent.py") == MISSING


def test_a_file_with_a_null_byte_is_a_syntax_error_not_a_crash(tmp_path):
    (tmp_path / "nul.py").write_bytes(b"x = 1\x00\n")
    assert state(tmp_path / "nul.py").startswith("syntax error")


# ---------------------------------------------------------------- grade list


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.usefixtures("at_root")
def test_grade_list_shows_every_exercise_with_its_title_its_points_and_the_stub_it_still_is(capsys):
    assert main(["list"]) == EXIT_PASSED
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(exercises()) + 1
    assert lines[0] == "exercise1    Your first coroutine                        10 points   still a stub: main()"
    assert lines[1].endswith("still a stub: say_after(), main()")
    assert lines[-1] == "10 exercises in the asyncio course, 100 points in all; your files are in exercises"


@pytest.mark.usefixtures("at_root")
def test_grade_list_from_the_solutions_shows_every_file_written(capsys):
    main(["list", "--from", "solutions"])
    lines = capsys.readouterr().out.splitlines()
    assert all(line.endswith(f"   {WRITTEN}") for line in lines[:-1])


def test_grade_list_shows_missing_files_and_broken_check_modules(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checks").mkdir()
    (tmp_path / "exercises").mkdir()
    write(tmp_path / "checks", "exercise1.py", '"""First"""\ndef test_a(): ...\n')
    write(tmp_path / "checks", "exercise2.py", "def test_a(:\n")
    broken = BROKEN_CHECKS.format(line=1)
    assert main(["list", "--checks", "checks"]) == EXIT_PASSED
    assert capsys.readouterr().out == (
        f"exercise1   {'First'.ljust(len(broken))}   1 point    {MISSING}\n"
        f"exercise2   {broken}   ? points   {MISSING}\n"
        f"2 exercises in the {tmp_path.name} course, ? points in all; your files are in exercises\n"
    )


def test_grade_list_from_a_missing_folder_is_a_usage_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["list", "--from", "nowhere"]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("grade: error: no folder 'nowhere'")
