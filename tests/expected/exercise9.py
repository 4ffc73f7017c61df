"""Realistic wrong answers to exercise9: each must fail these checks, saying these things."""

import sys

from grader.mistakes import WAIT_FOR_NOTHING

# file in tests/submissions/exercise9/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_plain_gather.py": {
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "fetch_all_safe raised LookupError('!b') instead of returning it in the list",
            "for jobs=[(2, 'a'), (1, '!b'), (3, 'c')]",
            "return_exceptions=True",
        ],
        "test_a_failure_cancels_none_of_the_others": [
            "when fetch(1, '!b') failed, fetch(2, 'a') and fetch(3, 'c') were cancelled at 1.0 s",
            "fetch_all_safe raised LookupError('!b')",
            "fetch(1, '!b')  |",
            "(raised)",
        ],
        "test_returns_the_very_exception_fetch_raised": ["fetch_all_safe raised KeyError('!x')"],
    },
    "wrong_sequential_try_except.py": {
        "test_takes_as_long_as_the_longest_delay": [
            "took 6.0 s of event-loop time, not 3.0 s",
            "the fetch() calls ran one after another, so their delays added up (2 s + 1 s + 3 s)",
            "fetch(3, 'c')   |",
            "3.0 s -> 6.0 s (done)",
        ],
    },
    "wrong_str_of_exception.py": {
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "in place of the failed fetch(1, '!b'), fetch_all_safe returned the string '!b', "
            "not the LookupError itself",
            "not str(exc)",
        ],
        "test_returns_the_very_exception_fetch_raised": ["returned the string \"'!x'\", not the KeyError itself"],
    },
    "wrong_drops_failures.py": {
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "fetch_all_safe returned 2 result(s) for 3 jobs: ['a', 'c']",
            "a job that failed holds its exception",
        ],
    },
    "wrong_as_completed_order.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "expected ['pear', 'apple', 'fig'], not ['apple', 'pear', 'fig']: the results are not in the order of the jobs"
        ],
        "test_a_failed_fetch_gives_its_exception_in_its_place": ["not [LookupError('!b'), 'a', 'c']"],
    },
    "wrong_wait_first_exception_cancels.py": {
        "test_a_failure_cancels_none_of_the_others": [
            "when fetch(1, '!b') failed, fetch(2, 'a') and fetch(3, 'c') were cancelled at 1.0 s, "
            "before they could finish",
            "FIRST_EXCEPTION",
        ],
        "test_takes_as_long_as_the_longest_delay": [
            "took 1.0 s of event-loop time, not 3.0 s: fetch(2, 'a') and fetch(3, 'c') did not run to their end"
        ],
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "expected ['a', LookupError('!b'), 'c'], not [None, LookupError('!b'), None]"
        ],
    },
    "wrong_new_exception.py": {
        "test_returns_the_very_exception_fetch_raised": [
            "expected [KeyError('!x'), 'Y', KeyError('!z')], not [LookupError('!x'), 'Y', LookupError('!z')]"
        ],
    },
    "wrong_results_from_done_set.py": {
        "test_returns_the_values_in_the_order_of_jobs": [
            "fetch_all_safe([(2, 'pear'), (1, 'apple'), (3, 'fig')]) returned ['pear', 'apple', 'fig'] when a set of "
            "its tasks gave them in the order they were made, but returned ['fig', 'apple', 'pear'] when it gave them "
            "in reverse: the result depends on the order of a set, which has none",
            "Hint: don't take an order from a set of tasks (such as the `done` set asyncio.wait() returns)",
        ],
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "but returned ['c', LookupError('!b'), 'a'] when it gave them in reverse"
        ],
    },
    "wrong_catches_lookup_error_only.py": {
        "test_every_fetch_failing_with_any_exception_gives_a_list_of_them": [
            "with the grader's own fetch (which fails with ConnectionError, ValueError and LookupError), "
            "fetch_all_safe raised ValueError('!q') instead of returning it in the list, "
            "for jobs=[(2, '!p'), (1, '!q'), (3, '!r')]",
            "Hint: a fetch may fail with any exception, not only LookupError: catch `Exception`",
        ],
    },
    "wrong_raises_when_every_fetch_fails.py": {
        "test_every_fetch_failing_with_any_exception_gives_a_list_of_them": [
            "fetch_all_safe([(2, '!p'), (1, '!q'), (3, '!r')]) raised RuntimeError: every fetch failed",
            'raise RuntimeError(f"every fetch failed: {results}")',
            "Hint: fetch_all_safe does not raise, even when every fetch fails",
        ],
    },
    "wrong_module_level_cache.py": {
        "test_a_second_call_runs_and_returns_only_its_own_jobs": [
            "the second call, fetch_all_safe([(1, 'a'), (2, 'c')]), ran fetch for only 1 of its 2 jobs: "
            "fetch(1, 'a') was never called",
            "Hint: run fetch for every job of every call",
        ],
    },
    "wrong_results_at_module_level.py": {
        "test_a_second_call_runs_and_returns_only_its_own_jobs": [
            "the second call, fetch_all_safe([(1, 'a'), (2, 'c')]), returned ['a', LookupError('!b'), 'a', 'c']: "
            "the results of the first call are still in it",
            "Hint: make the result list inside fetch_all_safe",
        ],
    },
    "wrong_wait_on_no_jobs.py": {
        "test_no_jobs_return_an_empty_list_at_once": [
            "fetch_all_safe([]) raised ValueError: Set of ",  # "Set of coroutines/Futures is empty." on 3.10
            "await asyncio.wait(tasks)",
            f"Hint: {WAIT_FOR_NOTHING}",
        ],
    },
}

if sys.version_info >= (3, 11):
    WRONG["wrong_taskgroup.py"] = {
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "fetch_all_safe raised ExceptionGroup('unhandled errors in a TaskGroup', [LookupError('!b')]) "
            "instead of returning the LookupError('!b') it holds in the list",
            "a TaskGroup cancels all its other tasks as soon as one fails",
        ],
        "test_a_failure_cancels_none_of_the_others": [
            "fetch(2, 'a') and fetch(3, 'c') were cancelled at 1.0 s",
            "fetch_all_safe raised ExceptionGroup(",
        ],
    }
    WRONG["wrong_taskgroup_except_star.py"] = {
        "test_a_failure_cancels_none_of_the_others": [
            "when fetch(1, '!b') failed, fetch(2, 'a') and fetch(3, 'c') were cancelled at 1.0 s"
        ],
        "test_a_failed_fetch_gives_its_exception_in_its_place": [
            "not [CancelledError(), LookupError('!b'), CancelledError()]"
        ],
    }
else:  # asyncio.TaskGroup and except* are 3.11+: on 3.10 these files fail as they would for a student
    WRONG["wrong_taskgroup.py"] = {
        "test_a_failed_fetch_gives_its_exception_in_its_place": ["module 'asyncio' has no attribute 'TaskGroup'"]
    }
    WRONG["wrong_taskgroup_except_star.py"] = {
        "test_a_failed_fetch_gives_its_exception_in_its_place": ["has a syntax error on line 21"]
    }
