"""The grading process: runs pytest on the checks and writes events to a pipe.

``python -m grader.worker FD [pytest arguments]``, with a secret token as the first line of
standard input. Student code runs in here, so nothing it prints can reach the report: results
travel on FD, each line led by the token, which student code has no simple way to learn.
"""

from __future__ import annotations

import json
import os
import resource
import sys

import pytest

from .collect import Collector, Event

MEMORY_LIMIT = 2 * 1024**3


def _writer(fd: int, token: str):
    stream = os.fdopen(fd, "w", encoding="utf-8", buffering=1)

    def send(event: Event) -> None:
        stream.write(f"{token} {json.dumps(event)}\n")
        stream.flush()

    return send


def run(fd: int, token: str, pytest_args: list[str]) -> int:
    """Grade, sending events to ``fd``; the exit status is pytest's."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > MEMORY_LIMIT:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, hard))
    return int(pytest.main(pytest_args, plugins=[Collector(_writer(fd, token))]))


def main(argv: list[str]) -> int:
    token = sys.stdin.readline().strip()
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    return run(int(argv[0]), token, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
