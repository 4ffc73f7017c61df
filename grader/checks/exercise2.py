"""Awaiting one after another"""

from grader import Failure, check, expect_duration, expect_output, expect_timeline, spy
from grader.checks.common import any_clock, at, check_not_blocking, check_say_after

LINES = ["started at HH:MM:SS", "hello", "world", "finished at HH:MM:SS"]
ONE_AFTER_ANOTHER = (
    "await say_after(1, 'hello') and then await say_after(2, 'world'): each await waits for the call to end."
)


@check(points=2)
def test_say_after_waits_then_prints(student, run):
    """say_after(0.5, 'ping') waits 0.5 s, then prints ping"""
    check_say_after(student, run)


@check(points=2)
def test_main_prints_the_four_lines_in_order(student, run):
    """main() prints started at, hello, world and finished at, in that order"""
    expect_output(
        run(student.main),
        LINES,
        normalize=any_clock,
        help="print `started at` with time.strftime('%X') first and `finished at` last.",
    )


@check(points=2)
def test_hello_after_one_second_and_world_after_three(student, run):
    """hello comes at 1 s and world at 3 s"""
    expected = [(0, f"started at {at(0)}"), (1, "hello"), (3, "world"), (3, f"finished at {at(3)}")]
    expect_timeline(run(student.main), expected, help=ONE_AFTER_ANOTHER)


@check(points=1)
def test_main_takes_three_seconds(student, run):
    """main() takes 3 s: the delays add up"""
    expect_duration(run(student.main), 3.0, help=ONE_AFTER_ANOTHER)


@check(points=1)
def test_main_awaits_say_after_one_call_after_the_other(student, run):
    """main() calls say_after(1, 'hello'), then say_after(2, 'world') once the first has ended"""
    calls = spy(student, "say_after")
    run(student.main)
    if calls.arguments() != [(1, "hello"), (2, "world")]:
        shown = ", ".join(f"say_after{args!r}" for args in calls.arguments()) or "nothing"
        raise Failure(
            f"main() called {shown}; expected say_after(1, 'hello') and then say_after(2, 'world')",
            help="call say_after, instead of printing or sleeping in main() itself.",
        )
    if not calls.one_after_another():
        raise Failure(
            "the two say_after calls overlapped: this exercise is about awaiting one after the other",
            help=ONE_AFTER_ANOTHER,
        )


@check(points=2)
def test_other_tasks_run_while_main_waits(student, run):
    """other tasks keep running while main() waits"""
    check_not_blocking(student.main, run, "main()")
