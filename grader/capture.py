"""Printed output as a timeline: each line stamped with the virtual time it began at.

:class:`TimelineWriter` stands in for ``sys.stdout`` and ``sys.stderr``, and behaves enough like
the real ones (``buffer``, ``reconfigure``, ``fileno``...) for student code and the libraries
it uses not to notice. :class:`FdCapture` brings into the same timeline what is written below
Python, straight to a file descriptor.
"""

from __future__ import annotations

import codecs
import io
import os
import threading
from collections.abc import Callable
from typing import Any

from .errors import LoopProblem
from .text import MAX_LINE_CHARS, more_characters
from .timeline import Line

MAX_LINES = 10_000
OUTPUT_LIMIT = "printed more than {limit:,} lines; the grader stopped the program there"
# Worded as the real sys.stdout words them, for the student who passed the wrong thing.
STR_EXPECTED = "write() argument must be str, not {type}"
BYTES_EXPECTED = "a bytes-like object is required, not '{type}'"
NO_FILENO = "fileno"
NO_DETACH = "detach"

FD_CAPTURE_LIMIT = 16 << 20
_FD_CHUNK = 1 << 20  # read at most this much at once, so a flood does not sit in memory whole


class OutputLimitExceeded(LoopProblem):
    pass


def _utf8_decoder() -> codecs.IncrementalDecoder:
    # Bytes that are not UTF-8 become lone surrogates, shown as \\udcff in a report, never lost.
    return codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")


class _NeverClosed:
    """What the captured streams share: write-only, not a terminal, and never closed (a student
    closing stdout must not break later prints, or the grader's; ``io.TextIOWrapper(sys.stdout.buffer)``
    closes the buffer when it is garbage-collected)."""

    @property
    def closed(self) -> bool:
        return False

    def close(self) -> None:
        """Does nothing."""

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def isatty(self) -> bool:
        return False


class TimelineWriter(_NeverClosed, io.TextIOBase):
    """A stand-in for ``sys.stdout`` that keeps lines with the time each one began.

    A line keeps at most ``MAX_LINE_CHARS`` characters and then says how many more there were,
    so memory stays bounded and time linear whatever is printed. Past ``max_lines`` lines,
    starting another raises :class:`OutputLimitExceeded`. The text is kept as printed: escaping
    control characters is for whoever shows it (``grader.text.visible``).
    """

    encoding = "utf-8"
    errors = "surrogateescape"
    newlines = None
    mode = "w"

    def __init__(
        self,
        now: Callable[[], float],
        max_lines: int = MAX_LINES,
        *,
        name: str = "<stdout>",
        fd: int | None = None,
    ) -> None:
        self._now = now
        self._max_lines = max_lines
        self.name = name
        self._fd = fd
        self.line_buffering = False
        self.write_through = False
        self._lines: list[Line] = []
        # Called before each write: reads in what was written to the file descriptor meanwhile.
        self.before_write: Callable[[], None] | None = None
        self._began: float | None = None  # when the unfinished line began; None: there is none
        self._pieces: list[str] = []
        self._kept = 0
        self._dropped = 0
        self._lock = threading.Lock()
        self._buffer = TimelineBuffer(self)
        self.overflowed = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r} mode={self.mode!r} encoding={self.encoding!r}>"

    # -- what io.TextIOWrapper offers ------------------------------------------------------------

    @property
    def buffer(self) -> TimelineBuffer:
        return self._buffer

    def fileno(self) -> int:
        if self._fd is None:
            raise io.UnsupportedOperation(NO_FILENO)
        return self._fd

    def detach(self) -> io.BufferedIOBase:
        raise io.UnsupportedOperation(NO_DETACH)

    def reconfigure(self, **settings: Any) -> None:
        """Checked as Python checks them (an unknown encoding raises LookupError), then kept as
        flags only: the capture is the same whatever the encoding or buffering."""
        # A throwaway wrapper validates, exactly as the real sys.stdout would in this version of Python.
        probe = io.TextIOWrapper(
            io.BytesIO(), self.encoding, line_buffering=self.line_buffering, write_through=self.write_through
        )
        probe.reconfigure(**settings)
        self.line_buffering = probe.line_buffering
        self.write_through = probe.write_through

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(STR_EXPECTED.format(type=type(text).__name__))
        if self.before_write is not None:  # output written below Python first: it came first
            self.before_write()
        with self._lock:
            self._add_text(text)
        return len(text)

    def _write_bytes(self, data: bytes, decoder: codecs.IncrementalDecoder) -> None:
        if self.before_write is not None:
            self.before_write()
        # Decoded under the lock too, so that bytes from two threads keep the order they came in.
        with self._lock:
            self._add_text(decoder.decode(data))

    # -- the timeline ---------------------------------------------------------------------------

    def lines(self) -> list[Line]:
        """Every line so far, the unfinished last one included."""
        with self._lock:
            if self._began is None:
                return list(self._lines)
            return [*self._lines, Line(self._began, self._line_text())]

    def _add_text(self, text: str) -> None:
        # Slices by position rather than text.split("\n"), which would copy a flood of lines
        # that the line limit is about to stop anyway.
        end = text.find("\n")
        if end < 0:  # most writes: a piece of a print, or its end, "\n"
            self._add_piece(text, 0, len(text))
            return
        start = 0
        while end >= 0:
            self._add_piece(text, start, end)
            self._end_line()
            start = end + 1
            end = text.find("\n", start)
        self._add_piece(text, start, len(text))

    def _add_piece(self, text: str, start: int, stop: int) -> None:
        if start == stop:
            return
        if self._began is None:
            self._check_room()
            self._began = self._now()
        room = MAX_LINE_CHARS - self._kept
        if stop - start > room:  # over-long: the rest is counted, not kept
            self._dropped += stop - start - room
            stop = start + room
        if stop > start:
            self._pieces.append(text[start:stop])
            self._kept += stop - start

    def _end_line(self) -> None:
        if self._began is None:
            self._check_room()
            self._began = self._now()
        self._lines.append(Line(self._began, self._line_text()))
        self._began, self._pieces, self._kept, self._dropped = None, [], 0, 0

    def _line_text(self) -> str:
        if self._dropped:  # joined with the note in one go, rather than copying the line twice
            return "".join([*self._pieces, more_characters(self._dropped)])
        return "".join(self._pieces)

    def _check_room(self) -> None:
        if len(self._lines) >= self._max_lines:
            self.overflowed = True
            raise OutputLimitExceeded(OUTPUT_LIMIT.format(limit=self._max_lines))


