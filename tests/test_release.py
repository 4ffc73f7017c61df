"""``grade release OUT``: a student's copy of a course, with the public checks only, no solution,
and a GitHub Classroom workflow; run through ``grade``'s own ``main(argv)``, in-process, and once
end to end in a fresh virtual environment."""

from __future__ import annotations

import ast
import base64
import json
import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from grader import release, release_files
from grader.cli import main
from grader.outline import stubs
from grader.public_checks import CannotStrip, strip_hidden
from grader.usage import EXIT_FAILED, EXIT_PASSED, EXIT_USAGE
from grader.withheld import MANIFEST

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MIXED = '''\
"""Say hello"""

import pytest

from grader import check, expect_no_blocking, expect_output

HELLO = "print hello."
# Why the hidden check exists: it catches a secret mistake.
SECRET_HINT = "SECRET_HINT: wait with `await asyncio.sleep(0)`, not time.sleep."


def _secret_helper(student):
    return student.main


@pytest.fixture
def secret_fixture():
    return "SECRET_FIXTURE"


@check(points=2)
def test_says_hello(student, run):
    """main() prints hello"""
    expect_output(run(student.main), ["hello"], help=HELLO)


@check(points=3, hidden=True)
def test_secret_does_not_block(student, run, secret_fixture):
    """SECRET_TITLE main() waits without blocking"""
    expect_no_blocking(run(_secret_helper(student)), help=SECRET_HINT)


@check(points=1, hidden=True)
def test_secret_prints_once(student, run):
    """SECRET_TITLE2 main() prints hello once"""
    assert run(student.main).texts == ["hello"], "SECRET_MESSAGE: it printed more"
'''
PUBLIC = '''\
"""Say goodbye"""

from grader import check, expect_output


@check(points=1)
def test_says_goodbye(student, run):
    """main() prints goodbye"""
    expect_output(run(student.main), ["goodbye"], help="print goodbye.")
'''
STUB = '''\
"""Exercise: write ``async def main()``."""


async def main() -> None:
    raise NotImplementedError
'''
SOLUTIONS = {
    "exercise1": 'async def main() -> None:\n    print("hello")  # REFERENCE_ANSWER\n',
    "exercise2": 'async def main() -> None:\n    print("goodbye")  # REFERENCE_ANSWER\n',
}
COURSE_TABLE = '[tool.grader]\nname = "Greetings"\n'
ONLY_HIDDEN = '''\
"""Nothing to see"""

from grader import check


@check(points=1, hidden=True)
def test_secret(student):
    """SECRET"""
'''


@pytest.fixture
def course(tmp_path: Path, monkeypatch) -> Path:
    """A course of two exercises, the first mixing public and hidden checks; the current directory."""
    folder = tmp_path / "greetings"
    for name, checks in [("exercise1", MIXED), ("exercise2", PUBLIC)]:
        for part, text in [("checks", checks), ("exercises", STUB), ("solutions", SOLUTIONS[name])]:
            (folder / part).mkdir(parents=True, exist_ok=True)
            (folder / part / f"{name}.py").write_text(text)
    (folder / "pyproject.toml").write_text(COURSE_TABLE)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    return folder


def released(out: Path, *options: str) -> int:
    return main(["release", str(out), *options])


def every_text(folder: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in folder.rglob("*") if path.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if "release" in path.name or "-old-" in path.name)


# ---------------------------------------------------------------- what OUT holds


def test_a_release_holds_the_stubs_the_public_checks_a_readme_a_workflow_and_an_installable_pyproject(course, capsys):
    out = course.parent / "student"
    assert released(out) == EXIT_PASSED
    assert "Released 2 exercises of the Greetings course" in capsys.readouterr().out
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if "grader/" not in p.as_posix()) == [
        ".github",
        ".github/workflows",
        ".github/workflows/classroom.yml",
        ".gitignore",
        "README.md",
        "checks",
        "checks/exercise1.py",
        "checks/exercise2.py",
        f"checks/{MANIFEST}",
        "exercises",
        "exercises/exercise1.py",
        "exercises/exercise2.py",
        "grader",
        "pyproject.toml",
    ]
    assert (out / "exercises" / "exercise1.py").read_text() == STUB
    assert (out / "grader" / "cli.py").read_text() == (ROOT / "grader" / "cli.py").read_text()
    project = tomllib.loads((out / "pyproject.toml").read_text())
    assert project["project"]["scripts"] == {"grade": "grader.__main__:main"}
    assert project["tool"]["grader"] == {
        "name": "Greetings",
        "checks": "checks",
        "exercises": "exercises",
        "pattern": "exercise*.py",
    }


