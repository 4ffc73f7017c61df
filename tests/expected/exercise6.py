"""Realistic wrong answers to exercise6: each must fail these checks, saying these things."""

# file in tests/submissions/exercise6/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_no_cancel.py": {
        "test_cancels_the_others": [
            "2 awaitables were still running after race returned at 1.0 s: "
            "job(3, 'slow') finished at 3.0 s, job(2, 'medium') finished at 2.0 s",
            "call .cancel() on every other task",
        ],
        "test_waits_until_the_others_have_stopped": [
            "2 awaitables were still running when race returned at 1.0 s: job(3, 'slow') and job(2, 'medium')"
        ],
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "1 awaitable was still running after race raised at 1.0 s: job(2, 'slow') finished at 2.0 s"
        ],
    },
    "wrong_cancel_without_waiting.py": {
        "test_waits_until_the_others_have_stopped": [
            "race returned at 1.0 s before the 2 awaitables it had cancelled had stopped: "
            "the finally blocks of job(3, 'slow') and job(2, 'medium') ran only after race returned",
            "cancel() only asks a task to stop",
        ]
    },
    "wrong_first_argument.py": {
        "test_returns_the_result_of_the_first_to_finish": [
            "race returned 'slow'; expected 'fast', the result of job(1, 'fast'), the first to finish "
            "(that was the result of job(3, 'slow'), which finished at 3.0 s)",
            "job(1, 'fast')    never started",
            "job() was never awaited",
        ],
        "test_returns_as_soon_as_the_first_finishes": [
            "race returned at 3.0 s, not at 1.0 s: job(1, 'fast') and job(2, 'medium') never started, "
            "so they never raced"
        ],
        "test_no_awaitables_is_a_value_error": ["race() returned None at 0.0 s; expected it to raise ValueError"],
    },
    "wrong_gather.py": {
        "test_returns_as_soon_as_the_first_finishes": [
            "race returned at 3.0 s, but the first awaitable finished at 1.0 s",
            "job(1, 'fast')    |##########                    |  0.0 s -> 1.0 s (done)",
        ],
        "test_returns_the_result_of_the_first_to_finish": ["race returned 'slow'; expected 'fast'"],
        "test_cancels_the_others": [
            "race let job(3, 'slow') and job(2, 'medium') run to the end instead of cancelling them"
        ],
    },
    "wrong_returns_done_set.py": {
        "test_returns_the_result_of_the_first_to_finish": [
            "race returned {<Task job()>}; expected 'fast'",
            "asyncio.wait() gives back two sets of tasks, (done, pending)",
        ],
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "race returned {<Task failing_job()>} at 1.0 s; expected it to raise the ValueError('boom')"
        ],
    },
    "wrong_returns_task.py": {
        "test_returns_the_result_of_the_first_to_finish": [
            "race returned <Task job()>; expected 'fast'",
            "return the task's result, `task.result()`, not the task itself.",
        ]
    },
    "wrong_no_value_error.py": {
        "test_no_awaitables_is_a_value_error": [
            "race() returned None at 0.0 s; expected it to raise ValueError",
            "check `if not aws:` first",
        ]
    },
    "wrong_result_before_cancel.py": {
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "1 awaitable was still running after race raised at 1.0 s: job(2, 'slow') finished at 2.0 s",
            "`task.result()` raises its exception again",
        ]
    },
    "wrong_first_success.py": {
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "race returned 'slow' at 2.0 s; expected it to raise the ValueError('boom') that "
            "failing_job(1, ValueError('boom')), the first to finish, raised at 1.0 s"
        ]
    },
}
