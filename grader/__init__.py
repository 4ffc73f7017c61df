"""An asyncio teaching kit's grader: checks run student coroutines on a virtual clock.

The check-writing API (``check``, ``Failure``, ``expect_timeline``…) is imported lazily, so
that the ``grade`` command starts without loading pytest in its own process.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    api = importlib.import_module("grader.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'grader' has no attribute {name!r}")
