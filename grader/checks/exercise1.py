"""Your first coroutine"""

from grader import check, expect_duration, expect_output, expect_timeline
from grader.checks.common import check_not_blocking

SLEEP = "print hello, then `await asyncio.sleep(1)`, then print world."


@check(points=2)
def test_prints_hello_then_world(student, run):
    """main() prints hello, then world"""
    expect_output(
        run(student.main), ["hello", "world"], help="print exactly `hello` and then `world`, one print() each."
    )


@check(points=3)
def test_world_comes_one_second_after_hello(student, run):
    """world comes 1 s after hello"""
    expect_timeline(run(student.main), [(0, "hello"), (1, "world")], help=SLEEP)


@check(points=2)
def test_main_finishes_after_one_second(student, run):
    """main() finishes after 1 s"""
    expect_duration(run(student.main), 1.0, help=SLEEP)


@check(points=3)
def test_other_tasks_run_while_main_waits(student, run):
    """other tasks keep running while main() waits"""
    check_not_blocking(student.main, run, "main()")
