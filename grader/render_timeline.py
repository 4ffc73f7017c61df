"""Pure text pictures of a run: the timeline beside the expected one, and a task chart."""

from __future__ import annotations

from collections.abc import Sequence

from .timeline import Line, TaskRecord

MARK = ">"
NOTHING = "(nothing)"
CHART_WIDTH = 30
# Rows of a printed timeline shown at most: around the first difference, the rest counted.
MAX_ROWS = 40
MORE_ROWS = "    … {count:,} more line{s}"


def seconds(value: float) -> str:
    """``1.0 s``, ``0.25 s``: as short as exact, with at least one decimal."""
    text = f"{value:.3f}".rstrip("0")
    return f"{text}0 s" if text.endswith(".") else f"{text} s"


def first_difference(expected: Sequence[Line], actual: Sequence[Line], tolerance: float) -> int | None:
    for index in range(max(len(expected), len(actual))):
        if index >= len(expected) or index >= len(actual):
            return index
        want, got = expected[index], actual[index]
        if want.text != got.text or abs(want.time - got.time) > tolerance:
            return index
    return None


def side_by_side(expected: Sequence[Line], actual: Sequence[Line], marked: int | None, times: bool = True) -> str:
    """Two columns, expected and actual, the first differing row marked with ``>``."""
    left = [_cell(line, times) for line in expected]
    right = [_cell(line, times) for line in actual]
    width = max([len("expected"), *map(len, left), len(NOTHING) if len(right) > len(left) else 0])
    rows = [f"    {'expected':<{width}}   your program"]
    total = max(len(left), len(right))
    first, last = _window(total, marked)
    rows += [_more(first)] if first else []
    for index in range(first, last):
        mark = MARK if index == marked else " "
        want = left[index] if index < len(left) else NOTHING
        got = right[index] if index < len(right) else NOTHING
        rows.append(f"  {mark} {want:<{width}}   {got}".rstrip())
    rows += [_more(total - last)] if last < total else []
    return "\n".join(rows)


def _window(total: int, marked: int | None) -> tuple[int, int]:
    """Which rows to show of ``total``: all when few, else MAX_ROWS around the marked one."""
    if total <= MAX_ROWS:
        return 0, total
    first = max(0, min((marked or 0) - MAX_ROWS // 4, total - MAX_ROWS))
    return first, first + MAX_ROWS


def _more(count: int) -> str:
    return MORE_ROWS.format(count=count, s="" if count == 1 else "s")


def printed(lines: Sequence[Line]) -> str:
    """What the program printed, each line with its virtual time."""
    if not lines:
        return "    your program printed nothing"
    shown = [f"    {_cell(line, True)}" for line in lines[:MAX_ROWS]]
    more = [_more(len(lines) - MAX_ROWS)] if len(lines) > MAX_ROWS else []
    return "\n".join(["    your program printed:", *shown, *more])


def _cell(line: Line, times: bool) -> str:
    return f"{seconds(line.time):>7}  {line.text}" if times else line.text


def task_chart(tasks: Sequence[TaskRecord], until: float | None = None) -> str:
    """One bar per task over virtual time, so overlap (or its absence) shows at a glance."""
    if not tasks:
        return "    (no tasks were created)"
    ends = [t.finished for t in tasks if t.finished is not None]
    span = max([until or 0, *ends, *(t.created for t in tasks)]) or 1.0
    label_width = max(len(t.label) for t in tasks)
    rows = []
    for task in tasks:
        start = task.started if task.started is not None else task.created
        end = task.finished if task.finished is not None else span
        first = min(round(start / span * CHART_WIDTH), CHART_WIDTH - 1)
        last = max(round(end / span * CHART_WIDTH), first + 1)
        bar = " " * first + "#" * (last - first) + " " * (CHART_WIDTH - last)
        rows.append(f"    {task.label:<{label_width}}  |{bar[:CHART_WIDTH]}|  {_lifetime(task, start)}")
    return "\n".join(rows)


def _lifetime(task: TaskRecord, start: float) -> str:
    if task.finished is None:
        return f"{seconds(start)} -> still pending"
    ending = "cancelled" if task.cancelled else "raised" if task.error is not None else "done"
    return f"{seconds(start)} -> {seconds(task.finished)} ({ending})"
