"""Realistic wrong answers to exercise6: each must fail these checks, saying these things."""

from grader.leftovers import WAIT_UNTIL_STOPPED
from grader.mistakes import WAIT_FOR_NOTHING
from grader.watching import AWAITED_A_CANCELLED_TASK, CREATE_TASK_TAKES_COROUTINES

# file in tests/submissions/exercise6/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_no_cancel.py": {
        "test_cancels_the_others": [
            "2 awaitables were still running after race returned at 1.0 s: "
            "job(3, 'slow') finished at 3.0 s, job(2, 'medium') finished at 2.0 s",
            "call .cancel() on every other task",
        ],
        # Changed on purpose (issue 11, one rule for "nothing left running"): the kit's one message.
        "test_waits_until_the_others_have_stopped": [
            "race(job(3, 'slow'), job(1, 'fast'), job(2, 'medium')) returned at 1.0 s, but 2 tasks were still "
            "running then: job(3, 'slow'), which ran on until 3.0 s; job(2, 'medium'), which ran on until 2.0 s",
            "call .cancel() on every other task",
        ],
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "1 awaitable was still running after race raised at 1.0 s: job(2, 'slow') finished at 2.0 s"
        ],
    },
    # Changed on purpose (issue 11, one rule for "nothing left running"): the kit's one message.
    "wrong_cancel_without_waiting.py": {
        "test_waits_until_the_others_have_stopped": [
            "race(job(3, 'slow'), job(1, 'fast'), job(2, 'medium')) returned at 1.0 s, but 2 tasks were still "
            "running then: job(3, 'slow'), cancelled, but it stopped only after race had returned, at 1.0 s; "
            "job(2, 'medium'), cancelled, but it stopped only after race had returned, at 1.0 s",
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
    "wrong_cancel_then_sleep_zero.py": {
        "test_others_slow_to_stop_are_cancelled_at_once_and_waited_for": [
            "race(job(3, 'slow', cleanup=1), job(1, 'fast'), job(4, 'slower', cleanup=1)) returned at 1.0 s, but 2 "
            "tasks were still running then: job(3, 'slow'), cancelled, but it stopped only after race had returned, "
            "at 2.0 s",
            WAIT_UNTIL_STOPPED,
        ]
    },
    # Goes through the `pending` set one task at a time: wrong in every order, and said the same way.
    "wrong_cancels_one_at_a_time.py": {
        "test_others_slow_to_stop_are_cancelled_at_once_and_waited_for": [
            "race cancelled the other awaitables one at a time, at 1.0 s and 2.0 s, not all at once at 1.0 s, "
            "when job(1, 'fast') finished: each waited for the one before it to stop",
            "then wait for all of them together",
        ]
    },
    "wrong_wait_empty_pending.py": {
        "test_one_awaitable_or_a_tie": ["race(job(1, 'only')) raised ValueError: Set of ", WAIT_FOR_NOTHING]
    },
    "wrong_gather_without_return_exceptions.py": {
        "test_returns_the_result_of_the_first_to_finish": [
            "race(job(3, 'slow'), job(1, 'fast'), job(2, 'medium')) raised CancelledError",
            AWAITED_A_CANCELLED_TASK,
        ],
        "test_waits_until_the_others_have_stopped": ["raised CancelledError", AWAITED_A_CANCELLED_TASK],
    },
    "wrong_create_task.py": {
        "test_takes_tasks_and_futures": [
            "race(task(job(3, 'slow')), task(job(1, 'fast')), future(2, 'medium')) raised TypeError: "
            "a coroutine was expected, got a Task",
            CREATE_TASK_TAKES_COROUTINES,
        ]
    },
    "wrong_wait_all_completed.py": {
        "test_returns_as_soon_as_the_first_finishes": [
            "race returned at 3.0 s, but the first awaitable finished at 1.0 s",
            "return as soon as the first has, with `asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`",
        ],
        "test_returns_the_result_of_the_first_to_finish": ["race returned 'slow'; expected 'fast'"],
    },
    "wrong_winners_kept_at_module_level.py": {
        "test_a_second_race_starts_afresh": [
            "race(job(2, 'b'), job(1, 'a')), made after race(job(1, 'x'), job(2, 'y')) in the same program, "
            "returned 'x' at 2.0 s; expected 'a' at 2.0 s, when job(1, 'a') finished (on its own, it returns 'a')",
            "keep what one race needs",
        ]
    },
    # Hostile (issue 12, no vacuous passes): the work is closed unrun, its arguments read from its frame.
    "wrong_reads_frame_locals.py": {
        check: [
            "race never let job(3, 'slow'), job(1, 'fast') and job(2, 'medium') start, so the work never ran at all"
        ]
        for check in (
            "test_returns_the_result_of_the_first_to_finish",
            "test_returns_as_soon_as_the_first_finishes",
            "test_cancels_the_others",
            "test_waits_until_the_others_have_stopped",
        )
    }
    | {
        "test_an_exception_from_the_first_to_finish_is_raised": [
            "race never let job(2, 'slow') and failing_job(1, ValueError('boom')) start, so the work never ran at all"
        ],
        "test_one_awaitable_or_a_tie": ["race never let job(1, 'only') start, so the work never ran at all"],
        "test_a_second_race_starts_afresh": ["race never let job(2, 'b') and job(1, 'a') start"],
    },
}
