"""Realistic wrong answers to exercise8: each must fail these checks, saying these things."""

# file in tests/submissions/exercise8/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_task_per_item.py": {
        "test_starts_exactly_workers_tasks_not_one_per_item": [
            "run_workers started 5 tasks for 5 items with workers=2"
        ],
        "test_five_items_with_two_workers_take_three_seconds": [
            "took 1.0 s of event-loop time, not 3.0 s: 5 process() calls ran at the same time, not 2",
            "process('eel')  |",
        ],
        "test_processes_as_many_items_at_once_as_there_are_workers": [
            "with workers=3, 7 process() calls ran at the same time; expected 3 at a time"
        ],
    },
    "wrong_task_per_item_semaphore.py": {
        "test_starts_exactly_workers_tasks_not_one_per_item": [
            "run_workers started 5 tasks for 5 items with workers=2",
            "a worker pool has a fixed number of tasks",
            "run_workers.<locals>.one('eel')",
        ],
    },
    "wrong_workers_left_running.py": {
        "test_no_worker_is_left_running": [
            "2 worker tasks were still running after run_workers returned",
            "worker(<Queue>, {})  |",
            "(cancelled)",
            "task.cancel()",
        ],
    },
    "wrong_one_worker.py": {
        "test_five_items_with_two_workers_take_three_seconds": [
            "run_workers(['ant', 'bee', 'cat', 'dog', 'eel'], 2) took 5.0 s of event-loop time, not 3.0 s",
            "the process() calls ran one at a time, not 2 at a time",
        ],
        "test_processes_as_many_items_at_once_as_there_are_workers": [
            "with workers=3, the process() calls ran one at a time; expected 3 at a time"
        ],
        "test_starts_exactly_workers_tasks_not_one_per_item": ["run_workers started 1 task for 5 items with workers=2"],
    },
    "wrong_forgot_task_done.py": {
        "test_returns_each_item_with_its_result": [
            "the event loop got stuck at 2 s",
            "a deadlock",
            "await queue.join()",
            "Hint: queue.join() returns only once queue.task_done() has been called for every item",
        ],
        "test_no_worker_is_left_running": ["the event loop got stuck"],
    },
    "wrong_gather_endless_workers.py": {
        "test_returns_each_item_with_its_result": [
            "the event loop got stuck at 2 s",
            "await asyncio.gather(",
            "a worker that loops forever on `await queue.get()` never ends by itself",
        ],
        "test_no_items_return_an_empty_dict_at_once": ["the event loop got stuck at 0 s"],
    },
    "wrong_returns_list.py": {
        "test_returns_each_item_with_its_result": [
            "run_workers(['ant', 'bee', 'cat'], 2) returned ['ANT', 'BEE', 'CAT'], not a dict; "
            "expected {'ant': 'ANT', 'bee': 'BEE', 'cat': 'CAT'}",
            "results[item] = await process(item)",
        ],
        "test_no_items_return_an_empty_dict_at_once": ["expected {}, not []"],
    },
    "wrong_no_value_error.py": {
        "test_fewer_than_one_worker_raise_value_error": [
            "run_workers(['ant', 'bee'], 0) waited forever for a worker to take the items",
            "instead of raising ValueError",
            "if workers < 1: raise ValueError",
        ],
    },
    "wrong_waits_for_empty_queue.py": {
        "test_returns_each_item_with_its_result": [
            "returned {'ant': 'ANT', 'bee': 'BEE'}: there is no result for 'cat'",
            "`queue.empty()` is true as soon as the last item is taken",
        ],
        "test_five_items_with_two_workers_take_three_seconds": [
            "took 2.0 s of event-loop time, not 3.0 s: it returned while 1 process() call had not finished",
            "process('eel')  |",
            "(cancelled)",
        ],
    },
}
