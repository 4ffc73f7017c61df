"""Hidden checks that a student's copy of a course leaves out: how many, and their points.

``grade release`` writes this manifest beside the public checks it releases. The student's
``grade`` then says, per exercise, that hidden checks exist and what they are worth, never what
they test: the instructor grades them from the master.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from .results import ExerciseResult, Report
from .usage import UsageError

MANIFEST = "withheld.json"
VERSION = 1
LINE = "  {checks} hidden {check_noun}, {points:g} {point_noun}, {verb} graded by your instructor"
BAD_MANIFEST = "{path} is not a list of withheld checks ({reason}): ask your instructor for a fresh copy"


@dataclass(frozen=True)
class Withheld:
    checks: int
    points: float


@dataclass(frozen=True)
class WithheldExercise(ExerciseResult):
    """An exercise's result, and the hidden checks its student's copy of the course leaves out."""

    withheld: Withheld | None = None


def write(folder: Path, withheld: dict[str, Withheld]) -> None:
    exercises = {name: {"checks": item.checks, "points": item.points} for name, item in withheld.items()}
    document = {"version": VERSION, "exercises": exercises}
    (folder / MANIFEST).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(folder: Path) -> dict[str, Withheld]:
    """The manifest in a checks folder, or nothing: a master's checks folder has none."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        exercises = json.loads(path.read_text(encoding="utf-8"))["exercises"]
        return {name: Withheld(int(item["checks"]), float(item["points"])) for name, item in exercises.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise UsageError(BAD_MANIFEST.format(path=path, reason=error)) from error


def attach(report: Report, folder: Path) -> Report:
    """``report``, each exercise knowing the hidden checks left out of the checks in ``folder``."""
    withheld = load(folder)
    if not withheld:
        return report
    exercises = [_with(exercise, withheld.get(exercise.name)) for exercise in report.exercises]
    return replace(report, exercises=exercises)


def notes(exercise: ExerciseResult) -> list[str]:
    """The text report's line about an exercise's withheld checks, if it has any."""
    withheld = getattr(exercise, "withheld", None)
    if withheld is None:
        return []
    one = withheld.checks == 1
    return [
        LINE.format(
            checks=withheld.checks,
            check_noun="check" if one else "checks",
            points=withheld.points,
            point_noun="point" if withheld.points == 1 else "points",
            verb="is" if one else "are",
        )
    ]


def _with(exercise: ExerciseResult, withheld: Withheld | None) -> ExerciseResult:
    if withheld is None:
        return exercise
    return WithheldExercise(exercise.name, exercise.title, exercise.checks, withheld)