class TimelineBuffer(_NeverClosed, io.BufferedIOBase):
    """``sys.stdout.buffer``: bytes written here are decoded as UTF-8 into the same timeline,
    in order with the text, a character cut across two writes coming out whole."""

    mode = "wb"

    def __init__(self, writer: TimelineWriter) -> None:
        self._writer = writer
        self._decoder = _utf8_decoder()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}>"

    @property
    def name(self) -> str:
        return self._writer.name

    @property
    def raw(self) -> TimelineBuffer:
        # There is no file below: the buffer is its own raw stream, writing through at once.
        return self

    def fileno(self) -> int:
        return self._writer.fileno()

    def write(self, data: Any) -> int:
        try:
            view = memoryview(data)
        except TypeError:
            raise TypeError(BYTES_EXPECTED.format(type=type(data).__name__)) from None
        with view:
            self._writer._write_bytes(view.tobytes(), self._decoder)
            return view.nbytes


class FdCapture:
    """What is written to file descriptor ``fd`` (a regular file that fd 1 or 2 was made a copy
    of) brought into ``writer``'s timeline: by ``os.write``, a C extension, a child process.

    Call :meth:`drain` whenever the clock is about to move and at the end: each call adds what
    was written since the last one, stamped with the time of the call. After ``limit`` bytes in
    all, the rest is ignored. ``fd`` stays the caller's to close.
    """

    def __init__(self, fd: int, writer: TimelineWriter, limit: int = FD_CAPTURE_LIMIT) -> None:
        self._fd = fd
        self._offset = 0
        self._left = limit
        # A stream of its own, so that a character cut between two drains is not completed by
        # bytes the program wrote to sys.stdout.buffer.
        self._stream = TimelineBuffer(writer)

    def drain(self) -> None:
        """Add what was written since the last call; one ``pread`` when nothing was.

        Raises :class:`OutputLimitExceeded` as a print would when the output goes past the
        writer's line limit.
        """
        while self._left > 0:
            data = os.pread(self._fd, min(self._left, _FD_CHUNK), self._offset)
            if not data:
                return
            # Counted before writing, so that a line limit reached in the write does not read it again.
            self._offset += len(data)
            self._left -= len(data)
            self._stream.write(data)
