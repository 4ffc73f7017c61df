"""Realistic wrong answers to exercise1: each must fail these checks, saying these things."""

from grader.checks.exercise1 import WAIT_FROM_THE_CALL
from grader.mistakes import AWAITED_TWICE, RUN_IN_A_RUNNING_LOOP
from grader.run import NEVER_AWAITED

NEVER_AWAITED_TAIL = NEVER_AWAITED.split("}", 1)[1]
LATER = "main() (called at 5.0 s, then again)"

# file in tests/submissions/exercise1/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_time_sleep.py": {
        "test_other_tasks_run_while_main_waits": [
            "time.sleep(1) at exercise1.py line 8 blocks the event loop",
            "await asyncio.sleep(1)",
        ],
    },
    "wrong_forgot_await.py": {
        "test_world_comes_one_second_after_hello": [
            "'world' was printed at 0.0 s, expected at 1.0 s",
            "sleep()" + NEVER_AWAITED_TAIL,
        ],
        "test_main_finishes_after_one_second": ["main() took 0.0 s of event-loop time, not 1.0 s"],
    },
    "wrong_sleeps_two_seconds.py": {
        "test_world_comes_one_second_after_hello": [
            "'world' was printed at 2.0 s, expected at 1.0 s",
            ">   1.0 s  world     2.0 s  world",
        ],
    },
    "wrong_sleep_milliseconds.py": {
        "test_main_finishes_after_one_second": ["main() took 1000.0 s of event-loop time, not 1.0 s"],
    },
    "wrong_order.py": {"test_prints_hello_then_world": ["line 1: expected 'hello', but your program printed 'world'"]},
    "wrong_sleep_first.py": {
        "test_world_comes_one_second_after_hello": ["'hello' was printed at 1.0 s, expected at 0.0 s"]
    },
    "wrong_no_wait.py": {"test_main_finishes_after_one_second": ["took 0.0 s of event-loop time, not 1.0 s"]},
    "wrong_capitalised.py": {"test_prints_hello_then_world": ["expected 'hello', but your program printed 'Hello'"]},
    "wrong_one_line.py": {"test_prints_hello_then_world": ["printed 'hello world'"]},
    "wrong_returns_instead_of_print.py": {"test_prints_hello_then_world": ["your program printed nothing"]},
    "wrong_asyncio_run_inside_main.py": {
        "test_prints_hello_then_world": [
            "main() raised RuntimeError: asyncio.run() cannot be called from a running event loop",
            'File "exercise1.py", line 7, in main',
            "Hint: " + RUN_IN_A_RUNNING_LOOP.format(call="main()"),
        ],
    },
    # Boundaries: a call later than 0 s, and a second call in the same process.
    "wrong_sleep_made_at_import.py": {
        "test_world_comes_one_second_after_hello": [
            f"{LATER} raised RuntimeError: cannot reuse already awaited coroutine",
            'File "exercise1.py", line 9, in main',
            "Hint: " + AWAITED_TWICE,
        ],
    },
    "wrong_deadline_at_import.py": {
        "test_world_comes_one_second_after_hello": [
            f"{LATER}: 'world' was printed at 5.0 s, expected at 6.0 s",
            ">   6.0 s  world     5.0 s  world",
            "Hint: " + WAIT_FROM_THE_CALL.format(later="5.0 s"),
        ],
    },
    "wrong_call_at_fixed_time.py": {
        "test_world_comes_one_second_after_hello": [
            f"{LATER}: 'world' was printed at 5.0 s, expected at 6.0 s",
            "Hint: " + WAIT_FROM_THE_CALL.format(later="5.0 s"),
        ],
    },
}
