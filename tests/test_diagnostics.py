"""What a student reads when the loop gives up: the whole sentence, byte for byte, and where each
task waits (in the student's own code when it is there)."""

from __future__ import annotations

import asyncio
import inspect
import sys
from pathlib import Path
from types import FrameType

import pytest

from grader.diagnostics import NO_TASK_WAITING, await_point
from grader.errors import Deadlock, Livelock, TimeLimitExceeded
from grader.loop import VirtualEventLoop

THIS_FILE = str(Path(__file__).resolve())


def line_of(text: str, function: object) -> int:
    lines, first = inspect.getsourcelines(function)  # type: ignore[arg-type]
    return first + next(offset for offset, line in enumerate(lines) if text in line)


def stopped(coro: object, **options: object) -> str:
    """The message of the problem that stopped ``coro`` on a new loop."""
    loop = VirtualEventLoop(**options)  # type: ignore[arg-type]
    try:
        with pytest.raises((Deadlock, Livelock, TimeLimitExceeded)) as info:
            loop.run_until_complete(coro)  # type: ignore[arg-type]
        return str(info.value)
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()


async def waits_forever(tag: str) -> None:
    await asyncio.Event().wait()


async def spins() -> None:
    while True:
        await asyncio.sleep(0)


async def ticks() -> None:
    while True:
        await asyncio.sleep(1)


async def two_waiters() -> None:
    await asyncio.gather(waits_forever("a"), waits_forever("b"))


def test_a_deadlock_reads_word_for_word_as_before() -> None:
    line = line_of("await asyncio.Event().wait()", waits_forever)
    assert stopped(waits_forever("x")) == (
        "the event loop got stuck at 0 s: every task is waiting, no timer is scheduled and nothing else "
        "can wake it up (a deadlock).\n"
        "Tasks still waiting:\n"
        f"  - waits_forever('x') is waiting at test_diagnostics.py line {line}: await asyncio.Event().wait()"
    )


def test_a_livelock_reads_word_for_word_as_before() -> None:
    line = line_of("await asyncio.sleep(0)", spins)
    assert stopped(spins(), livelock_limit=1_500) == (
        "the event loop went round 1,500 times at 0 s without time moving on: a loop that only does "
        "`await asyncio.sleep(0)` never lets time pass (a livelock).\n"
        "Tasks still waiting:\n"
        f"  - spins() is waiting at test_diagnostics.py line {line}: await asyncio.sleep(0)"
    )


def test_a_run_past_the_time_limit_reads_word_for_word_as_before() -> None:
    line = line_of("await asyncio.sleep(1)", ticks)
    assert stopped(ticks(), time_limit=2.5) == (
        "still running after 2.5 s of event-loop time (the grader's limit): does a loop never end?\n"
        "Tasks still waiting:\n"
        f"  - ticks() is waiting at test_diagnostics.py line {line}: await asyncio.sleep(1)"
    )


def test_the_waiting_tasks_are_listed_in_the_order_they_were_made() -> None:
    message = stopped(two_waiters())
    assert [line.split(" is ")[0] for line in message.splitlines()[2:]] == [
        "  - two_waiters()",
        "  - waits_forever('a')",
        "  - waits_forever('b')",
    ]


def test_with_student_files_only_the_tasks_waiting_in_them_are_listed() -> None:
    async def helper() -> None:  # the check's own task, in this file too: told apart by the file
        await two_waiters()

    message = stopped(helper(), student_files=frozenset({"/nowhere/exercise1.py"}))
    assert "helper()" in message  # no student frame anywhere: every task is shown
    message = stopped(two_waiters(), student_files=frozenset({THIS_FILE}))
    assert message.count("\n  - ") == 3


def test_a_task_that_has_not_started_is_said_so() -> None:
    assert await_point([], frozenset()) == "has not started yet"


def frame_here() -> FrameType:
    return sys._getframe()


def frame_elsewhere() -> FrameType:
    """A frame of code compiled from a file that isn't there: its source line can't be read."""
    namespace: dict = {}
    exec(compile("import sys\ndef here():\n    return sys._getframe()\n", "/gone/exercise9.py", "exec"), namespace)
    return namespace["here"]()


def test_the_await_point_is_the_innermost_frame_in_the_students_files() -> None:
    line = line_of("return sys._getframe()", frame_here)
    expected = f"is waiting at test_diagnostics.py line {line}: return sys._getframe()"
    assert await_point([frame_here(), frame_elsewhere()], frozenset({THIS_FILE})) == expected


def test_without_its_source_line_the_await_point_gives_the_file_and_line_alone() -> None:
    assert await_point([frame_here(), frame_elsewhere()], frozenset()) == "is waiting at exercise9.py line 3"


def test_with_no_task_left_the_message_says_no_task_is_waiting() -> None:
    loop = VirtualEventLoop()
    try:
        with pytest.raises(Deadlock) as info:
            loop.run_until_complete(loop.create_future())  # a future, not a task
        assert str(info.value).endswith(f"(a deadlock).\n{NO_TASK_WAITING}")
        assert NO_TASK_WAITING == "No task is waiting."
    finally:
        loop.close()


def test_a_task_awaiting_the_students_coroutine_is_shown_waiting_at_the_students_line() -> None:
    namespace: dict = {}
    source = "import asyncio\nasync def main():\n    await asyncio.Event().wait()\n"
    student = "/submission/exercise1.py"
    exec(compile(source, student, "exec"), namespace)

    async def checks_wrapper() -> None:  # a check's own coroutine, awaiting the student's
        await namespace["main"]()

    message = stopped(checks_wrapper(), student_files=frozenset({student}))

    assert "checks_wrapper() is waiting at exercise1.py line 3" in message
