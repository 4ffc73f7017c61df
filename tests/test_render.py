"""Renderers are pure functions of their input: timelines, task charts, text and JSON reports, and
the rules every report format shares."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest

from grader import formats
from grader.formats import DUPLICATE, FORMATS, RenderOptions, renderer
from grader.redact import redact
from grader.render_report import HIDDEN, SAME_FOR_ALL, render, to_json, to_text
from grader.render_timeline import CHART_WIDTH, MARK, NOTHING, seconds, side_by_side, task_chart
from grader.results import CheckResult, ExerciseResult, Report
from grader.timeline import Line, TaskRecord

GREEN, RED, RESET = "\x1b[32m", "\x1b[31m", "\x1b[0m"

# ---------------------------------------------------------------- timelines


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1.0, "1.0 s"), (0.25, "0.25 s"), (0.0, "0.0 s"), (1000.0, "1000.0 s"), (0.5, "0.5 s"), (2.125, "2.125 s")],
)
def test_seconds_are_as_short_as_exact_with_at_least_one_decimal(value, shown):
    assert seconds(value) == shown


def test_side_by_side_marks_the_first_difference():
    expected = [Line(0.0, "hello"), Line(1.0, "world")]
    actual = [Line(0.0, "hello"), Line(2.0, "world")]
    assert side_by_side(expected, actual, marked=1) == "\n".join(
        [
            "    expected         your program",
            "      0.0 s  hello     0.0 s  hello",
            f"  {MARK}   1.0 s  world     2.0 s  world",
        ]
    )


def test_side_by_side_marks_nothing_when_no_row_is_given():
    rendered = side_by_side([Line(0.0, "a")], [Line(0.0, "a")], marked=None)
    assert MARK not in rendered


def test_side_by_side_shows_nothing_where_the_program_printed_too_little():
    rendered = side_by_side([Line(0.0, "hello"), Line(1.0, "world")], [Line(0.0, "hello")], marked=1)
    assert rendered.splitlines()[-1] == f"  {MARK}   1.0 s  world   {NOTHING}"


def test_side_by_side_shows_nothing_where_the_program_printed_too_much():
    rendered = side_by_side([Line(0.0, "hello")], [Line(0.0, "hello"), Line(0.0, "extra")], marked=1)
    assert rendered.splitlines() == [
        "    expected         your program",
        "      0.0 s  hello     0.0 s  hello",
        f"  {MARK} {NOTHING}          0.0 s  extra",
    ]


def test_side_by_side_without_times_shows_the_text_alone():
    rendered = side_by_side([Line(0.0, "hello")], [Line(3.0, "Hello")], marked=0, times=False)
    assert rendered.splitlines() == ["    expected   your program", f"  {MARK} hello      Hello"]


def test_side_by_side_keeps_the_your_program_column_aligned_when_nothing_was_expected():
    rendered = side_by_side([Line(0.0, "hi")], [Line(0.0, "hi"), Line(0.0, "extra")], marked=1, times=False)
    header, _, extra = rendered.splitlines()
    assert extra.index("extra") == header.index("your program")


def bars(chart: str) -> list[str]:
    """The bar of each row of a task chart, between its pipes."""
    return [row.split("|")[1] for row in chart.splitlines()]


def test_task_chart_shows_tasks_that_overlap_as_bars_over_the_same_span():
    chart = task_chart(
        [
            TaskRecord("main()", "Task-1", 0.0, 0.0, 2.0),
            TaskRecord("say(1)", "Task-2", 0.0, 0.0, 1.0),
            TaskRecord("say(2)", "Task-3", 0.0, 0.0, 2.0),
        ]
    )
    half = CHART_WIDTH // 2
    assert bars(chart) == ["#" * CHART_WIDTH, "#" * half + " " * half, "#" * CHART_WIDTH]


def test_task_chart_shows_tasks_that_run_one_after_another_as_bars_that_follow_each_other():
    chart = task_chart(
        [
            TaskRecord("main()", "Task-1", 0.0, 0.0, 2.0),
            TaskRecord("a()", "Task-2", 0.0, 0.0, 1.0),
            TaskRecord("b()", "Task-3", 1.0, 1.0, 2.0),
        ]
    )
    half = CHART_WIDTH // 2
    assert bars(chart)[1:] == ["#" * half + " " * half, " " * half + "#" * half]


def test_task_chart_rows_give_label_and_lifetime():
    chart = task_chart(
        [TaskRecord("main()", "Task-1", 0.0, 0.0, 2.0), TaskRecord("a()", "Task-2", 0.0, 0.5, 1.0, cancelled=True)]
    )
    rows = chart.splitlines()
    assert rows[0] == f"    main()  |{'#' * CHART_WIDTH}|  0.0 s -> 2.0 s (done)"
    assert rows[1].startswith("    a()     |")
    assert rows[1].endswith("|  0.5 s -> 1.0 s (cancelled)")


def test_task_chart_shows_a_pending_task_running_to_the_end():
    chart = task_chart(
        [TaskRecord("main()", "Task-1", 0.0, 0.0, 1.0), TaskRecord("forever()", "Task-2", 0.0, 0.0, None)], until=1.0
    )
    assert bars(chart)[1] == "#" * CHART_WIDTH
    assert chart.splitlines()[1].endswith("0.0 s -> still pending")


def test_task_chart_scales_to_until_when_it_is_later_than_every_task():
    chart = task_chart([TaskRecord("main()", "Task-1", 0.0, 0.0, 1.0)], until=2.0)
    half = CHART_WIDTH // 2
    assert bars(chart) == ["#" * half + " " * half]


def test_task_chart_gives_an_instant_task_one_mark():
    assert bars(task_chart([TaskRecord("main()", "Task-1", 0.0, 0.0, 0.0)])) == ["#" + " " * (CHART_WIDTH - 1)]


def test_task_chart_says_when_there_were_no_tasks():
    assert task_chart([]) == "    (no tasks were created)"


def test_task_chart_gives_a_task_created_at_the_very_end_a_visible_mark():
    chart = task_chart(
        [TaskRecord("main()", "Task-1", 0.0, 0.0, 1.0), TaskRecord("late()", "Task-2", 1.0, 1.0, None)], until=1.0
    )
    assert "#" in bars(chart)[1]


# ---------------------------------------------------------------- reports


def result(
    name: str,
    status: str = "passed",
    points: float = 1,
    hidden: bool = False,
    message: str = "",
    exercise: str = "exercise1",
) -> CheckResult:
    title = name.removeprefix("test_").replace("_", " ")
    return CheckResult(
        exercise=exercise, name=name, title=title, points=points, hidden=hidden, status=status, message=message
    )


def report(*checks: CheckResult, errors: tuple[str, ...] = ()) -> Report:
    return Report([ExerciseResult("exercise1", "Your first coroutine", list(checks))], list(errors))


MIXED = report(
    result("test_prints_hello", points=2),
    result("test_waits_one_second", "failed", points=3, message="'world' was printed at 0.0 s, expected at 1.0 s"),
)


def test_json_report_has_exactly_the_documented_shape():
    assert json.loads(to_json(MIXED)) == {
        "score": 2,
        "max_score": 5,
        "exercises": [
            {
                "exercise": "exercise1",
                "title": "Your first coroutine",
                "score": 2,
                "max_score": 5,
                "checks": [
                    {
                        "name": "test_prints_hello",
                        "title": "prints hello",
                        "score": 2,
                        "max_score": 2,
                        "passed": True,
                        "hidden": False,
                        "message": "",
                        "status": "passed",
                    },
                    {
                        "name": "test_waits_one_second",
                        "title": "waits one second",
                        "score": 0,
                        "max_score": 3,
                        "passed": False,
                        "hidden": False,
                        "message": "'world' was printed at 0.0 s, expected at 1.0 s",
                        "status": "failed",
                    },
                ],
            }
        ],
    }


def test_json_report_is_one_document_and_nothing_else():
    text = to_json(MIXED)
    document, end = json.JSONDecoder().raw_decode(text)
    assert end == len(text)
    assert isinstance(document, dict)


def test_json_scores_are_numbers_not_strings():
    document = json.loads(to_json(report(result("test_a", points=0.5), result("test_b", "failed", points=2))))
    scores = [document["score"], document["max_score"]]
    scores += [exercise[key] for exercise in document["exercises"] for key in ("score", "max_score")]
    scores += [
        check[key]
        for exercise in document["exercises"]
        for check in exercise["checks"]
        for key in ("score", "max_score")
    ]
    assert all(type(score) in (int, float) for score in scores)
    assert (document["score"], document["max_score"]) == (0.5, 2.5)


def test_json_skipped_checks_count_for_nothing():
    document = json.loads(
        to_json(report(result("test_a", points=2), result("test_b", "skipped", points=3, message="needs test_a")))
    )
    assert (document["score"], document["max_score"]) == (2, 2)
    assert document["exercises"][0]["checks"][1]["status"] == "skipped"


def test_json_blanks_the_message_of_a_failed_hidden_check():
    document = json.loads(to_json(report(result("test_secret", "failed", hidden=True, message="expected 42, not 41"))))
    assert document["exercises"][0]["checks"][0]["message"] == HIDDEN


def test_json_gives_a_passed_hidden_check_no_message():
    document = json.loads(to_json(report(result("test_secret", hidden=True, message="a note"))))
    assert document["exercises"][0]["checks"][0]["message"] == ""


def test_json_shows_hidden_messages_when_asked():
    document = json.loads(
        to_json(report(result("test_secret", "failed", hidden=True, message="expected 42, not 41")), show_hidden=True)
    )
    assert document["exercises"][0]["checks"][0]["message"] == "expected 42, not 41"


def test_json_still_counts_hidden_checks_in_the_score():
    document = json.loads(
        to_json(report(result("test_a", points=2), result("test_secret", "failed", points=3, hidden=True)))
    )
    assert (document["score"], document["max_score"]) == (2, 5)


def test_json_lists_errors_the_grader_ran_into():
    document = json.loads(to_json(report(errors=("the grader could not run this check: boom",))))
    assert document["errors"] == ["the grader could not run this check: boom"]


def test_json_keeps_non_ascii_text_readable():
    text = to_json(report(result("test_a", "failed", message="期待される結果: hello")))
    assert "期待される結果: hello" in text


def test_text_report_shows_each_verdict_the_failure_message_and_the_score():
    assert to_text(MIXED) == (
        "exercise1: Your first coroutine  (2/5)\n"
        "  PASS  prints hello  (2/2)\n"
        "  FAIL  waits one second  (0/3)\n"
        "        'world' was printed at 0.0 s, expected at 1.0 s\n"
        "\n"
        "Score: 2/5\n"
    )


def test_text_report_indents_every_line_of_a_long_message():
    text = to_text(report(result("test_a", "failed", message="first\nsecond")))
    assert "        first\n        second\n" in text


def test_text_report_shows_a_message_every_failed_check_shares_once():
    shared = "there is no exercise1.py: the grader looked for /somewhere/exercise1.py"
    text = to_text(
        report(result("test_a", "failed", message=shared), result("test_b", "failed", points=2, message=shared))
    )
    assert text == (
        "exercise1: Your first coroutine  (0/3)\n"
        "  FAIL  a  (0/1)\n"
        "  FAIL  b  (0/2)\n"
        "\n"
        f"  {SAME_FOR_ALL}\n"
        f"        {shared}\n"
        "\n"
        "Score: 0/3\n"
    )


def test_text_report_shows_each_message_when_the_failures_differ():
    text = to_text(report(result("test_a", "failed", message="one"), result("test_b", "failed", message="two")))
    assert SAME_FOR_ALL not in text
    assert "        one\n" in text and "        two\n" in text


def test_text_report_shows_each_message_when_some_check_passed():
    text = to_text(
        report(result("test_a"), result("test_b", "failed", message="same"), result("test_c", "failed", message="same"))
    )
    assert SAME_FOR_ALL not in text
    assert text.count("        same\n") == 2


def test_text_report_hides_the_message_of_a_failed_hidden_check():
    text = to_text(
        report(result("test_a"), result("test_secret", "failed", hidden=True, message="expected 42, not 41"))
    )
    assert "expected 42" not in text
    assert f"        {HIDDEN}\n" in text


def test_text_report_shows_hidden_messages_when_asked():
    text = to_text(
        report(result("test_a"), result("test_secret", "failed", hidden=True, message="expected 42, not 41")),
        show_hidden=True,
    )
    assert "        expected 42, not 41\n" in text


def test_text_report_marks_skipped_checks_and_shows_why():
    text = to_text(
        report(result("test_a", "failed", message="no"), result("test_b", "skipped", points=2, message="needs a"))
    )
    assert "  SKIP  b  (0/0)\n        needs a\n" in text


def test_text_report_shows_fractional_points_without_trailing_zeros():
    assert to_text(report(result("test_a", points=0.5), result("test_b", points=2.0))).endswith("Score: 2.5/2.5\n")


def test_text_report_lists_errors_before_the_score():
    text = to_text(report(errors=("the grader could not run this check: boom",)))
    assert text.endswith("Error: the grader could not run this check: boom\n\nScore: 0/0\n")


def test_text_report_has_no_color_unless_asked():
    assert "\x1b" not in to_text(MIXED)


def test_text_report_colors_verdicts_and_score_when_asked():
    text = to_text(MIXED, color=True)
    assert f"  {GREEN}PASS{RESET}  prints hello" in text
    assert f"  {RED}FAIL{RESET}  waits one second" in text
    assert text.endswith(f"{RED}Score: 2/5{RESET}\n")


def test_text_report_colors_a_full_score_green():
    assert to_text(report(result("test_a")), color=True).endswith(f"{GREEN}Score: 1/1{RESET}\n")


def test_text_report_with_color_differs_only_by_escape_codes():
    colored = to_text(MIXED, color=True)
    for code in (GREEN, RED, RESET):
        colored = colored.replace(code, "")
    assert colored == to_text(MIXED)


# ---------------------------------------------------------------- hidden checks, once for every format


def test_redact_replaces_a_failed_hidden_checks_message_and_blanks_a_passed_or_skipped_ones():
    before = report(
        result("test_failed", "failed", hidden=True, message="expected 42, not 41"),
        result("test_passed", hidden=True, message="a note"),
        result("test_skipped", "skipped", hidden=True, message="needs test_failed"),
        result("test_open", "failed", message="shown"),
    )
    messages = [check.message for check in redact(before).exercises[0].checks]
    assert messages == [HIDDEN, "", "", "shown"]


def test_redact_keeps_titles_points_and_scores_and_leaves_the_report_it_was_given_alone():
    before = report(result("test_a", points=2), result("test_secret", "failed", points=3, hidden=True, message="x"))
    kept = copy.deepcopy(before)
    after = redact(before)
    assert before == kept
    assert (after.score, after.max_score) == (before.score, before.max_score)
    assert [(c.title, c.points) for c in after.exercises[0].checks] == [("a", 2), ("secret", 3)]


def test_a_renderer_is_given_a_report_whose_hidden_messages_are_already_redacted(monkeypatch):
    seen = []
    monkeypatch.setitem(FORMATS, "spy", lambda report, options: seen.append(report) or "")
    secret = report(result("test_secret", "failed", hidden=True, message="expected 42, not 41"))
    render(secret, "spy")
    render(secret, "spy", show_hidden=True)
    assert [shown.exercises[0].checks[0].message for shown in seen] == [HIDDEN, "expected 42, not 41"]


# ---------------------------------------------------------------- the format registry


def test_the_registry_holds_the_text_and_json_formats():
    assert {"text", "json"} <= set(FORMATS)


def test_a_new_format_is_one_function_and_one_registration(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", {})

    @renderer("score")
    def score(report: Report, options: RenderOptions) -> str:
        return f"{report.score:g}/{report.max_score:g}"

    assert formats.FORMATS == {"score": score}


def test_two_formats_of_one_name_are_refused(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", {"text": to_text})
    with pytest.raises(ValueError, match="'text'") as refused:
        renderer("text")(to_text)
    assert str(refused.value) == DUPLICATE.format(name="text")


# ---------------------------------------------------------------- rules every registered format follows

FORGED = "::error title=Score::10/10"
SECRET = "expected 42, not 41 (SECRET)"
HOSTILE = report(
    result("test_prints", "failed", message=f"your program printed:\n{FORGED}\n  ::notice::x\n##[group]y\n\x1b[2J\rz"),
    result("test_secret", "failed", points=2, hidden=True, message=SECRET),
    result("test_secret_passed", hidden=True, message=SECRET),
    errors=("##[error]the grader could not run this check",),
)


def every_format(test):
    return pytest.mark.parametrize("format", sorted(FORMATS))(test)


@every_format
def test_no_format_shows_a_hidden_checks_message(format):
    assert "SECRET" not in render(HOSTILE, format)


@every_format
@pytest.mark.parametrize("color", [False, True])
def test_no_format_lets_student_text_start_a_ci_workflow_command(format, color):
    shown = render(HOSTILE, format, RenderOptions(color=color))
    assert not [line for line in shown.splitlines() if line.lstrip().startswith("::")]
    assert "##[" not in shown


@every_format
def test_no_format_lets_a_control_character_from_student_text_act(format):
    shown = render(HOSTILE, format)
    assert "\x1b" not in shown and "\r" not in shown


@every_format
def test_every_format_gives_the_same_bytes_for_the_same_report(format):
    options = RenderOptions(color=True)
    assert render(HOSTILE, format, options) == render(copy.deepcopy(HOSTILE), format, options)


@every_format
def test_every_format_leaves_the_report_it_renders_alone(format):
    kept = copy.deepcopy(HOSTILE)
    render(HOSTILE, format, RenderOptions(color=True), show_hidden=True)
    assert HOSTILE == kept


def test_the_shared_rules_hold_for_a_format_that_knows_nothing_of_them(monkeypatch):
    def naive(report: Report, options: RenderOptions) -> str:
        return "\n".join(check.message for check in report.exercises[0].checks)

    monkeypatch.setitem(FORMATS, "naive", naive)
    shown = render(HOSTILE, "naive")
    assert "SECRET" not in shown and "##[" not in shown and "\x1b" not in shown
    assert f"\n:\u200b:{FORGED[2:]}\n" in shown


def test_control_characters_in_a_message_are_shown_as_escapes_but_newlines_and_tabs_stay():
    text = to_text(report(result("test_a", "failed", message="one\ttab\nbell\a ansi\x1b[31m")))
    assert "        one\ttab\n        bell\\x07 ansi\\x1b[31m\n" in text


def test_a_newline_in_a_title_is_shown_as_an_escape_so_that_the_title_stays_on_its_line():
    text = to_text(report(replace(result("test_a"), title="two\nlines")))
    assert "  PASS  two\\nlines  (1/1)\n" in text
