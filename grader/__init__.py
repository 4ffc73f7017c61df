"""An asyncio teaching kit's grader: checks run student coroutines on a virtual clock.

The check-writing API (``check``, ``Failure``, ``expect_timeline``…) is imported lazily, so
that the ``grade`` command starts without loading pytest in its own process.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"


# The names of grader.api, listed here so that looking up anything else (a submodule, during
# `from grader import worker`) does not load the whole API; a test keeps the two lists equal.
API = frozenset(
    {
        "Call", "Calls", "Deadlock", "Decoder", "Encoder", "Failure", "Job", "Limits", "Line", "Livelock",
        "LoopProblem", "Mismatch", "Missing", "Observed", "Opaque", "OutOfRealTime", "Record", "Run", "TOLERANCE",
        "TaskRecord", "TimeLimitExceeded", "check", "coroutine_label", "current_policy", "expect_all_tasks_done",
        "expect_concurrency", "expect_duration", "expect_no_blocking", "expect_output", "expect_timeline",
        "is_coroutine", "keep", "plain_repr", "seconds", "side_by_side", "spy", "student_traceback", "task_chart",
        "expect_no_error", "known_mistake",
        "run_in_each_order",
        "FutureJob", "LOOK_AFTER", "SlowToStopJob", "TaskJob", "Watch", "expect_nothing_left_running",
        "expect_work_ran", "fail_on_error", "hand_over",
        "Place", "ThreadDeadlock", "ThreadError", "ThreadErrors", "follow_virtual_waits", "where_stuck",
    }
)  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in API:
        return getattr(importlib.import_module("grader.api"), name)
    raise AttributeError(f"module 'grader' has no attribute {name!r}")