def test_no_solution_and_nothing_of_a_hidden_check_but_its_count_and_points_is_released(course):
    out = course.parent / "student"
    released(out)
    texts = every_text(out)
    assert not (out / "solutions").exists()
    assert not [path for path, text in texts.items() if "secret" in text.lower() or "REFERENCE_ANSWER" in text]
    public = (out / "checks" / "exercise1.py").read_text()
    assert "test_says_hello" in public and "HELLO" in public and "expect_no_blocking" not in public
    assert json.loads((out / "checks" / MANIFEST).read_text()) == {
        "version": 1,
        "exercises": {"exercise1": {"checks": 2, "points": 4.0}},
    }


def test_the_students_grade_says_how_many_hidden_checks_there_are_and_their_points_never_what_they_test(course, capsys):
    out = course.parent / "student"
    released(out)
    capsys.readouterr()
    shutil.copy(course / "solutions" / "exercise1.py", out / "exercises" / "exercise1.py")
    os.chdir(out)
    assert main(["all", "--color", "never"]) == EXIT_FAILED  # exercise2 is still a stub
    shown = capsys.readouterr().out
    assert "exercise1: Say hello  (2/2)\n  PASS  main() prints hello  (2/2)\n" in shown
    assert "  2 hidden checks, 4 points, are graded by your instructor\n" in shown
    assert "secret" not in shown.lower()
    assert "Score: 2/3" in shown


def test_the_masters_grade_shows_no_withheld_line_and_grades_every_check(course, capsys):
    assert main(["1", "--from", "solutions", "--color", "never"]) == EXIT_PASSED
    shown = capsys.readouterr().out
    assert "hidden checks" not in shown and "Score: 6/6" in shown


def test_a_module_without_hidden_checks_is_released_byte_for_byte(course):
    out = course.parent / "student"
    released(out)
    assert (out / "checks" / "exercise2.py").read_text() == PUBLIC
    assert not (out / "grader" / "checks" / "exercise1.py").exists()  # the built-in course stays out


def test_exercises_takes_ranges_lists_and_names_and_releases_only_those(course, capsys):
    for name in ["exercise3", "exercise4"]:
        (course / "checks" / f"{name}.py").write_text(PUBLIC)
        (course / "exercises" / f"{name}.py").write_text(STUB)
    out = course.parent / "student"
    assert released(out, "--exercises", "1,3-4") == EXIT_PASSED
    assert sorted(path.name for path in (out / "exercises").iterdir()) == [
        "exercise1.py",
        "exercise3.py",
        "exercise4.py",
    ]
    assert sorted(path.name for path in (out / "checks").glob("exercise*.py")) == [
        "exercise1.py",
        "exercise3.py",
        "exercise4.py",
    ]
    assert "`exercise1`, `exercise3`, `exercise4`" in (out / "README.md").read_text()


def test_force_replaces_what_out_held_but_keeps_its_git_folder(course):
    out = course.parent / "student"
    released(out)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / "stale.py").write_text("old\n")
    assert released(out, "--exercises", "2", "--force") == EXIT_PASSED
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert not (out / "stale.py").exists() and not (out / "exercises" / "exercise1.py").exists()
    assert not (out / "checks" / MANIFEST).exists()  # no hidden check in what was released
    assert leftovers(course.parent) == []


def test_an_empty_out_is_written_without_force(course):
    out = course.parent / "student"
    out.mkdir()
    assert released(out) == EXIT_PASSED
    assert (out / "pyproject.toml").is_file()


# ---------------------------------------------------------------- removing hidden checks from a module


def test_stripping_keeps_the_public_code_as_written_and_drops_what_only_hidden_checks_used():
    stripped = strip_hidden(MIXED)
    assert (stripped.public, stripped.hidden) == (
        ["test_says_hello"],
        ["test_secret_does_not_block", "test_secret_prints_once"],
    )
    assert stripped.source == textwrap.dedent('''\
        """Say hello"""

        from grader import check, expect_output

        HELLO = "print hello."


        @check(points=2)
        def test_says_hello(student, run):
            """main() prints hello"""
            expect_output(run(student.main), ["hello"], help=HELLO)
        ''')


def test_stripping_drops_a_class_of_hidden_checks_but_keeps_an_autouse_fixture_and_shared_helpers():
    source = textwrap.dedent("""\
        import pytest

        from grader import check

        SHARED = 1


        @pytest.fixture(autouse=True)
        def always():
            return SHARED


        @check(points=1)
        def test_public(student):
            assert SHARED


        class TestHidden:
            @check(points=2, hidden=True)
            def test_secret(self, always):
                assert SHARED
        """)
    stripped = strip_hidden(source)
    assert "class TestHidden" not in stripped.source and "test_secret" not in stripped.source
    assert "def always" in stripped.source and "import pytest" in stripped.source
    assert stripped.source.endswith("def test_public(student):\n    assert SHARED\n")


