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
import ctypes
import gc
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from .confine import protect_supervisor

T = TypeVar("T")

TIMED_OUT = "timed out"
_PR_SET_PDEATHSIG = 1


def _now() -> float:
    # Not time.monotonic: a check may freeze it (freezegun) in a process that later forks judges.
    return time.clock_gettime(time.CLOCK_MONOTONIC)


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
    theirs = set(_children())
    waiting = list(reversed(tasks))
    running: dict[int, _Judge[T]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                judge = _start(waiting.pop(), work, limit, list(running))
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


def _start(task: T, work: Callable[[T], None], limit: float, others: list[int]) -> _Judge[T]:
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    # Ctrl-C between the fork and the judge's own handlers must not reach the judge as ours.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the judge: what it saves is what the tests see
        _judge(task, work, [read_end, *others], blocked, parent)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    os.close(write_end)
    return _Judge(task, pid, read_end, _now() + limit)


def _judge(task: T, work: Callable[[T], None], inherited: list[int], mask: set, parent: int) -> None:
    status = 1
    try:
        os.setsid()
        _die_with(parent)
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        for descriptor in inherited:
            os.close(descriptor)
        _quiet()
        # Only what the judge itself registers (its cgroups' removal) is run at its exit.
        atexit._clear()
        work(task)
        status = 0
    finally:
        atexit._run_exitfuncs()
        os._exit(status)


def _die_with(parent: int) -> None:
    """On Linux, the judge is killed when the batch is (even by SIGKILL, which leaves no time to
    kill it): a judge must never run on unsupervised. Elsewhere it finishes its submission."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL))
    if os.getppid() != parent:  # the batch died before the line above
        os._exit(1)


def _quiet() -> None:
    """The batch's terminal is for its progress: a judge has nothing to say on it."""
    null = os.open(os.devnull, os.O_RDWR)
    for descriptor in (0, 1, 2):
        os.dup2(null, descriptor)
    os.close(null)


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
    while strays := set(_children()) - keep:
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


def _children() -> Iterator[int]:
    """Our children, from /proc (empty where there is none: there, no subreaper either)."""
    me = str(os.getpid())
    proc = Path("/proc")
    try:
        names = [name for name in os.listdir(proc) if name.isdigit()]
    except OSError:
        return
    for name in names:
        try:
            text = (proc / name / "stat").read_text()
        except OSError:
            continue
        if text[text.rindex(")") + 2 :].split()[1] == me:
            yield int(name)


def warm_fork() -> None:
    """Before the judges are forked: what the parent holds is frozen out of the collector's walks,
    so that a judge's collections don't touch (and copy) every page it shares with us."""
    gc.collect()
    gc.freeze()
