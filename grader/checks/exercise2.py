"""Awaiting one after another

Boundaries of the contract (``say_after(delay, what)``; ``main()`` prints ``started at``, awaits
``say_after(1, 'hello')`` then ``say_after(2, 'world')``, prints ``finished at``):

- A fractional delay: say_after(0.5, 'ping'), which a delay rounded to whole seconds, or one
  fixed at 1 s, fails. A delay of 0 is left out: it would only show what 0.5 s already shows.
- A clock string read at import, and a start later than 0 s: "started at and finished at show
  the time ..." calls main() at 0 s, then at 5 s and again at once in the same process, and
  wants every `started at` / `finished at` line to show the clock at the instant it is printed.
  A reading kept at import (a module-level variable, a default argument) shows 09:00:00 at 5 s;
  a reading taken once and printed twice shows in the call at 0 s.
- A second call in the same process, and its timing: "hello comes at 1 s and world at 3 s"
  also calls main() at 5 s and then again at once, and wants hello and world 1 s and 3 s after
  each call's start (a wait until an instant worked out at import, or a fixed loop time, fails).
  Its errors too (a coroutine made once at import and awaited again) fail there.
- The times are checked apart from the clock strings ("hello comes at 1 s and world at 3 s"
  blanks the readings, and times hello and world only, not the order of the lines), so that a
  stale reading is reported under the clock's check and a misplaced `started at` under the
  lines' check; a timing hint is given only on evidence (say_after printing before its delay,
  calls that overlapped, a say_after never awaited).
- Blocking (``time.sleep``) moves the virtual clock like a real wait: "other tasks keep running
  while main() waits" runs a ticker beside main().
"""

import pytest

from grader import Failure, check, expect_duration, expect_output, spy
from grader.checks.common import (
    PRINT_CLOCK_LINES,
    SAY_AFTER_HELP,
    any_clock,
    blank_clocks,
    check_clock_lines,
    check_not_blocking,
    check_say_after,
    expect_printed_at,
    expect_same_later_and_again,
    explained,
    is_clock_line,
    never_awaited,
    printed_before_its_delay,
)

LINES = ["started at HH:MM:SS", "hello", "world", "finished at HH:MM:SS"]
CALLS = [(1, "hello"), (2, "world")]
ONE_AFTER_ANOTHER = (
    "await say_after(1, 'hello') and then await say_after(2, 'world'): each await waits for the call to end."
)
CALL_SAY_AFTER = "call say_after, instead of printing or sleeping in main() itself."
HELLO_FIRST = "await say_after(1, 'hello') first, then say_after(2, 'world')."
NEVER_RAN = "main() called say_after but never awaited it, so no say_after call ran"
CALLED = "main() called {shown}; expected say_after(1, 'hello') and then say_after(2, 'world')"
OVERLAPPED = "the two say_after calls overlapped: this exercise is about awaiting one after the other"


@pytest.fixture
def run(run):
    """The kit's ``run``, with a hint for an error that is the symptom of a known mistake."""
    return explained(run)


def why(result, calls):
    """The hint the evidence supports for main()'s lines or times, or None."""
    if never_awaited(result, "say_after"):
        return ONE_AFTER_ANOTHER
    if printed_before_its_delay(result, calls):
        return SAY_AFTER_HELP
    if calls.peak() > 1:
        return ONE_AFTER_ANOTHER
    arguments = calls.arguments()
    if sorted(arguments) == sorted(CALLS) and arguments != CALLS:
        return HELLO_FIRST
    if arguments != CALLS:
        return CALL_SAY_AFTER
    return None


def lines_hint(result, calls):
    """The hint for lines out of order: about the clock lines when one of them is where the lines
    first differ (unless say_after was never awaited, which moves `finished at` up too)."""
    if never_awaited(result, "say_after"):
        return ONE_AFTER_ANOTHER
    texts = [any_clock(text) for text in result.texts]
    first = next((i for i, want in enumerate(LINES) if i >= len(texts) or texts[i] != want), len(LINES))
    if any(is_clock_line(lines[first]) for lines in (LINES, texts) if first < len(lines)):
        return PRINT_CLOCK_LINES
    return why(result, calls)


@check(points=2)
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
def test_hello_after_one_second_and_world_after_three(student, run):
    """hello comes at 1 s and world at 3 s"""
    calls = spy(student, "say_after")
    result = blank_clocks(run(student.main))
    timeline = [(0, LINES[0]), (1, "hello"), (3, "world"), (3, LINES[3])]
    wanted = [(1, "hello"), (3, "world")]
    expect_printed_at(result, wanted, timeline, time_help=why(result, calls), text_help=lines_hint(result, calls))
    # Right at 0 s: so if it goes wrong later, or on a second call, main() depends on when it runs.
    expect_same_later_and_again(run, student.main, wanted, timeline, normalize=blank_clocks)


@check(points=1)
def test_clock_lines_show_the_time_they_are_printed(student, run):
    """started at and finished at show the time they are printed, also when main() is called later, or twice"""
    check_clock_lines(student, run)


@check(points=1)
def test_main_takes_three_seconds(student, run):
    """main() takes 3 s: the delays add up"""
    calls = spy(student, "say_after")
    result = run(student.main)
    expect_duration(result, 3.0, help=why(result, calls))


@check(points=1)
def test_main_awaits_say_after_one_call_after_the_other(student, run):
    """main() calls say_after(1, 'hello'), then say_after(2, 'world') once the first has ended"""
    calls = spy(student, "say_after")
    result = run(student.main)
    if not calls and never_awaited(result, "say_after"):
        raise Failure(NEVER_RAN, help=ONE_AFTER_ANOTHER, notes=result.notes())
    if calls.arguments() != CALLS:
        shown = ", ".join(f"say_after{args!r}" for args in calls.arguments()) or "nothing"
        raise Failure(CALLED.format(shown=shown), help=why(result, calls))
    if not calls.one_after_another():
        raise Failure(OVERLAPPED, help=ONE_AFTER_ANOTHER)


@check(points=2)
def test_other_tasks_run_while_main_waits(student, run):
    """other tasks keep running while main() waits"""
    check_not_blocking(student.main, run, "main()")
