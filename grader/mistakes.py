"""Errors that are the classic symptom of a known mistake, and the hint each one deserves.

A hint is a diagnosis, so it is given only on evidence: the error's type, its words, and
(where several mistakes raise alike) the student's own line that led to it. Any other error
is shown as it is, without a guess.

>>> result = run(student.fetch_all, JOBS, allow_error=True)
>>> expect_no_error(result)   # "fetch_all(...) raised TypeError: unhashable type: 'list'" + its hint
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .failures import Failure
from .run import Run, frames

GATHER_A_LIST = (
    "asyncio.gather() takes each awaitable as an argument of its own: unpack the list with a star, "
    "`asyncio.gather(*coroutines)`, not `asyncio.gather(coroutines)`."
)
WAIT_FOR_NOTHING = (
    "asyncio.wait() refuses an empty collection: when there is nothing to wait for, return before calling it."
)
RUN_IN_A_RUNNING_LOOP = (
    "{call} already runs in an event loop (the grader's, as it would in your own `asyncio.run(main())`), "
    "and asyncio.run() can't start another inside it: `await` the coroutine instead."
)
AWAITED_TWICE = (
    "a coroutine can be awaited only once: call the coroutine function again (`asyncio.sleep(1)`, say) "
    "each time you need to await it, instead of keeping one coroutine object and awaiting it again."
)


@dataclass(frozen=True)
class Mistake:
    """An error ``error`` whose message starts with ``says`` (or one of them: Python versions word
    some errors differently), raised from a student's line that contains ``line_has`` (if given):
    the symptom of the mistake that ``hint`` explains."""

    error: type[BaseException]
    says: str | tuple[str, ...]
    hint: str
    line_has: str = ""


MISTAKES = (
    Mistake(TypeError, "unhashable type: 'list'", GATHER_A_LIST, line_has="gather("),
    Mistake(TypeError, "An asyncio.Future, a coroutine or an awaitable is required", GATHER_A_LIST, "gather("),
    # "Set of coroutines/Futures is empty." before Python 3.11.
    Mistake(ValueError, ("Set of Tasks/Futures is empty", "Set of coroutines/Futures"), WAIT_FOR_NOTHING, "wait("),
    Mistake(RuntimeError, "asyncio.run() cannot be called from a running event loop", RUN_IN_A_RUNNING_LOOP),
    Mistake(RuntimeError, "cannot reuse already awaited coroutine", AWAITED_TWICE),
)


def known_mistake(run: Run) -> str | None:
    """The hint for the error ``run`` ended with, if that error is the symptom of a known mistake."""
    error = run.error
    if error is None:
        return None
    lines = [source for file, _, _, source in frames(error) if os.path.abspath(file) in run.student_files]
    for mistake in MISTAKES:
        if isinstance(error, mistake.error) and str(error).startswith(mistake.says):
            if not mistake.line_has or any(mistake.line_has in line for line in lines):
                return mistake.hint.format(call=run.call)
    return None


def expect_no_error(run: Run, help: str | None = None) -> None:
    """The call did not raise. If it did, the check fails with the error and, when the error is
    the symptom of a known mistake, that mistake's hint (else ``help``, if given)."""
    if run.error is None:
        return
    text = run.describe_error()
    hint = known_mistake(run) or (help if "\n\nHint: " not in text else None)
    raise Failure(text, help=hint, notes=run.notes())
