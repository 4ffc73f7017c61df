"""Tasks run at the same time"""

from grader import (
    Failure,
    check,
    expect_all_tasks_done,
    expect_duration,
    expect_output,
    expect_timeline,
    seconds,
    spy,
    task_chart,
)
from grader.checks.common import any_clock, at, check_say_after

LINES = ["started at HH:MM:SS", "hello", "world", "finished at HH:MM:SS"]
START_BOTH = (
    "Start both calls with asyncio.create_task() before awaiting either; "
    "then await both tasks before printing `finished at`."
)
ADDED_UP = "the two say_after calls ran one after the other, so their delays added up (1 s + 2 s)"
RETURNED_EARLY = "main() returned before the say_after calls had finished"


@check(points=1)
def test_say_after_waits_then_prints(student, run):
    """say_after(0.5, 'ping') waits 0.5 s, then prints ping"""
    check_say_after(student, run)


@check(points=2)
def test_main_prints_the_four_lines_in_order(student, run):
    """main() prints started at, hello, world and finished at, in that order"""
    expect_output(run(student.main), LINES, normalize=any_clock, help=START_BOTH)


@check(points=2)
def test_hello_after_one_second_and_world_after_two(student, run):
    """hello comes at 1 s and world at 2 s"""
    expected = [(0, f"started at {at(0)}"), (1, "hello"), (2, "world"), (2, f"finished at {at(2)}")]
    expect_timeline(run(student.main), expected, help=START_BOTH)


@check(points=3)
def test_main_takes_as_long_as_the_longest_delay(student, run):
    """main() takes 2 s, the longest delay, not 3 s, their sum"""
    calls = spy(student, "say_after")
    result = run(student.main)
    why = None
    if result.duration is not None and result.duration < 2 and not all(call.returned for call in calls):
        why = RETURNED_EARLY
    elif result.duration is not None and result.duration > 2 and len(calls) > 1 and calls.peak() < 2:
        why = ADDED_UP
    expect_duration(result, 2.0, help=f"{why}. {START_BOTH}" if why else START_BOTH)


@check(points=2)
def test_both_calls_run_at_the_same_time_and_finish(student, run):
    """both say_after calls run at the same time, and no task is left unfinished"""
    calls = spy(student, "say_after")
    result = run(student.main)
    expect_all_tasks_done(result, help="await every task you create before main() returns.")
    if calls.peak() < 2:
        spans = "; ".join(
            f"say_after{call.args!r} ran {seconds(call.started)} -> {seconds(call.finished)}" for call in calls
        )
        raise Failure(
            f"the say_after calls never overlapped: {spans or 'say_after was never called'}",
            help=START_BOTH,
            details=task_chart(result.tasks) if result.tasks else None,
            notes=result.notes(),
        )
