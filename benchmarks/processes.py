"""Figures 3 and 4: ``grade`` end to end, as a student runs it, against the floor of any pytest grader.

The floor is ``python -m pytest -q`` running one trivial test in the same environment (its
auto-loaded plugins included). The runs are interleaved; each figure is the median of
``ROUNDS``, after one warm-up round that is dropped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .measure import ProcessRun, median, run_process
from .rows import Row, Target

ROUNDS = 5
EXERCISE = "exercise3"
TEN = 10
TRIVIAL_TEST = "def test_trivial():\n    assert True\n"
# Only to keep pytest-asyncio from warning that the option is unset.
INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
END_TO_END = Target(1.3)
ALL = Target(1.0, on_value=True)
MEMORY = Target(80.0, on_value=True)


def floor_folder(scratch: Path) -> Path:
    folder = scratch / "floor"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test_trivial.py").write_text(TRIVIAL_TEST)
    (folder / "pytest.ini").write_text(INI)
    return folder


def commands(root: Path, scratch: Path) -> dict[str, tuple[list[str], Path]]:
    python, floor = sys.executable, floor_folder(scratch)
    return {
        "floor": ([python, "-m", "pytest", "-q"], floor),
        "import pytest": ([python, "-c", "import pytest"], floor),
        EXERCISE: ([python, "-m", "grader", EXERCISE, "--from", "solutions"], root),
        "all": ([python, "-m", "grader", "all", "--from", "solutions"], root),
    }


def measure(planned: dict[str, tuple[list[str], Path]], rounds: int = ROUNDS) -> dict[str, list[ProcessRun]]:
    runs: dict[str, list[ProcessRun]] = {name: [] for name in planned}
    for round_ in range(rounds + 1):
        for name, (command, cwd) in planned.items():
            run = run_process(command, cwd)
            if round_:
                runs[name].append(run)
    return runs


def rows(root: Path, scratch: Path, exercise_count: int) -> list[Row]:
    runs = measure(commands(root, scratch))
    wall = {name: median([run.seconds for run in found]) for name, found in runs.items()}
    peak = {name: max(run.peak_mb for run in found) for name, found in runs.items()}
    exits = {name: sorted({run.status for run in found}) for name, found in runs.items()}
    floor = "pytest -q, one trivial test"
    found = [
        Row(
            f"3 grade {EXERCISE}, end to end",
            wall[EXERCISE],
            "s",
            wall["floor"],
            floor,
            END_TO_END,
            f"median of {ROUNDS}; exit status {exits[EXERCISE]}",
        ),
        Row(
            f"3 peak memory, grade {EXERCISE}",
            peak[EXERCISE],
            "MB",
            peak["floor"],
            floor,
            MEMORY,
            "largest resident set in the process tree",
        ),
        Row(
            "3 reference: import pytest",
            wall["import pytest"],
            "s",
            wall["floor"],
            floor,
            None,
            "python -c 'import pytest': the part of the floor no pytest grader can avoid",
        ),
        Row(
            f"4 grade all, {exercise_count} exercises",
            wall["all"],
            "s",
            wall["floor"],
            floor,
            ALL,
            f"median of {ROUNDS}; exit status {exits['all']}",
        ),
        Row("4 peak memory, grade all", peak["all"], "MB", peak["floor"], floor, MEMORY),
    ]
    if 1 < exercise_count < TEN:
        found.append(_projected(wall["all"], wall[EXERCISE], exercise_count, wall["floor"], floor))
    return found


def _projected(all_: float, one: float, count: int, floor: float, floor_name: str) -> Row:
    """``grade all`` for ten exercises: each exercise beyond one costs what the measured ones did."""
    each = (all_ - one) / (count - 1)
    note = f"estimate: {count} measured, {each * 1000:.0f} ms for each exercise after the first"
    return Row(
        f"4 grade all, projected to {TEN} exercises", all_ + (TEN - count) * each, "s", floor, floor_name, ALL, note
    )
