"""A generated class: copies of the reference solutions, with one submission in ten made wrong.

A wrong submission has one exercise spoiled, in turn by each of two mistakes that no check
can miss: the file is the unwritten stub from ``exercises/`` (it raises
NotImplementedError), or the solution with a syntax error at its end. (A blocking
``time.sleep`` is not sure to be wrong: in some exercises the only sleep is in an example
helper that the checks replace.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CLASS_SIZE = 200
WRONG_EVERY = 10
MISTAKES = ("unwritten", "syntax error")
SYNTAX_ERROR = "\n\ndef unfinished(:\n"
UNWRITTEN = '"""Not written yet."""\n'


@dataclass(frozen=True)
class Submission:
    folder: Path
    wrong: str | None = None  # "exercise3: unwritten", say


def make_class(root: Path, solutions: Path, stubs: Path, names: list[str], size: int = CLASS_SIZE) -> list[Submission]:
    sources = {name: (solutions / f"{name}.py").read_text() for name in names}
    return [_submission(root / f"student{index:03d}", index, sources, stubs) for index in range(size)]


def _submission(folder: Path, index: int, sources: dict[str, str], stubs: Path) -> Submission:
    folder.mkdir(parents=True)
    spoiled, mistake = _mistake(index, list(sources))
    for name, source in sources.items():
        text = _spoil(source, mistake, stubs / f"{name}.py") if name == spoiled else source
        (folder / f"{name}.py").write_text(text)
    return Submission(folder, f"{spoiled}: {mistake}" if spoiled else None)


def _mistake(index: int, names: list[str]) -> tuple[str | None, str]:
    if index % WRONG_EVERY != WRONG_EVERY - 1:
        return None, ""
    turn = index // WRONG_EVERY
    return names[turn % len(names)], MISTAKES[(turn // len(names)) % len(MISTAKES)]


def _spoil(source: str, mistake: str, stub: Path) -> str:
    if mistake == "syntax error":
        return source + SYNTAX_ERROR
    return stub.read_text() if stub.is_file() else UNWRITTEN
