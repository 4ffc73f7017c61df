"""Task records: labels written when read but showing the call as it was made, and start times
settled without a callback per task, even when a blocking call moves the clock."""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
from collections.abc import Coroutine
from typing import Any

import pytest

import grader.timeline
from grader.clock import VirtualClock
from grader.failures import plain_repr
from grader.loop import VirtualEventLoop
from grader.sandbox import Sandbox
from grader.tasks import TaskRecorder, has_started
from grader.timeline import TaskRecord, coroutine_label

needs_eager_tasks = pytest.mark.skipif(sys.version_info < (3, 12), reason="eager task factories are new in 3.12")


def run(coro: Coroutine[Any, Any, Any], loop: VirtualEventLoop | None = None) -> VirtualEventLoop:
    """Run ``coro`` to its end on ``loop`` (a new one by default), close it, and hand it back."""
    loop = loop or VirtualEventLoop()
    try:
        loop.run_until_complete(coro)
    finally:
        loop.close()
    return loop


def labels(loop: VirtualEventLoop) -> list[str]:
    return [record.label for record in loop.task_records]


async def fills(box: dict, items: list) -> None:
    await asyncio.sleep(1)
    box["late"] = 1
    items.append("late")


async def doubles(number: int) -> None:
    number *= 2  # rebinding a parameter changes the frame's locals, not the call that was made
    await asyncio.sleep(1)


class Counter:
    """An object whose repr shows its state, which changes."""

    def __init__(self) -> None:
        self.count = 0

    def __repr__(self) -> str:
        return f"Counter({self.count})"


class Text(str):
    """A str subclass with state of its own in its repr: not taken as immutable."""

    seen = 0

    def __repr__(self) -> str:
        return f"Text#{self.seen}"


async def counts(counter: Counter, text: Text) -> None:
    await asyncio.sleep(1)
    counter.count = 5
    Text.seen = 5


async def takes(*values: Any, flag: Any = None) -> None:
    await asyncio.sleep(0)


# -- labels ----------------------------------------------------------------------------------------


def label_written_at_once(coro: object) -> str:
    """The label as the loop wrote it before labels were deferred (grader 602d47d), kept to compare."""
    name = getattr(coro, "__qualname__", None) or type(coro).__name__
    frame = getattr(coro, "cr_frame", None)
    arguments = frame.f_locals if frame is not None else {}
    code = getattr(coro, "cr_code", None)
    if code is None or not arguments:
        return f"{name}()"
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    values = [arguments[n] for n in names if n in arguments]
    if code.co_flags & inspect.CO_VARARGS:
        values += list(arguments.get(code.co_varnames[len(names)], ()))
    return f"{name}({', '.join(short_repr(value) for value in values)})"


def short_repr(value: object, limit: int = 30) -> str:
    text = plain_repr(value)
    if text.startswith("<"):
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def test_a_dict_and_a_list_the_task_fills_later_show_as_they_were_when_it_was_created() -> None:
    async def main() -> None:
        await asyncio.create_task(fills({"early": 0}, []))

    assert labels(run(main())) == [f"{main.__qualname__}()", "fills({'early': 0}, [])"]


def test_an_object_whose_repr_changes_and_a_str_subclass_show_as_they_were_when_the_task_was_created() -> None:
    Text.seen = 0

    async def main() -> None:
        await asyncio.create_task(counts(Counter(), Text("x")))

    loop = run(main())
    assert loop.task_records[1].label == "counts(Counter(0), Text#0)"


def test_a_parameter_rebound_inside_the_task_shows_the_value_it_was_called_with() -> None:
    async def main() -> None:
        await asyncio.create_task(doubles(21))

    assert run(main()).task_records[1].label == "doubles(21)"


@pytest.mark.parametrize(
    "coro_of",
    [
        lambda: takes(1, 2.5, "text", b"raw", None, True, 3j, flag=False),
        lambda: takes({"a": [1]}, (1, 2), {3}, flag=Counter()),
        lambda: takes("a string longer than thirty characters, to be cut"),
        lambda: takes(),
        lambda: fills({}, []),
        lambda: doubles(-0.0),
        lambda: pause(float("nan")),
        lambda: asyncio.sleep(1, "result"),
    ],
)
def test_a_record_label_reads_exactly_as_labels_written_at_creation_did(coro_of: Any) -> None:
    coro = coro_of()
    try:
        record = TaskRecord.of_coroutine(coro, 0.0)
        assert record.label == coroutine_label(coro) == label_written_at_once(coro)
    finally:
        coro.close()


