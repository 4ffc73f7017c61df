"""A check module without its hidden checks: what a student's copy of a course may hold.

The hidden check functions go, with their decorators and the comments right above them, and so
does whatever only they used (helpers, constants such as their hint texts, fixtures, imported
names), until nothing else is left that only removed code used. Lines are cut from the source
rather than the tree printed again, so that the public checks keep their comments and layout.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from .outline import Function, called, functions

Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Assign | ast.AnnAssign
CHECK_PREFIX = "test"
# Module-level names the grader or pytest reads by name: never "unused".
KEPT = frozenset({"EXERCISE", "IMPORT_HINTS", "pytestmark", "pytest_plugins", "__all__"})

UNKNOWN_HIDDEN = "line {line}: {name}'s hidden= is not True or False, so it can't be told whether to release it"
MARK_ELSEWHERE = (
    "line {line}: check(...) is used other than as a check's own decorator with plain keywords (on a class, "
    "in pytestmark, under another name, with **), so which checks it hides can't be read: put it on each check"
)
STILL_MENTIONED = "line {line} still mentions the hidden check {name!r}: edit it out before releasing"
BROKEN = "removing the hidden checks left code that is not Python ({error}): release it by hand"


class CannotStrip(Exception):
    """The module's hidden checks can't be removed safely; the message says why."""


@dataclass(frozen=True)
class Stripped:
    source: str
    public: list[str]  # the checks kept
    hidden: list[str] = field(default_factory=list)  # the checks removed


def strip_hidden(source: str) -> Stripped:
    """``source`` without its hidden checks; SyntaxError if it isn't Python, CannotStrip if unsafe."""
    tree = ast.parse(source)
    checks = functions(tree, CHECK_PREFIX)
    _refuse_marks_set_elsewhere(tree, checks)
    hidden = [function for function in checks if _is_hidden(function)]
    public = [function.name for function in checks if function not in hidden]
    if not hidden:
        return Stripped(source, public)
    lines = source.splitlines(keepends=True)
    removed = _removed(tree, hidden)
    kept = _drop(lines, tree, removed)
    result = "".join(kept).rstrip("\n") + "\n"
    _verify(result, public, [function.name for function in hidden])
    return Stripped(result, public, [function.name for function in hidden])


def _refuse_marks_set_elsewhere(tree: ast.Module, checks: list[Function]) -> None:
    """pytest finds a check's mark on its class, its module (``pytestmark``) or through a name
    bound to it too; a hidden check marked so would look public here, and go to every student."""
    own = {id(decorator) for function in checks for decorator in function.decorator_list}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and called(node) == "check":
            if id(node) not in own or any(keyword.arg is None for keyword in node.keywords):
                raise CannotStrip(MARK_ELSEWHERE.format(line=node.lineno))


def _is_hidden(function: Function) -> bool:
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and called(decorator) == "check":
            for keyword in decorator.keywords:
                if keyword.arg == "hidden":
                    return _literal_bool(keyword.value, function)
    return False


def _literal_bool(node: ast.expr, function: Function) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    # A hidden check kept by mistake would hand its test to every student: refuse rather than guess.
    raise CannotStrip(UNKNOWN_HIDDEN.format(line=function.lineno, name=function.name))


def _removed(tree: ast.Module, hidden: list[Function]) -> list[ast.stmt]:
    """The statements to cut: the hidden checks (a class that keeps no check goes whole), then
    every definition or imported name that only removed code used, until none is left."""
    removed: list[ast.stmt] = list(hidden)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and _only_hidden_checks(node, hidden):
            removed = [item for item in removed if item not in node.body] + [node]
    changed = True
    while changed:
        changed = False
        used_by_removed = _names(removed)
        for node in tree.body:
            if node in removed or not _removable(node):
                continue
            defined = _defined(node)
            others = [statement for statement in _kept_statements(tree, removed) if statement is not node]
            if defined and defined <= used_by_removed and not defined & _names(others):
                removed.append(node)
                changed = True
    return removed


def _only_hidden_checks(node: ast.ClassDef, hidden: list[Function]) -> bool:
    methods = [item for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))]
    checks = [method for method in methods if method.name.startswith(CHECK_PREFIX)]
    return bool(checks) and all(method in hidden for method in checks)


def _kept_statements(tree: ast.Module, removed: list[ast.stmt]) -> list[ast.AST]:
    """What stays: module-level statements, and of a class that stays, what in it stays."""
    kept: list[ast.AST] = []
    for node in tree.body:
        if node in removed:
            continue
        if isinstance(node, ast.ClassDef):
            kept += [item for item in node.body if item not in removed]
            kept += [*node.decorator_list, *node.bases, *node.keywords]
        else:
            kept.append(node)
    return kept


