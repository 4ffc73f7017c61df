# file: tests/instructor_example/checks/exercise11.py
"""A countdown"""

from grader import check, expect_duration, expect_no_blocking, expect_output, expect_timeline

ONE_A_SECOND = "print a number, then `await asyncio.sleep(1)`; after the last number, print liftoff."


@check(points=2)
def test_prints_the_numbers_then_liftoff(student, run):
    """countdown(3) prints 3, 2, 1, then liftoff"""
    expect_output(
        run(student.countdown, 3),
        ["3", "2", "1", "liftoff"],
        help="count down with range(n, 0, -1), one print() per number, then print liftoff.",
    )


@check(points=3)
def test_one_line_a_second(student, run):
    """each line comes 1 s after the one before"""
    expected = [(0, "3"), (1, "2"), (2, "1"), (3, "liftoff")]
    expect_timeline(run(student.countdown, 3), expected, help=ONE_A_SECOND)


@check(points=2)
def test_finishes_after_n_seconds(student, run):
    """countdown(3) finishes after 3 s"""
    expect_duration(run(student.countdown, 3), 3.0, help=ONE_A_SECOND)


@check(points=2)
def test_does_not_block_the_event_loop(student, run):
    """countdown(3) waits without blocking the event loop"""
    expect_no_blocking(run(student.countdown, 3), help="wait with `await asyncio.sleep(1)`, not time.sleep(1).")


@check(points=1, hidden=True)
def test_zero_is_liftoff_at_once(student, run):
    """countdown(0) prints liftoff at once"""
    expect_timeline(run(student.countdown, 0), [(0, "liftoff")], help="with n = 0 there is nothing to count down.")
