"""Orders asyncio leaves undefined, made definite, so that a verdict never rests on one.

A set of tasks (the ``done`` and ``pending`` sets :func:`asyncio.wait` returns, say) is gone
through in the order of the tasks' hashes, and a task's hash is its memory address: code that
takes an order from such a set gets a result that changes with the addresses, and so with
anything that moves them (pytest's arguments, the Python version). A check that runs such code
once would pass or fail it by chance.

:func:`ranked` makes every set of tasks go through them in the order they were made (a task's
hash becomes its rank): every sandbox uses it, so that no run's outcome rests on the addresses.
:func:`run_in_each_order` runs a call twice, in that order and in reverse, and fails it, saying
why, when the two outcomes differ: a result that rests on a set's order fails every time.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Callable, Iterator
from typing import Any

from .failures import Failure, plain_repr
from .run import Run, describe_call

# How a set of tasks is gone through: in the order the tasks were made, or in reverse.
ORDERS = ("as made", "reversed")
# Above any count of tasks a run can make: ranks counted down from it go through a set in reverse.
_TOP = (1 << 40) - 1

DEPENDS_ON_ORDER = (
    "{call} {first} when a set of its tasks gave them in the order they were made, but {second} when it "
    "gave them in reverse: the result depends on the order of a set, which has none (it follows the tasks' "
    "memory addresses, and so can change from one run to the next)"
)
SET_HAS_NO_ORDER = (
    "don't take an order from a set of tasks (such as the `done` set asyncio.wait() returns): keep the tasks "
    "in a list, in the order of the input, and read each result from that list."
)


def ranked(order: str) -> type:
    """A subclass of asyncio's Task whose hash, and so its place in any set, is its rank among the
    tasks made since: counting up (``"as made"``) or down (``"reversed"``)."""
    base = asyncio.tasks.Task
    base = getattr(base, "_grader_base", base)  # not a ranked task of an order set before
    counter = itertools.count()

    class RankedTask(base):  # type: ignore[misc, valid-type]
        _grader_base = base

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made = next(counter)
            # Before the task registers itself (in a set of all tasks), which reads its hash.
            self._grader_rank = made if order == ORDERS[0] else _TOP - made
            super().__init__(*args, **kwargs)

        def __hash__(self) -> int:
            return self._grader_rank

    RankedTask.__name__ = RankedTask.__qualname__ = "Task"
    return RankedTask


@contextlib.contextmanager
def tasks_in_order(order: str) -> Iterator[None]:
    """In the sandbox: every set of the tasks made meanwhile goes through them in ``order`` (one of
    :data:`ORDERS`). Tasks made by a task factory of the student's own are left as they are."""
    saved = asyncio.tasks.Task
    asyncio.tasks.Task = ranked(order)
    try:
        yield
    finally:
        asyncio.tasks.Task = saved


def _under(order: str, function: Callable[..., Any], args: tuple, kwargs: dict) -> Callable[[], Any]:
    """``function(*args, **kwargs)``, called in the sandbox once every task asyncio makes from then on
    (the call's own task too, so that nothing else changes) goes through sets in ``order``."""

    def call() -> Any:
        asyncio.tasks.Task = ranked(order)  # the sandbox is a process of its own: nothing to restore
        return function(*args, **kwargs)

    call.__name__ = call.__qualname__ = getattr(function, "__name__", "call")
    return call


def run_in_each_order(
    run: Callable[..., Run],
    function: Callable[..., Any],
    *args: Any,
    allow_error: bool = False,
    label: str | None = None,
    help: str | None = None,
    **kwargs: Any,
) -> Run:
    """Run ``function(*args, **kwargs)`` as ``run`` does, once per order of :data:`ORDERS`; fail
    (with ``help``, or a hint about sets) if the outcomes differ, else return the first run.

    Observed objects (a ``spy``'s calls) see both runs.
    """
    label = label or describe_call(function, args, kwargs)
    results = [run(_under(order, function, args, kwargs), allow_error=True, label=label) for order in ORDERS]
    first, second = results
    if not same_outcome(first, second):
        raise Failure(
            DEPENDS_ON_ORDER.format(call=label, first=outcome(first), second=outcome(second)),
            help=help or SET_HAS_NO_ORDER,
            notes=first.notes(),
        )
    if not allow_error:
        first.raise_for_error()
    return first


def outcome(result: Run) -> str:
    """``returned [1, 2]`` or ``raised ValueError('boom')``."""
    if result.error is not None:
        return f"raised {plain_repr(result.error)}"
    return f"returned {plain_repr(result.value)}"


def same_outcome(first: Run, second: Run) -> bool:
    if (first.error is None) != (second.error is None):
        return False
    if first.error is not None:
        return same_value(first.error, second.error)
    return same_value(first.value, second.value)


def same_value(a: Any, b: Any) -> bool:
    """Equal plain values; exceptions (rebuilt, so never ``==``) of the same type with the same arguments."""
    if isinstance(a, BaseException) or isinstance(b, BaseException):
        return type(a).__name__ == type(b).__name__ and same_value(getattr(a, "args", ()), getattr(b, "args", ()))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same_value, a, b))
    if isinstance(a, dict) and isinstance(b, dict):  # equal as dicts are, whatever their order
        return a.keys() == b.keys() and all(same_value(a[key], b[key]) for key in a)
    return type(a) is type(b) and a == b
