"""``python -m benchmarks``: run every figure, print the table, write it as JSON.

Run from the repository root. ``--only loop`` (say) runs some figures; the whole run is
itself held to a target: under two minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from grader.catalog import exercises

from . import batch, loop_overhead, looptime_compare, machine, processes, speedup
from .rows import Row, Target
from .table import render

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
WHOLE_RUN = Target(120.0, on_value=True)


@dataclass(frozen=True)
class Context:
    root: Path
    scratch: Path
    rounds: int


FIGURES: dict[str, Callable[[Context], list[Row]]] = {
    "loop": lambda c: loop_overhead.rows(c.rounds),
    "speedup": lambda c: speedup.rows(exercises(), c.root / "solutions"),
    "process": lambda c: processes.rows(c.root, c.scratch, len(exercises())),
    "batch": lambda c: batch.rows(exercises(), c.root, c.scratch),
    "looptime": lambda c: looptime_compare.rows(c.root),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--only", action="append", choices=list(FIGURES), help="run only this figure (repeatable)")
    p.add_argument("--rounds", type=int, default=3, help="rounds of the loop workloads, best kept (default: 3)")
    p.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file (default: {RESULTS.relative_to(ROOT)})")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(argv)
    described = machine.describe(ROOT)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="grader-bench-") as scratch:
        context = Context(ROOT, Path(scratch), options.rounds)
        rows = [row for name in options.only or FIGURES for row in _figure(name, context)]
    seconds = time.perf_counter() - started
    rows.append(Row("whole benchmark", seconds, "s", None, "", WHOLE_RUN if not options.only else None))
    print(render(rows, described), end="")
    _write(options.output, described, rows)
    return 0


def _figure(name: str, context: Context) -> list[Row]:
    print(f"[benchmarks] {name}...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    rows = FIGURES[name](context)
    print(f"[benchmarks] {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return rows


def _write(path: Path, described: dict[str, object], rows: list[Row]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"machine": described, "rows": [row.as_json() for row in rows]}
    path.write_text(json.dumps(document, indent=2, allow_nan=False) + "\n")
    print(f"written to {path}", file=sys.stderr)
