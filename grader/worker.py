"""The grading process: runs pytest on the checks and writes events to a pipe.

``python -m grader.worker FD [pytest arguments]``. Student code runs in here, so nothing
it prints or does to this process's stdout can reach the report: results travel on FD.
"""

from __future__ import annotations

import json
import os
import resource
import sys

import pytest

from .collect import Collector, Event

MEMORY_LIMIT = 2 * 1024**3


def _writer(fd: int):
    stream = os.fdopen(fd, "w", encoding="utf-8", buffering=1)

    def send(event: Event) -> None:
        stream.write(json.dumps(event) + "\n")
        stream.flush()

    return send


def main(argv: list[str]) -> int:
    fd, pytest_args = int(argv[0]), argv[1:]
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    return int(pytest.main(pytest_args, plugins=[Collector(_writer(fd))]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
