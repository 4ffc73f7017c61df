"""Your first coroutine

Boundaries of the contract (``async def main()`` prints hello, waits 1 s, prints world):

- main() takes no arguments, so there is no 0 / 1 / many / empty case to try.
- A start later than 0 s, and a second call in the same process: "world comes 1 s after hello"
  also calls main() at 5 s and then again at once, in one process. A deadline worked out at
  import (``time.monotonic() + 1``), a fixed loop time (``loop.call_at(1, ...)``, which only works
  because the grader's loop starts at 0) or one ``asyncio.sleep(1)`` coroutine made at import
  and awaited on every call all pass a lone call at 0 s and fail there.
- There is no clock string in this exercise, so no reading at import to catch.
- Blocking (``time.sleep``) moves the virtual clock like a real wait, so the timeline checks
  can't see it: "other tasks keep running while main() waits" runs a ticker beside main().
"""

import pytest

from grader import check, expect_duration, expect_output, seconds
from grader.checks.common import (
    LATER,
    check_not_blocking,
    expect_times,
    explained,
    later_and_again,
    later_and_again_label,
)

SLEEP = "print hello, then `await asyncio.sleep(1)`, then print world."
HELLO_WORLD = "print exactly `hello` and then `world`, one print() each."
WAIT_FROM_THE_CALL = (
    "main() waited 1 s when it was called at 0 s, but not when called at {later} or a second time: wait a "
    "duration from the moment main() is called (`await asyncio.sleep(1)` in main()), not until an instant "
    "worked out in advance (at import, or a fixed loop time such as `loop.call_at(1, ...)`)."
)


@pytest.fixture
def run(run):
    """The kit's ``run``, with a hint for an error that is the symptom of a known mistake."""
    return explained(run)


@check(points=2)
def test_prints_hello_then_world(student, run):
    """main() prints hello, then world"""
    expect_output(run(student.main), ["hello", "world"], help=HELLO_WORLD)


@check(points=3)
def test_world_comes_one_second_after_hello(student, run):
    """world comes 1 s after hello"""
    expect_times(run(student.main), [(0, "hello"), (1, "world")], time_help=SLEEP, text_help=HELLO_WORLD)
    # Right at 0 s: so if it goes wrong later, or on a second call, main() depends on when it runs.
    label = later_and_again_label("main()")
    expected = [(LATER, "hello"), (LATER + 1, "world"), (LATER + 1, "hello"), (LATER + 2, "world")]
    later = WAIT_FROM_THE_CALL.format(later=seconds(LATER))
    expect_times(run(later_and_again(student.main), label=label), expected, time_help=later, context=label)


@check(points=2)
def test_main_finishes_after_one_second(student, run):
    """main() finishes after 1 s"""
    expect_duration(run(student.main), 1.0, help=SLEEP)


@check(points=3)
def test_other_tasks_run_while_main_waits(student, run):
    """other tasks keep running while main() waits"""
    check_not_blocking(student.main, run, "main()")
