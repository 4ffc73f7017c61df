"""Printed output as a timeline: each line stamped with the virtual time it began at."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

from .errors import LoopProblem
from .timeline import Line

MAX_LINES = 10_000
MAX_LINE_CHARS = 10_000
OUTPUT_LIMIT = "printed more than {limit:,} lines; the grader stopped the program there"


class OutputLimitExceeded(LoopProblem):
    pass


class TimelineWriter(io.TextIOBase):
    """A stand-in for ``sys.stdout`` that keeps lines with the time each one began."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, now: Callable[[], float], max_lines: int = MAX_LINES) -> None:
        self._now = now
        self._max_lines = max_lines
        self._lines: list[Line] = []
        self._partial: tuple[float, list[str], int] | None = None
        self._lock = threading.Lock()
        self.overflowed = False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        with self._lock:
            pieces = text.split("\n")
            for index, piece in enumerate(pieces):
                if piece:
                    self._add(piece)
                if index < len(pieces) - 1:
                    self._end_line()
        return len(text)

    def _check_room(self) -> None:
        if len(self._lines) >= self._max_lines:
            self.overflowed = True
            raise OutputLimitExceeded(OUTPUT_LIMIT.format(limit=self._max_lines))

    def _add(self, piece: str) -> None:
        if self._partial is None:
            self._check_room()
            self._partial = (self._now(), [], 0)
        began, pieces, length = self._partial
        if length < MAX_LINE_CHARS:  # the rest of an over-long line is dropped as it comes
            kept = piece[: MAX_LINE_CHARS - length]
            pieces.append(kept)
            self._partial = (began, pieces, length + len(kept))

    def _end_line(self) -> None:
        if self._partial is None:
            self._check_room()
        began, pieces, _ = self._partial if self._partial is not None else (self._now(), [], 0)
        self._lines.append(Line(began, "".join(pieces)))
        self._partial = None

    def lines(self) -> list[Line]:
        """Every line so far, the unfinished last one included."""
        with self._lock:
            if self._partial is None:
                return list(self._lines)
            began, pieces, _ = self._partial
            return [*self._lines, Line(began, "".join(pieces))]
