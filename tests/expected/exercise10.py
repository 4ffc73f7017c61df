"""Realistic wrong answers to exercise10: each must fail these checks, saying these things."""

# file in tests/submissions/exercise10/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_plain_asyncio_run.py": {
        "test_runs_a_coroutine_inside_a_running_loop": [
            "run_sync(sample(2, 'done')) raised RuntimeError: "
            "asyncio.run() cannot be called from a running event loop, as in a notebook cell",
            "# incorrect inside a running loop!",
            "pool.submit(asyncio.run, aw).result()  # correct: a new loop, in another thread",
            "run the coroutine with asyncio.run() in another thread",
        ],
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": [
            "asyncio.run() cannot be called from a running event loop, as in a notebook cell"
        ],
        "test_runs_inside_a_coroutine_it_runs": [
            "from plain code, run_sync(outer()) raised RuntimeError: "
            "asyncio.run() cannot be called from a running event loop",
            "(outer() waits 1 s, then returns run_sync(sample(2, 'inner')).)",
            "run the coroutine with asyncio.run() in another thread",
        ],
    },
    "wrong_run_until_complete_on_running_loop.py": {
        "test_runs_a_coroutine_inside_a_running_loop": [
            "raised RuntimeError: This event loop is already running, as in a notebook cell",
            'File "exercise10.py", line 17, in run_sync',
            "return loop.run_until_complete(aw)",
        ],
    },
    "wrong_get_event_loop_run_until_complete.py": {
        "test_runs_a_coroutine_inside_a_running_loop": [
            "raised RuntimeError: This event loop is already running, as in a notebook cell",
            "asyncio.get_event_loop().run_until_complete(aw)",
        ],
        "test_closes_every_loop_it_creates": [
            "from plain code, run_sync(sample(1, 'done')) left 1 event loop it created open (not closed)",
            "the one asyncio.get_event_loop() makes",
        ],
    },
    "wrong_new_loop_same_thread.py": {
        "test_runs_a_coroutine_inside_a_running_loop": [
            "run_sync(sample(2, 'done')) raised RuntimeError: "
            "Cannot run the event loop while another loop is running, as in a notebook cell",
            "return loop.run_until_complete(aw)",
            "run the coroutine with asyncio.run() in another thread",
        ],
    },
    "wrong_swallows_exception_in_thread.py": {
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": [
            "inside a running event loop, as in a notebook cell, run_sync(failing(1, 'boom')) returned None "
            "instead of raising the ValueError('boom') the coroutine raised: that ValueError ended the thread "
            "that ran the coroutine at exercise10.py line 21, and went no further",
            "Python only prints such an exception: join() doesn't raise it",
            "raise it in run_sync after join()",
        ],
    },
    "wrong_catches_and_prints.py": {
        "test_raises_what_the_coroutine_raised_from_plain_code": [
            "from plain code, run_sync(failing(1, 'boom')) returned None instead of raising the ValueError('boom')",
            "Hint: run_sync printed the coroutine's exception instead of letting it out: don't catch it, "
            "or raise it again.",
        ],
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": ["returned None instead of raising"],
    },
    "wrong_loop_never_closed.py": {
        "test_closes_every_loop_it_creates": [
            "from plain code, run_sync(sample(1, 'done')) left 1 event loop it created open (not closed)",
            "loop.close()",
        ],
    },
    "wrong_closes_loop_only_on_success.py": {
        "test_closes_every_loop_it_creates": [
            "from plain code, run_sync(failing(1, 'boom')) left 1 event loop it created open (not closed)",
            "Hint: run_sync closed its loop when the coroutine returned, but not when it raised: "
            "call loop.close() in a `finally:`",
        ],
    },
    "wrong_imports_nest_asyncio.py": {
        "test_runs_a_coroutine_from_plain_code": [
            "raised ModuleNotFoundError: No module named 'nest_asyncio' while it was being imported",
            "Hint: nest_asyncio is not installed here",
        ],
    },
    "wrong_reads_frame_locals.py": {
        "test_runs_a_coroutine_from_plain_code": [
            "from plain code, run_sync(sample(2, 'done')) returned 'done' without running the coroutine: "
            "sample(2, 'done') never started on an event loop",
            "Hint: run the coroutine itself, to its end, on an event loop (asyncio.run(aw) does)",
        ],
        "test_runs_a_coroutine_inside_a_running_loop": [
            "inside a running event loop, as in a notebook cell, run_sync(sample(2, 'done')) returned 'done' "
            "without running the coroutine"
        ],
        "test_raises_what_the_coroutine_raised_from_plain_code": [
            "from plain code, run_sync(failing(1, 'boom')) raised ValueError('boom') without running the "
            "coroutine: failing(1, 'boom') never started on an event loop"
        ],
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": ["without running the coroutine"],
        "test_closes_every_loop_it_creates": ["run_sync(sample(1, 'done')) returned 'done' without running"],
        "test_runs_inside_a_coroutine_it_runs": ["outer() never started on an event loop"],
        "test_waits_as_long_as_the_coroutine_runs": ["sample(600, 'late') never started on an event loop"],
        "test_works_a_second_time": ["sample(2, 'second') never started on an event loop"],
    },
    "wrong_threadsafe_on_own_loop.py": {
        "test_runs_a_coroutine_inside_a_running_loop": [
            "inside a running event loop, as in a notebook cell, run_sync(sample(2, 'done')) never returned: "
            "it was still waiting at exercise10.py line 17 "
            "(`return asyncio.run_coroutine_threadsafe(aw, loop).result()`). Waiting there blocks the very loop "
            "that is running it",
            "Hint: the running loop can't run anything, not even a coroutine handed to it with "
            "run_coroutine_threadsafe(), while its own thread waits for it.",
        ],
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": [
            "run_sync(failing(1, 'boom')) never returned: it was still waiting at exercise10.py line 17"
        ],
        "test_runs_inside_a_coroutine_it_runs": [
            "from plain code, run_sync(outer()) never returned: it was still waiting at exercise10.py line 17",
            "Waiting there blocks the very loop that is running it",
        ],
    },
    "wrong_result_timeout.py": {
        "test_waits_as_long_as_the_coroutine_runs": [
            "inside a running event loop, as in a notebook cell, run_sync(sample(600, 'late')) raised TimeoutError()",
            "return pool.submit(asyncio.run, aw).result(timeout=10)",
            "Hint: run_sync stopped waiting before the coroutine was done: the coroutine decides how long it takes, "
            "so wait for it without a timeout",
        ],
    },
    "wrong_join_timeout.py": {
        "test_waits_as_long_as_the_coroutine_runs": [
            "from plain code, run_sync(sample(600, 'late')) returned None at 5 s, before sample(600, 'late') "
            "had finished (it ends at 600 s)",
            "Hint: wait for the coroutine to the end, however long it takes",
        ],
    },
    "wrong_shared_single_worker_pool.py": {
        "test_runs_inside_a_coroutine_it_runs": [
            "from plain code, run_sync(outer()) never returned: it was still waiting at exercise10.py line 16 "
            "(`return POOL.submit(asyncio.run, aw).result()`): each thread was waiting for another (a deadlock)",
            "  - another thread is waiting at exercise10.py line 16: return POOL.submit(asyncio.run, aw).result()",
            "Hint: each call of run_sync needs a thread of its own",
        ],
    },
    "wrong_pool_shut_down_after_first_call.py": {
        "test_works_a_second_time": [
            "from plain code, after run_sync(sample(1, 'first')) had returned, run_sync(sample(2, 'second')) "
            "raised RuntimeError('cannot schedule new futures after shutdown')",
            "Hint: a second call must work as the first did",
        ],
    },
}
