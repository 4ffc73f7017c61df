"""``grade batch CLASS [EXERCISE ...] --out DIR``: grade a whole class, one judge process per submission.

This module is the command's surface: its options and the checks of their values. The work is
in batch_run.py, imported only when a batch runs, so that ``grade exerciseN`` never pays for it.
"""

from __future__ import annotations

import argparse
import os

from . import arguments
from .command import Command, Context, Outcome
from .usage import UsageError

SUMMARY = "grade a class's submissions, one isolated process each: a gradebook, feedback, a summary"
EXIT_STATUS = (
    "Exit status: 0 every submission graded, 1 some could not be graded in full (see summary.md), "
    "2 usage error, 130 interrupted (run the same command again to grade the rest)."
)
DEFAULT_SUBMISSION_TIMEOUT = 600.0

BAD_JOBS = "--jobs must be a whole number of processes, 1 or more, not {value!r}"
BAD_SUBMISSION_TIMEOUT = "--submission-timeout must be a number of seconds above 0, not {value!r}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "klass",
        metavar="CLASS",
        help="a folder of submissions (student folders or .zip files), a .zip of one, "
        "or a folder of files named like student_..._exercise3.py",
    )
    parser.add_argument("exercise", nargs="*", help="exercise3, 3, or all (the default)")
    parser.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="where to write grades.csv, results.json, summary.md and feedback/ (and the saved results a rerun "
        "resumes from)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="submissions graded at once, each by a process of its own (default: the number of cores, %(default)s)",
    )
    arguments.add_timeout(parser)
    parser.add_argument(
        "--submission-timeout",
        type=float,
        default=DEFAULT_SUBMISSION_TIMEOUT,
        metavar="SECONDS",
        help="real seconds one submission's grading may take in all before it is stopped "
        f"(default: {DEFAULT_SUBMISSION_TIMEOUT:g})",
    )
    parser.add_argument(
        "--student-pattern",
        metavar="REGEX",
        help="for a folder of files: a regular expression whose group (?P<student>...) finds the student's id in "
        "a file's name (default: the part before the first _)",
    )
    parser.add_argument(
        "--force", action="store_true", help="grade everything again, and write over what --out holds, whatever it is"
    )
    parser.add_argument("--show-hidden", action="store_true", help="show the messages of hidden checks in feedback")


def run(context: Context) -> Outcome:
    from .batch_run import run as run_batch

    options = context.options
    return run_batch(
        context, jobs(options.jobs), submission_timeout(options.submission_timeout), arguments.timeout(options)
    )


def jobs(value: int) -> int:
    if value < 1:
        raise UsageError(BAD_JOBS.format(value=value))
    return value


def submission_timeout(value: float) -> float:
    if not value > 0:  # NaN fails this too
        raise UsageError(BAD_SUBMISSION_TIMEOUT.format(value=value))
    return value


COMMAND = Command("batch", SUMMARY, add_arguments, run, EXIT_STATUS)
