"""Realistic wrong answers to exercise8: each must fail these checks, saying these things."""

from grader.leftovers import LEFT_RUNNING, WAIT_UNTIL_STOPPED

CALL_OF_FIVE = "run_workers(['ant', 'bee', 'cat', 'dog', 'eel'], 2)"

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
    # The message of the kit's one rule for "nothing left running" (grader.leftovers), the same in
    # exercises 5, 6 and 8 (issue 11); it replaced "2 worker tasks were still running after
    # run_workers returned; asyncio cancelled them only when the whole program ended".
    "wrong_workers_left_running.py": {
        "test_no_worker_is_left_running": [
            LEFT_RUNNING.format(call=CALL_OF_FIVE, instant="3.0 s", count="2 tasks were", tasks="worker(<Queue>, {})"),
            "worker(<Queue>, {})                                  |",
            "task.cancel()",
        ],
    },
    "wrong_cancel_without_waiting.py": {
        "test_no_worker_is_left_running": [
            LEFT_RUNNING.format(call=CALL_OF_FIVE, instant="3.0 s", count="2 tasks were", tasks="worker(<Queue>, {})"),
            "(cancelled)",
            f"Hint: {WAIT_UNTIL_STOPPED}",
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
    "wrong_a_worker_per_first_items.py": {
        "test_fewer_items_than_workers_still_start_every_worker": [
            "run_workers(['ant', 'bee'], 4) started 2 tasks, not 4: a pool has exactly `workers` worker tasks, "
            "even when there are fewer items than workers",
            "Hint: start the workers apart from the items, `for _ in range(workers)`, however many items there are",
        ],
    },
    "wrong_no_more_workers_than_items.py": {
        "test_fewer_items_than_workers_still_start_every_worker": [
            "run_workers(['ant', 'bee'], 4) started 2 tasks, not 4",
            "worker(<Queue>, {})  |",
        ],
    },
    "wrong_results_at_module_level.py": {
        "test_a_second_call_returns_only_its_own_results": [
            "the second call, run_workers(['dog', 'eel'], 2), returned {'ant': 'ANT', 'bee': 'BEE', 'cat': 'CAT', "
            "'dog': 'DOG', 'eel': 'EEL'}: the results of the first call are still in it",
            "Hint: make the results dict inside run_workers",
        ],
    },
    "wrong_no_items_before_check.py": {
        "test_fewer_than_one_worker_raise_value_error": [
            "run_workers([], 0) returned {}, instead of raising ValueError",
            "Hint: check `workers` before anything else, even when there are no items",
        ],
    },
    "wrong_only_zero_is_invalid.py": {
        "test_fewer_than_one_worker_raise_value_error": [
            "run_workers(['ant', 'bee'], -1) waited forever for a worker to take the items",
            "Hint: a negative count is below 1 too: `if workers < 1:` catches 0 and every negative number.",
        ],
    },
    "wrong_process_not_awaited.py": {
        "test_returns_each_item_with_its_result": [
            "returned {'ant': <coroutine process()>, 'bee': <coroutine process()>, 'cat': <coroutine process()>}: "
            "its values are coroutines, process() calls never awaited",
            "Hint: `await process(item)`",
        ],
        "test_five_items_with_two_workers_take_three_seconds": [
            "took 0.0 s of event-loop time, not 3.0 s: run_workers called process() but never awaited it",
            "Hint: `await process(item)`: calling a coroutine function only makes a coroutine",
        ],
        "test_processes_as_many_items_at_once_as_there_are_workers": [
            "run_workers called process() but never awaited it, so nothing was processed"
        ],
    },
}
