"""Everything a check author needs, in one import: ``from grader import check, expect_timeline``."""

from .expect import (
    expect_all_tasks_done,
    expect_concurrency,
    expect_duration,
    expect_no_blocking,
    expect_output,
    expect_timeline,
)
from .failures import Failure, Mismatch, Missing, plain_repr
from .instrument import Call, Calls, Job, spy
from .plugin import check
from .render_timeline import seconds, side_by_side, task_chart
from .run import Run
from .sandbox import Limits
from .timeline import TOLERANCE, Line, TaskRecord

__all__ = [
    "Call",
    "Calls",
    "Failure",
    "Job",
    "Limits",
    "Line",
    "Mismatch",
    "Missing",
    "Run",
    "TOLERANCE",
    "TaskRecord",
    "check",
    "expect_all_tasks_done",
    "expect_concurrency",
    "expect_duration",
    "expect_no_blocking",
    "expect_output",
    "expect_timeline",
    "plain_repr",
    "seconds",
    "side_by_side",
    "spy",
    "task_chart",
]
