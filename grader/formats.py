"""Report formats by name: each is a pure function from a Report to the text of that format.

A renderer sees a report whose hidden messages are already redacted, and its output still goes
through the rules every format shares (see ``render_report.render``): adding a format is one
function with ``@renderer("name")`` on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .results import Report


@dataclass(frozen=True)
class RenderOptions:
    """How the reader wants the report, beyond its format."""

    color: bool = False


Renderer = Callable[[Report, RenderOptions], str]

FORMATS: dict[str, Renderer] = {}
DUPLICATE = "two report formats are named {name!r}"


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the report format ``name`` (``grade --format name``)."""

    def register(function: Renderer) -> Renderer:
        if name in FORMATS:
            raise ValueError(DUPLICATE.format(name=name))
        FORMATS[name] = function
        return function

    return register
