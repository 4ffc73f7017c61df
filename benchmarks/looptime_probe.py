"""Run inside a virtual environment with looptime: the loop workload on three loops, as JSON.

``python -m benchmarks.looptime_probe COUNT ROUNDS`` (from the repository root, which must be
importable): prints ``{"version": ..., "loops": {loop: {workload: {"seconds": best, "loop_time": ...}}}}``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from importlib.metadata import version

import looptime

from grader.loop import VirtualEventLoop

from .workload import STOCK_STEP, VIRTUAL_STEP, WORKLOADS, time_on

LOOPS = {
    "stock": (asyncio.SelectorEventLoop, STOCK_STEP),
    "virtual": (VirtualEventLoop, VIRTUAL_STEP),
    "looptime": (looptime.new_event_loop, VIRTUAL_STEP),
}


def best(count: int, rounds: int) -> dict[str, dict[str, dict[str, float]]]:
    results: dict[str, dict[str, dict[str, float]]] = {name: {} for name in LOOPS}
    for _ in range(rounds):
        for name, (new_loop, step) in LOOPS.items():
            for workload_name, workload in WORKLOADS.items():
                timing = time_on(new_loop, workload, count, step)
                previous = results[name].get(workload_name)
                if previous is None or timing["seconds"] < previous["seconds"]:
                    results[name][workload_name] = timing
    return results


if __name__ == "__main__":
    print(json.dumps({"version": version("looptime"), "loops": best(int(sys.argv[1]), int(sys.argv[2]))}))
