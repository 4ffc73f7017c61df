"""Realistic wrong answers to exercise4: each must fail these checks, saying these things."""

# file in tests/submissions/exercise4/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_sequential_for_loop.py": {
        "test_takes_as_long_as_the_longest_fetch": ["took 6.0 s of event-loop time, not 3.0 s", "asyncio.gather"],
        "test_all_fetches_run_at_the_same_time": ["at most 1 fetch() calls ran at the same time; expected all 3"],
    },
    "wrong_as_completed_order.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "expected ['pear', 'apple', 'fig'], not ['apple', 'pear', 'fig']",
            "in the order it was given them",
        ]
    },
    "wrong_gather_sorted_values.py": {"test_returns_the_values_in_the_order_of_jobs": ["not ['apple', 'fig', 'pear']"]},
    "wrong_sorted_by_delay.py": {"test_returns_the_values_in_the_order_of_jobs": ["not ['apple', 'pear', 'fig']"]},
    "wrong_asyncio_wait_set_order.py": {
        "test_no_jobs_return_an_empty_list_at_once": ["fetch_all([]) raised ValueError"]
    },
    "wrong_wait_empty_jobs.py": {"test_no_jobs_return_an_empty_list_at_once": ["fetch_all([]) raised ValueError"]},
    "wrong_returns_coroutines.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "not [<coroutine fetch()>, <coroutine fetch()>, <coroutine fetch()>]",
            "fetch() (returned by fetch_all(",
        ]
    },
    "wrong_returns_tasks.py": {
        "test_returns_the_values_in_the_order_of_jobs": ["not [<Task fetch()>, <Task fetch()>, <Task fetch()>]"]
    },
    "wrong_no_wait.py": {
        "test_uses_the_given_fetch": ["fetch_all returned ['pear', 'apple', 'fig']; expected ['PEAR', 'APPLE', 'FIG']"],
        "test_all_fetches_run_at_the_same_time": ["fetch_all called fetch 0 time(s) for 3 jobs"],
    },
    "wrong_time_sleep_wrapper.py": {
        "test_takes_as_long_as_the_longest_fetch": [
            "took 6.0 s",
            "time.sleep(2) at exercise4.py line 16 blocks the event loop",
            "(2 more blocking call(s) after it.)",
        ]
    },
    "wrong_gather_list_not_unpacked.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "raised TypeError: unhashable type: 'list'",
            'File "exercise4.py"',
        ]
    },
}
