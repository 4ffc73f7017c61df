"""Clocks for the benchmarks: a timed call, and a child process's wall time and peak memory."""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """Real seconds ``function(*args)`` took, and what it returned; garbage is collected first."""
    gc.collect()
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


PEAK = Path(__file__).with_name("peak.py")


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    status: int


def run_process(command: Sequence[str], cwd: Path) -> ProcessRun:
    """Run ``command`` to the end, through ``peak.py``: its wall and CPU time, exit status, peak memory.

    The peak is the largest resident set in the command's process tree (``os.wait4`` counts
    the children it waited for, such as the grading worker ``grade`` starts).
    """
    helper = [sys.executable, "-I", str(PEAK), *command]
    done = subprocess.run(helper, cwd=cwd, env=student_environment(), capture_output=True, text=True, check=True)
    return ProcessRun(**json.loads(done.stdout))


def student_environment() -> dict[str, str]:
    """This environment as a student's machine has it: bytecode is cached (the warm-up round
    writes it), whatever this shell says. PYTHONDONTWRITEBYTECODE would make every command
    compile each module it imports from source, the grader's 80 (some 150 ms) and pytest's."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def median(numbers: Sequence[float]) -> float:
    return statistics.median(numbers)