def _removable(node: ast.stmt) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return not node.name.startswith(CHECK_PREFIX) and not _autouse(node)
    return isinstance(node, (ast.ClassDef, ast.Assign, ast.AnnAssign))


def _autouse(function: Function) -> bool:
    """A fixture that applies to every check whether or not a check names it."""
    return any(
        keyword.arg == "autouse"
        for decorator in function.decorator_list
        if isinstance(decorator, ast.Call)
        for keyword in decorator.keywords
    )


def _defined(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        names = {node.name}
    elif isinstance(node, ast.Assign):
        names = {target.id for target in node.targets if isinstance(target, ast.Name)}
        if len(names) != len(node.targets):  # unpacking, attributes, subscripts: leave them be
            return set()
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        names = {node.target.id}
    else:
        return set()
    return set() if names & KEPT or any(name.startswith("__") for name in names) else names


def _names(nodes: list) -> set[str]:
    """Every name the nodes use (not the ones they assign): variables, attributes, parameters
    (fixtures are asked for by parameter name) and strings that read as names
    (``pytest.mark.usefixtures("name")``)."""
    used: set[str] = set()
    for node in nodes:
        for child in ast.walk(node):
            if isinstance(child, ast.Name) and not isinstance(child.ctx, ast.Store):
                used.add(child.id)
            elif isinstance(child, ast.arg):
                used.add(child.arg)
            elif isinstance(child, ast.Attribute):
                used.add(child.attr)
            elif isinstance(child, ast.Constant) and isinstance(child.value, str) and child.value.isidentifier():
                used.add(child.value)
    return used


def _drop(lines: list[str], tree: ast.Module, removed: list[ast.stmt]) -> list[str]:
    """``lines`` without the removed statements, and without imported names only they used."""
    cut: set[int] = set()  # 0-based line numbers
    for node in removed:
        cut |= _span(lines, node)
    replaced = _pruned_imports(tree, removed)
    runs: list[list[str]] = [[]]  # the kept lines, split where something was cut
    for number, line in enumerate(lines):
        if number in replaced and replaced[number]:
            runs[-1].append(replaced[number])
        elif number in cut or number in replaced:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(line)
    return _joined(runs)


def _joined(runs: list[list[str]]) -> list[str]:
    """The runs one after the other; where a cut had blank lines on both sides, only the longer
    side's stay, so that the code around it keeps its spacing (two lines between functions)."""
    kept: list[str] = []
    for run in runs:
        before = _blank_run(reversed(kept))
        after = _blank_run(run)
        kept += run[min(before, after) :] if kept else run[after:]
    return kept


def _blank_run(lines) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


def _span(lines: list[str], node: ast.stmt) -> set[int]:
    """The lines of ``node``: its decorators, and the comment right above them."""
    decorators = getattr(node, "decorator_list", [])
    first = min([node.lineno, *(decorator.lineno for decorator in decorators)]) - 1
    last = (node.end_lineno or node.lineno) - 1
    while first > 0 and lines[first - 1].strip().startswith("#"):
        first -= 1
    return set(range(first, last + 1))


def _pruned_imports(tree: ast.Module, removed: list[ast.stmt]) -> dict[int, str]:
    """Import statements that bound names only removed code used: line number -> its new text
    (the statement's first line; its other lines become empty)."""
    used_by_removed = _names(removed)
    used_by_kept = _names(_kept_statements(tree, removed))
    replaced: dict[int, str] = {}
    for node in tree.body:
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or _is_future(node):
            continue
        unused = [alias for alias in node.names if _bound(alias) in used_by_removed - used_by_kept]
        if not unused:
            continue
        node.names = [alias for alias in node.names if alias not in unused]
        span = range(node.lineno - 1, (node.end_lineno or node.lineno))
        replaced.update({number: "" for number in span})
        replaced[node.lineno - 1] = ast.unparse(node) + "\n" if node.names else ""
    return replaced


def _is_future(node: ast.Import | ast.ImportFrom) -> bool:
    return isinstance(node, ast.ImportFrom) and node.module == "__future__"


def _bound(alias: ast.alias) -> str:
    return alias.asname or alias.name.split(".")[0]


def _verify(source: str, public: list[str], hidden: list[str]) -> None:
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise CannotStrip(BROKEN.format(error=error)) from error
    kept = [function.name for function in functions(tree, CHECK_PREFIX)]
    if kept != public:
        raise CannotStrip(BROKEN.format(error=f"the public checks {public} became {kept}"))
    for name in hidden:
        found = re.search(rf"\b{re.escape(name)}\b", source)
        if found:
            line = source.count("\n", 0, found.start()) + 1
            raise CannotStrip(STILL_MENTIONED.format(line=line, name=name))
