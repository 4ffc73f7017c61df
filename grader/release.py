"""``grade release OUT``: a student's copy of the course, ready to push as a template repository.

It holds the stubs, the grader with the public checks only, a pyproject.toml that installs
``grade``, a README for students and a GitHub Classroom workflow: no solution, and nothing of a
hidden check but how many there are and their points (``withheld.json``). Everything is written
to a temporary folder beside OUT and moved into place at the end, so a refused release leaves
nothing half-written.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__, outline, release_files, withheld
from .catalog import CHECKS_DIR, Exercise, resolve
from .command import Command, Context, Outcome
from .course import Course
from .public_checks import CannotStrip, strip_hidden
from .usage import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SUMMARY = "write a student's copy of the course to OUT: the stubs and the public checks, no solutions"
EXIT_STATUS = "Exit status: 0 written, 2 usage error (then nothing is written)."
PACKAGE = Path(__file__).resolve().parent
KIT = "asyncio-grader"
GIT = ".git"
SKIPPED_FILES = ("__pycache__", "*.pyc", ".*")
RANGE = re.compile(r"(\d+)-(\d+)")

RELEASED = (
    "Released {count} of the {course} course to {out}: {points:g} public points{withheld}.\n"
    "Push it as a template repository: see INSTRUCTOR.md, 'Running a course on GitHub Classroom'.\n"
)
WITHHELD = "; {checks} hidden {noun}, {points:g} points, left out (grade them from the master)"
NOT_EMPTY = "{out} is not empty: give --force to replace what it holds (its .git stays)"
CANNOT_WRITE = "cannot write the student's copy to {out}: {reason}"
NOT_A_FOLDER = "{out} is not a folder"
NO_PARENT = "cannot write to {out}: there is no folder {parent}"
INSIDE_MASTER = "{out} is inside the course's own repository ({root}): write the student's copy somewhere else"
HOLDS_MASTER = "{out} holds the course's own files ({root}): write the student's copy somewhere else"
BAD_CHECKS = "cannot release {exercise}: {path}, line {line}: {reason}"
UNSAFE_CHECKS = "cannot release {exercise}: {path}: {reason}"
NO_PUBLIC_CHECK = "cannot release {exercise}: every check in {path} is hidden, so students could check nothing"
NO_POINTS = "cannot release {exercise}: the points of the checks in {path} are not plain numbers"
NO_STUB = "cannot release {exercise}: there is no stub {path}"
STUB_IS_SOLUTION = "cannot release {exercise}: the stub {path} is the same as the solution {solution}"
BAD_RANGE = "--exercises: {given!r} is not a range from a lower number to a higher one"
UNKNOWN_EXERCISE = "--exercises: {error}"
EMPTY_ITEM = "--exercises: {given!r} has an empty item"
NO_DEPENDENCIES = "cannot tell the grader's dependencies: neither {pyproject} nor the installed {kit} names them"


@dataclass(frozen=True)
class Released:
    """One exercise as the student gets it."""

    exercise: Exercise
    checks: str  # the public check module's source
    stub: Path
    public_points: float
    left_out: withheld.Withheld | None  # its hidden checks


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="the folder to write the student's copy to")
    parser.add_argument(
        "--exercises",
        metavar="LIST",
        help="which exercises to release: 1-4, 1,3,5, exercise2, or a mix (default: all)",
    )
    parser.add_argument("--force", action="store_true", help="replace what a non-empty OUT holds (its .git stays)")


def run(context: Context) -> Outcome:
    course = context.course
    out = Path(context.options.out)
    _check_out(out, course, context.options.force)
    known = context.exercises()
    released = [_release(exercise, course) for exercise in chosen(context.options.exercises, known, context.commands)]
    try:
        with _staging(out) as staging:
            _write(staging, course, released, known)
            _move_into_place(staging, out)
    except OSError as error:
        raise UsageError(CANNOT_WRITE.format(out=out, reason=error)) from error
    return Outcome(_summary(released, course, out))


def chosen(given: str | None, known: list[Exercise], commands=()) -> list[Exercise]:
    """The exercises ``--exercises`` names (``1-4``, ``1,3,5``, ``exercise2``), in course order."""
    if given is None:
        return known
    names: list[str] = []
    for item in (part.strip() for part in given.split(",")):
        if not item:
            raise UsageError(EMPTY_ITEM.format(given=given))
        span = RANGE.fullmatch(item)
        if span:
            first, last = int(span[1]), int(span[2])
            if first > last:
                raise UsageError(BAD_RANGE.format(given=item))
            names += [str(number) for number in range(first, last + 1)]
        else:
            names.append(item)
    try:
        picked = resolve(names, known, commands)
    except UsageError as error:
        raise UsageError(UNKNOWN_EXERCISE.format(error=error)) from error
    return [exercise for exercise in known if exercise in picked]


def _release(exercise: Exercise, course: Course) -> Released:
    path = exercise.checks
    try:
        source = path.read_text(encoding="utf-8")
        stripped = strip_hidden(source)
        original = outline.checks(path)
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(UNSAFE_CHECKS.format(exercise=exercise.name, path=path, reason=error)) from error
    except SyntaxError as error:
        raise UsageError(
            BAD_CHECKS.format(exercise=exercise.name, path=path, line=error.lineno or "?", reason=error.msg)
        ) from error
    except CannotStrip as error:
        raise UsageError(UNSAFE_CHECKS.format(exercise=exercise.name, path=path, reason=error)) from error
    if not stripped.public:
        raise UsageError(NO_PUBLIC_CHECK.format(exercise=exercise.name, path=path))
    public_points = _points(stripped.source, exercise)
    hidden = None
    if stripped.hidden:
        if original.points is None:
            raise UsageError(NO_POINTS.format(exercise=exercise.name, path=path))
        hidden = withheld.Withheld(len(stripped.hidden), original.points - public_points)
    return Released(exercise, stripped.source, _stub(original.student_file, exercise, course), public_points, hidden)


def _points(source: str, exercise: Exercise) -> float:
    points = outline.points(ast.parse(source))
    if points is None:
        raise UsageError(NO_POINTS.format(exercise=exercise.name, path=exercise.checks))
    return points


def _stub(student_file: str, exercise: Exercise, course: Course) -> Path:
    stub = course.exercises / student_file
    if not stub.is_file():
        raise UsageError(NO_STUB.format(exercise=exercise.name, path=stub))
    solution = course.solutions / student_file
    if solution.is_file() and solution.read_bytes() == stub.read_bytes():
        raise UsageError(STUB_IS_SOLUTION.format(exercise=exercise.name, path=stub, solution=solution))
    return stub


# ---------------------------------------------------------------- where OUT may be


def _check_out(out: Path, course: Course, force: bool) -> None:
    target = out.resolve()
    if out.exists() and not out.is_dir():
        raise UsageError(NOT_A_FOLDER.format(out=out))
    if not target.parent.is_dir():
        raise UsageError(NO_PARENT.format(out=out, parent=target.parent))
    for root in _master_roots(course):
        if target == root or root in target.parents:
            raise UsageError(INSIDE_MASTER.format(out=out, root=root))
        if target in root.parents:  # --force would wipe the master
            raise UsageError(HOLDS_MASTER.format(out=out, root=root))
    if out.is_dir() and any(out.iterdir()) and not force:
        raise UsageError(NOT_EMPTY.format(out=out))


def _master_roots(course: Course) -> set[Path]:
    """The course's folders, and the project each is in (the nearest folder above it with a
    pyproject.toml or a .git): a student's copy written there would be pushed with the answers."""
    roots = set()
    for folder in (course.checks, course.exercises, course.solutions):
        folder = folder.resolve()
        roots.add(folder)
        project = next((above for above in (folder, *folder.parents) if _is_project(above)), None)
        if project is not None and project != Path(project.anchor):
            roots.add(project)
    return roots


