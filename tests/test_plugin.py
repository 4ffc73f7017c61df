"""The pytest plugin, run in-process with ``pytester``: metadata, messages, fixtures and the virtual loop."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from grader.collect import Collector
from grader.failures import Failure, Mismatch
from grader.plugin import CHECK_ERROR, REAL_TIMEOUT, check
from grader.submission import MISSING, SYNTAX

HEADER = '''\
"""A scratch exercise"""
import asyncio
import time

import pytest

from grader import Failure, Mismatch, check
'''
STUDENT = "ANSWER = 42\n"
# The plugins and settings the grader's own pytest session uses.
OPTIONS = (
    "-p grader.plugin -p asyncio -p no:cacheprovider --import-mode=importlib "
    "-o asyncio_mode=strict -o asyncio_default_fixture_loop_scope=function"
).split()


class Graded:
    """What the Collector saw: the ``collected`` descriptions and each check's result, by name."""

    def __init__(self, events: list[dict]) -> None:
        self.events = events
        self.checks = {
            check["name"]: check for event in events if event["event"] == "collected" for check in event["checks"]
        }
        self.results = {event["id"].split("::")[-1]: event for event in events if event["event"] == "result"}

    def message(self, name: str) -> str:
        assert self.results[name]["status"] == "failed", self.results[name]
        return self.results[name]["message"]


