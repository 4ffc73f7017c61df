"""A worker pool with asyncio.Queue

Boundaries of ``run_workers(items, workers)`` the checks cover, and why:

- more items than workers (5 with 2, 7 with 3): the time, how many at once, exactly ``workers``
  tasks (a task per item fails it).
- fewer items than workers (2 with 4): still exactly ``workers`` worker tasks, done in 1 s
  (starting a worker only for each of the first items fails it).
- no items (``[]`` with 3): ``{}`` at once.
- ``workers`` 0 and -1, and 0 with no items: ``ValueError`` (an early ``return {}`` for no
  items fails it).
- two calls in one program: the second returns only its own results (a dict kept at module
  level fails it).
- nothing left running: every task run_workers started is done at the very instant it returns
  (the kit's one rule, shared with exercises 5 and 6).

Left out: ``workers`` equal to the number of items (nothing shows there that 2 items with 4
workers and 5 with 2 do not); duplicate items (the docstring says they are all different); a
``process`` that fails (the docstring promises nothing for it). No verdict here rests on an
order asyncio leaves undefined: every item takes the same time, and the result is a dict,
compared as dicts are, whatever its order.
"""

import asyncio

from grader import (
    Deadlock,
    Failure,
    Mismatch,
    Record,
    Watch,
    check,
    expect_duration,
    expect_nothing_left_running,
    is_coroutine,
    known_mistake,
    plain_repr,
    spy,
    task_chart,
)

THREE = ["ant", "bee", "cat"]
FIVE = ["ant", "bee", "cat", "dog", "eel"]
SEVEN = ["a", "b", "c", "d", "e", "f", "g"]
FEWER = (["ant", "bee"], 4)
SECOND = ["dog", "eel"]

POOL = (
    "start exactly `workers` tasks, each running a loop that takes an item with "
    "`await queue.get()`, awaits process(item) and calls queue.task_done(); "
    "then `await queue.join()` in run_workers."
)
STOP = (
    "after `await queue.join()`, cancel every worker task (`task.cancel()`) and wait until they have "
    "stopped with `await asyncio.gather(*tasks, return_exceptions=True)` before returning."
)
STUCK_AT_JOIN = (
    "queue.join() returns only once queue.task_done() has been called for every item put on the queue: "
    "call it after each item a worker takes (in a `finally:`)."
)
STUCK_ON_WORKERS = (
    "a worker that loops forever on `await queue.get()` never ends by itself: don't wait for it with gather(), "
    "cancel it."
)
JOIN = (
    "wait with `await queue.join()` until every item has been processed before you stop the workers "
    "or return; `queue.empty()` is true as soon as the last item is taken, not when it is done."
)
DICT = "collect the results in a dict, `results[item] = await process(item)`, and return that dict."
AWAIT_PROCESS = (
    "`await process(item)`: calling a coroutine function only makes a coroutine, which does nothing until it is "
    "awaited."
)
ONE_TASK_PER_ITEM = "a worker pool has a fixed number of tasks that each process many items: " + POOL
START_THEM_ALL = (
    "start the workers apart from the items, `for _ in range(workers)`, however many items there are: "
    "a worker that finds no item waits on `queue.get()` until it is stopped with the others."
)
ALL_AT_ONCE = "with more workers than items, each item has a worker of its own: all are processed at once."
CHECK_WORKERS = "check `workers` before anything else: `if workers < 1: raise ValueError(...)`."
NEGATIVE = "a negative count is below 1 too: `if workers < 1:` catches 0 and every negative number."
WORKERS_BEFORE_ANYTHING = (
    "check `workers` before anything else, even when there are no items: fewer than one worker is an error "
    "whatever the list."
)
KEPT_RESULTS = (
    "make the results dict inside run_workers: a dict kept at module level (or as a default argument) still "
    "holds the results of the call before."
)
NEVER_AWAITED_PROCESS = ": run_workers called process() but never awaited it, so nothing was processed"


def stuck_hint(error):
    """For a deadlock, the hint that fits where run_workers itself was waiting (its line comes first)."""
    waiting = next((line for line in str(error).splitlines() if " is waiting at " in line), "")
    code = waiting.split(": ", 1)[-1]
    if ".join(" in code:
        return STUCK_AT_JOIN
    if any(word in code for word in ("gather(", "wait(", "TaskGroup")):
        return STUCK_ON_WORKERS
    return None


def run_pool(run, function, *args, label=None):
    """Run ``function`` (run_workers, or a check's wrapper of it) and fail with the student's error, if any."""
    result = run(function, *args, allow_error=True, label=label)
    if result.error is not None:
        hint = stuck_hint(result.error) if isinstance(result.error, Deadlock) else known_mistake(result)
        raise Failure(result.describe_error(), help=hint, notes=result.notes())
    return result


def process_never_awaited(result):
    """Whether run_workers called process() without awaiting it: coroutines in its result, or noted."""
    values = result.value.values() if isinstance(result.value, dict) else []
    return any(map(is_coroutine, values)) or any(name.startswith("process") for name in result.never_awaited)


