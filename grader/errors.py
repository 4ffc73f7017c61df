"""Why a virtual event loop gave up, in words a student can act on.

They derive from BaseException so that a student's ``except Exception`` cannot swallow them.
"""

from __future__ import annotations

DEADLOCK = (
    "the event loop got stuck at {time:g} s: every task is waiting, no timer is scheduled "
    "and nothing else can wake it up (a deadlock).\n{tasks}"
)
TIME_LIMIT = "still running after {limit:g} s of event-loop time (the grader's limit): does a loop never end?\n{tasks}"
LIVELOCK = (
    "the event loop went round {count:,} times at {time:g} s without time moving on: "
    "a loop that only does `await asyncio.sleep(0)` never lets time pass (a livelock).\n{tasks}"
)


class LoopProblem(BaseException):
    """The virtual loop stopped the student's code; ``str()`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Deadlock(LoopProblem):
    pass


class TimeLimitExceeded(LoopProblem):
    pass


class Livelock(LoopProblem):
    pass


def _rebuildable_in_the_judge() -> None:
    from . import wire

    wire.register_rebuildable(LoopProblem, Deadlock, TimeLimitExceeded, Livelock)


_rebuildable_in_the_judge()
