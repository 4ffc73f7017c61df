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
            "from plain code, run_sync(sample(1, 'done')) left 1 event loop it created open (not closed)"
        ],
    },
    "wrong_swallows_exception_in_thread.py": {
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": [
            "inside a running event loop, as in a notebook cell, run_sync(failing(1, 'boom')) returned None "
            "instead of raising the ValueError('boom') the coroutine raised",
            "let the exception out",
        ],
    },
    "wrong_catches_and_prints.py": {
        "test_raises_what_the_coroutine_raised_from_plain_code": [
            "from plain code, run_sync(failing(1, 'boom')) returned None instead of raising the ValueError('boom')"
        ],
        "test_raises_what_the_coroutine_raised_inside_a_running_loop": ["returned None instead of raising"],
    },
    "wrong_loop_never_closed.py": {
        "test_closes_every_loop_it_creates": [
            "from plain code, run_sync(sample(1, 'done')) left 1 event loop it created open (not closed)",
            "loop.close()",
        ],
    },
    "wrong_imports_nest_asyncio.py": {
        "test_runs_a_coroutine_from_plain_code": [
            "raised ModuleNotFoundError: No module named 'nest_asyncio' while it was being imported",
            "Hint: nest_asyncio is not installed here",
        ],
    },
}