def test_immutable_arguments_are_written_out_only_when_the_label_is_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[object] = []
    real = grader.timeline._short_repr
    monkeypatch.setattr(grader.timeline, "_short_repr", lambda value: written.append(value) or real(value))
    coro = takes(7, "seven")
    try:
        record = TaskRecord.of_coroutine(coro, 0.0)
        assert written == []
        assert record.function == "takes"  # the function's name needs no argument written out
        assert written == []
        assert record.label == "takes(None, 7, 'seven')"  # the keyword-only flag comes first, as it always did
        assert record.label == "takes(None, 7, 'seven')"
        assert written == [None, 7, "seven"]  # once
    finally:
        coro.close()


def test_a_label_given_to_a_record_is_kept_as_it_is() -> None:
    record = TaskRecord("say(1)", "Task-2", 0.0, 0.0, 1.0)
    assert (record.label, record.function) == ("say(1)", "say")
    record.label = "other(2)"
    assert (record.label, record.function) == ("other(2)", "other")


# -- start times ---------------------------------------------------------------------------------


async def pause(seconds: float) -> None:
    await asyncio.sleep(seconds)


def test_a_task_made_before_a_blocking_call_starts_when_the_loop_gets_to_it_after_the_call() -> None:
    async def main() -> None:
        task = asyncio.create_task(pause(1))
        asyncio.get_running_loop().clock.advance(2)  # what a blocking time.sleep(2) does
        await task

    records = run(main()).task_records
    assert [(r.created, r.started, r.finished) for r in records] == [(0.0, 0.0, 3.0), (0.0, 2.0, 3.0)]


def test_time_sleep_between_making_a_task_and_awaiting_it_delays_the_tasks_start() -> None:
    import time

    async def main() -> None:
        task = asyncio.create_task(pause(1))
        time.sleep(2)
        await task

    with Sandbox() as box:
        asyncio.run(main())
    [loop] = box.loops
    assert [(r.created, r.started, r.finished) for r in loop.task_records] == [(0.0, 0.0, 3.0), (0.0, 2.0, 3.0)]


def test_a_task_whose_first_step_blocks_started_before_the_clock_moved() -> None:
    async def blocks_at_once() -> None:
        asyncio.get_running_loop().clock.advance(2)
        await asyncio.sleep(1)

    async def main() -> None:
        await asyncio.create_task(blocks_at_once())

    [_, record] = run(main()).task_records
    assert (record.created, record.started, record.finished) == (0.0, 0.0, 3.0)


def test_a_task_cancelled_before_its_first_step_is_recorded_as_started_and_cancelled_then() -> None:
    async def main() -> None:
        await asyncio.sleep(1)
        task = asyncio.create_task(pause(5))
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    [_, record] = run(main()).task_records
    assert (record.created, record.started, record.finished, record.cancelled) == (1.0, 1.0, 1.0, True)


def test_a_task_made_before_the_loop_runs_starts_when_it_runs_even_if_the_clock_moved_in_between() -> None:
    loop = VirtualEventLoop()
    task = loop.create_task(pause(1))
    loop.clock.advance(4)
    run(task, loop)  # type: ignore[arg-type]
    [record] = loop.task_records
    assert (record.created, record.started, record.finished) == (0.0, 4.0, 5.0)


def test_a_task_that_never_ran_keeps_no_start() -> None:
    loop = VirtualEventLoop()
    try:
        loop.create_task(pause(1))
        [record] = loop.task_records
        assert (record.started, record.finished, record.pending) == (None, None, True)
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()


def test_a_record_read_while_its_task_waits_to_start_has_no_start_yet_then_gets_one() -> None:
    seen: list[float | None] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        assert isinstance(loop, VirtualEventLoop)
        task = asyncio.create_task(pause(1))
        seen.append(loop.task_records[1].started)
        await task
        seen.append(loop.task_records[1].started)

    run(main())
    assert seen == [None, 0.0]


