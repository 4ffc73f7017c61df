"""Start a worker process: forked warm where the system allows, else a fresh interpreter.

A fork starts with pytest and the grader already imported, which saves most of a start-up
(about 0.2 s); the child still gets its own stdin, stdout, stderr and memory limit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Protocol

EXIT_INTERNAL_ERROR = 70


class Worker(Protocol):
    def kill(self) -> None: ...

    def wait(self) -> int: ...


class _Forked:
    def __init__(self, pid: int) -> None:
        self.pid = pid

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def wait(self) -> int:
        """The exit status; minus the signal's number if a signal ended it (as Popen does)."""
        return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])


def start(arguments: list[str], events_fd: int, token: str, stderr: IO[bytes]) -> Worker:
    """Run ``grader.worker`` with ``arguments``, writing events led by ``token`` to ``events_fd``."""
    # Forking a process that runs threads (a test runner's timers, say) risks deadlocks.
    if hasattr(os, "fork") and threading.active_count() == 1:
        return _fork(arguments, events_fd, token, stderr)
    worker = subprocess.Popen(
        [sys.executable, "-m", "grader.worker", str(events_fd), *arguments],
        pass_fds=(events_fd,),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        env=_environment(dict(os.environ)),
    )
    # Through a pipe, not the command line or the environment, which /proc shows to anyone.
    worker.stdin.write(f"{token}\n".encode())
    worker.stdin.close()
    return worker


def _fork(arguments: list[str], events_fd: int, token: str, stderr: IO[bytes]) -> Worker:
    from . import worker  # imported before the fork, so that every child starts warm

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return _Forked(pid)
    status = EXIT_INTERNAL_ERROR
    try:
        _become_worker(stderr)
        status = worker.run(events_fd, token, arguments)
    finally:
        os._exit(status)


def _become_worker(stderr: IO[bytes]) -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(stderr.fileno(), 2)
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__
    environment = _environment(dict(os.environ))
    os.environ.clear()
    os.environ.update(environment)
    sys.dont_write_bytecode = True


def _environment(environment: dict[str, str]) -> dict[str, str]:
    """The worker's environment: only the plugins the grader names, no user pytest options."""
    environment["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    environment["PYTHONHASHSEED"] = "0"  # a fresh interpreter's set order is the same every run
    environment.pop("PYTEST_ADDOPTS", None)
    package_root = str(Path(__file__).resolve().parent.parent)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, environment.get("PYTHONPATH")]))
    return environment
