"""Run one judge process per submission, at most ``jobs`` at once, each within a hard real-time cap.

Each judge is forked from this warm process and starts a session (and process group) of its
own, so that it can be killed with everything it started and a terminal's Ctrl-C reaches only
this process. This process learns that a judge ended when the pipe only that judge holds
reaches end of file: it waits on the pipes (with ``select``), never on the wall clock.

A judge killed here leaves its sandboxes behind (each runs in a session of its own): this
process is their subreaper, so they become its children, and are killed and reaped before
anything goes on. Nothing of a judge outlives it.
"""

from __future__ import annotations

import atexit
import gc
import os
import select
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .confine import _now, children, die_with_parent, protect_supervisor
from .remote import _keep_only

T = TypeVar("T")

TIMED_OUT = "timed out"


@dataclass(frozen=True)
class Ended(Generic[T]):
    """How a judge ended: ``status`` is its exit status, or TIMED_OUT when it was stopped here."""

    task: T
    status: int | str


@dataclass
class _Judge(Generic[T]):
    task: T
    pid: int
    pipe: int  # our end: readable at end of file once the judge has exited
    deadline: float


def run_all(
    tasks: list[T], work: Callable[[T], None], jobs: int, limit: float, ended: Callable[[Ended[T]], None]
) -> None:
    """Run ``work(task)`` in a judge process of its own for each task, ``jobs`` at once; call
    ``ended`` here as each one ends. A judge still running after ``limit`` real seconds is
    killed with what it started. On any exception (KeyboardInterrupt) every judge is killed and
    reaped before it propagates."""
    protect_supervisor()  # orphaned sandboxes come to us, so that they can be ended
    # Children our caller had before are its own business, never strays of ours.
    theirs = children()
    waiting = list(reversed(tasks))
    running: dict[int, _Judge[T]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                judge = _start(waiting.pop(), work, limit)
                running[judge.pipe] = judge
            timeout = max(0.0, min(judge.deadline for judge in running.values()) - _now())
            readable, _, _ = select.select(list(running), [], [], timeout)
            for pipe in readable:
                judge = running.pop(pipe)
                ended(Ended(judge.task, _reap(judge)))
            for judge in [judge for judge in running.values() if _now() >= judge.deadline]:
                del running[judge.pipe]
                _kill(judge)
                ended(Ended(judge.task, TIMED_OUT))
            _end_strays(theirs | {judge.pid for judge in running.values()})
    finally:
        for judge in running.values():
            _kill(judge)
        _end_strays(theirs)


def _start(task: T, work: Callable[[T], None], limit: float) -> _Judge[T]:
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    # Ctrl-C between the fork and the judge's own handlers must not reach the judge as ours.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the judge: what it saves is what the tests see
        _judge(task, work, write_end, blocked, parent)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    os.close(write_end)
    return _Judge(task, pid, read_end, _now() + limit)


def _judge(task: T, work: Callable[[T], None], pipe: int, mask: set, parent: int) -> None:
    status = 1
    try:
        os.setsid()
        # On Linux a judge must never run on unsupervised: it dies with the batch, even by SIGKILL.
        if not die_with_parent(parent):
            os._exit(1)
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        # The batch's terminal is for its progress, and the other judges' pipes are theirs: only
        # the pipe whose end tells the batch this judge is done stays open.
        _keep_only(pipe)
        # Only what the judge itself registers (its cgroups' removal) is run at its exit.
        atexit._clear()
        work(task)
        status = 0
    finally:
        atexit._run_exitfuncs()
        os._exit(status)


def _reap(judge: _Judge[T]) -> int:
    os.close(judge.pipe)
    _, status = os.waitpid(judge.pid, 0)
    return os.waitstatus_to_exitcode(status)


def _kill(judge: _Judge[T]) -> None:
    try:
        os.killpg(judge.pid, signal.SIGKILL)
    except OSError:  # its group is gone already
        pass
    _reap(judge)


def _end_strays(keep: set[int]) -> None:
    """Kill and reap every child of ours but ``keep`` (running judges, our caller's own): the
    sandboxes (and what they started) of judges that were killed, passed on to us as their subreaper."""
    while strays := children() - keep:
        for pid in strays:
            for kill in (os.killpg, os.kill):
                try:
                    kill(pid, signal.SIGKILL)
                except OSError:  # not a group leader, or gone
                    pass
        for pid in strays:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def warm_fork() -> None:
    """Before the judges are forked: what the parent holds is frozen out of the collector's walks,
    so that a judge's collections don't touch (and copy) every page it shares with us."""
    gc.collect()
    gc.freeze()
