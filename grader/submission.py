"""Load a student's file as a module, on virtual time, turning every way it can fail into words."""

from __future__ import annotations

import os
import sys
import types
from dataclasses import dataclass
from pathlib import Path

from .errors import LoopProblem
from .failures import Failure
from .run import one_line, student_traceback
from .sandbox import Limits, Output, Sandbox
from .timeline import Line

MISSING = "there is no {shown}: the grader looked for {absolute}"
SYNTAX = "{shown} has a syntax error on line {line}: {message}"
IMPORT_RAISED = "{shown} raised {error} while it was being imported"
IMPORT_EXITED = (
    "{shown} called sys.exit() while it was being imported, so the grader could not use it. "
    'Put code that runs the program under `if __name__ == "__main__":`.'
)
IMPORT_STOPPED = "{shown} was stopped while it was being imported: {problem}"


@dataclass
class Submission:
    """A student's module, imported, with what it printed on the way."""

    path: Path
    module: types.ModuleType
    import_output: list[Line]


def load_submission(
    path: Path, name: str, limits: Limits = Limits(), output: Output | None = None, shown: str | None = None
) -> Submission:
    """Import ``path`` as module ``name``; raise :class:`Failure` if it can't be used.

    ``shown`` names the file in messages (the student's own path, when ``path`` is a copy).
    """
    shown = shown or _shown(path)
    if not path.is_file():
        raise Failure(MISSING.format(shown=shown, absolute=path.resolve()))
    code = _compile(path, shown)
    module = types.ModuleType(name)
    module.__file__ = str(path.resolve())
    sys.modules[name] = module
    error = None
    with Sandbox(limits, output=output) as box:
        try:
            exec(code, module.__dict__)
        except BaseException as raised:  # the student's, whatever it is
            error = raised
    if error is None:
        error = next((p for loop in box.loops for p in loop.problems), None)
    if error is not None:
        raise Failure(_import_failure(error, shown, str(path.resolve()))) from None
    return Submission(path, module, box.stdout.lines())


def _compile(path: Path, shown: str) -> types.CodeType:
    source = path.read_bytes()
    try:
        return compile(source, str(path.resolve()), "exec", dont_inherit=True)
    except SyntaxError as error:
        message = SYNTAX.format(shown=shown, line=error.lineno, message=error.msg)
        if error.text:
            caret = " " * max((error.offset or 1) - 1, 0) + "^"
            message += f"\n    {error.text.rstrip()}\n    {caret}"
        raise Failure(message) from None
    except ValueError as error:  # source with null bytes
        raise Failure(f"{shown} could not be read as Python: {error}") from None


def _import_failure(error: BaseException, shown: str, absolute: str) -> str:
    if isinstance(error, SystemExit):
        return IMPORT_EXITED.format(shown=shown)
    if isinstance(error, LoopProblem):
        return IMPORT_STOPPED.format(shown=shown, problem=error)
    message = IMPORT_RAISED.format(shown=shown, error=one_line(error))
    trace = student_traceback(error, (absolute,))
    return f"{message}\n{trace}" if trace else message


def _shown(path: Path) -> str:
    """The path as the student would type it: relative to where they are, if inside."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
