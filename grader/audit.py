"""In the sandbox: refuse, and note for the instructor, student code reaching for the grader.

Python's audit hooks (PEP 578) see some of the ways one reaches another piece of code's
objects: walking the garbage collector, reading frames, swapping a function's code, loading
a C library. A hook cannot be removed once added. It sees the event, not the intent, so it
refuses only what the student's own file does directly; everything it refuses is listed for
the instructor ("needs review"). What it can't see (assigning a module's attribute, editing
``sys.modules``) the judge makes harmless anyway: nothing in this process decides a verdict.
"""

from __future__ import annotations

import os
import sys
from typing import Any

REFUSED = "{what} is not available to code being graded (the grader refused it)"
# Event -> what the student's code tried, in words.
WATCHED = {
    "gc.get_objects": "gc.get_objects()",
    "gc.get_referrers": "gc.get_referrers()",
    "gc.get_referents": "gc.get_referents()",
    "sys._getframe": "sys._getframe()",
    "sys._current_frames": "sys._current_frames()",
    "ctypes.dlopen": "loading a C library with ctypes",
    "ctypes.dlsym": "looking up a C function with ctypes",
}
# Attributes whose reading or writing reaches into other code's frames or code.
FRAME_ATTRIBUTES = {"tb_frame", "cr_frame", "gi_frame", "ag_frame", "f_back", "f_locals", "f_globals"}
MAX_NOTED = 20
GRADER = os.path.dirname(os.path.abspath(__file__)) + os.sep


class Refused(RuntimeError):
    pass


class Watch:
    """Installed once per sandbox process, before any student code runs."""

    def __init__(self, student_files: frozenset[str]) -> None:
        self.student_files = student_files
        self.noted: list[str] = []
        self._busy = False

    def install(self) -> None:
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple) -> None:
        what = self._what(event, args)
        if what is None or self._busy:
            return
        self._busy = True
        try:
            # Only what the student's own line does directly: the standard library reads frames for
            # good reasons (typing.TypeVar, asyncio.get_event_loop and namedtuple read their caller's).
            where = self._students_frame(1)
        finally:
            self._busy = False
        if where is None:
            return
        if len(self.noted) < MAX_NOTED:
            self.noted.append(f"{where}: {what}")
        raise Refused(REFUSED.format(what=what))

    def _what(self, event: str, args: tuple) -> str | None:
        if event in WATCHED:
            return WATCHED[event]
        if event == "object.__getattr__" and len(args) >= 2 and args[1] in FRAME_ATTRIBUTES:
            return f"reading .{args[1]}"
        if event == "object.__setattr__" and len(args) >= 2 and args[1] == "__code__":
            return "replacing a function's __code__"
        return None

    def _students_frame(self, depth: int) -> str | None:
        """``exercise1.py line 4`` if the student's file made the call, within ``depth`` frames
        that are not the grader's own (``time.sleep`` in the sandbox reads its caller's frame)."""
        frame: Any = sys._getframe(2)
        for _ in range(depth):
            if frame is None or frame.f_code.co_filename.startswith(GRADER):
                return None
            if frame.f_code.co_filename in self.student_files:
                return f"{os.path.basename(frame.f_code.co_filename)} line {frame.f_lineno}"
            frame = frame.f_back
        return None
