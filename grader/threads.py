"""Student threads in a sandbox: waits on the virtual clock, exceptions that end a thread, and
where a call that never returned was waiting.

In a sandbox, ``time.sleep`` and event loops follow the virtual clock, but one thread waiting for
another (``future.result(timeout=10)``, ``thread.join(5)``) waits real time: its timeout never
expires on the virtual clock (a 20 s coroutine finishes in a few real milliseconds), and an
event loop in another thread can't tell a thread that waits from one that works, so it either
waits for it (and its clock stops) or ignores it (and reports a deadlock before that thread has
handed it any work). :func:`follow_virtual_waits`, called in the sandbox before the student's
code runs, fixes both for the rest of that sandbox process:

* **Virtual waits**: ``threading.Condition.wait`` and so everything built on it
  (``threading.Event.wait``, ``concurrent.futures.Future.result`` and ``.exception``,
  ``concurrent.futures.wait`` and ``as_completed``, ``queue.Queue.get`` and ``.put``,
  ``threading.Semaphore.acquire``, ``threading.Barrier.wait``, ``threading.Timer``), and
  ``threading.Thread.join``, time out on the virtual clock: ``result(timeout=10)`` gives up 10
  virtual seconds after it began.
* A thread blocked in one of those waits doesn't hold the clock back: an event loop in another
  thread jumps to its next timer, or to the earliest of those timeouts if it comes first.
* The calling thread (the one that called :func:`follow_virtual_waits`) counts, for a loop running
  in another thread, as able to wake it whenever it is not blocked in such a wait: it may still
  hand the loop work (``run_coroutine_threadsafe``), so the loop waits for it rather than
  reporting a deadlock. Once the call is over this stays so: threads left running don't move the
  clock after the call has returned, so what the grader reads of them is the same on every run.
* When every thread is blocked in such a wait, the clock moves on to the earliest timeout; with
  none, nothing can ever wake any of them, and the calling thread's wait raises :class:`ThreadDeadlock`.

Still real time: ``threading.Lock.acquire(timeout=...)`` and ``RLock``'s, ``queue.SimpleQueue.get``,
``select``, sockets and subprocesses. A thread blocked in one of those counts as working.
"""

from __future__ import annotations

import itertools
import linecache
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from . import sandbox, wire
from .clock import TICKS_PER_SECOND, VirtualClock, to_ticks
from .errors import TIME_LIMIT, Deadlock, TimeLimitExceeded
from .loop import VirtualEventLoop
from .observed import Observed
from .run import Run, frames
from .text import visible
from .wakers import OutsideWakers
from .wire import Decoder, Encoder

THREADS_DEADLOCK = (
    "every thread got stuck at {time:g} s: each one waits for another, and no timeout or timer "
    "can end any of the waits (a deadlock).\n{threads}"
)
WAITED_PAST_LIMIT = "It got there waiting, with a timeout, for threads that never finished."
# Real seconds a blocked thread sleeps between looks at the virtual clock.
SLICE = 0.005

_ITEM = "  - "


class ThreadDeadlock(Deadlock):
    """Every thread of the sandbox waits for another, and no timeout can end a wait."""

    def waiting(self) -> list[str]:
        """Where each thread waits, a line each (also read from one rebuilt in the judge)."""
        return [line[len(_ITEM) :] for line in str(self).splitlines() if line.startswith(_ITEM)]


wire.register_rebuildable(ThreadDeadlock)


class _Wait:
    """One thread's wait: until woken (``notify``), ``target`` ends, or ``deadline`` (ticks) passes."""

    __slots__ = ("deadline", "target", "woken")

    def __init__(self, deadline: int | None, target: threading.Thread | None = None) -> None:
        self.deadline, self.target, self.woken = deadline, target, False

    def blocked(self, now: int) -> bool:
        if self.woken or (self.target is not None and not _running(self.target)):
            return False
        return self.deadline is None or now < self.deadline


