"""Find the submissions in what an instructor has: a folder of student folders or zips, a .zip of
such a folder, or a flat folder of files named the way an LMS exports them.

Nothing here reads a student's file (see batch_files.py) or writes to the class folder: zips
are unpacked into a scratch folder the caller owns.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .batch_zip import UnsafeZip, extract
from .usage import UsageError

NO_CLASS = "no class {given!r}: the grader looked for {absolute}"
NOT_A_CLASS = "{given!r} is neither a folder nor a .zip of one"
EMPTY = "{given!r} is empty: there is no submission to grade"
NOTHING = (
    "found no submission in {given!r}: give a folder of student folders (or .zip files) holding "
    "{example} or {folder}/{example}, or a folder of files named like student_..._{example}"
)
ONE_SUBMISSION = "{given!r} looks like one student's work, not a class: grade it with `grade --from {given}`"
MIXED = "{given!r} holds both student folders and files named like student_..._{example}: give one kind"
DUPLICATE = "two submissions in {given!r} would both be student {student!r}: {first} and {second}"
BAD_PATTERN = "--student-pattern {pattern!r} is not a regular expression: {reason}"
NO_STUDENT_GROUP = "--student-pattern {pattern!r} needs a named group (?P<student>...)"
LINK_OUTSIDE_CLASS = "{name} is a link to a folder outside the class: it was not graded"

# Classroom's "<assignment>-<username>" and the like: a prefix every id shares, up to a dash.
PREFIX_END = "-"
ZIP = ".zip"
# Not submissions: macOS's zip debris, caches, hidden files.
IGNORED = ("__MACOSX", "__pycache__")


@dataclass(frozen=True)
class Submission:
    """One student's work: where each exercise's file should be, and how messages name it."""

    student: str
    files: dict[str, Path] = field(default_factory=dict)  # exercise name -> its file (which may be missing)
    folder: str = "."  # the folder messages name the files in: "exercises", or "." for the files themselves
    root: Path | None = None  # no file may lead outside it
    refused: str = ""  # why none of it can be graded (an unsafe zip...), if so


@dataclass(frozen=True)
class Class:
    name: str  # CLASS's own name: what the results in --out belong to
    submissions: list[Submission]  # sorted by student id


def student_pattern(pattern: str | None) -> re.Pattern[str] | None:
    """``--student-pattern``'s expression, checked before anything is read."""
    if pattern is None:
        return None
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise UsageError(BAD_PATTERN.format(pattern=pattern, reason=error)) from error
    if "student" not in compiled.groupindex:
        raise UsageError(NO_STUDENT_GROUP.format(pattern=pattern))
    return compiled


def discover(
    given: str, names: list[str], exercises_folder: str, scratch: Path, pattern: re.Pattern[str] | None = None
) -> Class:
    """Every submission in ``given`` for the exercises ``names``; a usage error if there is none.

    ``exercises_folder`` is where a student repository keeps its files ("exercises"); zips are
    unpacked under ``scratch``.
    """
    path = Path(given)
    if not path.exists():
        raise UsageError(NO_CLASS.format(given=given, absolute=path.resolve()))
    folder = _class_folder(path, given, scratch)
    entries = sorted(entry for entry in folder.iterdir() if not _ignored(entry.name))
    if not entries:
        raise UsageError(EMPTY.format(given=given))
    example = f"{names[0]}.py" if names else "exerciseN.py"
    if _holds_files(folder, names, exercises_folder):
        raise UsageError(ONE_SUBMISSION.format(given=given))
    flat = _lms_files(entries, names, pattern)
    parts = [entry for entry in entries if entry.is_dir() or entry.name.lower().endswith(ZIP)]
    if flat and parts:
        raise UsageError(MIXED.format(given=given, example=example))
    if flat or pattern is not None:
        submissions = _grouped(flat)
    else:
        submissions = _strip_common_prefix(
            [_part(entry, index, folder, names, exercises_folder, scratch) for index, entry in enumerate(parts)]
        )
    if not any(_recognised(submission) for submission in submissions):
        raise UsageError(NOTHING.format(given=given, example=example, folder=exercises_folder))
    _refuse_duplicates(submissions, given)
    return Class(_class_name(path), sorted(submissions, key=lambda submission: submission.student))


def _class_folder(path: Path, given: str, scratch: Path) -> Path:
    if path.is_dir():
        return path
    if not path.name.lower().endswith(ZIP):
        raise UsageError(NOT_A_CLASS.format(given=given))
    target = scratch / "class"
    target.mkdir()
    try:
        extract(path, target, path.name)
    except UnsafeZip as error:
        raise UsageError(str(error)) from error
    return _single_folder(target)


def _single_folder(folder: Path) -> Path:
    """Into the one folder a zip often wraps everything in (``class/...``, ``alice-main/...``)."""
    entries = [entry for entry in folder.iterdir() if not _ignored(entry.name)]
    while len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        folder = entries[0]
        entries = [entry for entry in folder.iterdir() if not _ignored(entry.name)]
    return folder


def _ignored(name: str) -> bool:
    return name.startswith(".") or name in IGNORED


