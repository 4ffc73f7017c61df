"""What a check module or a student's file holds, read with ``ast``: never imported, never run.

Listing a course must not run instructor code (slow, and a broken module would stop the list)
nor student code (it may loop forever at import).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

Function = ast.FunctionDef | ast.AsyncFunctionDef
DEFAULT_POINTS = 1  # a test without @check counts 1 point, as the plugin scores it


@dataclass(frozen=True)
class Checks:
    """A check module's outline: the exercise's title, its points, the student file it grades."""

    title: str
    points: float | None  # None when some check's points are not a plain number
    student_file: str


def parse(path: Path) -> ast.Module:
    """``path``'s syntax tree; OSError if it can't be read, SyntaxError if it isn't Python."""
    source = path.read_bytes()
    try:
        return ast.parse(source, filename=str(path))
    except ValueError as error:  # null bytes, before Python 3.12 made that a SyntaxError
        raise SyntaxError(str(error)) from error


def checks(path: Path) -> Checks:
    """Title (the docstring's first line), points (the @check marks) and the student's file name."""
    tree = parse(path)
    exercise = _exercise_name(tree) or path.stem
    return Checks(_first_line(ast.get_docstring(tree)) or exercise, points(tree), f"{exercise}.py")


def stubs(tree: ast.Module) -> list[str]:
    """The functions still left as stubs: their body only raises NotImplementedError."""
    return [function.name for function in functions(tree, "") if _is_stub(function)]


def points(tree: ast.Module) -> float | None:
    """The checks' points in all; None when some check's points are not a plain number."""
    total: float = 0
    for function in functions(tree, "test"):
        worth = _check_points(function)
        if worth is None:
            return None
        total += worth
    return total


def functions(tree: ast.Module, prefix: str) -> list[Function]:
    """Module-level functions and methods of module-level classes whose names start with ``prefix``."""
    bodies = [tree.body] + [node.body for node in tree.body if isinstance(node, ast.ClassDef)]
    return [
        node
        for body in bodies
        for node in body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith(prefix)
    ]


def _check_points(function: Function) -> float | None:
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and called(decorator) == "check":
            given = [keyword.value for keyword in decorator.keywords if keyword.arg == "points"] + decorator.args
            return _number(given[0]) if given else DEFAULT_POINTS
    return DEFAULT_POINTS


def called(call: ast.Call) -> str:
    """The name a call is made by: ``check`` for ``check(...)``, ``grader.check(...)``, ``pytest.mark.check(...)``."""
    function = call.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _number(node: ast.expr) -> float | None:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):  # not a literal: a name, a call...
        return None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _exercise_name(tree: ast.Module) -> str | None:
    """A module-level ``EXERCISE = "name"``, which makes the checks grade ``name.py``."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EXERCISE" for t in node.targets):
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                return value.value
    return None


def _is_stub(function: Function) -> bool:
    body = function.body
    if body and ast.get_docstring(function) is not None:
        body = body[1:]
    return len(body) == 1 and isinstance(body[0], ast.Raise) and _raises_not_implemented(body[0])


def _raises_not_implemented(node: ast.Raise) -> bool:
    raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"


def _first_line(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0].strip() if lines else ""