def _running(thread: threading.Thread) -> bool:
    """Alive, and not yet ending: a thread leaves ``threading.enumerate()`` a moment before
    ``is_alive()`` turns false, and nothing can wait for it in between."""
    return thread.is_alive() and thread in threading.enumerate()


class _State:
    """What the patches share, for the one sandbox of this process."""

    def __init__(self, box: Any, caller: threading.Thread) -> None:
        self.box = box
        self.clock: VirtualClock = box.clock
        self.caller = caller
        self.waits: dict[threading.Thread, _Wait] = {}
        self.by_waiter: dict[Any, _Wait] = {}


_state: _State | None = None
_originals: dict[str, Any] = {}


def follow_virtual_waits() -> None:
    """In a sandbox, before the student's code runs: threads wait on the virtual clock from now
    until the sandbox process ends (see the module docstring). Calling it again does nothing."""
    global _state
    box = sandbox._active
    if box is None:
        raise RuntimeError("follow_virtual_waits() is for code running in a sandbox (inside run(...))")
    if _state is not None:
        return
    _state = _State(box, threading.current_thread())
    _patch(threading.Condition, "wait", _condition_wait)
    _patch(threading.Condition, "notify", _condition_notify)
    _patch(threading.Thread, "join", _thread_join)
    _patch(OutsideWakers, "_is_foreign", _is_foreign)
    _patch(VirtualEventLoop, "_jump_to_next_timer", _jump_to_next_timer)
    # Their timeouts count down with a clock of their own, bound at import: the real one.
    _patch(threading, "_time", _virtual_monotonic)
    _patch(queue, "time", _virtual_monotonic)


def _patch(owner: Any, name: str, replacement: Callable[..., Any]) -> None:
    _originals[f"{getattr(owner, '__name__', owner)}.{name}"] = getattr(owner, name)
    setattr(owner, name, replacement)


def _original(owner: Any, name: str) -> Any:
    return _originals[f"{owner.__name__}.{name}"]


def _virtual_monotonic() -> float:
    return time.monotonic()  # looked up at each call: in a sandbox, the virtual one


# -- waits ----------------------------------------------------------------------------------


def _deadline(state: _State, timeout: float | None) -> int | None:
    return None if timeout is None else state.clock.ticks + to_ticks(timeout)


def _blocks(timeout: float | None) -> bool:
    """Whether a wait with this timeout may block (else it is left to the original code)."""
    return timeout is None or 0 < timeout <= threading.TIMEOUT_MAX


def _condition_wait(self: threading.Condition, timeout: float | None = None) -> bool:
    """``Condition.wait`` (as in CPython 3.10-3.13), its timeout on the virtual clock."""
    state = _state
    if state is None or not _blocks(timeout) or not self._is_owned():  # type: ignore[attr-defined]
        return _original(threading.Condition, "wait")(self, timeout)
    waiter = threading._allocate_lock()  # type: ignore[attr-defined]
    waiter.acquire()
    self._waiters.append(waiter)  # type: ignore[attr-defined]
    wait = _Wait(_deadline(state, timeout))
    state.by_waiter[waiter] = wait  # before anyone can notify it
    saved_state = self._release_save()  # type: ignore[attr-defined]
    got_it = False
    try:
        got_it = _block(state, wait, lambda seconds: waiter.acquire(True, seconds))
        return got_it
    finally:
        state.by_waiter.pop(waiter, None)
        self._acquire_restore(saved_state)  # type: ignore[attr-defined]
        if not got_it:
            try:
                self._waiters.remove(waiter)  # type: ignore[attr-defined]
            except ValueError:
                pass


def _condition_notify(self: threading.Condition, n: int = 1) -> None:
    """``Condition.notify``: the waits it ends stop counting as blocked before they wake."""
    state = _state
    if state is not None and self._is_owned():  # type: ignore[attr-defined]
        for waiter in itertools.islice(self._waiters, n):  # type: ignore[attr-defined]
            wait = state.by_waiter.get(waiter)
            if wait is not None:
                wait.woken = True
    return _original(threading.Condition, "notify")(self, n)


