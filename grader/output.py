"""Everything a sandbox process prints, on one timeline per stream, however it was written.

One :class:`Output` lasts the sandbox process's life: the module imported at the start and
the call made after share it, so ``from sys import stdout`` at import still prints where the
grader looks. Its clock is the current sandbox's; output written below Python (``os.write(1,
...)``, a child process) is read back whenever virtual time is about to move on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .capture import MAX_LINES, TimelineWriter


class Output:
    def __init__(self, max_lines: int = MAX_LINES) -> None:
        self._now: Callable[[], float] = lambda: 0.0
        self._pinned: float | None = None
        self.stdout = TimelineWriter(self.now, max_lines)
        self.stderr = TimelineWriter(self.now, max_lines, name="<stderr>")
        self._captures: list[Any] = []
        self._draining = False

    def now(self) -> float:
        return self._pinned if self._pinned is not None else self._now()

    def follow(self, clock: Any) -> None:
        """Stamp lines with ``clock``'s time from now on."""
        self._now = clock.time
        seen = [clock.time()]

        def before_moving_on(_ticks: int) -> None:
            # The clock has just moved: what was written below Python belongs to the instant before.
            self._pinned = seen[0]
            try:
                self.drain()
            finally:
                self._pinned = None
                seen[0] = clock.time()

        clock.on_change(before_moving_on)

    def capture_descriptors(self, folder: Path) -> None:
        """Point file descriptors 1 and 2 at files in ``folder``, read back into the timelines."""
        from .capture import FdCapture

        for fd, writer in ((1, self.stdout), (2, self.stderr)):
            file = os.open(folder / f".fd{fd}", os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(file, fd)
            os.close(file)
            capture = FdCapture(fd, writer)
            self._captures.append(capture)
            writer._fd = fd  # `os.write(sys.stdout.fileno(), ...)` then lands where it is read back
            # Each stream has a timeline of its own: before a print, only its own descriptor's
            # output needs reading in.
            writer.before_write = lambda capture=capture: self._drain([capture])

    def drain(self) -> None:
        self._drain(self._captures)

    def _drain(self, captures: list[Any]) -> None:
        if self._draining:  # a drain writes into the timelines, which would drain again
            return
        self._draining = True
        try:
            for capture in captures:
                capture.drain()
        finally:
            self._draining = False
