"""A pytest plugin object that reports each check's start and result as plain events."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

Event = dict[str, Any]
LOAD_FAILED = "the checks in {where} could not be loaded (a problem for your instructor):\n{why}"
# The id the plugin gives each submission when one session grades several.
_SUBMISSION_ID = re.compile(r"-?submission\d+(?=\])|submission\d+-")


def describe(item: pytest.Item) -> Event:
    """A check's identity, points and title, as the reports need them."""
    from .plugin import exercise_of, submission_dirs

    callspec = getattr(item, "callspec", None)
    submission = callspec.params.get("submission_dir") if callspec else None

    mark = item.get_closest_marker("check")
    options = mark.kwargs if mark else {}
    title = _first_line(getattr(item, "function", None).__doc__)
    name = _SUBMISSION_ID.sub("", item.name).replace("[]", "")
    return {
        "id": item.nodeid,
        "submission": str(submission or submission_dirs(item.config)[0]),
        "exercise": exercise_of(item.module),
        "exercise_title": _first_line(item.module.__doc__) or exercise_of(item.module),
        "name": name,
        "title": title or name.removeprefix("test_").replace("_", " "),
        "points": options.get("points", 1),
        "hidden": options.get("hidden", False),
    }


class Collector:
    """Sends events to ``sink``: ``collected`` once, then ``start`` and ``result`` per check."""

    def __init__(self, sink: Callable[[Event], None]) -> None:
        self._sink = sink
        self._outcomes: dict[str, Event] = {}

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self._sink({"event": "collected", "checks": [describe(item) for item in session.items]})

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            message = LOAD_FAILED.format(where=report.nodeid, why=report.longreprtext)
            self._sink({"event": "error", "where": report.nodeid, "message": message})

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        from .student import forget_review

        forget_review()

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        from .student import isolation, needs_review

        self._sink({"event": "review", "submissions": needs_review(), "isolation": isolation()})

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self._outcomes[nodeid] = {"event": "result", "id": nodeid, "status": "passed", "message": ""}
        self._sink({"event": "start", "id": nodeid})

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        outcome = self._outcomes[report.nodeid]
        if report.failed and outcome["status"] != "failed":
            outcome["status"] = "failed"
            outcome["message"] = getattr(report, "grader_message", None) or report.longreprtext
        elif report.skipped and outcome["status"] == "passed":
            outcome["status"] = "skipped"
            outcome["message"] = _skip_reason(report)
        if report.when == "teardown":
            self._sink(self._outcomes.pop(report.nodeid))


def _first_line(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0].strip() if lines else ""


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return "skipped"
