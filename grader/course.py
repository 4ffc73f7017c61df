"""A course: its checks, the stubs its students edit, and its reference solutions.

The built-in asyncio course is the default. ``--checks DIR`` names another, and so does a
``[tool.grader]`` table in the nearest pyproject.toml at or above the current directory (found
as pytest finds its rootdir), so that an instructor teaches a course of their own without
editing the grader.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import CHECKS_DIR, PATTERN, Exercise, exercises
from .usage import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG = "pyproject.toml"
BUILT_IN_NAME = "asyncio"
# [tool.grader]'s settings and their defaults; folders are relative to the pyproject.toml's folder.
SETTINGS = {"checks": "checks", "exercises": "exercises", "solutions": "solutions", "pattern": PATTERN, "name": ""}

FROM_OPTION = "given with --checks"
FROM_CONFIG = "set in {path}"
NO_CHECKS_FOLDER = "no checks folder {given!r}: the grader looked for {absolute} ({source})"
NO_EXERCISES = "the {name} course has no exercises: no file in {checks} is named like {pattern!r}"
CANNOT_READ = "cannot read {path}: {reason}"
NOT_A_TABLE = "{path}: [tool.grader] must be a table of settings, not {value!r}"
UNKNOWN_SETTING = "{path}: [tool.grader] has no setting {key!r}; did you mean {suggestion!r}?"
UNKNOWN_SETTING_NO_MATCH = "{path}: [tool.grader] has no setting {key!r}; its settings are: {keys}"
NOT_A_STRING = "{path}: [tool.grader] {key} must be a string, not {value!r}"
BAD_PATTERN = "{path}: [tool.grader] pattern must match Python files in the checks folder ({example!r}), not {value!r}"


@dataclass(frozen=True)
class Course:
    """Where a course's files are. ``exercises`` and ``solutions`` are submission folders."""

    name: str
    checks: Path
    exercises: Path = Path("exercises")
    solutions: Path = Path("solutions")
    pattern: str = PATTERN

    def catalog(self, reserved: Mapping[str, str] | None = None) -> list[Exercise]:
        """The course's exercises, in course order; ``reserved``: names that ``grade`` already uses."""
        found = exercises(self.checks, self.pattern, reserved)
        if not found:  # else `grade` would grade nothing and call it a pass
            raise UsageError(NO_EXERCISES.format(name=self.name, checks=self.checks, pattern=self.pattern))
        return found


# Its folders are relative to the current directory, as they always were: the kit's root.
BUILT_IN = Course(BUILT_IN_NAME, CHECKS_DIR)


def find_course(checks: str | None = None, start: Path | None = None) -> Course:
    """The course ``--checks`` names, else the nearest ``[tool.grader]``'s, else the built-in one."""
    if checks is not None:
        folder = Path(checks)
        return _existing(Course(_name_of(folder), folder), checks, FROM_OPTION)
    found = nearest_config(start or Path.cwd())
    return from_config(*found) if found else BUILT_IN


def nearest_config(start: Path) -> tuple[Path, Any] | None:
    """The first pyproject.toml with a ``[tool.grader]`` table at or above ``start``, and that table."""
    for folder in (start, *start.parents):
        path = folder / CONFIG
        if path.is_file():
            table = _grader_table(path)
            if table is not None:
                return path, table
    return None


def from_config(path: Path, table: Any) -> Course:
    """The course a ``[tool.grader]`` table describes; anything wrong in it is a usage error."""
    settings = _settings(path, table)
    folder = path.parent
    course = Course(
        name=settings["name"] or folder.name,
        checks=folder / settings["checks"],
        exercises=folder / settings["exercises"],
        solutions=folder / settings["solutions"],
        pattern=settings["pattern"],
    )
    return _existing(course, settings["checks"], FROM_CONFIG.format(path=path))


def _grader_table(path: Path) -> Any:
    try:
        with path.open("rb") as file:
            document = tomllib.load(file)
    except (OSError, ValueError) as error:  # ValueError: not TOML, or not UTF-8
        raise UsageError(CANNOT_READ.format(path=path, reason=error)) from error
    tool = document.get("tool")
    return tool.get("grader") if isinstance(tool, dict) else None


def _settings(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise UsageError(NOT_A_TABLE.format(path=path, value=table))
    for key, value in table.items():
        if key not in SETTINGS:
            raise UsageError(_unknown_setting(path, key))
        if not isinstance(value, str):
            raise UsageError(NOT_A_STRING.format(path=path, key=key, value=value))
    settings = {**SETTINGS, **table}
    pattern = settings["pattern"]
    if not pattern.endswith(".py") or "/" in pattern or "\\" in pattern:
        raise UsageError(BAD_PATTERN.format(path=path, example=PATTERN, value=pattern))
    return settings


def _unknown_setting(path: Path, key: str) -> str:
    close = difflib.get_close_matches(key, list(SETTINGS), n=1)
    if close:
        return UNKNOWN_SETTING.format(path=path, key=key, suggestion=close[0])
    return UNKNOWN_SETTING_NO_MATCH.format(path=path, key=key, keys=", ".join(SETTINGS))


def _existing(course: Course, given: str, source: str) -> Course:
    if not course.checks.is_dir():
        raise UsageError(NO_CHECKS_FOLDER.format(given=given, absolute=course.checks.resolve(), source=source))
    return course


def _name_of(checks: Path) -> str:
    """A course's name: its checks folder's, or the folder above it when that is just "checks"."""
    folder = checks.resolve()
    return folder.parent.name if folder.name == "checks" else folder.name
