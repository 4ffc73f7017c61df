"""Figure 6: the virtual loop against looptime, in a throwaway virtual environment.

looptime is installed with pip into ``benchmarks/results/looptime-venv-X.Y.Z`` (git-ignored,
kept for the next run), never into the project. It needs Python 3.11 or later. Its default
``noop_cycles=42`` turns every clock jump into 43 loop iterations, so the whole 100,000-timer
workload would take about 40 s there: the comparison runs the same workload at 10,000. It is
also run with ``noop_cycles=0``, looptime at its fastest (it jumps on the first idle turn).
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
# looptime with its defaults is several times slower than either loop: one round cannot flip
# the verdict. At noop_cycles=0 it is close to ours: the best of several rounds is kept.
ROUNDS = 1
CLOSE_ROUNDS = 3
FASTER = Target(1.0)
INSTALL_TIMEOUT = 180
# looptime's settings compared against, by the name of the probe's loop that runs with them.
SETTINGS = {"looptime": "defaults", "looptime noop_cycles=0": "noop_cycles=0"}
# The probe, with looptime at noop_cycles=0 added to its loops (looptime_probe.py runs only the
# defaults): looptime's defaults for ROUNDS rounds, the others for CLOSE_ROUNDS.
PROBE = """
import functools, json, sys
from importlib.metadata import version
import looptime
from benchmarks import looptime_probe as probe
from benchmarks.workload import VIRTUAL_STEP
count, rounds, close_rounds = map(int, sys.argv[1:4])
loops = dict(probe.LOOPS)
probe.LOOPS = {"looptime": loops.pop("looptime")}
found = probe.best(count, rounds)
jumping_at_once = functools.partial(looptime.new_event_loop, noop_cycles=0)
probe.LOOPS = {**loops, "looptime noop_cycles=0": (jumping_at_once, VIRTUAL_STEP)}
found.update(probe.best(count, close_rounds))
print(json.dumps({"version": version("looptime"), "loops": found}))
"""


def rows(root: Path) -> list[Row]:
    if sys.version_info < (3, 11):
        return [skipped("6 vs looptime", f"looptime needs Python 3.11+, this is {platform.python_version()}")]
    python, problem = _venv_with_looptime(venv_folder(root))
    if python is None:
        return [skipped("6 vs looptime", problem)]
    found = _probe(python, root, ROUNDS)
    return [
        _row(workload, found["loops"], found["version"], looptime)
        for looptime in SETTINGS
        for workload in ("fan-out", "chain")
    ]


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
    command = [python, "-c", PROBE, str(COUNT), str(rounds), str(CLOSE_ROUNDS)]
    done = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _row(workload: str, found: dict, version: str, looptime: str) -> Row:
    ours, theirs, stock = (found[name][workload] for name in ("virtual", looptime, "stock"))
    note = (
        f"wall time; CPU ours {ours['seconds']:.3f} s, looptime {theirs['seconds']:.3f} s; "
        f"stock {stock['wall_seconds']:.3f} s; loop clock at the end: ours {ours['loop_time']:.6g} s, "
        f"looptime {theirs['loop_time']:.6g} s"
    )
    extra = {name: found[name][workload] for name in ("virtual", looptime, "stock")}
    name = "timers" if workload == "fan-out" else "sleeps"
    settings = SETTINGS[looptime]
    figure = f"6 vs looptime {workload}, {COUNT:,} {name}" + ("" if settings == "defaults" else f", {settings}")
    baseline = f"looptime {version}, {settings}"
    return Row(figure, ours["wall_seconds"], "s", theirs["wall_seconds"], baseline, FASTER, note, extra)
