"""Orders asyncio leaves undefined, made definite, so that a verdict never rests on one.

A set of tasks (the ``done`` and ``pending`` sets :func:`asyncio.wait` returns, say) is gone
through in the order of the tasks' hashes, and a task's hash is its memory address: code that
takes an order from such a set gets a result that changes with the addresses, and so with
anything that moves them (pytest's arguments, the Python version). A check that runs such code
once would pass or fail it by chance.

:func:`run_in_each_order` runs a call twice in the sandbox, once with every set of tasks giving
its tasks in the order they were made and once in reverse, and fails it, saying why, when the
two outcomes differ: the same verdict every time, whatever the addresses.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
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


def _ranked_task_class() -> type:
    class RankedTask(asyncio.Task):  # type: ignore[misc, type-arg]
        """A task whose hash, and so its place in a set, is its rank, fixed before it is registered."""

        def __init__(self, *args: Any, grader_rank: int, **kwargs: Any) -> None:
            self._grader_rank = grader_rank
            super().__init__(*args, **kwargs)

        def __hash__(self) -> int:
            return self._grader_rank

    return RankedTask


@contextlib.contextmanager
def tasks_in_order(order: str) -> Iterator[None]:
    """In the sandbox, inside the running loop: sets of the tasks made meanwhile give them in
    ``order`` (one of :data:`ORDERS`). A task factory the student's code set is left alone."""
    loop = asyncio.get_running_loop()
    if loop.get_task_factory() is not None:
        yield
        return
    task_class = _ranked_task_class()
    counter = itertools.count()

    def factory(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Task:
        made = next(counter)
        rank = made if order == ORDERS[0] else _TOP - made
        return task_class(coro, loop=loop, grader_rank=rank, **kwargs)

    loop.set_task_factory(factory)
    try:
        yield
    finally:
        if loop.get_task_factory() is factory:
            loop.set_task_factory(None)


def _under(order: str, function: Callable[..., Any], args: tuple, kwargs: dict) -> Callable[[], Any]:
    def call() -> Any:
        awaitable = function(*args, **kwargs)
        if not inspect.isawaitable(awaitable):
            return awaitable  # reported as the grader reports any function that isn't async

        async def in_order() -> Any:
            with tasks_in_order(order):
                return await awaitable

        return in_order()

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
