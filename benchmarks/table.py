"""The results table as text: one line per figure, its note beneath. Pure functions only."""

from __future__ import annotations

import math

from .rows import Row, Target

HEADERS = ("figure", "measured", "baseline", "ratio", "target", "verdict")


def quantity(value: float, unit: str) -> str:
    if math.isnan(value):
        return "-"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "/s":
        return f"{value:.1f}/s"
    return f"{value:g} {unit}".strip()


def times(ratio: float | None) -> str:
    if ratio is None:
        return ""
    return f"{ratio:.0f}x" if ratio >= 10 else f"{ratio:.2f}x"


def target_text(target: Target | None, unit: str) -> str:
    if target is None:
        return ""
    sign = "<=" if target.at_most else ">="
    limit = quantity(target.limit, unit) if target.on_value else f"{target.limit:g}x"
    return f"{sign} {limit}"


def verdict(row: Row) -> str:
    if row.met is None or row.target is None or row.judged is None:
        return ""
    if row.met:
        return "met"
    gap = row.target.gap(row.judged)
    shown = quantity(gap, row.unit) if row.target.on_value else f"{gap:.2f}x"
    return f"MISSED by {shown}"


def cells(row: Row) -> tuple[str, ...]:
    baseline = "" if row.baseline is None else f"{quantity(row.baseline, row.unit)} {row.baseline_name}"
    return (
        row.figure,
        quantity(row.value, row.unit),
        baseline,
        times(row.ratio),
        target_text(row.target, row.unit),
        verdict(row),
    )


def render(rows: list[Row], machine: dict[str, object]) -> str:
    table = [HEADERS, *(cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADERS))]
    lines = [_header(machine), ""]
    for index, line in enumerate(table):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
        elif rows[index - 1].note:
            lines.append(f"    {rows[index - 1].note}")
    lines += ["", summary(rows)]
    return "\n".join(lines) + "\n"


def summary(rows: list[Row]) -> str:
    judged = [row for row in rows if row.met is not None]
    missed = [row.figure for row in judged if not row.met]
    text = f"targets met: {len(judged) - len(missed)}/{len(judged)}"
    return f"{text}; missed: {', '.join(missed)}" if missed else text


def _header(machine: dict[str, object]) -> str:
    return (
        f"{machine['date']}  {machine['python']}  {machine['cpu']} ({machine['cores']} cores, "
        f"load {machine['load_average_1min']})  grader {machine['commit']}"
    )
