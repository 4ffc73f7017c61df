"""Tasks run at the same time

Boundaries of the contract (``say_after(delay, what)``; ``main()`` starts say_after(1, 'hello')
and say_after(2, 'world') as tasks, prints ``started at``, awaits both, prints ``finished at``):

- A fractional delay: say_after(0.5, 'ping'), as in exercise 2 (a delay of 0 is left out).
- A clock string read at import, and a start later than 0 s: "started at and finished at show
  the time ..." calls main() at 0 s, then at 5 s and again at once in the same process, and
  wants every `started at` / `finished at` line to show the clock at the instant it is printed.
- A second call in the same process, and its timing: "hello comes at 1 s and world at 2 s"
  also calls main() at 5 s and then again at once, and wants hello and world 1 s and 2 s after
  each call's start (say_after waiting until `delay` s after a start read at import fails).
- Equal delays, or the longer call first, are left out: main()'s calls are fixed by the exercise,
  and "right_await_task2_first" (awaiting the longer task first) is among the right answers.
- The times are checked apart from the clock strings (and only those of hello and world, not
  the order of the lines), and every hint rests on evidence from the run: a blocking call
  (time.sleep), tasks left unfinished, tasks made one after the other, calls awaited one after
  the other without tasks, say_after printing before its delay.
"""

import pytest

from grader import Failure, check, expect_all_tasks_done, expect_duration, expect_output, seconds, spy
from grader.checks.common import (
    SAY_AFTER_HELP,
    any_clock,
    blank_clocks,
    check_clock_lines,
    check_say_after,
    expect_printed_at,
    expect_same_later_and_again,
    explained,
    printed_before_its_delay,
)

LINES = ["started at HH:MM:SS", "hello", "world", "finished at HH:MM:SS"]
START_BOTH = (
    "Start both calls with asyncio.create_task() before awaiting either; "
    "then await both tasks before printing `finished at`."
)
ADDED_UP = "the two say_after calls ran one after the other, so their delays added up (1 s + 2 s)"
RETURNED_EARLY = "main() returned before the say_after calls had finished"
CREATE_BOTH_FIRST = (
    "create both tasks before awaiting either: main() created the second task only once the first had finished."
)
AWAIT_BOTH = (
    "await both tasks before printing `finished at`: a task that main() doesn't await is cancelled when it returns."
)
BLOCKED = (
    "time.sleep blocks the event loop, so while one say_after sleeps, no other task can run, tasks or not: "
    "wait with `await asyncio.sleep(delay)`."
)
STARTED_FIRST = "print `started at` right after creating the two tasks, before awaiting them."
NEVER_OVERLAPPED = "the say_after calls never overlapped: {spans}"


@pytest.fixture
def run(run):
    """The kit's ``run``, with a hint for an error that is the symptom of a known mistake."""
    return explained(run)


def why(result, calls):
    """The hint the evidence from one run of main() supports, or None."""
    if result.blocking:
        return BLOCKED
    if printed_before_its_delay(result, calls):
        return SAY_AFTER_HELP
    if result.left_running or any(call.outcome == "cancelled" for call in calls):
        return AWAIT_BOTH
    if len(calls) > 1 and calls.peak() < 2:
        return CREATE_BOTH_FIRST if len(result.tasks_of("say_after")) > 1 else START_BOTH
    return None


def lines_hint(result, calls):
    """For lines out of order: ``why``, else, when `started at` comes after hello, where to print it."""
    hint = why(result, calls)
    texts = [any_clock(text) for text in result.texts]
    if hint is None and LINES[0] in texts and texts.index(LINES[0]) > 0:
        return STARTED_FIRST
    return hint


def sentence(why_it_failed, hint):
    """``why_it_failed``, then the hint as a sentence of its own."""
    if not why_it_failed:
        return hint
    return f"{why_it_failed}. {hint[:1].upper()}{hint[1:]}" if hint else f"{why_it_failed}."


@check(points=1)
def test_say_after_waits_then_prints(student, run):
    """say_after(0.5, 'ping') waits 0.5 s, then prints ping"""
    check_say_after(student, run)


@check(points=2)
def test_main_prints_the_four_lines_in_order(student, run):
    """main() prints started at, hello, world and finished at, in that order"""
    calls = spy(student, "say_after")
    result = run(student.main)
    expect_output(result, LINES, normalize=any_clock, help=lines_hint(result, calls))


@check(points=1)
def test_hello_after_one_second_and_world_after_two(student, run):
    """hello comes at 1 s and world at 2 s"""
    calls = spy(student, "say_after")
    result = blank_clocks(run(student.main))
    timeline = [(0, LINES[0]), (1, "hello"), (2, "world"), (2, LINES[3])]
    wanted = [(1, "hello"), (2, "world")]
    expect_printed_at(result, wanted, timeline, time_help=why(result, calls), text_help=lines_hint(result, calls))
    # Right at 0 s: so if it goes wrong later, or on a second call, main() depends on when it runs.
    expect_same_later_and_again(run, student.main, wanted, timeline, normalize=blank_clocks)


@check(points=1)
def test_clock_lines_show_the_time_they_are_printed(student, run):
    """started at and finished at show the time they are printed, also when main() is called later, or twice"""
    check_clock_lines(student, run)


@check(points=3)
def test_main_takes_as_long_as_the_longest_delay(student, run):
    """main() takes 2 s, the longest delay, not 3 s, their sum"""
    calls = spy(student, "say_after")
    result = run(student.main)
    reason = None
    if result.duration is not None and result.duration < 2 and not all(call.returned for call in calls):
        reason = RETURNED_EARLY
    elif result.duration is not None and result.duration > 2 and len(calls) > 1 and calls.peak() < 2:
        reason = ADDED_UP
    expect_duration(result, 2.0, help=sentence(reason, why(result, calls)))


@check(points=2)
def test_both_calls_run_at_the_same_time_and_finish(student, run):
    """both say_after calls run at the same time, and no task is left unfinished"""
    calls = spy(student, "say_after")
    result = run(student.main)
    expect_all_tasks_done(result, help="await every task you create before main() returns.")
    if calls.peak() < 2:
        spans = "; ".join(
            f"say_after{call.args!r} ran {seconds(call.started)} -> {seconds(call.finished)}"
            for call in calls
            if call.finished is not None
        )
        raise Failure(
            NEVER_OVERLAPPED.format(spans=spans or "say_after was never called"),
            help=why(result, calls) or START_BOTH,
            details=calls.chart(),
            notes=result.notes(),
        )
