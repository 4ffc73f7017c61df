"""Everything a check author needs, in one import: ``from grader import check, expect_timeline``."""

from .expect import (
    expect_all_tasks_done,
    expect_concurrency,
    expect_duration,
    expect_no_blocking,
    expect_output,
    expect_timeline,
)
from .errors import Deadlock, Livelock, LoopProblem, TimeLimitExceeded
from .failures import Failure, Mismatch, Missing, plain_repr
from .instrument import Call, Calls, Job, spy
from .mistakes import expect_no_error, known_mistake
from .observed import Observed, Record, keep
from .orders import run_in_each_order
from .plugin import check
from .render_timeline import seconds, side_by_side, task_chart
from .run import OutOfRealTime, Run, student_traceback
from .sandbox import Limits, current_policy
from .timeline import TOLERANCE, Line, TaskRecord, coroutine_label
from .wire import Decoder, Encoder, Opaque, is_coroutine

__all__ = [
    "Call",
    "Calls",
    "Deadlock",
    "Decoder",
    "Encoder",
    "Failure",
    "Job",
    "Limits",
    "Line",
    "Livelock",
    "LoopProblem",
    "Mismatch",
    "Missing",
    "Observed",
    "Opaque",
    "OutOfRealTime",
    "Record",
    "Run",
    "TOLERANCE",
    "TaskRecord",
    "TimeLimitExceeded",
    "check",
    "coroutine_label",
    "current_policy",
    "expect_all_tasks_done",
    "expect_concurrency",
    "expect_duration",
    "expect_no_blocking",
    "expect_no_error",
    "expect_output",
    "expect_timeline",
    "is_coroutine",
    "keep",
    "known_mistake",
    "plain_repr",
    "run_in_each_order",
    "seconds",
    "side_by_side",
    "spy",
    "student_traceback",
    "task_chart",
]