# ---------------------------------------------------------------- bad input: exit 2, nothing written


def refused(capsys, out: Path, *options: str) -> str:
    assert released(out, *options) == EXIT_USAGE
    assert not out.exists() or not any(out.iterdir())
    assert leftovers(out.parent) == []
    return capsys.readouterr().err


def test_a_check_module_with_a_syntax_error_is_refused_with_its_line(course, capsys):
    (course / "checks" / "exercise2.py").write_text("def broken(:\n")
    error = refused(capsys, course.parent / "student")
    assert error.startswith("grade: error: cannot release exercise2: ") and "line 1" in error


def test_an_exercise_whose_checks_are_all_hidden_is_refused(course, capsys):
    (course / "checks" / "exercise2.py").write_text(ONLY_HIDDEN)
    error = refused(capsys, course.parent / "student")
    assert "cannot release exercise2: every check in" in error and "is hidden" in error


def test_a_hidden_mark_that_is_not_a_literal_is_refused_rather_than_guessed(course, capsys):
    (course / "checks" / "exercise2.py").write_text(PUBLIC.replace("points=1)", "points=1, hidden=HIDE)"))
    assert "is not True or False" in refused(capsys, course.parent / "student")


@pytest.mark.parametrize(
    "marked",
    [
        "@check(points=2, hidden=True)\nclass TestSecret:\n    def test_secret(self):\n        assert True\n",
        "pytestmark = check(hidden=True)\n\ndef test_secret():\n    assert True\n",
        "H = {'hidden': True}\n\n@check(2, **H)\ndef test_secret():\n    assert True\n",
        "secret = check(3, hidden=True)\n\n@secret\ndef test_secret():\n    assert True\n",
    ],
    ids=["on a class", "in pytestmark", "with **", "under another name"],
)
def test_a_mark_pytest_would_find_elsewhere_than_on_the_check_itself_is_refused(marked):
    source = "from grader import check\n\n\n" + marked

    with pytest.raises(CannotStrip, match="check\\(...\\) is used other than as a check's own decorator"):
        strip_hidden(source)


def test_a_public_line_that_still_names_a_hidden_check_is_refused(course, capsys):
    mentions = MIXED.replace('HELLO = "print hello."', 'HELLO = "print hello."  # see test_secret_prints_once')
    (course / "checks" / "exercise1.py").write_text(mentions)
    assert "still mentions the hidden check 'test_secret_prints_once'" in refused(capsys, course.parent / "student")


@pytest.mark.parametrize("inside", [".", "release", "checks/student"])
def test_an_out_inside_the_master_or_holding_it_is_refused(course, capsys, inside):
    error = refused(capsys, course / inside) if inside != "." else refused_holding(capsys, course)
    assert "the course's own" in error


def refused_holding(capsys, course: Path) -> str:
    assert released(course.parent, "--force") == EXIT_USAGE
    assert (course / "solutions" / "exercise1.py").is_file()
    return capsys.readouterr().err


def test_an_unknown_exercise_or_a_backward_range_is_refused(course, capsys):
    assert "grade: error: --exercises: no exercise '7'" in refused(
        capsys, course.parent / "student", "--exercises", "1,7"
    )
    assert release.BAD_RANGE.format(given="2-1") in refused(capsys, course.parent / "student", "--exercises", "2-1")


def test_a_non_empty_out_is_refused_without_force(course, capsys):
    out = course.parent / "student"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n")
    assert released(out) == EXIT_USAGE
    assert "give --force" in capsys.readouterr().err
    assert [path.name for path in out.iterdir()] == ["notes.txt"]


def test_a_stub_identical_to_its_solution_is_refused(course, capsys):
    shutil.copy(course / "solutions" / "exercise2.py", course / "exercises" / "exercise2.py")
    assert "is the same as the solution" in refused(capsys, course.parent / "student")


# ---------------------------------------------------------------- the workflow


def test_the_workflows_step_id_runners_and_results_variable_agree_and_keep_classrooms_settings():
    workflow = yaml.safe_load(release_files.WORKFLOW)
    assert workflow["name"] == "Autograding Tests"
    assert workflow["on"] == ["push", "workflow_dispatch", "repository_dispatch"]
    assert workflow["permissions"] == {"checks": "write", "actions": "read", "contents": "read"}
    (job_id, job), *others = workflow["jobs"].items()
    assert (job_id, others) == ("run-autograding-tests", [])
    assert job["if"] == "github.actor != 'github-classroom[bot]'"
    steps = job["steps"]
    grading = next(step for step in steps if "grade all --format classroom" in step.get("run", ""))
    reporter = next(step for step in steps if step.get("uses") == "classroom-resources/autograding-grading-reporter@v1")
    step_id = grading["id"]
    assert step_id.isalnum()  # the reporter refuses other runner ids
    assert grading["continue-on-error"] is True  # the reporter still runs, and fails the job itself
    assert reporter["with"] == {"runners": step_id}
    assert reporter["env"] == {f"{step_id.upper()}_RESULTS": f"${{{{ steps.{step_id}.outputs.result }}}}"}
    assert steps.index(grading) < steps.index(reporter) and "if" not in reporter
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert any(step.get("run") == "pip install ." for step in steps)
    assert steps[0]["uses"].startswith("actions/checkout@")


