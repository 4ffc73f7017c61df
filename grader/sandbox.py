"""The virtual world a student's code runs in.

Inside a :class:`Sandbox`, every event loop asyncio creates (``asyncio.run``, ``Runner``,
``new_event_loop``, in any thread) runs on one virtual clock; ``time.time()``,
``time.strftime()``, ``datetime.now()``, ``time.monotonic()`` and ``time.perf_counter()``
follow that clock from a fixed instant; ``time.sleep`` moves the clock instead of waiting
and is remembered as a blocking call; and what is printed becomes a timeline.
"""

from __future__ import annotations

import asyncio
import gc
import math
import os
import sys
import threading
import time
import warnings
from asyncio import events
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import freezegun.api
from freezegun import freeze_time

from .capture import MAX_LINES
from .clock import VirtualClock
from .errors import TIME_LIMIT, TimeLimitExceeded
from .loop import DEFAULT_LIVELOCK_LIMIT, DEFAULT_TIME_LIMIT, VirtualEventLoop
from .output import Output

START_INSTANT = datetime(2024, 4, 1, 9, 0, 0)
_LOADED_BEFORE_THE_GRADER = frozenset(sys.modules)
# Modules that must keep the real clock: pytest's own timing and its plugins.
_REAL_TIME_MODULES = ["_pytest", "pluggy", "pytest_timeout", "pytest_asyncio"]
_real_sleep = time.sleep
_real_new_event_loop = events.new_event_loop
_active: Sandbox | None = None

BLOCKED_PAST_LIMIT = "It got there by blocking calls (time.sleep)."
BLOCKING = (
    "{call} at {where} blocks the event loop: nothing else can run while it waits. "
    "Use `await asyncio.sleep({seconds:g})` instead."
)


@dataclass(frozen=True)
class Limits:
    """How far student code may go in one sandbox."""

    time_limit: float = DEFAULT_TIME_LIMIT
    livelock_limit: int = DEFAULT_LIVELOCK_LIMIT
    max_lines: int = MAX_LINES


@dataclass(frozen=True)
class BlockingCall:
    """A blocking call made while an event loop was running."""

    call: str
    seconds: float
    time: float
    where: str

    def __str__(self) -> str:
        return BLOCKING.format(call=self.call, where=self.where, seconds=self.seconds)


def virtual_sleep(seconds: float) -> None:
    """``time.sleep`` inside a sandbox: the clock moves on at once, nothing waits."""
    box = _active
    if box is None:
        return _real_sleep(seconds)
    if math.isnan(seconds):
        raise ValueError("Invalid value NaN (not a number)")
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    box.blocked("time.sleep", seconds, sys._getframe(1))
    box.clock.advance(seconds)
    box.check_time_limit()


def virtual_new_event_loop() -> asyncio.AbstractEventLoop:
    box = _active
    if box is None:
        return _real_new_event_loop()
    return box.new_loop()


class _World:
    """The costly, process-wide part of a sandbox: a frozen wall clock, TZ=UTC, and patched
    ``time.sleep`` and loop creation. Entered once per sandbox, or held across many."""

    def __init__(self) -> None:
        self._holders = 0
        self._exit = ExitStack()
        self._factory: Any = None

    def enter(self) -> None:
        if self._holders == 0:
            with ExitStack() as stack:
                stack.enter_context(_utc())
                self._factory = stack.enter_context(_frozen_wall_clock())
                stack.enter_context(_patched(time, "sleep", virtual_sleep))
                for module in (asyncio, events):
                    stack.enter_context(_patched(module, "new_event_loop", virtual_new_event_loop))
                stack.enter_context(_policy_makes_virtual_loops())
                self._exit = stack.pop_all()
        self._holders += 1

    def exit(self) -> None:
        self._holders -= 1
        if self._holders == 0:
            self._exit.close()

    def show(self, instant: datetime) -> None:
        """Set the wall clock that student code reads."""
        self._factory.move_to(instant)


_world = _World()


@contextmanager
def virtual_world() -> Iterator[None]:
    """Keep the costly part of sandboxes set up across many of them (a whole grading session).

    In between, code outside a sandbox sees the frozen wall clock too: only the grader runs then.
    """
    _world.enter()
    try:
        yield
    finally:
        _world.exit()


