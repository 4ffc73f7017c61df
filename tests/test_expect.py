"""The expectations checks state about a Run: each passes on the right run and fails on a wrong one with its message."""

from __future__ import annotations

import pytest

from grader import Failure, expect_concurrency, expect_duration
from grader.expect import DURATION, TOO_FEW_AT_ONCE, TOO_MANY_AT_ONCE
from grader.run import Run
from grader.timeline import Line, TaskRecord


def run_of(duration: float, *tasks: tuple[str, float, float]) -> Run:
    records = [TaskRecord("main()", "Task-1", 0.0, 0.0, duration)]
    records += [TaskRecord(label, "", start, start, end) for label, start, end in tasks]
    return Run(call="main()", duration=duration, lines=[Line(0.0, "hi")], tasks=records)


def test_a_run_took_its_duration_within_the_tolerance_only():
    run = run_of(0.1 + 0.2)
    assert run.took(0.3)
    assert not run.took(0.31)
    assert not Run(call="main()").took(0.0)  # never finished


def test_expect_duration_passes_on_the_exact_time_and_fails_naming_both_times():
    expect_duration(run_of(2.0), 2.0)
    with pytest.raises(Failure) as failed:
        expect_duration(run_of(3.0), 2.0, help="start both first")
    assert failed.value.rationale == DURATION.format(call="main()", actual="3.0 s", expected="2.0 s")
    assert failed.value.help == "start both first"
    assert "0.0 s  hi" in failed.value.details  # the printed timeline, by default


def test_expect_duration_puts_context_before_why_after_and_details_instead_of_the_timeline():
    with pytest.raises(Failure) as failed:
        expect_duration(run_of(5.0), 3.0, context="from plain code", why=": one at a time", details="CHART")
    assert failed.value.rationale == "from plain code, main() took 5.0 s of event-loop time, not 3.0 s: one at a time"
    assert failed.value.details == "CHART"


def test_peak_counts_tasks_of_one_function_alive_at_one_instant():
    run = run_of(2.0, ("say(1)", 0.0, 1.0), ("say(2)", 0.0, 2.0), ("other()", 0.0, 2.0))
    assert run.peak("say") == 2
    assert run.peak() == 4  # main() included
    assert run_of(3.0, ("say(1)", 0.0, 1.0), ("say(2)", 1.0, 3.0)).peak("say") == 1  # end meets start: no overlap


def test_expect_concurrency_fails_when_too_few_or_too_many_run_at_once():
    together = run_of(2.0, ("say(1)", 0.0, 1.0), ("say(2)", 0.0, 2.0))
    expect_concurrency(together, "say", at_least=2, at_most=2)
    one_by_one = run_of(3.0, ("say(1)", 0.0, 1.0), ("say(2)", 1.0, 3.0))
    with pytest.raises(Failure) as failed:
        expect_concurrency(one_by_one, "say", at_least=2)
    assert failed.value.rationale == TOO_FEW_AT_ONCE.format(peak=1, function="say", count=2)
    assert "say(2)" in failed.value.details and "main()" not in failed.value.details
    with pytest.raises(Failure) as failed:
        expect_concurrency(together, "say", at_most=1)
    assert failed.value.rationale == TOO_MANY_AT_ONCE.format(peak=2, function="say", count=1)
