"""What a ``grade`` command is: its name, its arguments, and a run that returns what to show.

A command never prints or exits: it returns an Outcome, and the command line shows it (on
stdout, or in the file ``--output`` names) and exits with its status.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .catalog import Exercise
from .course import Course
from .usage import EXIT_PASSED


@dataclass(frozen=True)
class Outcome:
    text: str
    status: int = EXIT_PASSED
    output: Path | None = None  # where ``text`` goes: stdout when None


@dataclass(frozen=True)
class Context:
    """What a command runs with: its parsed options and the course they chose."""

    options: argparse.Namespace
    course: Course
    # Every command's name and summary: words that no exercise may take as its name.
    commands: Mapping[str, str]

    def exercises(self) -> list[Exercise]:
        return self.course.catalog(self.commands)


@dataclass(frozen=True)
class Command:
    name: str
    summary: str  # one line, in the imperative: shown by `grade --help`
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Context], Outcome]
    epilog: str = ""  # what its exit statuses mean, for its --help
