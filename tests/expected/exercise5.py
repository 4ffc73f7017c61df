"""Realistic wrong answers to exercise5: each must fail these checks, saying these things."""

from grader.leftovers import WAIT_UNTIL_STOPPED
from grader.watching import CREATE_TASK_TAKES_COROUTINES

# file in tests/submissions/exercise5/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_always_waits_full_time.py": {
        "test_returns_as_soon_as_the_work_finishes": [
            "with_timeout returned at 3.0 s, but the work finished at 1.0 s",
            "with_timeout(job(1, 'done'), 3)  |##############################|  0.0 s -> 3.0 s (done)",
            "asyncio.wait_for(aw, seconds)",
        ]
    },
    "wrong_wait_without_cancel.py": {
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout returned at 2.0 s, but job(5, 'late') kept running: it finished at 5.0 s",
            "asyncio.wait(..., timeout=...) only stops waiting",
        ]
    },
    "wrong_shield.py": {
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout returned at 2.0 s, but job(5, 'late') kept running: it finished at 5.0 s",
            "asyncio.shield() keeps the work running",
        ]
    },
    "wrong_swallows_exceptions.py": {
        "test_an_exception_from_the_work_comes_out_unchanged": [
            "with_timeout(failing_job(1, ValueError('boom')), 3, 'fallback') returned 'fallback' instead of raising "
            "the ValueError('boom') that failing_job(1, ValueError('boom')) raised at 1.0 s",
            "catch only the timeout",
        ]
    },
    "wrong_time_sleep.py": {
        "test_does_not_block_the_event_loop": ["time.sleep(3) at exercise5.py line 19 blocks the event loop"],
        "test_returns_the_result_of_work_that_finishes_in_time": [
            "with_timeout(job(1, 'done'), 3) returned None; expected 'done' (job(1, 'done') never started)",
            "Also noticed: time.sleep(3) at exercise5.py line 19 blocks the event loop",
        ],
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout never let job(5, 'late') start, so the work never ran at all"
        ],
    },
    "wrong_wait_for_returns_none.py": {
        "test_returns_the_default_when_the_time_is_up": [
            "with_timeout(job(5, 'late'), 2, 'too slow') returned None when the time was up; "
            "expected the default, 'too slow'",
            "`return default` when the time is up",
        ]
    },
    "wrong_plain_await.py": {
        "test_returns_the_default_when_the_time_is_up": [
            "with_timeout(job(5, 'late'), 2, 'too slow') returned 'late' at 5.0 s: it waited for job(5, 'late') "
            "to finish instead of giving up at 2.0 s and returning the default, 'too slow'"
        ],
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "job(5, 'late') was not cancelled when the time was up, at 2.0 s: with_timeout let it run to the end, at 5.0 s"
        ],
    },
    "wrong_catches_cancelled_error.py": {
        "test_returns_the_default_when_the_time_is_up": [
            "with_timeout(job(5, 'late'), 2, 'too slow') raised TimeoutError",
            'File "exercise5.py", line 18, in with_timeout',
            "(`except asyncio.TimeoutError:`) and `return default`",
        ]
    },
    # Changed on purpose (issue 11, one rule for "nothing left running"): the kit's one message.
    "wrong_leaves_timer_running.py": {
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout(job(1, 'done'), 3) returned at 1.0 s, but 1 task was still running then: "
            "sleep(3, None), which ran on until 3.0 s",
            "cancel every task the function started that is still running",
        ]
    },
    # Was right_wait_then_cancel.py: under the kit's one rule, cancelling without waiting is wrong.
    "wrong_cancel_without_waiting.py": {
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout(job(5, 'late'), 2, 'too slow') returned at 2.0 s, but 1 task was still running then: "
            "job(5, 'late'), cancelled, but it stopped only after with_timeout had returned, at 2.0 s",
            WAIT_UNTIL_STOPPED,
        ],
        "test_waits_until_cancelled_work_has_stopped": [
            "cancelled, but it stopped only after with_timeout had returned, at 3.0 s"
        ],
    },
    "wrong_cancel_then_sleep_zero.py": {
        "test_waits_until_cancelled_work_has_stopped": [
            "with_timeout(job(5, 'late', cleanup=1), 2, 'too slow') returned at 2.0 s, but 1 task was still running "
            "then: job(5, 'late'), cancelled, but it stopped only after with_timeout had returned, at 3.0 s",
            "with_timeout(job(5, 'late', cleanup=1), 2, 'too slow')  |####################          |  0.0 s -> 2.0 s",
            WAIT_UNTIL_STOPPED,
        ]
    },
    "wrong_wait_for_own_timeout.py": {
        "test_an_exception_from_the_work_comes_out_unchanged": [
            "with_timeout(failing_job(1, TimeoutError('own')), 3, 'fallback') returned 'fallback' instead of raising "
            "the TimeoutError('own') that failing_job(1, TimeoutError('own')) raised at 1.0 s",
            "return default only `if work.cancelled()`",
        ]
    },
    "wrong_create_task.py": {
        "test_takes_a_task_or_a_future": [
            "with_timeout(task(job(5, 'late')), 2, 'too slow') raised TypeError: a coroutine was expected, got a Task",
            'File "exercise5.py", line 17, in with_timeout',
            CREATE_TASK_TAKES_COROUTINES,
        ]
    },
    "wrong_rejects_zero.py": {
        "test_a_limit_of_zero_or_less_is_up_at_once": [
            "with_timeout(job(1, 'done'), 0, 'now') raised ValueError: seconds must be positive",
            "with seconds <= 0 the time is already up: cancel the work and return default at once",
        ]
    },
    "wrong_zero_returns_without_closing.py": {
        "test_a_limit_of_zero_or_less_is_up_at_once": [
            "with_timeout(job(1, 'done'), 0, 'now') returned 'now' but left job(1, 'done') neither awaited nor "
            "closed: the coroutine was never awaited",
            "hand it to asyncio.wait_for(aw, seconds), which cancels it",
        ]
    },
    "wrong_flag_kept_at_module_level.py": {
        "test_a_second_call_starts_afresh": [
            "with_timeout(job(1, 'done'), 3), made after with_timeout(job(5, 'late'), 2, 'too slow') had timed out, "
            "returned None at 3.0 s; expected 'done' at 3.0 s, when job(1, 'done') finished "
            "(called on its own, it returns 'done')",
            "keep what one call needs (a flag, a task, a timer) in local variables",
        ]
    },
    # Hostile (issue 12, no vacuous passes): the work is closed unrun, its arguments read from its frame.
    "wrong_reads_frame_locals.py": {
        "test_returns_the_result_of_work_that_finishes_in_time": [
            "with_timeout never let job(1, 'done') start, so the work never ran at all"
        ],
        "test_returns_as_soon_as_the_work_finishes": [
            "with_timeout never let job(1, 'done') start, so the work never ran at all"
        ],
        "test_returns_the_default_when_the_time_is_up": [
            "with_timeout never let job(5, 'late') start, so the work never ran at all"
        ],
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout never let job(5, 'late') start, so the work never ran at all"
        ],
        "test_waits_until_cancelled_work_has_stopped": [
            "with_timeout never let job(5, 'late', cleanup=1) start, so the work never ran at all"
        ],
        "test_an_exception_from_the_work_comes_out_unchanged": [
            "with_timeout never let failing_job(1, ValueError('boom')) start, so the work never ran at all"
        ],
        "test_a_second_call_starts_afresh": [
            "with_timeout never let job(1, 'done') start, so the work never ran at all"
        ],
    },
}
