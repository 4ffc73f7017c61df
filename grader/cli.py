"""``grade``: grade exercises on virtual time and print the verdict.

Exit status: 0 every check passed, 1 some check failed (or could not run), 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalog import exercises, resolve
from .render_report import to_json, to_text
from .usage import EXIT_FAILED, EXIT_PASSED, UsageError

NO_FOLDER = "no folder {given!r}: the grader looked for {absolute}"
MAX_TIMEOUT = 3600.0
BAD_TIMEOUT = "--timeout must be a number of seconds above 0 and at most {most:g}, not {value!r}"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="grade",
        description="Grade asyncio exercises on a virtual clock: nothing really sleeps.",
        epilog="Exit status: 0 all checks passed, 1 some failed, 2 usage error.",
    )
    p.add_argument("exercise", nargs="*", help="exercise3, 3, or all (the default)")
    p.add_argument(
        "--from", dest="folder", default="exercises", metavar="DIR", help="grade DIR/exerciseN.py (default: exercises)"
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="report format (default: text)")
    p.add_argument(
        "--timeout",
        type=float,
        default=3.0,
        metavar="SECONDS",
        help="real seconds one check may run before it is stopped (default: 3)",
    )
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="color the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    p.add_argument("--show-hidden", action="store_true", help="show the messages of hidden checks")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(argv)
    try:
        report = _grade(options)
    except UsageError as error:
        print(f"grade: error: {error.format_message()}", file=sys.stderr)
        return error.exit_code
    if options.format == "json":
        print(to_json(report, options.show_hidden))
    else:
        print(to_text(report, _use_color(options.color), options.show_hidden), end="")
    return EXIT_PASSED if report.full_marks else EXIT_FAILED


def _grade(options: argparse.Namespace):
    from .session import Settings, grade

    chosen = resolve(options.exercise, exercises())
    folder = Path(options.folder)
    if not folder.is_dir():
        raise UsageError(NO_FOLDER.format(given=options.folder, absolute=folder.resolve()))
    if not 0 < options.timeout <= MAX_TIMEOUT:
        raise UsageError(BAD_TIMEOUT.format(value=options.timeout, most=MAX_TIMEOUT))
    return grade(chosen, Settings(folder, options.timeout))


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def run() -> None:
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`grade all | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_FAILED
    sys.exit(status)
