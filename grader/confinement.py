"""What the judge lets a sandbox reach: decided once per grading session, from its settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from .confine import Confinement
from .student import Sandboxing

GRADER = Path(__file__).resolve().parent


def sandboxing_for(config: pytest.Config) -> Sandboxing:
    """The real-time limit, and a confinement that hides the grader and the checks being run."""
    timeout = config.getoption("grader_timeout")
    if config.getoption("unconfined"):
        return Sandboxing(timeout)
    check_files = [Path(str(arg)).resolve() for arg in config.args]

    def confinement(scratch: Path, submission: Path) -> Confinement:
        submission = submission.resolve()
        return Confinement(workdir=scratch, readable=(submission,), hidden=hidden(check_files, submission))

    return Sandboxing(timeout, confinement)


def hidden(check_files: list[Path], submission: Path) -> tuple[Path, ...]:
    """The grader's package, and each check module's folder (its other checks, a course's
    solutions beside it) unless the submission is in there too: then the check files alone."""
    paths = [GRADER]
    for file in check_files:
        folder = file.parent if file.is_file() else file
        paths.append(file if submission.is_relative_to(folder) else folder)
    return tuple(dict.fromkeys(paths))