def _is_project(folder: Path) -> bool:
    return (folder / "pyproject.toml").is_file() or (folder / GIT).exists()


@contextmanager
def _staging(out: Path) -> Iterator[Path]:
    parent = out.resolve().parent
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-release-", dir=parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staging: Path, out: Path) -> None:
    """``staging`` becomes ``out``; what ``out`` held goes, but its .git (a clone of the template)."""
    if out.is_dir() and not any(out.iterdir()):
        out.rmdir()
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.resolve().parent))
    previous = old / "out"
    try:
        out.rename(previous)
        try:
            staging.rename(out)
        except OSError:
            previous.rename(out)  # OUT as it was, rather than no OUT at all
            raise
        if (previous / GIT).exists():
            (previous / GIT).rename(out / GIT)
    finally:
        shutil.rmtree(old, ignore_errors=True)


# ---------------------------------------------------------------- what OUT holds


def _write(root: Path, course: Course, released: list[Released], known: list[Exercise]) -> None:
    built_in = course.checks.resolve() == CHECKS_DIR.resolve()
    checks = root / ("grader/checks" if built_in else "checks")
    shutil.copytree(PACKAGE, root / "grader", ignore=shutil.ignore_patterns(*SKIPPED_FILES, "checks"))
    _write_checks(checks, course, released, known)
    if not built_in:  # the released grader's own course stays empty: the course is in OUT/checks
        (root / "grader" / "checks").mkdir()
        (root / "grader" / "checks" / "__init__.py").write_text((CHECKS_DIR / "__init__.py").read_text())
    (root / "exercises").mkdir()
    for item in released:
        shutil.copyfile(item.stub, root / "exercises" / item.stub.name)
    _write_text(root / "pyproject.toml", _pyproject(course, built_in))
    names = ", ".join(f"`{item.exercise.name}`" for item in released)
    _write_text(root / "README.md", release_files.README.format(course=course.name, exercises=names))
    _write_text(root / ".github" / "workflows" / "classroom.yml", release_files.WORKFLOW)
    _write_text(root / ".gitignore", release_files.GITIGNORE)


