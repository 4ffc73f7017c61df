"""Options several commands share, and the checks of their values that argparse can't make.

A bad value is a UsageError, found before any grading starts.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .course import Course
from .render_report import FORMATS
from .usage import UsageError

DEFAULT_FORMAT = "text"
DEFAULT_TIMEOUT = 3.0
MAX_TIMEOUT = 3600.0
STDOUT = "-"

NO_FOLDER = "no folder {given!r}: the grader looked for {absolute}"
BAD_TIMEOUT = "--timeout must be a number of seconds above 0 and at most {most:g}, not {value!r}"
NO_OUTPUT_FOLDER = "cannot write the report to {given!r}: there is no folder {folder}"
OUTPUT_IS_FOLDER = "cannot write the report to {given!r}: it is a folder"


def add_course(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--checks",
        metavar="DIR",
        help="the course whose checks are in DIR (default: the one the nearest pyproject.toml's [tool.grader] "
        "names, else the built-in asyncio course)",
    )


def add_submission(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="folder",
        metavar="DIR",
        help="the folder of the student's files, DIR/exerciseN.py (default: the course's exercises folder, "
        "./exercises for the built-in course)",
    )


def add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"real seconds one run of the graded code may take before it is stopped (default: {DEFAULT_TIMEOUT:g})",
    )


def add_report(parser: argparse.ArgumentParser) -> None:
    formats = [DEFAULT_FORMAT, *sorted(set(FORMATS) - {DEFAULT_FORMAT})]
    parser.add_argument("--format", choices=formats, default=DEFAULT_FORMAT, help="report format (default: text)")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE (default: -, standard output)")
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="color the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument("--show-hidden", action="store_true", help="show the messages of hidden checks")


def submission_folder(options: argparse.Namespace, course: Course) -> Path:
    """``--from``'s folder, else the course's exercises folder; it must exist."""
    given = options.folder if options.folder is not None else str(course.exercises)
    folder = Path(given)
    if not folder.is_dir():
        raise UsageError(NO_FOLDER.format(given=given, absolute=folder.resolve()))
    return folder


def timeout(options: argparse.Namespace) -> float:
    if not 0 < options.timeout <= MAX_TIMEOUT:  # NaN fails this too
        raise UsageError(BAD_TIMEOUT.format(value=options.timeout, most=MAX_TIMEOUT))
    return options.timeout


def output_file(options: argparse.Namespace) -> Path | None:
    """``--output``'s file, checked before grading so that no grading is wasted; None for stdout."""
    if options.output in (None, STDOUT):
        return None
    path = Path(options.output)
    if path.is_dir():
        raise UsageError(OUTPUT_IS_FOLDER.format(given=options.output))
    if not path.resolve().parent.is_dir():
        raise UsageError(NO_OUTPUT_FOLDER.format(given=options.output, folder=path.resolve().parent))
    return path


def use_color(options: argparse.Namespace) -> bool:
    if options.color != "auto":
        return options.color == "always"
    # A file is not a terminal: a report written with --output is colored only when asked.
    to_stdout = output_file(options) is None
    return to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
