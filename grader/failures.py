"""What a failing check tells the student (in the manner of check50's ``Failure``)."""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Sequence
from typing import Any

_ADDRESS = re.compile(r" (?:object )?at 0x[0-9a-fA-F]+")


def plain_repr(value: Any) -> str:
    """``repr`` without memory addresses or task numbers, so a mistake reads the same every time."""
    if isinstance(value, list):
        return "[" + ", ".join(map(plain_repr, value)) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(map(plain_repr, value)) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, (set, frozenset)):
        # Sorted: a set's order can change from run to run, a report must not.
        return "{" + ", ".join(sorted(map(plain_repr, value))) + "}" if value else "set()"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{plain_repr(k)}: {plain_repr(v)}" for k, v in value.items()) + "}"
    if inspect.iscoroutine(value):
        return f"<coroutine {value.__qualname__}()>"
    if isinstance(value, asyncio.Task):
        return f"<Task {getattr(value.get_coro(), '__qualname__', '?')}()>"
    if isinstance(value, asyncio.Future):
        return "<Future>"
    return _ADDRESS.sub("", repr(value))


class Failure(Exception):
    """A check failed: ``rationale`` says what went wrong, ``help`` how to fix it.

    ``details`` is an optional block (a timeline, a task chart) shown under the rationale;
    ``notes`` are other things noticed on the way (a blocking call, a coroutine never awaited).
    """

    def __init__(
        self,
        rationale: str,
        help: str | None = None,
        details: str | None = None,
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(rationale)
        self.rationale = rationale
        self.help = help
        self.details = details
        self.notes = list(notes)

    def render(self) -> str:
        parts = [self.rationale]
        if self.details:
            parts.append(self.details)
        parts += [f"Also noticed: {note}" for note in self.notes]
        if self.help:
            parts.append(f"Hint: {self.help}")
        return "\n\n".join(parts)


class Mismatch(Failure):
    """The student's value differs from the expected one."""

    def __init__(self, expected: Any, actual: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(f"expected {plain_repr(expected)}, not {plain_repr(actual)}", help=help, **kwargs)
        self.expected = expected
        self.actual = actual


class Missing(Failure):
    """Something expected is not there."""

    def __init__(self, item: Any, collection: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(f"did not find {plain_repr(item)} in {plain_repr(collection)}", help=help, **kwargs)
        self.item = item
        self.collection = collection
