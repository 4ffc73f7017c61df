"""One line of the results table: a figure, its baseline, and the target it is held to."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    """``ratio <= limit`` (or ``>=``); with ``on_value``, the measured value itself is held to it."""

    limit: float
    at_most: bool = True
    on_value: bool = False

    def met_by(self, number: float) -> bool:
        return number <= self.limit if self.at_most else number >= self.limit

    def gap(self, number: float) -> float:
        """How far ``number`` is on the wrong side of the limit (0 when the target is met)."""
        over = number - self.limit if self.at_most else self.limit - number
        return max(over, 0.0)


@dataclass(frozen=True)
class Row:
    """``value`` measured against ``baseline`` (same run); ``ratio`` is value / baseline."""

    figure: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: Target | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline

    @property
    def judged(self) -> float | None:
        """The number the target is about: the value or the ratio."""
        if self.target is None:
            return None
        return self.value if self.target.on_value else self.ratio

    @property
    def met(self) -> bool | None:
        number = self.judged
        return None if number is None or self.target is None else self.target.met_by(number)

    def as_json(self) -> dict[str, Any]:
        target = self.target
        return {
            "figure": self.figure,
            "value": None if math.isnan(self.value) else self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_name": self.baseline_name,
            "ratio": self.ratio,
            "target": None
            if target is None
            else {"limit": target.limit, "at_most": target.at_most, "on": "value" if target.on_value else "ratio"},
            "met": self.met,
            "gap": None if target is None or self.judged is None else target.gap(self.judged),
            "note": self.note,
            **({"extra": self.extra} if self.extra else {}),
        }


def skipped(figure: str, reason: str) -> Row:
    """A figure that could not be measured here, and why."""
    return Row(figure, float("nan"), "", note=f"skipped: {reason}")