def test_the_released_pyproject_has_the_kits_own_dependencies():
    kit = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert release.dependencies() == kit


# ---------------------------------------------------------------- the built-in course, in a fresh environment


def solution_bodies() -> list[str]:
    """The body of every solution function that the stub leaves to the student."""
    bodies = []
    for solution in sorted((ROOT / "solutions").glob("exercise*.py")):
        left = set(stubs(ast.parse((ROOT / "exercises" / solution.name).read_text())))
        source = solution.read_text()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in left:
                lines = source.splitlines()[node.body[0].lineno - 1 : node.body[-1].end_lineno]
                bodies.append(textwrap.dedent("\n".join(lines)))
    return bodies


@pytest.fixture(scope="module")
def built_in(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built-in") / "student"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["release", str(out)]) == EXIT_PASSED
    finally:
        os.chdir(cwd)
    return out


def test_no_solution_body_of_the_built_in_course_appears_anywhere_in_its_release(built_in):
    bodies = solution_bodies()
    assert len(bodies) >= 10
    texts = every_text(built_in)
    assert not [(path, body) for body in bodies for path, text in texts.items() if body in text]
    assert not (built_in / "solutions").exists()
    assert not list(built_in.rglob(MANIFEST))  # the built-in course has no hidden check


@pytest.fixture(scope="module")
def student_env(built_in, tmp_path_factory) -> Path:
    """A fresh virtual environment with the release installed from its folder, as a student would."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    try:
        venv.EnvBuilder(with_pip=True).create(folder)
    except Exception as error:  # no ensurepip on this Python, say
        pytest.skip(f"cannot create a virtual environment with pip here: {error}")
    python = folder / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(built_in)],
        check=True,
        env=clean_env(),
        timeout=600,
    )
    return folder


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would let the kit's own source be imported."""
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "GITHUB_OUTPUT", "VIRTUAL_ENV"}}
    return {**env, "NO_COLOR": "1", **extra}


def graded_in(student_env: Path, folder: Path, tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess:
    output = tmp_path / "github_output"
    return subprocess.run(
        [student_env / "bin" / "grade", *arguments],
        cwd=folder,
        env=clean_env(GITHUB_OUTPUT=str(output)),
        capture_output=True,
        text=True,
        timeout=300,
    )


def classroom_result(student_env: Path, folder: Path, tmp_path: Path) -> tuple[dict, str]:
    shown = graded_in(student_env, folder, tmp_path, "all", "--format", "classroom")
    lines = (tmp_path / "github_output").read_text().splitlines()
    assert len(lines) == 1 and lines[0].startswith("result=")
    return json.loads(base64.b64decode(lines[0].removeprefix("result="))), shown.stdout


def reporters_points(payload: dict) -> tuple[float, float]:
    """What Classroom's reporter records: the sum of every test's score, out of max_score."""
    return sum(test["score"] for test in payload["tests"]), payload["max_score"]


def test_in_a_fresh_environment_the_solutions_get_every_public_point_from_classrooms_reporter(
    built_in, student_env, tmp_path
):
    folder = tmp_path / "repository"
    shutil.copytree(built_in, folder)
    for solution in (ROOT / "solutions").glob("exercise*.py"):
        shutil.copy(solution, folder / "exercises" / solution.name)
    payload, log = classroom_result(student_env, folder, tmp_path)
    assert payload["status"] == "pass"
    assert reporters_points(payload) == (100, 100)
    assert "Score: 100/100" in log and "result=" not in log  # the job log gets the text report
    (tmp_path / "github_output").unlink()
    shown = graded_in(student_env, folder, tmp_path, "all", "--format", "json")
    assert json.loads(shown.stdout)["score"] == sum(test["score"] for test in payload["tests"])


def test_in_a_fresh_environment_the_stubs_get_no_point(built_in, student_env, tmp_path):
    folder = tmp_path / "repository"
    shutil.copytree(built_in, folder)
    payload, log = classroom_result(student_env, folder, tmp_path)
    assert payload["status"] == "fail"
    assert reporters_points(payload) == (0, 100)
    assert "Score: 0/100" in log