class Sandbox:
    """Enter to run student code on virtual time; see the module docstring."""

    def __init__(
        self,
        limits: Limits = Limits(),
        start: datetime = START_INSTANT,
        student_files: frozenset[str] = frozenset(),
        output: Output | None = None,
    ) -> None:
        self.limits = limits
        self.student_files = student_files
        self.start = start
        self.clock = VirtualClock()
        self.loops: list[VirtualEventLoop] = []
        self.blocking: list[BlockingCall] = []
        self.warnings: list[warnings.WarningMessage] = []
        self.output = output or Output(limits.max_lines)
        self.output.follow(self.clock)
        self.stdout, self.stderr = self.output.stdout, self.output.stderr
        self._threads_before: frozenset[threading.Thread] = frozenset()
        self._exit = ExitStack()

    def new_loop(self) -> VirtualEventLoop:
        loop = VirtualEventLoop(
            self.clock,
            time_limit=self.limits.time_limit,
            livelock_limit=self.limits.livelock_limit,
            student_files=self.student_files,
            threads_before=self._threads_before,
        )
        self.loops.append(loop)
        return loop

    def blocked(self, call: str, seconds: float, frame: Any) -> None:
        if not events._get_running_loop():
            return
        where = f"{os.path.basename(frame.f_code.co_filename)} line {frame.f_lineno}"
        self.blocking.append(BlockingCall(f"{call}({seconds:g})", seconds, self.clock.time(), where))

    def check_time_limit(self) -> None:
        """Blocking calls move the clock too: they must not carry it past the limit."""
        if self.clock.time() > self.limits.time_limit:
            raise TimeLimitExceeded(TIME_LIMIT.format(limit=self.limits.time_limit, tasks=BLOCKED_PAST_LIMIT))

    def __enter__(self) -> Sandbox:
        global _active
        if _active is not None:
            raise RuntimeError("a sandbox is already active; sandboxes do not nest")
        self._threads_before = frozenset(threading.enumerate())
        with ExitStack() as stack:
            _world.enter()
            stack.callback(_world.exit)
            stack.callback(_forget_current_loop, self.loops)
            # An exception ending a student's thread is printed, as Python would, into the sandbox.
            stack.enter_context(_patched(threading, "excepthook", threading.__excepthook__))
            _world.show(self.start)
            self.clock.on_change(lambda ticks: _world.show(self.start + timedelta(microseconds=ticks // 1000)))
            stack.enter_context(_patched(sys, "stdout", self.stdout))
            stack.enter_context(_patched(sys, "stderr", self.stderr))
            self.warnings = stack.enter_context(warnings.catch_warnings(record=True))
            warnings.simplefilter("always")
            self._exit = stack.pop_all()
        _active = self
        return self

    def __exit__(self, *exc_info: Any) -> None:
        global _active
        # Coroutines that were never awaited warn when collected: collect them in here.
        # The youngest generation suffices (a full collection costs ~8 ms with pytest loaded).
        gc.collect(0)
        self.output.drain()
        _active = None
        self._exit.close()


@contextmanager
def _frozen_wall_clock() -> Iterator[Any]:
    saved_limit = freezegun.api.call_stack_inspection_limit
    # Inspecting the stack would give real time to worker threads and to modules named queue*.
    freezegun.api.call_stack_inspection_limit = 0
    # freezegun searches every loaded module for clock functions imported by name: not those
    # loaded before this one (the standard library's, pytest's), which keep real time. It
    # saves some 20 ms a grading process; modules imported since (a student's) are searched.
    freezer = freeze_time(START_INSTANT, ignore=[*_REAL_TIME_MODULES, *_LOADED_BEFORE_THE_GRADER])
    factory = freezer.start()
    try:
        yield factory
    finally:
        freezer.stop()
        freezegun.api.call_stack_inspection_limit = saved_limit


def current_policy() -> Any:
    """asyncio's event-loop policy, without the getter that warns from 3.14 on."""
    return (getattr(events, "_get_event_loop_policy", None) or events.get_event_loop_policy)()


def _forget_current_loop(loops: list[VirtualEventLoop]) -> None:
    """``asyncio.get_event_loop()`` must not hand a later run this sandbox's loop (on its clock)."""
    local = getattr(current_policy(), "_local", None)
    if getattr(local, "_loop", None) in loops:
        local._loop = None


@contextmanager
def _patched(owner: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, saved)


@contextmanager
def _utc() -> Iterator[None]:
    """Pin TZ so that ``strftime`` and ``datetime.now`` agree whatever the machine's zone."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


@contextmanager
def _policy_makes_virtual_loops() -> Iterator[None]:
    """``asyncio.get_event_loop()`` outside a running loop asks the policy (before 3.14)."""
    policy = current_policy()
    policy.new_event_loop = virtual_new_event_loop  # type: ignore[method-assign]
    try:
        yield
    finally:
        del policy.new_event_loop