def why_not_three(result, calls):
    """What the process() calls of a 5-item, 2-worker run show about its time, and a hint."""
    unfinished = [call for call in calls if not call.returned]
    if not calls and process_never_awaited(result):
        return NEVER_AWAITED_PROCESS, AWAIT_PROCESS
    if not calls:
        return ": run_workers never called process()", POOL
    if unfinished:
        return f": it returned while {tasks(len(unfinished), 'process() call')} had not finished", JOIN
    if calls.peak() == 1:
        return ": the process() calls ran one at a time, not 2 at a time", POOL
    if calls.peak() != 2:
        return f": {calls.peak()} process() calls ran at the same time, not 2", POOL
    return "", POOL


def at_once(peak):
    if peak == 1:
        return "the process() calls ran one at a time"
    return f"{'only ' if peak < 3 else ''}{peak} process() calls ran at the same time"


def student_tasks(result):
    """The tasks the call started (the first one is the call itself)."""
    return result.tasks[1:]


def one_per_item(result, items):
    """Whether each task run_workers started was given one of the items (its label shows it)."""
    started = student_tasks(result)
    return len(started) == len(items) and all(any(repr(item) in task.label for item in items) for task in started)


def tasks(count, what="task"):
    return f"{count} {what}" if count == 1 else f"{count} {what}s"


async def process_noting_the_task(item, tasks, seen):
    """A stand-in for the given process that also notes the task it runs in: ``tasks`` holds the
    tasks themselves (in the sandbox only), ``seen`` the index of each call's task (copied back)."""
    task = asyncio.current_task()
    index = next((number for number, known in enumerate(tasks) if known is task), len(tasks))
    if index == len(tasks):
        tasks.append(task)
    seen.append(index)
    await asyncio.sleep(1)
    return item.upper()


def expect_results(result, items):
    expected = {item: item.upper() for item in items}
    value = result.value
    if not isinstance(value, dict):
        raise Failure(
            f"{result.call} returned {plain_repr(value)}, not a dict; expected {plain_repr(expected)}",
            help=DICT,
            notes=result.notes(),
        )
    if process_never_awaited(result):
        raise Failure(
            f"{result.call} returned {plain_repr(value)}: its values are coroutines, process() calls never awaited",
            help=AWAIT_PROCESS,
            notes=result.notes(),
        )
    missing = [item for item in items if item not in value]
    if missing:
        raise Failure(
            f"{result.call} returned {plain_repr(value)}: there is no result for {plain_repr(missing)[1:-1]}",
            help=JOIN,
            notes=result.notes(),
        )
    if value != expected:
        raise Mismatch(expected, value, help=DICT, notes=result.notes())


@check(points=1)
def test_returns_each_item_with_its_result(student, run):
    """run_workers(['ant', 'bee', 'cat'], 2) returns {'ant': 'ANT', 'bee': 'BEE', 'cat': 'CAT'}"""
    expect_results(run_pool(run, student.run_workers, THREE, 2), THREE)


@check(points=1)
def test_five_items_with_two_workers_take_three_seconds(student, run):
    """5 items with 2 workers take 3 s: 2 at a time, not all at once (1 s) nor one by one (5 s)"""
    calls = spy(student, "process")
    result = run_pool(run, student.run_workers, FIVE, 2)
    if not result.took(3.0):
        why, hint = why_not_three(result, calls)
        expect_duration(result, 3.0, help=hint, why=why, details=calls.chart())


@check(points=1)
def test_processes_as_many_items_at_once_as_there_are_workers(student, run):
    """with workers=3, 7 items are processed 3 at a time, never more"""
    calls = spy(student, "process")
    result = run_pool(run, student.run_workers, SEVEN, 3)
    if not calls and process_never_awaited(result):
        raise Failure(f"{result.call}{NEVER_AWAITED_PROCESS}", help=AWAIT_PROCESS, notes=result.notes())
    if not calls:
        raise Failure(f"{result.call} never called process()", help=POOL, notes=result.notes())
    if calls.peak() != 3:
        raise Failure(
            f"with workers=3, {at_once(calls.peak())}; expected 3 at a time",
            help=POOL,
            details=calls.chart(),
            notes=result.notes(),
        )


@check(points=1)
def test_starts_exactly_workers_tasks_not_one_per_item(student, run):
    """run_workers(5 items, 2) does the work in exactly 2 worker tasks, not one task per item"""
    seen = Record()  # for each process() call, which task it ran in (0, 1, ...)
    known = []  # the tasks themselves: in the sandbox only
    spy(student, "process", lambda item: process_noting_the_task(item, known, seen))
    result = run_pool(run, student.run_workers, FIVE, 2)
    count = len(set(seen))
    if count == 2:
        return
    if not seen and process_never_awaited(result):
        raise Failure(f"{result.call}{NEVER_AWAITED_PROCESS}", help=AWAIT_PROCESS, notes=result.notes())
    started = len(student_tasks(result))
    if started == count:
        observed = f"run_workers started {tasks(started)} for {len(FIVE)} items with workers=2"
    else:
        observed = f"process() ran in {tasks(count)} for {len(FIVE)} items with workers=2"
    raise Failure(
        observed,
        help=ONE_TASK_PER_ITEM if count > 2 else POOL,
        details=task_chart(student_tasks(result), until=result.duration),
        notes=result.notes(),
    )


