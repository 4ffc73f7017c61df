"""Realistic wrong answers to exercise2: each must fail these checks, saying these things."""

from grader.checks.common import CLOCK_FORMAT, READ_AT_IMPORT, READ_ONCE
from grader.checks.exercise2 import HELLO_FIRST, NEVER_RAN, ONE_AFTER_ANOTHER
from grader.run import NEVER_AWAITED

NEVER_AWAITED_TAIL = NEVER_AWAITED.split("}", 1)[1]
LATER = "main() (called at 5.0 s, then again)"

# file in tests/submissions/exercise2/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_create_task_too_fast.py": {
        "test_main_takes_three_seconds": ["main() took 2.0 s of event-loop time, not 3.0 s"],
        "test_main_awaits_say_after_one_call_after_the_other": ["the two say_after calls overlapped"],
    },
    "wrong_time_sleep.py": {
        "test_other_tasks_run_while_main_waits": ["time.sleep(1) at exercise2.py line 7 blocks the event loop"]
    },
    "wrong_forgot_await.py": {
        "test_main_takes_three_seconds": ["main() took 0.0 s", "say_after()" + NEVER_AWAITED_TAIL],
        "test_main_awaits_say_after_one_call_after_the_other": [NEVER_RAN, "Hint: " + ONE_AFTER_ANOTHER],
    },
    "wrong_forgot_await_sleep.py": {
        "test_say_after_waits_then_prints": [
            "'ping' was printed at 0.0 s, expected at 0.5 s",
            "sleep()" + NEVER_AWAITED_TAIL,
        ]
    },
    "wrong_print_before_sleep.py": {
        "test_say_after_waits_then_prints": [
            "'ping' was printed at 0.0 s, expected at 0.5 s",
            "`await asyncio.sleep(delay)` first",
        ],
        # The fault is in say_after, not in the order of main()'s awaits.
        "test_hello_after_one_second_and_world_after_three": [
            "'hello' was printed at 0.0 s, expected at 1.0 s",
            "Hint: `await asyncio.sleep(delay)` first",
        ],
    },
    "wrong_finished_before_await.py": {
        "test_main_prints_the_four_lines_in_order": [
            "line 2: expected 'hello', but your program printed 'finished at HH:MM:SS'"
        ]
    },
    "wrong_datetime_microseconds.py": {
        "test_main_prints_the_four_lines_in_order": ["printed 'started at 2024-04-01 HH:MM:SS'", "time.strftime('%X')"]
    },
    "wrong_time_time.py": {
        "test_main_prints_the_four_lines_in_order": ["printed 'started at 1711962000.0'"],
        "test_clock_lines_show_the_time_they_are_printed": [
            "'started at 1711962000.0' was printed at 0.0 s, when the clock read 09:00:00",
            "Hint: " + CLOCK_FORMAT,
        ],
    },
    "wrong_swapped_order.py": {
        "test_main_awaits_say_after_one_call_after_the_other": [
            "main() called say_after(2, 'world'), say_after(1, 'hello')"
        ],
        "test_main_prints_the_four_lines_in_order": ["Hint: " + HELLO_FIRST],
    },
    # A clock string read at import, or read once and printed twice; a start later than 0 s.
    "wrong_started_at_import.py": {
        "test_clock_lines_show_the_time_they_are_printed": [
            f"{LATER}: 'started at 09:00:00' was printed at 5.0 s, when the clock read 09:00:05",
            ">   5.0 s  started at 09:00:05      5.0 s  started at 09:00:00",
            "Hint: " + READ_AT_IMPORT.format(later="5.0 s", line="started at", reading="09:00:00"),
        ],
    },
    "wrong_finished_reuses_started.py": {
        "test_clock_lines_show_the_time_they_are_printed": [
            "'finished at 09:00:00' was printed at 3.0 s, when the clock read 09:00:03",
            "Hint: " + READ_ONCE,
        ],
    },
}
