"""Realistic wrong answers to exercise5: each must fail these checks, saying these things."""

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
    "wrong_leaves_timer_running.py": {
        "test_cancels_work_that_takes_too_long_and_leaves_nothing_running": [
            "with_timeout(job(1, 'done'), 3) left 1 task(s) running after it returned at 1.0 s: sleep(3, None) (until 3.0 s)"
        ]
    },
}