def _write_checks(folder: Path, course: Course, released: list[Released], known: list[Exercise]) -> None:
    """The public check modules, the folder's other files (helpers), and the withheld manifest."""
    left_out = {exercise.checks.name for exercise in known} | {withheld.MANIFEST}
    shutil.copytree(course.checks, folder, ignore=shutil.ignore_patterns(*SKIPPED_FILES, *left_out))
    for item in released:
        _write_text(folder / item.exercise.checks.name, item.checks)
    hidden = {item.exercise.name: item.left_out for item in released if item.left_out is not None}
    if hidden:
        withheld.write(folder, hidden)


def _pyproject(course: Course, built_in: bool) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", course.name.lower()).strip("-") or "course"
    text = release_files.PYPROJECT.format(
        name=_toml(f"{slug}-exercises"),
        version=_toml(__version__),
        description=_toml(release_files.DESCRIPTION.format(course=course.name)),
        dependencies="\n".join(f"    {_toml(requirement)}," for requirement in dependencies()),
    )
    if built_in:
        return text
    return text + release_files.COURSE_TABLE.format(name=_toml(course.name), pattern=_toml(course.pattern))


def dependencies() -> list[str]:
    """The grader's own dependencies: from the kit's pyproject.toml beside the package, else from
    the installed kit's metadata (a ``grade`` installed without its source)."""
    pyproject = PACKAGE.parent / "pyproject.toml"
    if pyproject.is_file():
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == KIT:
            return list(project.get("dependencies", []))
    try:
        required = metadata.requires(KIT) or []
    except metadata.PackageNotFoundError as error:
        raise UsageError(NO_DEPENDENCIES.format(pyproject=pyproject, kit=KIT)) from error
    return [requirement for requirement in required if "extra ==" not in requirement]


def _toml(text: str) -> str:
    # A JSON string without non-ASCII escapes is a TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _summary(released: list[Released], course: Course, out: Path) -> str:
    hidden = [item.left_out for item in released if item.left_out is not None]
    count = sum(item.checks for item in hidden)
    note = (
        WITHHELD.format(checks=count, noun="check" if count == 1 else "checks", points=sum(i.points for i in hidden))
        if hidden
        else ""
    )
    exercises = f"{len(released)} exercise" + ("" if len(released) == 1 else "s")
    points = sum(item.public_points for item in released)
    return RELEASED.format(count=exercises, course=course.name, out=out, points=points, withheld=note)


COMMAND = Command("release", SUMMARY, add_arguments, run, EXIT_STATUS)
