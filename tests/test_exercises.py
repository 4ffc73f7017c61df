"""Every exercise, both ways: right answers get full marks; realistic wrong ones fail the
intended check with the intended feedback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS, failed, grade_files

from grader.catalog import exercises
from grader.results import ExerciseResult
from grader.run import NEVER_AWAITED, NOT_WRITTEN

EXERCISES = [exercise.name for exercise in exercises()]
NEVER_AWAITED_TAIL = NEVER_AWAITED.split("}", 1)[1]

# submission -> {check that must fail: texts its message must contain}
WRONG = {
    "exercise1/wrong_time_sleep.py": {
        "test_other_tasks_run_while_main_waits": ["time.sleep(1) at exercise1.py line 8 blocks the event loop", "await asyncio.sleep(1)"],
    },
    "exercise1/wrong_forgot_await.py": {
        "test_world_comes_one_second_after_hello": ["'world' was printed at 0.0 s, expected at 1.0 s", "sleep()" + NEVER_AWAITED_TAIL],
        "test_main_finishes_after_one_second": ["main() took 0.0 s of event-loop time, not 1.0 s"],
    },
    "exercise1/wrong_sleeps_two_seconds.py": {
        "test_world_comes_one_second_after_hello": ["'world' was printed at 2.0 s, expected at 1.0 s", ">   1.0 s  world     2.0 s  world"],
    },
    "exercise1/wrong_sleep_milliseconds.py": {
        "test_main_finishes_after_one_second": ["main() took 1000.0 s of event-loop time, not 1.0 s"],
    },
    "exercise1/wrong_order.py": {"test_prints_hello_then_world": ["line 1: expected 'hello', but your program printed 'world'"]},
    "exercise1/wrong_sleep_first.py": {"test_world_comes_one_second_after_hello": ["'hello' was printed at 1.0 s, expected at 0.0 s"]},
    "exercise1/wrong_no_wait.py": {"test_main_finishes_after_one_second": ["took 0.0 s of event-loop time, not 1.0 s"]},
    "exercise1/wrong_capitalised.py": {"test_prints_hello_then_world": ["expected 'hello', but your program printed 'Hello'"]},
    "exercise1/wrong_one_line.py": {"test_prints_hello_then_world": ["printed 'hello world'"]},
    "exercise1/wrong_returns_instead_of_print.py": {"test_prints_hello_then_world": ["your program printed nothing"]},
    "exercise1/wrong_asyncio_run_inside_main.py": {
        "test_prints_hello_then_world": ["main() raised RuntimeError: asyncio.run() cannot be called from a running event loop", 'File "exercise1.py", line 7, in main'],
    },
    "exercise2/wrong_create_task_too_fast.py": {
        "test_main_takes_three_seconds": ["main() took 2.0 s of event-loop time, not 3.0 s"],
        "test_main_awaits_say_after_one_call_after_the_other": ["the two say_after calls overlapped"],
    },
    "exercise2/wrong_time_sleep.py": {"test_other_tasks_run_while_main_waits": ["time.sleep(1) at exercise2.py line 7 blocks the event loop"]},
    "exercise2/wrong_forgot_await.py": {
        "test_main_takes_three_seconds": ["main() took 0.0 s", "say_after()" + NEVER_AWAITED_TAIL],
        "test_main_awaits_say_after_one_call_after_the_other": ["main() called nothing"],
    },
    "exercise2/wrong_forgot_await_sleep.py": {"test_say_after_waits_then_prints": ["'ping' was printed at 0.0 s, expected at 0.5 s", "sleep()" + NEVER_AWAITED_TAIL]},
    "exercise2/wrong_print_before_sleep.py": {"test_say_after_waits_then_prints": ["'ping' was printed at 0.0 s, expected at 0.5 s", "`await asyncio.sleep(delay)` first"]},
    "exercise2/wrong_finished_before_await.py": {"test_main_prints_the_four_lines_in_order": ["line 2: expected 'hello', but your program printed 'finished at HH:MM:SS'"]},
    "exercise2/wrong_datetime_microseconds.py": {"test_main_prints_the_four_lines_in_order": ["printed 'started at 2024-04-01 HH:MM:SS'", "time.strftime('%X')"]},
    "exercise2/wrong_time_time.py": {"test_hello_after_one_second_and_world_after_three": ["printed 'started at 1711962000.0'"]},
    "exercise2/wrong_swapped_order.py": {"test_main_awaits_say_after_one_call_after_the_other": ["main() called say_after(2, 'world'), say_after(1, 'hello')"]},
    "exercise3/wrong_serial_awaits.py": {
        "test_main_takes_as_long_as_the_longest_delay": ["main() took 3.0 s of event-loop time, not 2.0 s", "ran one after the other, so their delays added up (1 s + 2 s)", "asyncio.create_task()"],
        "test_both_calls_run_at_the_same_time_and_finish": ["never overlapped: say_after(1, 'hello') ran 0.0 s -> 1.0 s; say_after(2, 'world') ran 1.0 s -> 3.0 s"],
    },
    "exercise3/article_serial.py": {"test_main_takes_as_long_as_the_longest_delay": ["main() took 3.0 s of event-loop time, not 2.0 s", "(1 s + 2 s)"]},
    "exercise3/wrong_task2_after_await_task1.py": {"test_main_takes_as_long_as_the_longest_delay": ["took 3.0 s", "one after the other"]},
    "exercise3/wrong_tasks_never_awaited.py": {
        "test_main_takes_as_long_as_the_longest_delay": ["main() took 0.0 s of event-loop time, not 2.0 s", "main() returned before the say_after calls had finished"],
        "test_both_calls_run_at_the_same_time_and_finish": ["2 task(s) were still not done when main() returned; asyncio cancelled them", "(cancelled)"],
    },
    "exercise3/wrong_forgot_await_gather.py": {"test_both_calls_run_at_the_same_time_and_finish": ["2 task(s) were still not done when main() returned"]},
    "exercise3/wrong_time_sleep.py": {"test_main_takes_as_long_as_the_longest_delay": ["took 3.0 s", "time.sleep(1) at exercise3.py line 7 blocks the event loop"]},
    "exercise3/wrong_started_after_await.py": {"test_main_prints_the_four_lines_in_order": ["line 1: expected 'started at HH:MM:SS', but your program printed 'hello'"]},
    "exercise3/wrong_asyncio_run_inside_main.py": {"test_main_takes_as_long_as_the_longest_delay": ["asyncio.run() cannot be called from a running event loop"]},
    "exercise3/wrong_create_task_no_call.py": {"test_main_prints_the_four_lines_in_order": ["main() raised TypeError: create_task()"]},
    "exercise4/wrong_sequential_for_loop.py": {
        "test_takes_as_long_as_the_longest_fetch": ["took 6.0 s of event-loop time, not 3.0 s", "asyncio.gather"],
        "test_all_fetches_run_at_the_same_time": ["at most 1 fetch() calls ran at the same time; expected all 3"],
    },
    "exercise4/wrong_as_completed_order.py": {"test_returns_the_values_in_the_order_of_jobs": ["expected ['pear', 'apple', 'fig'], not ['apple', 'pear', 'fig']", "in the order it was given them"]},
    "exercise4/wrong_gather_sorted_values.py": {"test_returns_the_values_in_the_order_of_jobs": ["not ['apple', 'fig', 'pear']"]},
    "exercise4/wrong_sorted_by_delay.py": {"test_returns_the_values_in_the_order_of_jobs": ["not ['apple', 'pear', 'fig']"]},
    "exercise4/wrong_asyncio_wait_set_order.py": {"test_no_jobs_return_an_empty_list_at_once": ["fetch_all([]) raised ValueError"]},
    "exercise4/wrong_wait_empty_jobs.py": {"test_no_jobs_return_an_empty_list_at_once": ["fetch_all([]) raised ValueError"]},
    "exercise4/wrong_returns_coroutines.py": {"test_returns_the_values_in_the_order_of_jobs": ["not [<coroutine fetch()>, <coroutine fetch()>, <coroutine fetch()>]", "fetch() (returned by fetch_all("]},
    "exercise4/wrong_returns_tasks.py": {"test_returns_the_values_in_the_order_of_jobs": ["not [<Task fetch()>, <Task fetch()>, <Task fetch()>]"]},
    "exercise4/wrong_no_wait.py": {
        "test_uses_the_given_fetch": ["fetch_all returned ['pear', 'apple', 'fig']; expected ['PEAR', 'APPLE', 'FIG']"],
        "test_all_fetches_run_at_the_same_time": ["fetch_all called fetch 0 time(s) for 3 jobs"],
    },
    "exercise4/wrong_time_sleep_wrapper.py": {"test_takes_as_long_as_the_longest_fetch": ["took 6.0 s", "time.sleep(2) at exercise4.py line 16 blocks the event loop", "(2 more blocking call(s) after it.)"]},
    "exercise4/wrong_gather_list_not_unpacked.py": {"test_returns_the_values_in_the_order_of_jobs": ["raised TypeError: unhashable type: 'list'", 'File "exercise4.py"']},
}


def _every_file(exercise: str) -> list[Path]:
    return [
        ROOT / "solutions" / f"{exercise}.py",
        ROOT / "exercises" / f"{exercise}.py",
        *sorted((SUBMISSIONS / exercise).glob("*.py")),
    ]


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[Path, ExerciseResult]:
    """Every file of every exercise, graded once: one pytest session per exercise."""
    results = {}
    for exercise in EXERCISES:
        files = _every_file(exercise)
        folder = tmp_path_factory.mktemp(exercise)
        results.update(zip(files, grade_files(folder, files, exercise)))
    return results


def _right_submissions():
    for path in sorted(SUBMISSIONS.glob("exercise*/right_*.py")) + [SUBMISSIONS / "exercise3/article_verbatim.py"]:
        needs_311 = "# requires: 3.11" in path.read_text(encoding="utf-8")
        marks = [pytest.mark.skipif(sys.version_info < (3, 11), reason="uses asyncio.TaskGroup (3.11+)")] if needs_311 else []
        yield pytest.param(path, id=f"{path.parent.name}/{path.name}", marks=marks)


def test_every_exercise_has_at_least_five_wrong_answers_under_test():
    for exercise in EXERCISES:
        assert sum(name.startswith(exercise + "/") for name in WRONG) >= 5, exercise


def test_every_wrong_submission_on_disk_is_under_test():
    on_disk = {f"{p.parent.name}/{p.name}" for p in SUBMISSIONS.glob("exercise*/wrong_*.py")}
    assert on_disk <= set(WRONG)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_reference_solution_gets_full_marks(graded, exercise):
    result = graded[ROOT / "solutions" / f"{exercise}.py"]
    assert failed(result) == {}
    assert result.score == result.max_score == 10


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_untouched_stub_scores_zero_saying_it_is_not_written(graded, exercise):
    result = graded[ROOT / "exercises" / f"{exercise}.py"]
    assert result.score == 0
    assert all(NOT_WRITTEN.split("{call}")[1] in message for message in failed(result).values())


@pytest.mark.parametrize("path", list(_right_submissions()))
def test_a_correct_submission_in_another_style_gets_full_marks(graded, path):
    result = graded[path]
    assert failed(result) == {}
    assert result.score == result.max_score


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_wrong_submission_fails_the_intended_check_with_the_intended_feedback(graded, name):
    result = graded[SUBMISSIONS / name]
    failures = failed(result)
    assert result.score < result.max_score
    for check, texts in WRONG[name].items():
        assert check in failures, f"{check} passed; failed: {sorted(failures)}"
        for text in texts:
            assert text in failures[check]
