"""``grade``: grade exercises on virtual time (``grade exercise3``, ``grade 3``, ``grade all``), or
run one of its commands (``grade list``).

The first word that is not an option picks the command; any other word is an exercise, as it
always was. This module alone prints and exits: one handler turns every UsageError into one line
on stderr and exit status 2, as click does.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import sys
from collections.abc import Sequence

from . import __version__, grading
from .arguments import BAD_TIMEOUT, MAX_TIMEOUT, NO_FOLDER, add_course
from .command import Command, Context, Outcome
from .commands import COMMANDS, summaries
from .course import find_course
from .usage import EXIT_FAILED, UsageError

__all__ = ["BAD_TIMEOUT", "MAX_TIMEOUT", "NO_FOLDER", "main", "parser", "run", "split"]

DESCRIPTION = "Grade asyncio exercises on a virtual clock: nothing really sleeps."
USAGE = "%(prog)s [EXERCISE ...] [options]\n       %(prog)s COMMAND [options]    (%(prog)s COMMAND --help for its own)"
VERSION = "grade {version} (Python {python}, {platform})"
CANNOT_WRITE = "cannot write the report to {path}: {reason}"
ERROR = "grade: error: {message}"


def main(argv: Sequence[str] | None = None) -> int:
    command, rest = split(list(sys.argv[1:] if argv is None else argv))
    options = parser(command).parse_args(rest)
    try:
        outcome = command.run(Context(options, find_course(options.checks), summaries()))
        _show(outcome)
    except UsageError as error:
        print(ERROR.format(message=error.format_message()), file=sys.stderr)
        return error.exit_code
    return outcome.status


def split(argv: list[str]) -> tuple[Command, list[str]]:
    """The command the first word names, and the arguments without that word; else grading."""
    takes_value = _options_taking_values(parser())
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--":  # every word after it is an exercise's name
            break
        if word.startswith("-") and word != "-":
            index += 2 if _takes_value(word, takes_value) else 1
            continue
        if word in COMMANDS:
            return COMMANDS[word], argv[:index] + argv[index + 1 :]
        break
    return grading.COMMAND, argv


def parser(command: Command = grading.COMMAND) -> argparse.ArgumentParser:
    """The argument parser of ``command``; grading's is ``grade``'s own, with --version."""
    if command is grading.COMMAND:
        made = argparse.ArgumentParser(
            prog="grade",
            usage=USAGE,
            description=DESCRIPTION,
            epilog=_commands_help() + "\n\n" + grading.EXIT_STATUS,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        made.add_argument("--version", action="version", version=version())
    else:
        made = argparse.ArgumentParser(
            prog=f"grade {command.name}",
            description=command.summary[:1].upper() + command.summary[1:] + ".",
            epilog=command.epilog,
        )
    add_course(made)
    command.add_arguments(made)
    return made


def version() -> str:
    """The kit's version, Python's, and the platform's: what a bug report needs."""
    return VERSION.format(version=__version__, python=platform.python_version(), platform=platform.platform())


def run() -> None:
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`grade all | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = EXIT_FAILED
    sys.stderr.flush()
    # The report is out: skip tearing down pytest's and the grader's modules one by one (tens of
    # milliseconds), but run the exit handlers (they remove the session's cgroups).
    atexit._run_exitfuncs()
    os._exit(status)


def _show(outcome: Outcome) -> None:
    # Like print(): what is shown ends with a newline, whether or not the format's text does.
    text = outcome.text if outcome.text.endswith("\n") else outcome.text + "\n"
    if outcome.output is None:
        sys.stdout.write(text)
        return
    try:
        outcome.output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(CANNOT_WRITE.format(path=outcome.output, reason=error.strerror or error)) from error


def _commands_help() -> str:
    width = max(len(name) for name in COMMANDS)
    rows = [f"  {name.ljust(width)}  {command.summary}" for name, command in COMMANDS.items()]
    return "\n".join(["commands:", *rows])


def _options_taking_values(made: argparse.ArgumentParser) -> set[str]:
    # argparse keeps no public list of its options; an option that takes a value has nargs != 0.
    return {option for option, action in made._option_string_actions.items() if action.nargs != 0}


def _takes_value(word: str, takes_value: set[str]) -> bool:
    """Whether ``word`` is an option whose value is the next word (``--from DIR``, or ``--fr DIR``)."""
    if "=" in word:
        return False
    if word in takes_value:
        return True
    # argparse accepts a long option by any prefix that names it alone.
    known = {option for option in takes_value if option.startswith("--")}
    return word.startswith("--") and len([option for option in known if option.startswith(word)]) == 1
