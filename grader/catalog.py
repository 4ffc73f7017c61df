"""Which exercises a course has, and what the student meant by the name they typed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from .usage import UsageError

CHECKS_DIR = Path(__file__).parent / "checks"
PATTERN = "exercise*.py"
ALL = "all"
UNKNOWN = "no exercise {name!r}; did you mean {suggestion}?"
UNKNOWN_NO_MATCH = "no exercise {name!r}; the exercises are: {names}"
UNKNOWN_LIKE_COMMAND = "no exercise {name!r}; did you mean the command `grade {suggestion}`?"
A_COMMAND = "{name!r} is a command, not an exercise: run it on its own, as `grade {name}`"
RESERVED = (
    "the check file {path} would be an exercise named {name!r}, but `grade {name}` is taken ({means}): rename the file"
)
ALL_MEANS = "grade every exercise"


@dataclass(frozen=True)
class Exercise:
    name: str
    checks: Path


def exercises(
    checks_dir: Path = CHECKS_DIR, pattern: str = PATTERN, reserved: Mapping[str, str] | None = None
) -> list[Exercise]:
    """Every exercise with checks, in course order (exercise10 after exercise9).

    A file whose name starts with ``_`` is a helper, never an exercise. ``reserved`` maps the
    words ``grade`` already gives a meaning to (its commands) to that meaning: an exercise with
    such a name could never be graded, so it is an error.
    """
    files = [path for path in checks_dir.glob(pattern) if path.is_file() and not path.name.startswith("_")]
    found = [Exercise(path.stem, path) for path in sorted(files, key=lambda p: _natural(p.stem))]
    _refuse_reserved(found, {ALL: ALL_MEANS, **(reserved or {})})
    return found


def resolve(names: list[str], known: list[Exercise], commands: Collection[str] = ()) -> list[Exercise]:
    """``exercise3``, ``3`` or ``all`` to exercises; an unknown name, or a command, is a usage error."""
    by_name = {exercise.name: exercise for exercise in known}
    chosen: list[Exercise] = []
    for name in names or [ALL]:
        if name == ALL:
            picked = known
        else:
            key = f"exercise{name}" if name.isdigit() else name.removesuffix(".py")
            if key not in by_name:
                raise UsageError(_unknown(name, list(by_name), commands))
            picked = [by_name[key]]
        chosen += [exercise for exercise in picked if exercise not in chosen]
    return chosen


def _refuse_reserved(found: list[Exercise], reserved: Mapping[str, str]) -> None:
    for exercise in found:
        if exercise.name in reserved:
            means = reserved[exercise.name]
            raise UsageError(RESERVED.format(path=exercise.checks, name=exercise.name, means=means))


def _unknown(name: str, names: list[str], commands: Collection[str]) -> str:
    if name in commands:
        return A_COMMAND.format(name=name)
    close = difflib.get_close_matches(name, [*names, *commands], n=1)
    if close and close[0] in commands:
        return UNKNOWN_LIKE_COMMAND.format(name=name, suggestion=close[0])
    if close:
        return UNKNOWN.format(name=name, suggestion=close[0])
    return UNKNOWN_NO_MATCH.format(name=name, names=", ".join(names) or "(none)")


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
