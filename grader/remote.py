"""Run one piece of work in a sandbox process, forked from the judge, and take back its reply.

The judge never runs student code: it forks, the child confines itself, does the work (import
the student's module, call it, turn what happened into plain data) and writes one message
before it exits. The judge waits for that with a real-time limit, reads in linear time, never
waits on a pipe that a grandchild may hold, and ends everything the child left behind.
"""

from __future__ import annotations

import faulthandler
import os
import re
import select
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import gc_tuning, wire
from .confine import Confinement, ProcessTree, confine, prepare

# Real seconds the judge still reads after the child has exited (a grandchild may hold the pipe).
GRACE = 0.2
# Real seconds given to the child to say where it was stuck, once its time is up.
DUMP_GRACE = 0.3
MAX_REPLY = 64 << 20


def _monotonic() -> float:
    # Not time.monotonic: the judge runs inside the virtual world, where that one is frozen.
    return time.clock_gettime(time.CLOCK_MONOTONIC)


_FRAME = re.compile(r'^\s*File "(?P<file>.+)", line (?P<line>\d+) in (?P<name>.+)$')


@dataclass
class Reply:
    """How the child ended, and what it said."""

    message: dict | None = None
    timed_out: bool = False
    ended: str = ""  # "exit status 0", "killed by signal 9"
    problem: str = ""  # why the message is missing or was refused
    stuck_at: list[tuple[str, int, str]] = field(default_factory=list)  # innermost frame last


def call(work: Callable[[], dict], timeout: float, confinement: Confinement | None = None) -> Reply:
    """Fork, confine the child (if ``confinement``), run ``work()`` there, and return its reply
    within ``timeout`` s; then end everything the child started."""
    if confinement is not None:
        prepare(confinement)
    tree = ProcessTree(confinement.processes) if confinement is not None else None
    read_end, write_end = os.pipe()
    dump_read, dump_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    gc_tuning.freeze_before_fork()
    try:
        pid = os.fork()
    finally:
        if os.getpid() == parent:
            gc_tuning.thaw_after_fork()
    if pid == 0:  # pragma: no cover - the child's exit status and message are what the tests see
        os.close(read_end)
        os.close(dump_read)
        _child(work, lambda: _confine(confinement, tree), write_end, dump_write)
    if tree is not None:
        tree.started(pid)
    os.close(write_end)
    os.close(dump_write)
    try:
        return _supervise(pid, read_end, dump_read, timeout)
    finally:
        os.close(read_end)
        os.close(dump_read)
        _kill_group(pid)
        if tree is not None:
            tree.end()
        _reap(pid)


def _confine(confinement: Confinement | None, tree: ProcessTree | None) -> dict[str, str]:  # pragma: no cover
    if confinement is None:
        return {}
    return confine(confinement, tree).as_dict()


def _child(work: Callable[[], dict], prepare: Callable[[], dict], fd: int, dump_fd: int) -> None:  # pragma: no cover
    status = 70
    try:
        _keep_only(fd, dump_fd)
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
        faulthandler.register(signal.SIGUSR1, file=dump_fd, all_threads=False)
        # Writing past the file-size limit fails with an error instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        isolation = prepare()
        _send(fd, wire.dumps({**work(), "isolation": isolation}))
        status = 0
    except BaseException as error:  # the grader's own machinery failed here: say how, if it can
        status = 71
        try:
            _send(fd, wire.dumps({"kind": "internal", "error": f"{type(error).__name__}: {error}"[:2000]}))
        except BaseException:
            pass
    finally:
        os._exit(status)


def _send(fd: int, data: bytes) -> None:  # pragma: no cover - in the child
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _keep_only(*kept: int) -> None:  # pragma: no cover - in the child
    """No descriptor of the judge's reaches student code (its stdout, a test runner's files...):
    standard input and output become /dev/null until the sandbox captures them."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for standard in (0, 1, 2):
        os.dup2(devnull, standard)
    start = 3
    for fd in sorted(set(kept) | {devnull}):
        if fd >= start:
            os.closerange(start, fd)
            start = fd + 1
    os.closerange(start, _max_fd())
    os.close(devnull)


def _max_fd() -> int:
    try:
        return max(int(name) for name in os.listdir("/proc/self/fd")) + 1
    except (OSError, ValueError):
        return os.sysconf("SC_OPEN_MAX")


def _supervise(pid: int, fd: int, dump_fd: int, timeout: float) -> Reply:
    reply = Reply()
    chunks: list[bytes] = []
    size = 0
    deadline = _monotonic() + timeout
    exited_at: float | None = None
    pidfd = _pidfd(pid)
    while True:
        now = _monotonic()
        limit = (exited_at + GRACE) if exited_at is not None else deadline
        if now >= limit:
            break
        watched = [fd] + ([pidfd] if pidfd is not None and exited_at is None else [])
        ready, _, _ = select.select(watched, [], [], min(limit - now, 0.05 if pidfd is None else limit - now))
        if fd in ready:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_REPLY:
                reply.problem = f"its reply was larger than {MAX_REPLY >> 20} MB"
                break
        if exited_at is None and (pidfd in ready or pidfd is None) and _has_exited(pid, reply):
            exited_at = _monotonic()
    if exited_at is None and not reply.problem and not _has_exited(pid, reply):
        if _monotonic() >= deadline:
            reply.timed_out = True
            reply.stuck_at = _where_stuck(pid, dump_fd)
        else:  # the pipe closed first: the child is on its way out, or closed it itself
            _wait_briefly(pid, pidfd, reply)
    if pidfd is not None:
        os.close(pidfd)
    if not reply.problem and not reply.timed_out:
        _take(reply, b"".join(chunks))
    return reply


def _take(reply: Reply, data: bytes) -> None:
    if not data:
        reply.problem = "it ended without a reply"
        return
    try:
        reply.message = wire.loads(data)
    except wire.BadMessage as error:
        reply.problem = f"its reply was {error}"


def _pidfd(pid: int) -> int | None:
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def _has_exited(pid: int, reply: Reply) -> bool:
    if reply.ended:
        return True
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        reply.ended = "ended"
        return True
    if done:
        reply.ended = _how(status)
    return bool(done)


def _wait_briefly(pid: int, pidfd: int | None, reply: Reply) -> None:
    deadline = _monotonic() + GRACE
    while not _has_exited(pid, reply) and _monotonic() < deadline:
        # A pidfd becomes readable the moment the child exits; without one, look every 1 ms.
        select.select([pidfd] if pidfd is not None else [], [], [], 0.001 if pidfd is None else GRACE)


def _how(status: int) -> str:
    code = os.waitstatus_to_exitcode(status)
    return f"killed by signal {-code}" if code < 0 else f"exit status {code}"


def _where_stuck(pid: int, dump_fd: int) -> list[tuple[str, int, str]]:
    """Ask the child (faulthandler, even mid-C-call) where its main thread is, briefly."""
    try:
        os.kill(pid, signal.SIGUSR1)
    except ProcessLookupError:
        return []
    text = b""
    deadline = _monotonic() + DUMP_GRACE
    while _monotonic() < deadline and len(text) < 65536:
        ready, _, _ = select.select([dump_fd], [], [], deadline - _monotonic())
        if not ready:
            break
        chunk = os.read(dump_fd, 65536)
        if not chunk:
            break
        text += chunk
        if b"\n\n" in text or text.rstrip().endswith(b">"):
            break
    frames = [_FRAME.match(line) for line in text.decode(errors="replace").splitlines()]
    # faulthandler lists the innermost call first.
    return [(m["file"], int(m["line"]), m["name"].strip()) for m in reversed(frames) if m]


def _kill_group(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