@pytest.fixture
def grade(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """``grade(checks_source, student_source, *options)``: run the checks as ``exercise1.py``."""
    # In-process grading elsewhere leaves a student's ``exercise1`` module behind; pytest's
    # importlib mode would take it for this check module and collect nothing.
    monkeypatch.delitem(sys.modules, "exercise1", raising=False)

    def grade_(
        checks: str, student: str | None = STUDENT, *options: str, folders: tuple[str, ...] = ("submission",)
    ) -> Graded:
        pytester.makepyfile(exercise1=HEADER + textwrap.dedent(checks))
        for name in folders:
            folder = pytester.mkdir(name)
            if student is not None:
                (folder / "exercise1.py").write_text(student)
        events: list[dict] = []
        pytester.runpytest_inprocess(
            "exercise1.py",
            *OPTIONS,
            *(f"--submission={pytester.path / name}" for name in folders),
            *options,
            plugins=[Collector(events.append)],
        )
        return Graded(events)

    return grade_


def test_check_points_and_hidden_reach_the_collected_event(grade, pytester):
    graded = grade(
        '''
        @check(points=3, hidden=True)
        def test_secret(student):
            """the answer is 42

            More words for the check's author.
            """
        '''
    )
    assert graded.checks["test_secret"] == {
        "id": "exercise1.py::test_secret",
        "submission": str(pytester.path / "submission"),
        "exercise": "exercise1",
        "exercise_title": "A scratch exercise",
        "name": "test_secret",
        "title": "the answer is 42",
        "points": 3,
        "hidden": True,
    }


def test_a_check_is_worth_one_visible_point_by_default(grade):
    graded = grade(
        """
        @check()
        def test_plain(student):
            pass
        """
    )
    assert (graded.checks["test_plain"]["points"], graded.checks["test_plain"]["hidden"]) == (1, False)


def test_a_check_without_a_docstring_is_titled_after_its_name(grade):
    graded = grade(
        """
        @check()
        def test_prints_hello_then_world(student):
            pass
        """
    )
    assert graded.checks["test_prints_hello_then_world"]["title"] == "prints hello then world"


def test_events_come_collected_then_start_and_result_for_each_check_then_what_needs_review(grade):
    graded = grade(
        """
        @check()
        def test_a(student):
            pass

        @check()
        def test_b(student):
            pass
        """
    )
    assert [(event["event"], event.get("id")) for event in graded.events] == [
        ("collected", None),
        ("start", "exercise1.py::test_a"),
        ("result", "exercise1.py::test_a"),
        ("start", "exercise1.py::test_b"),
        ("result", "exercise1.py::test_b"),
        ("review", None),
    ]
    assert graded.results["test_a"] == {
        "event": "result",
        "id": "exercise1.py::test_a",
        "status": "passed",
        "message": "",
    }


def test_checks_see_the_students_module(grade):
    graded = grade(
        """
        @check()
        def test_answer(student, run):
            assert run(lambda: student.ANSWER, sync=True).value == 42
        """
    )
    assert graded.results["test_answer"]["status"] == "passed"


def test_a_failure_becomes_its_rendered_message(grade):
    graded = grade(
        """
        @check()
        def test_fails(student):
            raise Failure("expected hello", help="print hello", details="DETAILS", notes=["a note"])
        """
    )
    assert (
        graded.message("test_fails")
        == Failure("expected hello", help="print hello", details="DETAILS", notes=["a note"]).render()
    )


def test_a_mismatch_says_expected_and_actual(grade):
    graded = grade(
        """
        @check()
        def test_mismatch(student):
            raise Mismatch([1, 2], [2, 1])
        """
    )
    assert graded.message("test_mismatch") == Mismatch([1, 2], [2, 1]).render() == "expected [1, 2], not [2, 1]"


def test_a_bare_assert_gives_the_assertion_text(grade):
    graded = grade(
        """
        @check()
        def test_bare_assert(student):
            x, y = 1, 2
            assert x == y
        """
    )
    assert graded.message("test_bare_assert") == "assert 1 == 2"


def test_an_assert_with_a_message_gives_that_message(grade):
    graded = grade(
        """
        @check()
        def test_assert_message(student):
            assert student.ANSWER == 41, "ANSWER should be 41"
        """
    )
    assert graded.message("test_assert_message").splitlines()[0] == "ANSWER should be 41"


def test_student_code_stopped_by_the_real_time_limit_says_it_ran_too_long_in_real_time(grade):
    graded = grade(
        """
        @check()
        def test_busy(student, run):
            run(student.main)
        """,
        "def main():\n    while True:\n        pass\n",
        "--grader-timeout",
        "0.2",
    )
    assert graded.message("test_busy") == REAL_TIMEOUT.format(seconds="0.2")


def test_an_unexpected_exception_is_a_check_error(grade):
    graded = grade(
        """
        @check()
        def test_broken(student):
            {}["key"]
        """
    )
    assert graded.message("test_broken") == CHECK_ERROR.format(error="KeyError: 'key'")


def test_a_skipped_check_gives_its_reason(grade):
    graded = grade(
        """
        @check()
        def test_later(student):
            pytest.skip("needs test_answer to pass first")
        """
    )
    assert graded.results["test_later"]["status"] == "skipped"
    assert graded.results["test_later"]["message"] == "needs test_answer to pass first"


def test_an_async_check_runs_on_the_virtual_loop_where_sleeping_takes_no_real_time(grade):
    graded = grade(
        """
        @check()
        @pytest.mark.asyncio
        async def test_on_virtual_time(student):
            loop = asyncio.get_running_loop()
            start, real_start = loop.time(), time.monotonic()
            await asyncio.sleep(100)
            assert type(asyncio.get_running_loop()).__name__ == "VirtualEventLoop"
            assert loop.time() - start == 100
            assert time.monotonic() - real_start < 5
        """
    )
    assert graded.results["test_on_virtual_time"]["message"] == ""
    assert graded.results["test_on_virtual_time"]["status"] == "passed"


def test_negative_points_are_refused():
    with pytest.raises(ValueError, match=r"points must be >= 0, not -1$"):
        check(points=-1)


def test_zero_points_are_allowed():
    assert check(points=0).kwargs == {"points": 0, "hidden": False}


def test_the_student_fixture_fails_the_check_when_the_file_is_missing(grade):
    graded = grade(
        """
        @check()
        def test_needs_file(student, run):
            run(student.main)
        """,
        None,
    )
    looked_for = Path.cwd() / "submission" / "exercise1.py"
    assert graded.message("test_needs_file") == MISSING.format(
        shown=Path("submission", "exercise1.py"), absolute=looked_for
    )


def test_the_student_fixture_fails_the_check_when_the_file_has_a_syntax_error(grade):
    source = "def main(:\n    pass\n"
    with pytest.raises(SyntaxError) as error:
        compile(source, "exercise1.py", "exec")
    graded = grade(
        """
        @check()
        def test_needs_file(student, run):
            run(student.main)
        """,
        source,
    )
    message = graded.message("test_needs_file")
    shown = Path("submission", "exercise1.py")
    assert message.splitlines()[:2] == [SYNTAX.format(shown=shown, line=1, message=error.value.msg), "    def main(:"]


def test_a_check_without_a_docstring_keeps_its_plain_title_when_several_submissions_are_graded(grade):
    graded = grade(
        """
        @check()
        def test_prints_hello(student):
            pass
        """,
        folders=("one", "two"),
    )
    assert {check["title"] for check in graded.checks.values()} == {"prints hello"}


def test_several_submissions_each_run_every_check(grade):
    graded = grade(
        '''
        @check()
        def test_answer(student, run):
            """the answer is 42"""
            assert run(lambda: student.ANSWER, sync=True).value == 42
        ''',
        folders=("one", "two"),
    )
    assert sorted(graded.results) == ["test_answer[submission0]", "test_answer[submission1]"]
    assert {event["status"] for event in graded.results.values()} == {"passed"}
