"""Figure 1: the virtual loop against the stock selector loop, on the same workload, in this process.

The stock loop really waits, so its delays are chosen to be due by the time it looks at them
(see workload.py): both loops then run the same timers, futures and task steps, and the
ratio is what virtual time adds: jumping the clock once per distinct instant, and recording
every task. Times are CPU seconds (see workload.time_on); wall seconds are kept in the JSON.

Two reference rows say where the fan-out's ratio comes from: the virtual loop with its task
records switched off, and the stock loop with the garbage collector set as the virtual loop sets
it while it runs (see grader/gc_tuning.py). A last row holds the fan-out's cost per task to
staying flat from 1,000 to 100,000 tasks.

``python -m benchmarks.loop_overhead [--rounds N]`` prints this figure alone.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.gc_tuning import fewer_collections
from grader.loop import VirtualEventLoop

from .rows import Row, Target
from .workload import STOCK_STEP, TIMERS, VIRTUAL_STEP, WORKLOADS, time_on

FAN_OUT_TARGET = Target(1.3)
CHAIN_TARGET = Target(1.3)
# The costliest per-task figure over the cheapest, across SCALES and TIMERS tasks.
FLAT_TARGET = Target(1.2)
SCALES = (1_000, 10_000)
# A small fan-out takes a few milliseconds: it is run this many times more per round.
SMALL_RUNS = 5


class _Unrecorded(VirtualEventLoop):
    """The virtual loop without its task records: a reference, to see what they cost."""

    def create_task(self, coro: Any, **kwargs: Any) -> asyncio.Task:
        return asyncio.BaseEventLoop.create_task(self, coro, **kwargs)


class _TunedStock(asyncio.SelectorEventLoop):  # type: ignore[misc, valid-type]
    """The stock loop with the garbage collector set as the virtual loop sets it while it runs."""

    def run_forever(self) -> None:
        with fewer_collections():
            super().run_forever()


LOOPS: dict[str, Callable[[], asyncio.AbstractEventLoop]] = {
    "virtual": VirtualEventLoop,
    "stock": asyncio.SelectorEventLoop,
    "virtual, no task records": _Unrecorded,
    "stock, collector tuned": _TunedStock,
}


@dataclass(frozen=True)
class Case:
    workload: str
    loop: str
    step: float
    count: int = TIMERS


FAN_OUT = Case("fan-out", "virtual", VIRTUAL_STEP)
FAN_OUT_STOCK = Case("fan-out", "stock", STOCK_STEP)
CHAIN = Case("chain", "virtual", VIRTUAL_STEP)
CHAIN_STOCK = Case("chain", "stock", STOCK_STEP)
CHAIN_YIELDS = Case("chain", "stock", 0.0)
UNRECORDED = Case("fan-out", "virtual, no task records", VIRTUAL_STEP)
TUNED_STOCK = Case("fan-out", "stock, collector tuned", STOCK_STEP)
SCALED = [Case("fan-out", "virtual", VIRTUAL_STEP, count) for count in SCALES]
# The same sizes on the stock loop, with the same collector: how much of the growth is the machine's.
SCALED_STOCK = [Case("fan-out", "stock, collector tuned", STOCK_STEP, count) for count in SCALES]
CASES = [FAN_OUT, FAN_OUT_STOCK, CHAIN, CHAIN_STOCK, CHAIN_YIELDS, UNRECORDED, TUNED_STOCK, *SCALED, *SCALED_STOCK]


def best_times(rounds: int, cases: Sequence[Case] = CASES) -> dict[Case, dict[str, float]]:
    """Each case's fastest of ``rounds`` interleaved rounds (noise only ever adds time)."""
    best: dict[Case, dict[str, float]] = {}
    for _ in range(rounds):
        for case in cases:
            for _ in range(SMALL_RUNS if case.count < TIMERS else 1):
                timing = time_on(LOOPS[case.loop], WORKLOADS[case.workload], case.count, case.step)
                if case not in best or timing["seconds"] < best[case]["seconds"]:
                    best[case] = timing
    return best


