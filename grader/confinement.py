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
    hidden = tuple(dict.fromkeys([GRADER, *(Path(str(arg)).resolve().parent for arg in config.args)]))

    def confinement(scratch: Path, submission: Path) -> Confinement:
        return Confinement(workdir=scratch, readable=(submission.resolve(),), hidden=hidden)

    return Sandboxing(timeout, confinement)
