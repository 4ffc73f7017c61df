"""A worker pool with asyncio.Queue"""

import asyncio

from grader import Deadlock, Failure, Mismatch, Record, check, expect_duration, plain_repr, spy, task_chart

THREE = ["ant", "bee", "cat"]
FIVE = ["ant", "bee", "cat", "dog", "eel"]
SEVEN = ["a", "b", "c", "d", "e", "f", "g"]
# Zero-time turns of the loop allowed after run_workers returns, for workers it has just
# cancelled or sent a last item to: they stop at once, only not within the same step.
SETTLE_TURNS = 3

POOL = (
    "start exactly `workers` tasks, each running a loop that takes an item with "
    "`await queue.get()`, awaits process(item) and calls queue.task_done(); "
    "then `await queue.join()` in run_workers."
)
STOP = (
    "after `await queue.join()`, cancel every worker task (`task.cancel()`) and wait until they have "
    "stopped with `await asyncio.gather(*tasks, return_exceptions=True)` before returning."
)
STUCK = (
    "queue.join() returns only once queue.task_done() has been called for every item put on the queue: "
    "call it after each item a worker takes (in a `finally:`). And a worker that loops forever on "
    "`await queue.get()` never ends by itself: don't wait for it with gather(), cancel it."
)
JOIN = (
    "wait with `await queue.join()` until every item has been processed before you stop the workers "
    "or return; `queue.empty()` is true as soon as the last item is taken, not when it is done."
)
DICT = "collect the results in a dict, `results[item] = await process(item)`, and return that dict."


def run_pool(run, function, *args, label=None):
    """Run ``function`` (run_workers, or a check's wrapper of it) and fail with the student's error, if any."""
    result = run(function, *args, allow_error=True, label=label)
    if result.error is not None:
        hint = STUCK if isinstance(result.error, Deadlock) else None
        raise Failure(result.describe_error(), help=hint, notes=result.notes())
    return result


def why_not_three(calls):
    """What the process() calls of a 5-item, 2-worker run show about its time, and a hint."""
    unfinished = [call for call in calls if not call.returned]
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
    missing = [item for item in items if item not in value]
    if missing:
        raise Failure(
            f"{result.call} returned {plain_repr(value)}: there is no result for {plain_repr(missing)[1:-1]}",
            help=JOIN,
            notes=result.notes(),
        )
    if value != expected:
        raise Mismatch(expected, value, help=DICT, notes=result.notes())


@check(points=2)
def test_returns_each_item_with_its_result(student, run):
    """run_workers(['ant', 'bee', 'cat'], 2) returns {'ant': 'ANT', 'bee': 'BEE', 'cat': 'CAT'}"""
    expect_results(run_pool(run, student.run_workers, THREE, 2), THREE)


@check(points=2)
def test_five_items_with_two_workers_take_three_seconds(student, run):
    """5 items with 2 workers take 3 s: 2 at a time, not all at once (1 s) nor one by one (5 s)"""
    calls = spy(student, "process")
    result = run_pool(run, student.run_workers, FIVE, 2)
    if not result.took(3.0):
        why, hint = why_not_three(calls)
        expect_duration(result, 3.0, help=hint, why=why, details=calls.chart())


@check(points=1)
def test_processes_as_many_items_at_once_as_there_are_workers(student, run):
    """with workers=3, 7 items are processed 3 at a time, never more"""
    calls = spy(student, "process")
    result = run_pool(run, student.run_workers, SEVEN, 3)
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
    started = len(result.tasks) - 1  # the first task is the call itself
    if started == count:
        observed = f"run_workers started {tasks(started)} for {len(FIVE)} items with workers=2"
    else:
        observed = f"process() ran in {tasks(count)} for {len(FIVE)} items with workers=2"
    raise Failure(
        observed,
        help="a worker pool has a fixed number of tasks that each process many items: " + POOL,
        details=task_chart(student_tasks(result), until=result.duration),
        notes=result.notes(),
    )


@check(points=2)
def test_no_worker_is_left_running(student, run):
    """when run_workers returns, every worker task it started has stopped"""
    run_pool(run, student.run_workers, FIVE, 2)  # on its own first, so that its own errors read plainly
    left_running = Record()  # filled in the sandbox, copied back after the run

    async def run_workers_then_look():
        value = await student.run_workers(FIVE, 2)
        for _ in range(SETTLE_TURNS):
            await asyncio.sleep(0)
        me = asyncio.current_task()
        left_running.extend(task.get_name() for task in asyncio.all_tasks() if task is not me and not task.done())
        return value

    result = run_pool(run, run_workers_then_look, label=f"run_workers({FIVE!r}, 2)")
    if left_running:
        count = len(left_running)
        was = "was" if count == 1 else "were"
        raise Failure(
            f"{tasks(count, 'worker task')} {was} still running after run_workers returned; "
            "asyncio cancelled them only when the whole program ended",
            help=STOP,
            details=task_chart(student_tasks(result), until=result.duration),
            notes=result.notes(),
        )


@check(points=1)
def test_fewer_than_one_worker_raise_value_error(student, run):
    """run_workers(items, 0) and run_workers(items, -1) raise ValueError"""
    for workers in (0, -1):
        result = run(student.run_workers, ["ant", "bee"], workers, allow_error=True)
        error = result.error
        if isinstance(error, ValueError):
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
            help="check `workers` before anything else: `if workers < 1: raise ValueError(...)`.",
            notes=result.notes(),
        )


@check(points=1)
def test_no_items_return_an_empty_dict_at_once(student, run):
    """run_workers([], 3) returns {} at once"""
    result = run_pool(run, student.run_workers, [], 3)
    if result.value != {} or not isinstance(result.value, dict):
        raise Mismatch({}, result.value, help="with no items there is nothing to process: return {}.")
    expect_duration(result, 0.0, help="with no items, queue.join() returns at once: nothing should wait.")