def _thread_join(self: threading.Thread, timeout: float | None = None) -> None:
    """``Thread.join``, its timeout on the virtual clock."""
    state = _state
    join = _original(threading.Thread, "join")
    if state is None or not _blocks(timeout) or self is threading.current_thread() or not self._started.is_set():  # type: ignore[attr-defined]
        return join(self, timeout)
    wait = _Wait(_deadline(state, timeout), target=self)

    def joined(seconds: float) -> bool:
        join(self, seconds)
        return not self.is_alive()

    _block(state, wait, joined)
    return None


def _block(state: _State, wait: _Wait, attempt: Callable[[float], bool]) -> bool:
    """Try ``attempt`` a slice of real time at a time until it succeeds or ``wait`` times out."""
    me = threading.current_thread()
    outer = state.waits.get(me)
    state.waits[me] = wait
    try:
        while True:
            if attempt(SLICE):
                return True
            if wait.deadline is not None and state.clock.ticks >= wait.deadline:
                return False
            if me is state.caller:
                _settle(state)
    finally:
        if outer is None:
            state.waits.pop(me, None)
        else:
            state.waits[me] = outer


def _settle(state: _State) -> None:
    """When every thread is blocked: on to the earliest timeout, or, with none, a deadlock."""
    now = state.clock.ticks
    deadlines = []
    for thread in threading.enumerate():
        wait = state.waits.get(thread)
        if wait is None or not wait.blocked(now):
            # It may still wake one of the others. (So may an idle pool worker, for all anyone
            # can see: its wait is in C, and its frame looks the same a moment after a job came.)
            return
        if wait.deadline is not None:
            deadlines.append(wait.deadline)
    if not deadlines:
        threads = _describe_threads(state, sys._current_frames())
        raise ThreadDeadlock(THREADS_DEADLOCK.format(time=state.clock.time(), threads=threads))
    limit = to_ticks(state.box.limits.time_limit)
    state.clock.advance_to(min(min(deadlines), limit) / TICKS_PER_SECOND)
    if min(deadlines) > limit:
        raise TimeLimitExceeded(TIME_LIMIT.format(limit=state.box.limits.time_limit, tasks=WAITED_PAST_LIMIT))


def _describe_threads(state: _State, current: dict[int, Any]) -> str:
    lines = ["Threads waiting:"]
    for thread in threading.enumerate():
        frame = current.get(thread.ident or -1)
        if frame is None:
            continue
        who = "the calling thread" if thread is state.caller else "another thread"
        lines.append(f"{_ITEM}{who} is waiting at {_frame_place(frame, state.box.student_files)}")
    return "\n".join(lines)


def _frame_place(frame: Any, student_files: frozenset[str]) -> str:
    stack = []
    while frame is not None:
        stack.append(frame)
        frame = frame.f_back
    chosen = next((f for f in stack if f.f_code.co_filename in student_files), stack[0])
    filename, lineno = chosen.f_code.co_filename, chosen.f_lineno
    source = linecache.getline(filename, lineno).strip()
    where = f"{os.path.basename(filename)} line {lineno}"
    return f"{where}: {visible(source)}" if source else where


# -- event loops in other threads -------------------------------------------------------------


def _is_foreign(self: OutsideWakers, thread: threading.Thread) -> bool:
    """Whether ``thread`` may still wake a loop: a blocked wait can't, the calling thread can."""
    state = _state
    if state is not None and thread is not threading.current_thread():
        if thread in state.waits:
            return not _holds_still(state, thread, state.clock.ticks)
        if thread is state.caller and thread.is_alive():
            return True
    return _original(OutsideWakers, "_is_foreign")(self, thread)


