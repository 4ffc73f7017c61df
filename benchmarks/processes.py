"""Figures 3 and 4: ``grade`` end to end, as a student runs it, against the floor of any pytest grader.

The floor is ``python -m pytest -q`` running one trivial test in the same environment (its
auto-loaded plugins included). The runs are interleaved; each figure is the median of
``ROUNDS``, after one warm-up round that is dropped.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .measure import ProcessRun, median, run_process
from .rows import Row, Target

ROUNDS = 5
EXERCISE = "exercise3"
TEN = 10
TRIVIAL_TEST = "def test_trivial():\n    assert True\n"
# Only to keep pytest-asyncio from warning that the option is unset.
INI = "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
END_TO_END = Target(1.05)
ALL = Target(1.4)
MEMORY = Target(80.0, on_value=True)
FLOOR = "pytest -q, one trivial test"
MANY_TASKS = Path(__file__).resolve().parent / "many_tasks"
BARE = "python -c 'import pytest': the part of the floor no pytest grader can avoid"


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
        "all failing": ([python, "-m", "grader", "all", "--from", "exercises"], root),
        "100k tasks": ([python, "-m", "grader", EXERCISE, "--from", str(MANY_TASKS), "--format", "json"], root),
    }


def measure(planned: dict[str, tuple[list[str], Path]], rounds: int = ROUNDS) -> dict[str, list[ProcessRun]]:
    runs: dict[str, list[ProcessRun]] = {name: [] for name in planned}
    for round_ in range(rounds + 1):
        for name, (command, cwd) in planned.items():
            run = run_process(command, cwd)
            if round_:
                runs[name].append(run)
    return runs


@dataclass(frozen=True)
class Medians:
    """Per command: median wall and CPU seconds, largest peak, the exit statuses seen."""

    wall: dict[str, float]
    cpu: dict[str, float]
    peak: dict[str, float]
    exits: dict[str, list[int]]

    @classmethod
    def of(cls, runs: dict[str, list[ProcessRun]]) -> Medians:
        return cls(
            {name: median([run.seconds for run in found]) for name, found in runs.items()},
            {name: median([run.cpu_seconds for run in found]) for name, found in runs.items()},
            {name: max(run.peak_mb for run in found) for name, found in runs.items()},
            {name: sorted({run.status for run in found}) for name, found in runs.items()},
        )


def rows(root: Path, scratch: Path, exercise_count: int) -> list[Row]:
    found = Medians.of(measure(commands(root, scratch)))
    made = [
        _wall(found, EXERCISE, f"3 grade {EXERCISE}, end to end", END_TO_END),
        _peak(found, EXERCISE, f"3 peak memory, grade {EXERCISE}"),
        Row("3 reference: import pytest", found.wall["import pytest"], "s", found.wall["floor"], FLOOR, None, BARE),
        _wall(found, "all", f"4 grade all, {exercise_count} exercises", ALL),
        _peak(found, "all", "4 peak memory, grade all"),
        _wall(found, "all failing", f"4 grade all on the stubs (every check fails), {exercise_count} exercises", ALL),
        _wall(found, "100k tasks", "4 grade exercise3, a correct answer running 100,000 tasks", None),
    ]
    if 1 < exercise_count < TEN:
        made.append(_projected(found.wall, exercise_count))
    return made


def _wall(found: Medians, name: str, figure: str, target: Target) -> Row:
    cpu, floor = found.cpu[name], found.cpu["floor"]
    note = (
        f"median of {ROUNDS}; exit status {found.exits[name]}; "
        f"CPU {cpu * 1000:.0f} ms vs {floor * 1000:.0f} ms ({cpu / floor:.2f}x)"
    )
    return Row(
        figure, found.wall[name], "s", found.wall["floor"], FLOOR, target, note, {"cpu": cpu, "floor_cpu": floor}
    )


def _peak(found: Medians, name: str, figure: str) -> Row:
    note = "largest resident set in the process tree"
    return Row(figure, found.peak[name], "MB", found.peak["floor"], FLOOR, MEMORY, note)


def _projected(wall: dict[str, float], count: int) -> Row:
    """``grade all`` for ten exercises: each exercise beyond one costs what the measured ones did."""
    each = (wall["all"] - wall[EXERCISE]) / (count - 1)
    note = f"estimate: {count} measured, {each * 1000:.0f} ms for each exercise after the first"
    figure = f"4 grade all, projected to {TEN} exercises"
    return Row(figure, wall["all"] + (TEN - count) * each, "s", wall["floor"], FLOOR, ALL, note)
