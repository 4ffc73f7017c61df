"""Which exercises exist, and what the student meant by the name they typed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .usage import UsageError

CHECKS_DIR = Path(__file__).parent / "checks"
UNKNOWN = "no exercise {name!r}; did you mean {suggestion}?"
UNKNOWN_NO_MATCH = "no exercise {name!r}; the exercises are: {names}"


@dataclass(frozen=True)
class Exercise:
    name: str
    checks: Path


def exercises(checks_dir: Path = CHECKS_DIR) -> list[Exercise]:
    """Every exercise with checks, in course order (exercise10 after exercise9)."""
    files = sorted(checks_dir.glob("exercise*.py"), key=lambda p: _natural(p.stem))
    return [Exercise(path.stem, path) for path in files]


def resolve(names: list[str], known: list[Exercise]) -> list[Exercise]:
    """``exercise3``, ``3`` or ``all`` to exercises; an unknown name is a usage error."""
    by_name = {exercise.name: exercise for exercise in known}
    chosen: list[Exercise] = []
    for name in names or ["all"]:
        if name == "all":
            picked = known
        else:
            key = f"exercise{name}" if name.isdigit() else name.removesuffix(".py")
            if key not in by_name:
                raise UsageError(_unknown(name, list(by_name)))
            picked = [by_name[key]]
        chosen += [exercise for exercise in picked if exercise not in chosen]
    return chosen


def _unknown(name: str, names: list[str]) -> str:
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        return UNKNOWN.format(name=name, suggestion=close[0])
    return UNKNOWN_NO_MATCH.format(name=name, names=", ".join(names) or "(none)")


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]
