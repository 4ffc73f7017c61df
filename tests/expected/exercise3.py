"""Realistic wrong answers to exercise3: each must fail these checks, saying these things."""

from grader.checks.common import READ_AT_IMPORT, READ_ONCE, WAITS_FROM_THE_CALL
from grader.checks.exercise3 import AWAIT_BOTH, BLOCKED, CREATE_BOTH_FIRST, START_BOTH, STARTED_FIRST
from grader.mistakes import RUN_IN_A_RUNNING_LOOP

LATER = "main() (called at 5.0 s, then again)"

# file in tests/submissions/exercise3/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_serial_awaits.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "main() took 3.0 s of event-loop time, not 2.0 s",
            "ran one after the other, so their delays added up (1 s + 2 s)",
            "asyncio.create_task()",
        ],
        "test_both_calls_run_at_the_same_time_and_finish": [
            "never overlapped: say_after(1, 'hello') ran 0.0 s -> 1.0 s; say_after(2, 'world') ran 1.0 s -> 3.0 s",
            "say_after(2, 'world')  |          ####################|  1.0 s -> 3.0 s (done)",
            "Hint: " + START_BOTH,
        ],
    },
    "article_serial.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "main() took 3.0 s of event-loop time, not 2.0 s",
            "(1 s + 2 s)",
        ]
    },
    "wrong_task2_after_await_task1.py": {
        "test_main_takes_as_long_as_the_longest_delay": ["took 3.0 s", "one after the other"],
        # It did use create_task: the hint says what went wrong with it, not to use it.
        "test_both_calls_run_at_the_same_time_and_finish": ["Hint: " + CREATE_BOTH_FIRST],
    },
    "wrong_tasks_never_awaited.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "main() took 0.0 s of event-loop time, not 2.0 s",
            "main() returned before the say_after calls had finished",
        ],
        "test_both_calls_run_at_the_same_time_and_finish": [
            "2 task(s) were still not done when main() returned; asyncio cancelled them",
            "(cancelled)",
        ],
        "test_main_prints_the_four_lines_in_order": ["Hint: " + AWAIT_BOTH],
    },
    "wrong_forgot_await_gather.py": {
        "test_both_calls_run_at_the_same_time_and_finish": ["2 task(s) were still not done when main() returned"]
    },
    "wrong_time_sleep.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "took 3.0 s",
            "time.sleep(1) at exercise3.py line 7 blocks the event loop",
        ],
        # It did start both tasks: the hint blames time.sleep, and the chart agrees with the text.
        "test_both_calls_run_at_the_same_time_and_finish": [
            "say_after(1, 'hello') ran 0.0 s -> 1.0 s; say_after(2, 'world') ran 1.0 s -> 3.0 s",
            "say_after(1, 'hello')  |##########                    |  0.0 s -> 1.0 s (done)",
            "Hint: " + BLOCKED,
        ],
    },
    "wrong_started_after_await.py": {
        "test_main_prints_the_four_lines_in_order": [
            "line 1: expected 'started at HH:MM:SS', but your program printed 'hello'",
            "Hint: " + STARTED_FIRST,
        ]
    },
    "wrong_asyncio_run_inside_main.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "asyncio.run() cannot be called from a running event loop",
            "Hint: " + RUN_IN_A_RUNNING_LOOP.format(call="main()"),
        ]
    },
    "wrong_create_task_no_call.py": {
        "test_main_prints_the_four_lines_in_order": ["main() raised TypeError: create_task()"]
    },
    # A clock string read at import (or through a default argument); a start later than 0 s.
    "wrong_started_at_import.py": {
        "test_clock_lines_show_the_time_they_are_printed": [
            f"{LATER}: 'started at 09:00:00' was printed at 5.0 s, when the clock read 09:00:05",
            "Hint: " + READ_AT_IMPORT.format(later="5.0 s", line="started at", reading="09:00:00"),
        ],
    },
    "wrong_clock_default_argument.py": {
        "test_clock_lines_show_the_time_they_are_printed": [
            "'finished at 09:00:00' was printed at 2.0 s, when the clock read 09:00:02",
            ">   2.0 s  finished at 09:00:02     2.0 s  finished at 09:00:00",
            "Hint: " + READ_ONCE,
        ],
    },
    # A schedule read at import: right at 0 s, wrong when main() is called later, or again.
    "wrong_schedule_from_import.py": {
        "test_hello_after_one_second_and_world_after_two": [
            f"{LATER}: 'hello' was printed at 5.0 s, expected at 6.0 s",
            ">   6.0 s  hello                    5.0 s  hello",
            "Hint: " + WAITS_FROM_THE_CALL.format(call="main()", later="5.0 s"),
        ],
    },
}
