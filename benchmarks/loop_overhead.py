"""Figure 1: the virtual loop against the stock selector loop, on the same workload, in this process.

The stock loop really waits, so its delays are chosen to be due by the time it looks at them
(see workload.py): both loops then run the same timers, futures and task steps, and the
ratio is what virtual time adds: jumping the clock once per distinct instant, and recording
every task. Times are CPU seconds (see workload.time_on); wall seconds are kept in the JSON.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from grader.loop import VirtualEventLoop

from .rows import Row, Target
from .workload import STOCK_STEP, TIMERS, VIRTUAL_STEP, WORKLOADS, time_on

FAN_OUT_TARGET = Target(1.2)
CHAIN_TARGET = Target(1.5)


@dataclass(frozen=True)
class Case:
    workload: str
    loop: str
    step: float


CASES = [
    Case("fan-out", "virtual", VIRTUAL_STEP),
    Case("fan-out", "stock", STOCK_STEP),
    Case("chain", "virtual", VIRTUAL_STEP),
    Case("chain", "stock", STOCK_STEP),
    Case("chain", "stock sleep(0)", 0.0),
]


def _new_loop(name: str) -> asyncio.AbstractEventLoop:
    return VirtualEventLoop() if name == "virtual" else asyncio.SelectorEventLoop()


def best_times(rounds: int, count: int = TIMERS) -> dict[Case, dict[str, float]]:
    """Each case's fastest of ``rounds`` interleaved rounds (noise only ever adds time)."""
    best: dict[Case, dict[str, float]] = {}
    for _ in range(rounds):
        for case in CASES:
            timing = time_on(lambda c=case: _new_loop(c.loop), WORKLOADS[case.workload], count, case.step)
            if case not in best or timing["seconds"] < best[case]["seconds"]:
                best[case] = timing
    return best


def rows(rounds: int) -> list[Row]:
    best = best_times(rounds)
    fan_virtual, fan_stock, chain_virtual, chain_stock, chain_yield = (best[case] for case in CASES)
    return [
        _row(f"1 loop fan-out, {TIMERS:,} timers", fan_virtual, fan_stock, "stock loop, 1 ns delays", FAN_OUT_TARGET),
        _row(f"1 loop chain, {TIMERS:,} sleeps", chain_virtual, chain_stock, "stock loop, 1 ns sleeps", CHAIN_TARGET),
        _row("1 loop chain vs bare yields", chain_virtual, chain_yield, "stock loop, sleep(0)", None),
    ]


def _row(figure: str, virtual: dict, stock: dict, baseline: str, target: Target | None) -> Row:
    ours, theirs = virtual["seconds"], stock["seconds"]
    extra = {
        "virtual": virtual,
        "stock": stock,
        "virtual_events_per_s": TIMERS / ours,
        "stock_events_per_s": TIMERS / theirs,
    }
    note = f"CPU time; {TIMERS / ours:,.0f} vs {TIMERS / theirs:,.0f} timer callbacks/s"
    if target is None:
        note = "reference only: sleep(0) makes no timer and no future"
    return Row(figure, ours, "s", theirs, baseline, target, note, extra)
