"""Realistic wrong answers to exercise2: each must fail these checks, saying these things."""

from grader.run import NEVER_AWAITED

NEVER_AWAITED_TAIL = NEVER_AWAITED.split("}", 1)[1]

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
        "test_main_awaits_say_after_one_call_after_the_other": ["main() called nothing"],
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
        ]
    },
    "wrong_finished_before_await.py": {
        "test_main_prints_the_four_lines_in_order": [
            "line 2: expected 'hello', but your program printed 'finished at HH:MM:SS'"
        ]
    },
    "wrong_datetime_microseconds.py": {
        "test_main_prints_the_four_lines_in_order": ["printed 'started at 2024-04-01 HH:MM:SS'", "time.strftime('%X')"]
    },
    "wrong_time_time.py": {"test_hello_after_one_second_and_world_after_three": ["printed 'started at 1711962000.0'"]},
    "wrong_swapped_order.py": {
        "test_main_awaits_say_after_one_call_after_the_other": [
            "main() called say_after(2, 'world'), say_after(1, 'hello')"
        ]
    },
}
