"""``grade list``: each exercise with its title and points, and how far the student's file is.

Everything is read with ``ast`` (see outline.py): no check module and no student file is run.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from . import arguments, outline
from .catalog import Exercise
from .command import Command, Context, Outcome

SUMMARY = "list each exercise with its title, its points, and whether your file is still a stub"
EXIT_STATUS = "Exit status: 0 listed, 2 usage error."

WRITTEN = "written"
STUB = "still a stub: {functions}"
MISSING = "missing"
SYNTAX_ERROR = "syntax error, line {line}"
UNREADABLE = "cannot be read: {reason}"
BROKEN_CHECKS = "(the check file has a syntax error, line {line})"
TOTAL = "{count} in the {course} course, {points} in all; your files are in {folder}"
COLUMN_GAP = "   "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    arguments.add_submission(parser)


def run(context: Context) -> Outcome:
    folder = arguments.submission_folder(context.options, context.course)
    rows = [_row(exercise, folder) for exercise in context.exercises()]
    points = [row[2] for row in rows]
    total = TOTAL.format(
        count=_plural(len(rows), "exercise"),
        course=context.course.name,
        points=_points(None if None in points else sum(points)),
        folder=os.path.relpath(folder),
    )
    return Outcome(_table([(name, title, _points(value), state) for name, title, value, state in rows]) + total + "\n")


def state(path: Path) -> str:
    """How far the student's file is: missing, not Python yet, still a stub, or written."""
    try:
        tree = outline.parse(path)
    except FileNotFoundError:
        return MISSING
    except SyntaxError as error:
        return SYNTAX_ERROR.format(line=error.lineno or "?")
    except OSError as error:
        return UNREADABLE.format(reason=error.strerror or error)
    stubs = outline.stubs(tree)
    return STUB.format(functions=", ".join(f"{name}()" for name in stubs)) if stubs else WRITTEN


def _row(exercise: Exercise, folder: Path) -> tuple[str, str, float | None, str]:
    try:
        checks = outline.checks(exercise.checks)
    except SyntaxError as error:
        return exercise.name, BROKEN_CHECKS.format(line=error.lineno or "?"), None, state(folder / exercise.checks.name)
    return exercise.name, checks.title, checks.points, state(folder / checks.student_file)


def _table(rows: list[tuple[str, ...]]) -> str:
    """Rows in columns; the last column is not padded, so no line ends in spaces."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)] if rows else []
    return "".join(_line(row, widths) + "\n" for row in rows)


def _line(row: tuple[str, ...], widths: list[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
    return COLUMN_GAP.join([*padded, row[-1]])


def _points(value: float | None) -> str:
    return "? points" if value is None else _plural(value, "point")


def _plural(count: float, noun: str) -> str:
    return f"{count:g} {noun}" + ("" if count == 1 else "s")


COMMAND = Command("list", SUMMARY, add_arguments, run, EXIT_STATUS)