def _holds_still(state: _State, thread: threading.Thread, now: int, seen: tuple = ()) -> bool:
    """Whether ``thread`` can do nothing until this thread (a loop's) does: it is blocked in a wait,
    and if it joins a thread, that one is this thread, or holds still too. (A thread joining one
    that works, a pool's worker, say, will be back soon.)"""
    wait = state.waits.get(thread)
    if wait is None or not wait.blocked(now):
        return False
    target = wait.target
    if target is None or target is threading.current_thread() or target in seen:
        return True
    return _holds_still(state, target, now, (*seen, thread))


def _jump_to_next_timer(self: VirtualEventLoop) -> None:
    """Jump to the next timer, or first to the end of a wait in another thread that comes sooner."""
    state = _state
    deadline = _earliest_deadline(state, self.clock.ticks) if state is not None else None
    if deadline is not None and deadline <= self._time_limit_ticks:  # type: ignore[attr-defined]
        timer = self._scheduled[0]._when if self._scheduled else None  # type: ignore[attr-defined]
        if timer is None or deadline < to_ticks(timer):
            self.clock.advance_to(deadline / TICKS_PER_SECOND)
            self._spins = 0  # type: ignore[attr-defined]
            return
    _original(VirtualEventLoop, "_jump_to_next_timer")(self)


def _earliest_deadline(state: _State, now: int) -> int | None:
    me = threading.current_thread()
    ends = [
        w.deadline for t, w in list(state.waits.items()) if t is not me and w.deadline is not None and w.blocked(now)
    ]
    return min(ends, default=None)


# -- exceptions that end a thread -------------------------------------------------------------


class ThreadError(NamedTuple):
    """An exception a thread's target let out, which ended that thread."""

    error: BaseException
    where: str  # "exercise10.py line 12", or "" if no frame of the student's


class ThreadErrors(list, Observed):
    """The exceptions that ended threads while :meth:`recording` (in the sandbox), in order.

    Python prints such an exception and drops it: ``join()`` doesn't raise it. Make the object
    in the check, before ``run(...)``; in the sandbox, wrap the student's call in
    ``with errors.recording():``; after the run it holds a :class:`ThreadError` for each.
    """

    def __init__(self) -> None:
        super().__init__()
        self.observe()

    @contextmanager
    def recording(self) -> Iterator[ThreadErrors]:
        saved = threading.excepthook
        files = sandbox._active.student_files if sandbox._active is not None else frozenset()

        def hook(args: Any) -> None:
            if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
                self.append(ThreadError(args.exc_value, _innermost(args.exc_value, files)))
            saved(args)

        threading.excepthook = hook
        try:
            yield self
        finally:
            threading.excepthook = saved

    def observation(self, encoder: Encoder) -> Any:
        return [[encoder.value(item.error), item.where] for item in self]

    def restore(self, decoder: Decoder, data: Any) -> None:
        self[:] = [ThreadError(decoder.value(error), str(where)) for error, where in data]


def _innermost(error: BaseException, student_files: frozenset[str]) -> str:
    mine = [f for f in frames(error) if os.path.abspath(f[0]) in student_files]
    return f"{os.path.basename(mine[-1][0])} line {mine[-1][1]}" if mine else ""


# -- where a call that never returned was waiting --------------------------------------------


class Place(NamedTuple):
    """A line of the student's file: ``str()`` gives ``exercise10.py line 17``."""

    file: str
    line: int
    function: str
    source: str

    def __str__(self) -> str:
        return f"{self.file} line {self.line}"


def where_stuck(result: Run) -> Place | None:
    """The innermost line of the student's own code where ``result``'s call was when it stopped:
    out of real time (from ``result.stuck_at``) or by an error (from its traceback)."""
    if result.stuck_at:
        stack = [(file, line, name, "") for file, line, name in result.stuck_at]
    elif result.error is not None:
        stack = frames(result.error)
    else:
        return None
    mine = [frame for frame in stack if os.path.abspath(frame[0]) in result.student_files]
    if not mine:
        return None
    filename, lineno, name, source = mine[-1]
    source = source or linecache.getline(filename, lineno)  # the file's text, read, never run
    return Place(os.path.basename(filename), lineno, visible(name), visible(source.strip()))
