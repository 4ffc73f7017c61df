"""Each student's result, saved the moment it is known, so that a batch stopped half way resumes.

A result is one JSON file, written atomically (a temporary name in the same folder, flushed to
disk, then renamed over the old one): a crash or Ctrl-C leaves either the old file or the new
one, never half of one. It is keyed by a hash of the submission's files, the course's checks,
the grader's version and the settings that change verdicts: a result whose key differs is
stale and graded again. A manifest says whose results the folder holds, so that another
class's results are never mixed in.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__, format_json
from .usage import UsageError

STORE = ".grade-batch"
MANIFEST = "manifest.json"
STUDENTS = "students"
FEEDBACK = "feedback"  # the outputs' folder of feedback files, where a write may also be cut short
TOOL = "grade batch"
FORMAT = 1
TEMPORARY = ".partial-"  # names of files being written; never read, removed when found

OTHER_RESULTS = (
    "{out} holds the results of another batch ({found}); this one is class {name!r} graded by grade {version}: "
    "give --force to replace them, or another --out"
)
NOT_EMPTY = "{out} is not empty and holds no batch results: give --force to write into it, or another --out"
NOT_A_FOLDER = "--out {out} is not a folder"
CANNOT_WRITE = "cannot write the results to {out}: {reason}"


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """``path`` holds ``text`` (UTF-8; or the parts it yields) in full, or what it held before:
    never part of it."""
    temporary = path.with_name(f"{TEMPORARY}{os.getpid()}-{path.name}")
    with temporary.open("w", encoding="utf-8", newline="") as stream:
        stream.writelines([text] if isinstance(text, str) else text)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # The rename itself is on disk only once the folder is.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:  # some file systems can't sync a folder
        pass
    finally:
        os.close(descriptor)


def checks_digest(folder: Path) -> str:
    """sha256 of a course's checks folder: every file's relative name and bytes, but caches."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc"):
            digest.update(f"{len(relative)}:{relative}:{path.stat().st_size}:".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(submission: str, checks: str, settings: dict[str, Any]) -> str:
    """What a saved result must match to be reused: the submission, the checks, the grader, the settings."""
    material = {"submission": submission, "checks": checks, "grader": __version__, "settings": settings}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Saved:
    """One student's result: their report as the JSON format's data (hidden messages kept)."""

    student: str
    key: str
    submission: str  # the submission's own hash
    report: dict[str, Any]

    def as_json(self) -> str:
        document = {"student": self.student, "key": self.key, "submission": self.submission, "report": self.report}
        # ASCII: a student's text may hold lone surrogates, which UTF-8 can't encode.
        return json.dumps(document, indent=1, sort_keys=True) + "\n"


class Store:
    """The results folder inside ``--out``: a manifest and one file per student."""

    def __init__(self, out: Path) -> None:
        self.out = out  # as given: how messages name it
        # Absolute: a judge works in a folder of its own, and saves here all the same.
        self.folder = out.absolute() / STORE
        self.students = self.folder / STUDENTS

    def open(self, name: str, force: bool) -> None:
        """Make ``out`` ours for class ``name``; refuse another class's or version's results unless ``force``."""
        manifest = {"tool": TOOL, "format": FORMAT, "class": name, "grader": __version__}
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(NOT_A_FOLDER.format(out=self.out))
        found = self._manifest()
        if not force and found is None and self.out.is_dir() and any(self.out.iterdir()):
            raise UsageError(NOT_EMPTY.format(out=self.out))
        if not force and found is not None and found != manifest:
            described = f"class {found.get('class')!r}, grade {found.get('grader')}"
            raise UsageError(OTHER_RESULTS.format(out=self.out, found=described, name=name, version=__version__))
        try:
            if force:
                shutil.rmtree(self.students, ignore_errors=True)
            self.students.mkdir(parents=True, exist_ok=True)
            write_atomically(self.folder / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
            self.remove_partial_files()
        except OSError as error:
            raise UsageError(CANNOT_WRITE.format(out=self.out, reason=error.strerror or error)) from error

    def _manifest(self) -> dict[str, Any] | None:
        try:
            found = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) else {}

    def path(self, student: str) -> Path:
        return self.students / f"{file_stem(student)}.json"

    def load(self, student: str, wanted: str) -> Saved | None:
        """The saved result of ``student`` if it has key ``wanted``; None if missing, stale or damaged."""
        try:
            document = json.loads(self.path(student).read_text(encoding="utf-8"))
            saved = Saved(document["student"], document["key"], document["submission"], document["report"])
            format_json.report_from_document(saved.report)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return saved if (saved.student, saved.key) == (student, wanted) else None

    def save(self, saved: Saved) -> None:
        write_atomically(self.path(saved.student), saved.as_json())

    def remove_partial_files(self) -> None:
        """Files a process was killed while writing: never whole, never read."""
        for folder in (self.out, self.out / FEEDBACK, self.folder, self.students):
            for path in folder.glob(f"{TEMPORARY}*"):
                path.unlink(missing_ok=True)


# A file name's longest stem, in bytes, with room for ".partial-<pid>-" and ".json" (255 in all).
LONGEST_STEM = 200


def file_stem(student: str) -> str:
    """A file name for ``student``'s id: the id itself when it is a plain name, else escaped, each
    escape of a fixed width for its kind (two ids never share one); a very long one is cut and
    told apart by a hash."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.@+") else _escaped(c) for c in student)
    safe = "%2E" + safe[1:] if safe.startswith(".") else safe
    if len(safe) <= LONGEST_STEM:
        return safe
    return safe[: LONGEST_STEM - 17] + "-" + hashlib.sha256(student.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _escaped(character: str) -> str:
    code = ord(character)
    return f"%{code:02X}" if code <= 0xFF else f"%u{code:04X}" if code <= 0xFFFF else f"%U{code:06X}"
