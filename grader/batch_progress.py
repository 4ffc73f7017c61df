"""How far a batch is: a progress bar on a terminal, one plain line per student anywhere else.

The only module that imports tqdm, and only when it is asked for a bar: ``grade exerciseN``
never pays for it. This display is the command line's, and the one place a command writes
while it runs: a batch of 300 students can't wait until the end to say how far it is.
"""

from __future__ import annotations

from typing import TextIO

from .format_text import points
from .results import Report
from .text import visible

LINE = "[{done:>{width}}/{total}] {student}  {score}/{most}{note}"
ERROR_NOTE = "  (not graded in full: {error})"
RESUMED = "{done} of {total} submissions already graded in {out}: grading the other {left}"
ALL_DONE = "all {total} submissions are already graded in {out}, and none changed: nothing to grade (--force: again)"
UNIT = "submission"


class Progress:
    """Told of each submission as it is graded; shows done/total, failures so far and time left."""

    def __init__(self, stream: TextIO, total: int, done: int, bar: bool) -> None:
        self.stream = stream
        self.total = total
        self.done = done
        self.below_full = 0
        self._bar = _bar(stream, total, done) if bar else None

    def resumed(self, out: str) -> None:
        if self.done == self.total:
            self._say(ALL_DONE.format(total=self.total, out=out))
        elif self.done:
            self._say(RESUMED.format(done=self.done, total=self.total, out=out, left=self.total - self.done))

    def graded(self, student: str, report: Report) -> None:
        self.done += 1
        self.below_full += not report.full_marks
        if self._bar is not None:
            self._bar.set_postfix_str(f"below full marks: {self.below_full}", refresh=False)
            self._bar.update(1)
            return
        note = ERROR_NOTE.format(error=visible(report.errors[0].splitlines()[0])) if report.errors else ""
        width = len(str(self.total))
        line = LINE.format(
            done=self.done,
            width=width,
            total=self.total,
            student=visible(student),
            score=points(report.score),
            most=points(report.max_score),
            note=note,
        )
        self._say(line)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()


def _bar(stream: TextIO, total: int, done: int):
    from tqdm import tqdm

    # No monitor thread: judges are forked from this process, and a fork should find one thread.
    tqdm.monitor_interval = 0
    return tqdm(total=total, initial=done, file=stream, unit=UNIT, dynamic_ncols=True, smoothing=0.1)
