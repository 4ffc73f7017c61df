"""Everything a check author needs, in one import: ``from grader import check, expect_timeline``."""

from .errors import Deadlock, Livelock, LoopProblem, TimeLimitExceeded
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
from .leftovers import expect_nothing_left_running
from .mistakes import expect_no_error, known_mistake
from .observed import Observed, Record, keep
from .orders import run_in_each_order
from .plugin import check
from .render_timeline import seconds, side_by_side, task_chart
from .run import OutOfRealTime, Run, student_traceback
from .sandbox import Limits, current_policy
from .threads import Place, ThreadDeadlock, ThreadError, ThreadErrors, follow_virtual_waits, where_stuck
from .timeline import TOLERANCE, Line, TaskRecord, coroutine_label
from .watching import (
    LOOK_AFTER,
    FutureJob,
    SlowToStopJob,
    TaskJob,
    Watch,
    expect_work_ran,
    fail_on_error,
    hand_over,
)
from .wire import Decoder, Encoder, Opaque, is_coroutine

__all__ = [
    "Call",
    "Calls",
    "Deadlock",
    "Decoder",
    "Encoder",
    "Failure",
    "FutureJob",
    "Job",
    "LOOK_AFTER",
    "Limits",
    "Line",
    "Livelock",
    "LoopProblem",
    "Mismatch",
    "Missing",
    "Observed",
    "Opaque",
    "OutOfRealTime",
    "Place",
    "Record",
    "Run",
    "SlowToStopJob",
    "TOLERANCE",
    "TaskJob",
    "TaskRecord",
    "ThreadDeadlock",
    "ThreadError",
    "ThreadErrors",
    "TimeLimitExceeded",
    "Watch",
    "check",
    "coroutine_label",
    "current_policy",
    "expect_all_tasks_done",
    "expect_concurrency",
    "expect_duration",
    "expect_no_blocking",
    "expect_no_error",
    "expect_nothing_left_running",
    "expect_output",
    "expect_timeline",
    "expect_work_ran",
    "fail_on_error",
    "follow_virtual_waits",
    "hand_over",
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
    "where_stuck",
]
