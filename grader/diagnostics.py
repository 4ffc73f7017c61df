"""What a student reads when the virtual loop gives up: why, and where each task is waiting.

The reasons (``DEADLOCK``, ``LIVELOCK``, ``TIME_LIMIT``) are in :mod:`grader.errors`; this module
fills in their list of tasks: "main() is waiting at exercise1.py line 8: await ready.wait()".
"""

from __future__ import annotations

import asyncio
import linecache
import os
from collections.abc import Iterable
from types import FrameType
from typing import Any

from .errors import LoopProblem
from .tasks import TaskRecorder
from .timeline import coroutine_label

NO_TASK_WAITING = "No task is waiting."
TASKS_WAITING = "Tasks still waiting:"
TASK_LINE = "  - {label} {where}"
NOT_STARTED = "has not started yet"
WAITING_AT = "is waiting at {place}"
WAITING_AT_LINE = "is waiting at {place}: {source}"
PLACE = "{file} line {line}"


def give_up(
    kind: type[LoopProblem],
    template: str,
    loop: asyncio.AbstractEventLoop,
    recorder: TaskRecorder,
    student_files: frozenset[str],
    **details: Any,
) -> LoopProblem:
    """The problem that stops ``loop``: ``template`` filled in with the time and the waiting tasks."""
    tasks = describe_tasks(asyncio.all_tasks(loop), recorder, student_files)
    return kind(template.format(time=loop.time(), tasks=tasks, **details))


def describe_tasks(tasks: Iterable[asyncio.Task], recorder: TaskRecorder, student_files: frozenset[str]) -> str:
    """A line per unfinished task, in the order they were made: what it runs and where it waits."""
    waiting = recorder.in_creation_order(tasks)
    if not waiting:
        return NO_TASK_WAITING
    stacks = {task: stack_of(task, student_files) for task in waiting}
    # A check's own helper tasks would only confuse: show the student's, if any.
    theirs = [task for task in waiting if any(frame.f_code.co_filename in student_files for frame in stacks[task])]
    lines = [TASKS_WAITING]
    for task in theirs or waiting:
        lines.append(TASK_LINE.format(label=_label(task, recorder), where=await_point(stacks[task], student_files)))
    return "\n".join(lines)


def stack_of(task: asyncio.Task, student_files: frozenset[str]) -> list[FrameType]:
    """The frames a waiting task is suspended in, outermost first. ``Task.get_stack()`` gives only
    the task's own coroutine's frame; the coroutines it awaits (a check's wrapper awaiting the
    student's function, say) are followed through ``cr_await``, generators through
    ``gi_yieldfrom``, when that reaches the student's files (else asyncio's own frames would only
    hide where the task waits)."""
    own = list(task.get_stack())
    frames = list(own)
    awaited = getattr(task.get_coro(), "cr_await", None)
    for _ in range(_DEEPEST):
        frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "gi_frame", None)
        if frame is None:
            break
        frames.append(frame)
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    theirs = any(frame.f_code.co_filename in student_files for frame in frames)
    return frames if theirs else own


# Awaits followed at most: a chain is short, but student code can make it as long as it likes.
_DEEPEST = 200


def await_point(frames: list[FrameType], student_files: frozenset[str]) -> str:
    """Where a task whose stack is ``frames`` waits: in the student's code, if it is in it."""
    if not frames:
        return NOT_STARTED
    frame = ([f for f in frames if f.f_code.co_filename in student_files] or frames)[-1]
    filename, lineno = frame.f_code.co_filename, frame.f_lineno
    source = linecache.getline(filename, lineno).strip()
    place = PLACE.format(file=os.path.basename(filename), line=lineno)
    return WAITING_AT_LINE.format(place=place, source=source) if source else WAITING_AT.format(place=place)


def _label(task: asyncio.Task, recorder: TaskRecorder) -> str:
    record = recorder.record_of(task)
    return record.label if record is not None else coroutine_label(task.get_coro())