def _holds_files(folder: Path, names: list[str], exercises_folder: str) -> bool:
    """Whether ``folder`` is itself a submission: exercise files in it, or in its exercises folder."""
    return any(
        (folder / f"{name}.py").exists() or (folder / exercises_folder / f"{name}.py").exists() for name in names
    )


def _part(entry: Path, index: int, class_folder: Path, names: list[str], exercises_folder: str, scratch: Path):
    """A student folder, or a student's zip, as a Submission named by the entry."""
    student = _readable(entry.name[: -len(ZIP)] if entry.is_file() else entry.name)
    if entry.is_file():
        target = scratch / "students" / str(index)
        target.mkdir(parents=True)
        try:
            extract(entry, target, entry.name)
        except UnsafeZip as error:
            return Submission(student, refused=str(error))
        return _in_folder(
            student, _single_folder_unless_submission(target, names, exercises_folder), names, exercises_folder
        )
    if entry.is_symlink() and not entry.resolve().is_relative_to(class_folder.resolve()):
        return Submission(student, refused=LINK_OUTSIDE_CLASS.format(name=entry.name))
    return _in_folder(student, entry, names, exercises_folder)


def _single_folder_unless_submission(folder: Path, names: list[str], exercises_folder: str) -> Path:
    # A zip of "exercises/..." is the submission itself; a zip of "alice-main/exercises/..." wraps it.
    return folder if _holds_files(folder, names, exercises_folder) else _single_folder(folder)


def _in_folder(student: str, root: Path, names: list[str], exercises_folder: str) -> Submission:
    nested = root / exercises_folder
    inside = nested.is_dir() and not _holds_files(root, names, ".")
    base, shown = (nested, exercises_folder) if inside else (root, ".")
    return Submission(student, {name: base / f"{name}.py" for name in names}, shown, root)


def _lms_files(
    entries: list[Path], names: list[str], pattern: re.Pattern[str] | None
) -> list[tuple[str, str, int, Path]]:
    """(student, exercise, attempt, file) of each file named like ``lastfirst_12345_67890_exercise3-1.py``."""
    ending = re.compile(
        r"(?:^|_)(?P<exercise>"
        + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        + r")(?:-(?P<attempt>\d+))?\.py$"
    )
    found = []
    for entry in entries:
        end = ending.search(entry.name)
        if end is None or not entry.is_file():
            continue
        if pattern is not None:
            match = pattern.search(entry.name)
            student = match.group("student") if match else None
        else:
            student = entry.name.split("_", 1)[0] if "_" in entry.name[: end.start() + 1] else None
        if student:
            found.append((_readable(student), end.group("exercise"), int(end.group("attempt") or 0), entry))
    return found


def _grouped(files: list[tuple[str, str, int, Path]]) -> list[Submission]:
    """One submission per student; of several attempts at an exercise, the highest numbered wins."""
    chosen: dict[str, dict[str, tuple[int, Path]]] = {}
    for student, exercise, attempt, path in files:
        best = chosen.setdefault(student, {}).get(exercise)
        if best is None or attempt > best[0]:
            chosen[student][exercise] = (attempt, path)
    return [
        Submission(
            student,
            {name: path for name, (_, path) in exercises.items()},
            ".",
            next(iter(exercises.values()))[1].parent,
        )
        for student, exercises in chosen.items()
    ]


def _readable(name: str) -> str:
    """A file name's bytes that are not UTF-8 (lone surrogates in ``str``) as ``\\xe9``: an id
    that every output can hold, and still tells two such names apart."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _strip_common_prefix(submissions: list[Submission]) -> list[Submission]:
    """``hw1-alice``, ``hw1-bob`` -> ``alice``, ``bob``: GitHub Classroom names repositories
    ``<assignment>-<username>``. Kept as they are unless every id keeps a distinct, non-empty rest."""
    ids = [submission.student for submission in submissions]
    common = os.path.commonprefix(ids)
    cut = common.rfind(PREFIX_END) + 1
    rests = [student[cut:] for student in ids]
    if len(ids) < 2 or cut == 0 or not all(rests) or len(set(rests)) != len(rests):
        return submissions
    return [_renamed(submission, rest) for submission, rest in zip(submissions, rests, strict=True)]


def _renamed(submission: Submission, student: str) -> Submission:
    return Submission(student, submission.files, submission.folder, submission.root, submission.refused)


def _recognised(submission: Submission) -> bool:
    return bool(submission.refused) or any(path.exists() or path.is_symlink() for path in submission.files.values())


def _refuse_duplicates(submissions: list[Submission], given: str) -> None:
    seen: dict[str, Submission] = {}
    for submission in submissions:
        if submission.student in seen:
            first = seen[submission.student]
            raise UsageError(
                DUPLICATE.format(
                    given=given, student=submission.student, first=_where(first), second=_where(submission)
                )
            )
        seen[submission.student] = submission


def _where(submission: Submission) -> str:
    return str(submission.root) if submission.root is not None else submission.student


def _class_name(path: Path) -> str:
    name = path.resolve().name
    return name[: -len(ZIP)] if name.lower().endswith(ZIP) else name
