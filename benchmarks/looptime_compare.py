"""Figure 6: the virtual loop against looptime, in a throwaway virtual environment.

looptime is installed with pip into ``benchmarks/results/looptime-venv-X.Y.Z`` (git-ignored,
kept for the next run), never into the project. It needs Python 3.11 or later. Its default
``noop_cycles=42`` turns every clock jump into 43 loop iterations, so the whole 100,000-timer
workload would take about 40 s there: the comparison runs the same workload at 10,000.
It compares wall time: a loop that waited for real somewhere would look cheap in CPU time.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from .rows import Row, Target, skipped

COUNT = 10_000
# looptime is several times slower than either loop: one round cannot flip the verdict.
ROUNDS = 1
FASTER = Target(1.0)
INSTALL_TIMEOUT = 180


def rows(root: Path) -> list[Row]:
    if sys.version_info < (3, 11):
        return [skipped("6 vs looptime", f"looptime needs Python 3.11+, this is {platform.python_version()}")]
    python, problem = _venv_with_looptime(venv_folder(root))
    if python is None:
        return [skipped("6 vs looptime", problem)]
    found = _probe(python, root, ROUNDS)
    return [_row(workload, found["loops"], found["version"]) for workload in ("fan-out", "chain")]


def venv_folder(root: Path) -> Path:
    """Kept between runs, under the git-ignored results folder; one per Python version."""
    return root / "benchmarks" / "results" / f"looptime-venv-{platform.python_version()}"


def _venv_with_looptime(folder: Path) -> tuple[Path | None, str]:
    python = folder / "bin" / "python"
    if python.exists() and _run([python, "-c", "import looptime"]).returncode == 0:
        return python, ""
    install = [[sys.executable, "-m", "venv", "--clear", folder], [python, "-m", "pip", "install", "-q", "looptime"]]
    for command in install:
        done = _run(command)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            return None, f"`{' '.join(map(str, command[1:]))}` failed: {last}"
    return python, ""


def _run(command: list) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 1, "", f"no answer within {INSTALL_TIMEOUT} s")


def _probe(python: Path, root: Path, rounds: int) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(root)}
    command = [python, "-m", "benchmarks.looptime_probe", str(COUNT), str(rounds)]
    done = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _row(workload: str, found: dict, version: str) -> Row:
    ours, theirs, stock = (found[name][workload] for name in ("virtual", "looptime", "stock"))
    note = (
        f"wall time; stock {stock['wall_seconds']:.3f} s; loop clock at the end: ours {ours['loop_time']:.6g} s, "
        f"looptime {theirs['loop_time']:.6g} s"
    )
    extra = {name: found[name][workload] for name in found}
    name = "timers" if workload == "fan-out" else "sleeps"
    figure = f"6 vs looptime {workload}, {COUNT:,} {name}"
    baseline = f"looptime {version}, defaults"
    return Row(figure, ours["wall_seconds"], "s", theirs["wall_seconds"], baseline, FASTER, note, extra)
