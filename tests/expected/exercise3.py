"""Realistic wrong answers to exercise3: each must fail these checks, saying these things."""

# file in tests/submissions/exercise3/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_serial_awaits.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "main() took 3.0 s of event-loop time, not 2.0 s",
            "ran one after the other, so their delays added up (1 s + 2 s)",
            "asyncio.create_task()",
        ],
        "test_both_calls_run_at_the_same_time_and_finish": [
            "never overlapped: say_after(1, 'hello') ran 0.0 s -> 1.0 s; say_after(2, 'world') ran 1.0 s -> 3.0 s"
        ],
    },
    "article_serial.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "main() took 3.0 s of event-loop time, not 2.0 s",
            "(1 s + 2 s)",
        ]
    },
    "wrong_task2_after_await_task1.py": {
        "test_main_takes_as_long_as_the_longest_delay": ["took 3.0 s", "one after the other"]
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
    },
    "wrong_forgot_await_gather.py": {
        "test_both_calls_run_at_the_same_time_and_finish": ["2 task(s) were still not done when main() returned"]
    },
    "wrong_time_sleep.py": {
        "test_main_takes_as_long_as_the_longest_delay": [
            "took 3.0 s",
            "time.sleep(1) at exercise3.py line 7 blocks the event loop",
        ]
    },
    "wrong_started_after_await.py": {
        "test_main_prints_the_four_lines_in_order": [
            "line 1: expected 'started at HH:MM:SS', but your program printed 'hello'"
        ]
    },
    "wrong_asyncio_run_inside_main.py": {
        "test_main_takes_as_long_as_the_longest_delay": ["asyncio.run() cannot be called from a running event loop"]
    },
    "wrong_create_task_no_call.py": {
        "test_main_prints_the_four_lines_in_order": ["main() raised TypeError: create_task()"]
    },
}