@check(points=1)
def test_fewer_items_than_workers_still_start_every_worker(student, run):
    """run_workers(['ant', 'bee'], 4), with fewer items than workers, starts exactly 4 worker tasks and takes 1 s"""
    items, workers = FEWER
    calls = spy(student, "process")
    result = run_pool(run, student.run_workers, items, workers)
    started = len(student_tasks(result))
    if started != workers:
        hint = ONE_TASK_PER_ITEM if started > workers or one_per_item(result, items) else START_THEM_ALL
        raise Failure(
            f"{result.call} started {tasks(started)}, not {workers}: a pool has exactly `workers` worker tasks, "
            "even when there are fewer items than workers",
            help=hint,
            details=task_chart(student_tasks(result), until=result.duration),
            notes=result.notes(),
        )
    if not result.took(1.0):
        why, hint = why_not_one_second(result, calls)
        expect_duration(result, 1.0, help=hint, why=why, details=calls.chart())


def why_not_one_second(result, calls):
    """What the process() calls of a run with fewer items than workers show about its time, and a hint."""
    if not calls and process_never_awaited(result):
        return NEVER_AWAITED_PROCESS, AWAIT_PROCESS
    unfinished = [call for call in calls if not call.returned]
    if unfinished:
        return f": it returned while {tasks(len(unfinished), 'process() call')} had not finished", JOIN
    if calls and calls.peak() < len(calls):
        return f": {at_once(calls.peak())}, with a worker free for every item", ALL_AT_ONCE
    return "", None


@check(points=2)
def test_no_worker_is_left_running(student, run):
    """when run_workers returns, every worker task it started has stopped"""
    run_pool(run, student.run_workers, FIVE, 2)  # on its own first, so that its own errors read plainly
    watch = Watch()
    result = run_pool(run, watch.calling(student.run_workers, FIVE, 2), label=f"run_workers({FIVE!r}, 2)")
    expect_nothing_left_running(result, watch, help=STOP)


@check(points=1)
def test_a_second_call_returns_only_its_own_results(student, run):
    """called twice in one program, run_workers returns only each call's own results"""
    label = f"run_workers({THREE!r}, 2), then run_workers({SECOND!r}, 2)"

    async def twice():
        first = await student.run_workers(THREE, 2)
        return [first, await student.run_workers(SECOND, 2)]

    result = run_pool(run, twice, label=label)
    value = result.value[1] if isinstance(result.value, list) and len(result.value) == 2 else None
    expected = {item: item.upper() for item in SECOND}
    what = f"the second call, run_workers({SECOND!r}, 2),"
    if isinstance(value, dict) and value == expected:
        return
    if isinstance(value, dict) and any(item in value for item in THREE):
        raise Failure(
            f"{what} returned {plain_repr(value)}: the results of the first call are still in it",
            help=KEPT_RESULTS,
            notes=result.notes(),
        )
    raise Failure(f"{what} returned {plain_repr(value)}; expected {plain_repr(expected)}", notes=result.notes())


def value_error_hint(error, items, workers, refused):
    """The hint that fits which call did not raise ValueError, given those that did."""
    if isinstance(error, NotImplementedError):
        return None
    if not items and refused:
        return WORKERS_BEFORE_ANYTHING
    if workers < 0 and 0 in refused:
        return NEGATIVE
    return CHECK_WORKERS


@check(points=1)
def test_fewer_than_one_worker_raise_value_error(student, run):
    """run_workers(items, 0), run_workers(items, -1) and run_workers([], 0) raise ValueError"""
    refused = []
    for items, workers in ((["ant", "bee"], 0), (["ant", "bee"], -1), ([], 0)):
        result = run(student.run_workers, items, workers, allow_error=True)
        error = result.error
        if isinstance(error, ValueError):
            refused.append(workers)
            continue
        if isinstance(error, NotImplementedError):
            raise Failure(result.describe_error())
        if error is None:
            observed = f"returned {plain_repr(result.value)}"
        elif isinstance(error, Deadlock):
            observed = "waited forever for a worker to take the items (the event loop got stuck: a deadlock)"
        else:
            observed = f"raised {type(error).__name__}: {error}"
        raise Failure(
            f"{result.call} {observed}, instead of raising ValueError",
            help=value_error_hint(error, items, workers, refused),
            notes=result.notes(),
        )


@check(points=1)
def test_no_items_return_an_empty_dict_at_once(student, run):
    """run_workers([], 3) returns {} at once"""
    result = run_pool(run, student.run_workers, [], 3)
    if result.value != {} or not isinstance(result.value, dict):
        raise Mismatch({}, result.value, help="with no items there is nothing to process: return {}.")
    expect_duration(result, 0.0, help="with no items, queue.join() returns at once: nothing should wait.")