def test_a_time_sleep_in_a_worker_thread_does_not_lose_or_misdate_the_tasks_made_meanwhile() -> None:
    import time

    async def main() -> None:
        sleeping = asyncio.create_task(asyncio.to_thread(time.sleep, 1))
        await asyncio.sleep(0)
        tasks = [asyncio.create_task(pause(2)) for _ in range(50)]
        await asyncio.gather(sleeping, *tasks)

    with Sandbox() as box:
        asyncio.run(main())
    [loop] = box.loops
    pauses = [record for record in loop.task_records if record.function == "pause"]
    assert len(pauses) == 50
    # Each started when the loop got to it: at 0, or at 1 if the thread's sleep came first.
    assert all(record.started in (0.0, 1.0) and record.finished == record.started + 2 for record in pauses)


@needs_eager_tasks
def test_an_eager_task_starts_when_it_is_made_even_if_its_first_step_blocks() -> None:
    async def blocks_at_once() -> None:
        asyncio.get_running_loop().clock.advance(2)
        await asyncio.sleep(1)

    async def main() -> None:
        asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)  # type: ignore[attr-defined]
        await asyncio.create_task(blocks_at_once())

    loop = VirtualEventLoop()
    loop.run_until_complete(asyncio.ensure_future(main(), loop=loop))
    loop.close()
    record = next(r for r in loop.task_records if r.function.endswith("blocks_at_once"))
    assert (record.created, record.started, record.finished) == (0.0, 0.0, 3.0)


def test_a_task_that_could_not_be_made_leaves_no_record() -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        with pytest.raises(TypeError):
            loop.create_task(pause)  # type: ignore[arg-type]  # the function, not a coroutine

    assert labels(run(main())) == ["test_a_task_that_could_not_be_made_leaves_no_record.<locals>.main()"]


# -- the recorder ----------------------------------------------------------------------------------


def test_a_closed_loop_stops_listening_to_a_clock_it_shares() -> None:
    clock = VirtualClock()
    for _ in range(3):
        run(pause(1), VirtualEventLoop(clock))
    assert clock._listeners == ()
    assert clock.time() == 3.0


def test_records_of_gives_the_records_of_unfinished_tasks_in_creation_order() -> None:
    async def main() -> list[str]:
        loop = asyncio.get_running_loop()
        assert isinstance(loop, VirtualEventLoop)
        first, second = asyncio.create_task(pause(1)), asyncio.create_task(pause(2))
        await first
        chosen = loop.records_of([second, first, asyncio.current_task()])  # type: ignore[list-item]
        await second
        return [record.label for record in chosen]

    loop = VirtualEventLoop()
    try:
        # In the order they were made; the finished first task has no record to give.
        assert loop.run_until_complete(main()) == [f"{main.__qualname__}()", "pause(2)"]
    finally:
        loop.close()


def test_a_recorder_settles_a_start_by_whether_the_coroutine_has_begun() -> None:
    clock = VirtualClock()
    recorder = TaskRecorder(clock)
    loop = asyncio.new_event_loop()
    try:
        begun, waiting = pause(0), pause(0)
        begun.send(None)  # its first step, as a task's would be
        for coro in (begun, waiting):
            recorder.recorded(coro, loop.create_task, {})
        clock.advance(1)
        assert [record.started for record in recorder.records] == [0.0, None]
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        recorder.close()


def test_has_started_tells_a_new_coroutine_from_one_that_ran_or_was_closed() -> None:
    new, closed = pause(0), pause(0)
    closed.close()
    assert (has_started(new), has_started(closed), has_started(object())) == (False, True, True)
    new.close()


def test_records_are_settled_from_another_thread_without_losing_any() -> None:
    clock = VirtualClock()
    recorder = TaskRecorder(clock)
    loop = asyncio.new_event_loop()
    stop = threading.Event()

    def move_the_clock() -> None:
        while not stop.is_set():
            clock.advance(1e-6)

    mover = threading.Thread(target=move_the_clock)
    mover.start()
    try:
        for _ in range(2000):
            recorder.recorded(pause(0), loop.create_task, {})
    finally:
        stop.set()
        mover.join()
    assert len(recorder.records) == 2000
    recorder.close()
    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
