"""How the judge confines the sandbox processes of one grading session."""

from __future__ import annotations

import pytest

from .student import Sandboxing


def sandboxing_for(config: pytest.Config) -> Sandboxing:
    return Sandboxing(timeout=config.getoption("grader_timeout"))