def rows(rounds: int) -> list[Row]:
    best = best_times(rounds)
    fan_out, stock, chain = best[FAN_OUT], best[FAN_OUT_STOCK], best[CHAIN]
    return [
        _row(f"1 loop fan-out, {TIMERS:,} timers", fan_out, stock, "stock loop, 1 ns delays", FAN_OUT_TARGET),
        _row(f"1 loop chain, {TIMERS:,} sleeps", chain, best[CHAIN_STOCK], "stock loop, 1 ns sleeps", CHAIN_TARGET),
        _reference(
            "1 loop chain vs bare yields",
            chain,
            best[CHAIN_YIELDS],
            "stock loop, sleep(0)",
            "sleep(0) makes no timer and no future",
        ),
        _reference(
            "1 loop fan-out, task records off",
            best[UNRECORDED],
            stock,
            "stock loop, 1 ns delays",
            f"what recording costs: with records {fan_out['seconds'] / stock['seconds']:.2f}x",
        ),
        _reference(
            "1 loop fan-out vs stock, same collector",
            fan_out,
            best[TUNED_STOCK],
            "stock loop, collector tuned",
            "like for like: the stock loop too with the virtual loop's garbage-collector settings",
        ),
        _flat_row(
            {case.count: best[case] for case in [*SCALED, FAN_OUT]},
            {case.count: best[case] for case in [*SCALED_STOCK, TUNED_STOCK]},
        ),
    ]


def _row(figure: str, virtual: dict, stock: dict, baseline: str, target: Target) -> Row:
    ours, theirs = virtual["seconds"], stock["seconds"]
    extra = {
        "virtual": virtual,
        "stock": stock,
        "virtual_events_per_s": TIMERS / ours,
        "stock_events_per_s": TIMERS / theirs,
    }
    note = f"CPU time; {TIMERS / ours:,.0f} vs {TIMERS / theirs:,.0f} timer callbacks/s"
    return Row(figure, ours, "s", theirs, baseline, target, note, extra)


def _reference(figure: str, measured: dict, baseline: dict, baseline_name: str, why: str) -> Row:
    extra = {"measured": measured, "baseline": baseline}
    note = f"reference only: {why}"
    return Row(figure, measured["seconds"], "s", baseline["seconds"], baseline_name, None, note, extra)


def _flat_row(virtual: dict[int, dict[str, float]], stock: dict[int, dict[str, float]]) -> Row:
    """The fan-out's CPU time per task at each size: the costliest against the cheapest."""
    per_task, stock_per_task = _per_task(virtual), _per_task(stock)
    cheapest = min(per_task, key=per_task.__getitem__)
    note = f"µs per task: {_sizes(per_task)}; stock loop, same collector: {_sizes(stock_per_task)}"
    figure = f"1 loop fan-out per task, {min(per_task):,} to {max(per_task):,} tasks"
    value, baseline = round(max(per_task.values()), 1), round(per_task[cheapest], 1)
    extra = {"us_per_task": per_task, "stock_us_per_task": stock_per_task}
    return Row(figure, value, "µs", baseline, f"at {cheapest:,} tasks", FLAT_TARGET, note, extra)


def _per_task(by_count: dict[int, dict[str, float]]) -> dict[int, float]:
    return {count: timing["seconds"] / count * 1e6 for count, timing in sorted(by_count.items())}


def _sizes(per_task: dict[int, float]) -> str:
    return ", ".join(f"{count:,} tasks {cost:.1f}" for count, cost in per_task.items())


def main(argv: Sequence[str] | None = None) -> int:
    from . import machine
    from .table import render

    parser = argparse.ArgumentParser(prog="python -m benchmarks.loop_overhead", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each workload, best kept (default: 3)")
    options = parser.parse_args(argv)
    print(render(rows(options.rounds), machine.describe(Path(__file__).resolve().parent.parent)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
