"""Read one submission's exercise files, safely, into bytes: what its judge grades and its key hashes.

The class folder is only ever read. A file that can't be graded as it is (missing, a folder, a
link leading out of the submission, not text) becomes a problem: its exercise scores 0 with a
message that says why, and the other exercises are graded as usual.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from .batch_input import Submission

MAX_BYTES = 1 << 20

NOT_FOUND = "{shown} not found"
A_FOLDER = "{shown} is a folder, not a file"
NOT_A_FILE = "{shown} is not a regular file"
LINK_OUTSIDE = "{shown} is a link to a file outside the submission: it was not graded"
TOO_LARGE = "{shown} is larger than {most} MB: it was not graded"
NOT_TEXT = "{shown} is not {encoding} text ({reason}): save it as UTF-8 and submit it again"
UNREADABLE = "{shown} could not be read: {reason}"


@dataclass(frozen=True)
class Files:
    """A submission's sources by exercise name, and why the others can't be graded."""

    folder: str  # the folder messages name the files in ("exercises", or ".")
    sources: dict[str, bytes] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def digest(self) -> str:
        """sha256 of what is graded: each file's name and bytes, and each problem."""
        digest = hashlib.sha256()
        for name in sorted(self.sources):
            _add(digest, "file", name, self.sources[name])
        for name in sorted(self.problems):
            _add(digest, "problem", name, self.problems[name].encode())
        return digest.hexdigest()


def _add(digest: hashlib._Hash, kind: str, name: str, data: bytes) -> None:
    # Lengths first, so that no two different inputs run together into the same bytes.
    for part in (kind.encode(), name.encode(), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)


def shown_name(folder: str, name: str) -> str:
    """How messages name an exercise's file: ``exercises/exercise3.py``, or ``exercise3.py``."""
    return f"{name}.py" if folder == "." else f"{folder}/{name}.py"


def read(submission: Submission, names: list[str]) -> Files:
    if submission.refused:
        return Files(submission.folder, problems={name: submission.refused for name in names})
    sources, problems = {}, {}
    for name in names:
        shown = shown_name(submission.folder, name)
        path = submission.files.get(name)
        try:
            sources[name] = _source(path, submission.root, shown)
        except _Problem as problem:
            problems[name] = str(problem)
    return Files(submission.folder, sources, problems)


class _Problem(Exception):
    pass


def _source(path: Path | None, root: Path | None, shown: str) -> bytes:
    if path is None or not os.path.lexists(path):
        raise _Problem(NOT_FOUND.format(shown=shown))
    try:
        mode = path.stat().st_mode
    except OSError:  # a link to nothing
        raise _Problem(NOT_FOUND.format(shown=shown)) from None
    # Any link on the way counts (alice/exercises -> ../bob/exercises), not only the file's own.
    if (path.is_symlink() and root is None) or (root is not None and not _inside(path, root)):
        raise _Problem(LINK_OUTSIDE.format(shown=shown))
    if stat.S_ISDIR(mode):
        raise _Problem(A_FOLDER.format(shown=shown))
    if not stat.S_ISREG(mode):
        raise _Problem(NOT_A_FILE.format(shown=shown))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise _Problem(UNREADABLE.format(shown=shown, reason=error.strerror or error)) from None
    if len(data) > MAX_BYTES:
        raise _Problem(TOO_LARGE.format(shown=shown, most=MAX_BYTES >> 20))
    _refuse_undecodable(data, shown)
    return data


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a dangling link, or a loop of links
        return False


def _refuse_undecodable(data: bytes, shown: str) -> None:
    """Python reads a file as UTF-8 unless its coding line says otherwise: so does this."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown coding, or a first line that is not UTF-8: is the rest?
        encoding = "utf-8"
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        reason = f"byte 0x{data[error.start]:02x} on line {line}"
        raise _Problem(NOT_TEXT.format(shown=shown, encoding=_display(encoding), reason=reason)) from None


def _display(encoding: str) -> str:
    return "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
