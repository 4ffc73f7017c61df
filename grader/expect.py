"""Expectations a check can state about a :class:`~grader.run.Run`.

Each raises :class:`~grader.failures.Failure` saying what was expected, what the student's
code did, in time and order, and (given ``help``) how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .failures import Failure
from .render_timeline import first_difference, printed, seconds, side_by_side, task_chart
from .run import Run
from .timeline import TOLERANCE, Line

LINE_DIFFERS = "line {number}: expected {expected!r}, but your program printed {actual!r}"
LINE_MISSING = "expected a line {expected!r}, but your program printed nothing more"
LINE_EXTRA = "your program printed an extra line {actual!r}"
NOTHING_PRINTED = "your program printed nothing"
LINE_LATE = "{text!r} was printed at {actual}, expected at {expected}"
DURATION = "{call} took {actual} of event-loop time, not {expected}"
NOT_DONE = "{call} never finished"
PENDING = "{count} task(s) were still not done when {call} returned; asyncio cancelled them"
TOO_FEW_AT_ONCE = "at most {peak} {function}() call(s) ran at the same time; expected {count}"
TOO_MANY_AT_ONCE = "{peak} {function}() calls ran at the same time; expected at most {count}"


def expect_output(
    run: Run, expected: Sequence[str], help: str | None = None, normalize: Callable[[str], str] = str
) -> None:
    """The printed lines are ``expected``, in order; their times are not compared.

    ``normalize`` is applied to both sides first (to blank out a clock reading, say).
    """
    want = [Line(0.0, normalize(text)) for text in expected]
    got = [Line(0.0, normalize(line.text)) for line in run.lines]
    index = first_difference(want, got, tolerance=float("inf"))
    if index is not None:
        raise Failure(
            _text_difference(want, got, index),
            help=help,
            details=side_by_side(want, got, index, times=False),
            notes=run.notes(),
        )


def expect_timeline(run: Run, expected: Sequence[tuple[float, str]], help: str | None = None) -> None:
    """The printed lines are ``expected`` (time, text) pairs: same text, same virtual time."""
    want = [Line(float(time), text) for time, text in expected]
    index = first_difference(want, run.lines, TOLERANCE)
    if index is None:
        return
    if index < len(want) and index < len(run.lines) and want[index].text == run.lines[index].text:
        rationale = LINE_LATE.format(
            text=want[index].text, actual=f"{seconds(run.lines[index].time)}", expected=seconds(want[index].time)
        )
    else:
        rationale = _text_difference(want, run.lines, index)
    raise Failure(rationale, help=help, details=side_by_side(want, run.lines, index), notes=run.notes())


def _text_difference(want: Sequence[Line], got: Sequence[Line], index: int) -> str:
    if not got:
        return NOTHING_PRINTED
    if index >= len(got):
        return LINE_MISSING.format(expected=want[index].text)
    if index >= len(want):
        return LINE_EXTRA.format(actual=got[index].text)
    return LINE_DIFFERS.format(number=index + 1, expected=want[index].text, actual=got[index].text)


def expect_duration(
    run: Run,
    expected: float,
    help: str | None = None,
    *,
    why: str = "",
    context: str = "",
    details: str | None = None,
) -> None:
    """The call took exactly ``expected`` seconds of virtual time.

    ``why`` ends the rationale (": the calls ran one at a time"), ``context`` leads it ("from
    plain code"), and ``details`` replaces the printed timeline (with a chart of calls, say).
    """
    if run.duration is None:
        raise Failure(NOT_DONE.format(call=run.call), help=help, notes=run.notes())
    if not run.took(expected):
        rationale = DURATION.format(call=run.call, actual=seconds(run.duration), expected=seconds(expected))
        raise Failure(
            f"{context}, {rationale}{why}" if context else rationale + why,
            help=help,
            details=details or (printed(run.lines) if run.lines else None),
            notes=run.notes(),
        )


def expect_no_blocking(run: Run, help: str | None = None) -> None:
    """No blocking call (``time.sleep``) ran while the event loop was running."""
    if run.blocking:
        raise Failure(str(run.blocking[0]), help=help, notes=run.notes()[1:])


def expect_all_tasks_done(run: Run, help: str | None = None) -> None:
    """Every task the call started had ended (or been cancelled and awaited) when it returned."""
    if run.left_running:
        raise Failure(
            PENDING.format(count=len(run.left_running), call=run.call),
            help=help,
            details=task_chart(run.tasks, until=run.duration),
            notes=run.notes(),
        )


def expect_concurrency(
    run: Run, function: str, at_least: int = 0, at_most: int | None = None, help: str | None = None
) -> None:
    """Between ``at_least`` and ``at_most`` calls of ``function`` ran at one virtual instant."""
    peak = run.peak(function)
    if peak < at_least:
        rationale = TOO_FEW_AT_ONCE.format(peak=peak, function=function, count=at_least)
    elif at_most is not None and peak > at_most:
        rationale = TOO_MANY_AT_ONCE.format(peak=peak, function=function, count=at_most)
    else:
        return
    raise Failure(rationale, help=help, details=task_chart(run.tasks_of(function) or run.tasks), notes=run.notes())
