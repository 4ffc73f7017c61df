"""Realistic wrong answers to exercise4: each must fail these checks, saying these things."""

from grader.checks.exercise4 import (
    A_LIST,
    A_NEW_LIST,
    AWAIT_THEM,
    BLOCKED,
    CONCURRENT,
    FETCH_EVERY_TIME,
    NO_TIME_LIMIT,
    NONE_RAN,
    ONE_VALUE_A_JOB,
)
from grader.mistakes import GATHER_A_LIST, WAIT_FOR_NOTHING

EIGHT = "[(3, 'plum'), (1, 'kiwi'), (4, 'lime'), (1.5, 'date'), (5, 'pear'), (2, 'fig'), (6, 'yuzu'), (2.5, 'sloe')]"

# file in tests/submissions/exercise4/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_sequential_for_loop.py": {
        "test_takes_as_long_as_the_longest_fetch": ["took 6.0 s of event-loop time, not 3.0 s", "asyncio.gather"],
        "test_all_fetches_run_at_the_same_time": [
            "at most 1 fetch() call ran at the same time; expected all 3",
            "Hint: " + CONCURRENT,
        ],
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
    "wrong_wait_empty_jobs.py": {
        "test_no_jobs_return_an_empty_list_at_once": ["fetch_all([]) raised ValueError", "Hint: " + WAIT_FOR_NOTHING]
    },
    "wrong_returns_coroutines.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "not [<coroutine fetch()>, <coroutine fetch()>, <coroutine fetch()>]",
            "fetch() (returned by fetch_all(",
            "Hint: " + AWAIT_THEM,
        ],
        # It did call fetch, and never awaited it: not "called fetch 0 time(s)".
        "test_all_fetches_run_at_the_same_time": [NONE_RAN, "Hint: " + AWAIT_THEM],
    },
    "wrong_returns_tasks.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "not [<Task fetch()>, <Task fetch()>, <Task fetch()>]",
            "Hint: " + AWAIT_THEM,
        ]
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
            # It did use gather: the hint blames time.sleep.
            "Hint: " + BLOCKED,
        ]
    },
    "wrong_gather_list_not_unpacked.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "raised TypeError: unhashable type: 'list'",
            'File "exercise4.py"',
            "Hint: " + GATHER_A_LIST,
        ]
    },
    # Boundaries: one job, eight jobs, repeats, equal delays, long delays, a second call.
    "wrong_batches_of_five.py": {
        "test_edge_cases_return_every_value_in_the_longest_delay": [
            f"fetch_all({EIGHT}) took 11.0 s of event-loop time, not 6.0 s",
            "fetch(6, 'yuzu')",
            "Hint: " + CONCURRENT,
        ]
    },
    "wrong_hidden_timeout.py": {
        "test_edge_cases_return_every_value_in_the_longest_delay": [
            "fetch_all([(600, 'late'), (90, 'early')]) raised TimeoutError",
            "Hint: " + NO_TIME_LIMIT,
        ]
    },
    "wrong_dedup_jobs.py": {
        "test_edge_cases_return_every_value_in_the_longest_delay": [
            "fetch_all([(1, 'echo'), (2, 'solo'), (1, 'echo')]) returned ['echo', 'solo']; "
            "expected ['echo', 'solo', 'echo']",
            "Hint: " + ONE_VALUE_A_JOB,
        ]
    },
    "wrong_dict_of_jobs.py": {
        "test_edge_cases_return_every_value_in_the_longest_delay": [
            "fetch_all([(2, 'kiwi'), (2, 'lime'), (2, 'plum')]) returned ['plum']; expected ['kiwi', 'lime', 'plum']",
            "Hint: " + ONE_VALUE_A_JOB,
        ]
    },
    "wrong_single_job_not_a_list.py": {
        "test_edge_cases_return_every_value_in_the_longest_delay": [
            "fetch_all([(1.5, 'solo')]) returned 'solo'; expected ['solo']",
            "Hint: " + A_LIST,
        ]
    },
    "wrong_mutable_default.py": {
        "test_a_second_call_does_as_well_as_the_first": [
            "called a second time, fetch_all([(1, 'plum'), (2, 'pear')]) returned "
            "['pear', 'apple', 'fig', 'plum', 'pear']; called first, it returned ['plum', 'pear']",
            "Hint: " + A_NEW_LIST,
        ]
    },
    "wrong_cache_at_module_level.py": {
        "test_a_second_call_does_as_well_as_the_first": [
            "called a second time, fetch_all([(1, 'plum'), (2, 'pear')]) took 1.0 s; called first, it took 2.0 s",
            "Hint: " + FETCH_EVERY_TIME,
        ]
    },
}
