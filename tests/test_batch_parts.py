"""The parts of ``grade batch`` on their own, in-process and without grading: finding the
submissions, unpacking zips safely, reading files, the saved results, and the pure renderers."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from grader import __version__
from grader.batch_files import LINK_OUTSIDE, NOT_FOUND, read
from grader.batch_input import MIXED, NO_STUDENT_GROUP, ONE_SUBMISSION, discover, student_pattern
from grader.batch_judge import Task, explained, failure, saved
from grader.batch_outputs import Graded, feedback_md, grades_csv, results_json, summary_md
from grader.batch_store import NOT_EMPTY, Store, file_stem, key, write_atomically
from grader.batch_zip import ABSOLUTE, LINK, OUTSIDE, TOO_BIG, TOO_MANY, UnsafeZip, extract
from grader.format_json import report_from_document
from grader.redact import HIDDEN
from grader.render_report import render
from grader.results import CheckResult, ExerciseResult, Report
from grader.usage import UsageError

NAMES = ["exercise1", "exercise3", "exercise10"]


def write(path: Path, text: str = "async def main():\n    pass\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def found(klass: Path, tmp_path: Path, pattern: str | None = None) -> dict[str, dict[str, str]]:
    """Each student found in ``klass``: exercise -> the file's path relative to the class, or its problem."""
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    submissions = discover(str(klass), NAMES, "exercises", scratch, student_pattern(pattern)).submissions
    return {
        submission.student: {
            name: os.path.relpath(path, klass) for name, path in submission.files.items() if os.path.lexists(path)
        }
        | ({"refused": submission.refused} if submission.refused else {})
        for submission in submissions
    }


# ---------------------------------------------------------------- finding submissions


def test_student_repositories_are_found_and_classrooms_assignment_prefix_is_stripped(tmp_path):
    klass = tmp_path / "class"
    write(klass / "hw1-alice" / "exercises" / "exercise1.py")
    write(klass / "hw1-bob-smith" / "exercises" / "exercise3.py")
    write(klass / "hw1-carol" / "exercise10.py")  # a folder of files, not a repository
    write(klass / "README.md", "not a submission")
    assert found(klass, tmp_path) == {
        "alice": {"exercise1": "hw1-alice/exercises/exercise1.py"},
        "bob-smith": {"exercise3": "hw1-bob-smith/exercises/exercise3.py"},
        "carol": {"exercise10": "hw1-carol/exercise10.py"},
    }


def test_a_prefix_is_kept_when_stripping_it_would_leave_an_id_empty(tmp_path):
    klass = tmp_path / "class"
    write(klass / "hw1-" / "exercise1.py")
    write(klass / "hw1-bob" / "exercise1.py")
    assert sorted(found(klass, tmp_path)) == ["hw1-", "hw1-bob"]


def test_lms_files_are_grouped_by_the_part_before_the_first_underscore_and_the_latest_resubmission_wins(tmp_path):
    klass = tmp_path / "class"
    write(klass / "doejane_12345_67890_exercise3.py")
    write(klass / "doejane_12345_67891_exercise3-1.py")
    write(klass / "doejane_12345_67892_exercise3-2.py")
    write(klass / "doejane_12345_67893_exercise10.py")
    write(klass / "roekim_late_222_333_exercise1.py")
    write(klass / "roekim_222_notes.txt")
    assert found(klass, tmp_path) == {
        "doejane": {
            "exercise3": "doejane_12345_67892_exercise3-2.py",
            "exercise10": "doejane_12345_67893_exercise10.py",
        },
        "roekim": {"exercise1": "roekim_late_222_333_exercise1.py"},
    }


def test_a_student_pattern_overrides_the_grouping(tmp_path):
    klass = tmp_path / "class"
    write(klass / "s001-jane_exercise1.py")
    write(klass / "s002-kim_exercise1.py")
    assert sorted(found(klass, tmp_path, r"^s\d+-(?P<student>[a-z]+)_")) == ["jane", "kim"]


def test_a_student_pattern_without_a_student_group_is_a_usage_error():
    with pytest.raises(UsageError, match=re.escape(NO_STUDENT_GROUP.format(pattern="(.*)_"))):
        student_pattern("(.*)_")


def test_a_zip_of_a_class_is_unpacked_and_read_like_the_folder(tmp_path):
    archive = tmp_path / "week1.zip"
    with zipfile.ZipFile(archive, "w") as opened:
        opened.writestr("week1/hw1-alice/exercises/exercise1.py", "x = 1\n")
        opened.writestr("week1/hw1-bob/exercises/exercise1.py", "x = 2\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    klass = discover(str(archive), NAMES, "exercises", scratch)
    assert klass.name == "week1"
    assert [submission.student for submission in klass.submissions] == ["alice", "bob"]


def test_one_students_folder_given_as_a_class_is_a_usage_error_pointing_to_grade_from(tmp_path):
    write(tmp_path / "mine" / "exercise1.py")
    with pytest.raises(UsageError, match=re.escape(ONE_SUBMISSION.format(given=str(tmp_path / "mine")))):
        found(tmp_path / "mine", tmp_path)


def test_a_class_mixing_student_folders_and_lms_files_is_a_usage_error(tmp_path):
    klass = tmp_path / "class"
    write(klass / "alice" / "exercise1.py")
    write(klass / "bob_1_exercise1.py")
    with pytest.raises(UsageError, match=re.escape(MIXED.format(given=str(klass), example="exercise1.py"))):
        found(klass, tmp_path)


def test_two_submissions_with_the_same_id_are_a_usage_error(tmp_path):
    klass = tmp_path / "class"
    write(klass / "alice" / "exercise1.py")
    with zipfile.ZipFile(klass / "alice.zip", "w") as opened:
        opened.writestr("exercise1.py", "x = 1\n")
    with pytest.raises(UsageError, match="would both be student 'alice'"):
        found(klass, tmp_path)


# ---------------------------------------------------------------- zips


def zipped(path: Path, entries: dict[str, bytes], links: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as opened:
        for name, data in entries.items():
            opened.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            opened.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    ("entries", "links", "message"),
    [
        ({"../evil.py": b"x"}, (), OUTSIDE.format(name="a.zip", entry="../evil.py")),
        ({"ok/../../evil.py": b"x"}, (), OUTSIDE.format(name="a.zip", entry="ok/../../evil.py")),
        ({"/etc/evil.py": b"x"}, (), ABSOLUTE.format(name="a.zip", entry="/etc/evil.py")),
        ({}, ("exercises/exercise1.py",), LINK.format(name="a.zip", entry="exercises/exercise1.py")),
        ({"bomb.py": b"\0" * 5000}, (), TOO_BIG.format(name="a.zip", most=0)),
        ({f"f{i}.py": b"" for i in range(11)}, (), TOO_MANY.format(name="a.zip", most=10)),
    ],
)
def test_an_unsafe_zip_is_refused_with_its_reason_and_nothing_is_unpacked(tmp_path, entries, links, message):
    archive = zipped(tmp_path / "a.zip", entries, links)
    target = tmp_path / "target"
    target.mkdir()
    with pytest.raises(UnsafeZip) as refused:
        extract(archive, target, "a.zip", max_bytes=1000, max_files=10)
    assert str(refused.value) == message
    assert list(target.iterdir()) == []
    assert not (tmp_path / "evil.py").exists()


# ---------------------------------------------------------------- reading files


def test_reading_a_submission_hashes_names_and_bytes_and_names_a_missing_file_as_the_student_would(tmp_path):
    klass = tmp_path / "class"
    write(klass / "alice" / "exercises" / "exercise1.py", "x = 1\n")
    write(klass / "bob" / "exercises" / "exercise1.py", "x = 1\n")
    alice, bob = discover(str(klass), ["exercise1", "exercise3"], "exercises", tmp_path).submissions
    files = read(alice, ["exercise1", "exercise3"])
    assert files.sources == {"exercise1": b"x = 1\n"}
    assert files.problems == {"exercise3": NOT_FOUND.format(shown="exercises/exercise3.py")}
    assert files.digest() == read(bob, ["exercise1", "exercise3"]).digest()
    write(klass / "bob" / "exercises" / "exercise1.py", "x = 2\n")
    assert files.digest() != read(bob, ["exercise1", "exercise3"]).digest()


# ---------------------------------------------------------------- saved results


def a_report(status: str = "failed", message: str = "expected hello", hidden: bool = False) -> Report:
    checks = [
        CheckResult("exercise1", "test_a", "prints hello", 2, False, "passed"),
        CheckResult("exercise1", "test_b", "waits 1 s", 3, hidden, status, message if status == "failed" else ""),
    ]
    return Report([ExerciseResult("exercise1", "Your first coroutine", checks)], isolation={"memory": "on"})


def test_a_report_saved_as_json_reads_back_as_the_same_report(tmp_path):
    report = a_report(message="line one\n\x1b[31mline two ##[ :: \udcff")
    files = read(discover_one(tmp_path), ["exercise1"])
    task = Task("alice", files, "k", files.digest())
    assert report_from_document(saved(task, report).report) == report


def discover_one(tmp_path: Path):
    write(tmp_path / "class" / "alice" / "exercise1.py")
    write(tmp_path / "class" / "bob" / "exercise1.py")
    return discover(str(tmp_path / "class"), ["exercise1"], "exercises", tmp_path).submissions[0]


def test_a_saved_result_is_used_only_with_its_own_key_and_a_damaged_one_not_at_all(tmp_path):
    store = Store(tmp_path / "out")
    store.open("class", force=False)
    files = read(discover_one(tmp_path), ["exercise1"])
    task = Task("alice", files, "key1", files.digest())
    store.save(saved(task, a_report()))
    assert store.load("alice", "key1") is not None
    assert store.load("alice", "key2") is None
    store.path("alice").write_text('{"student": "alice", "key": "key1"')
    assert store.load("alice", "key1") is None


def test_the_key_changes_with_the_submission_the_checks_and_the_settings():
    keys = {key("a", "c", {"timeout": 3}), key("b", "c", {"timeout": 3}), key("a", "d", {"timeout": 3})}
    assert len(keys | {key("a", "c", {"timeout": 1})}) == 4


def test_an_out_folder_of_another_class_or_version_is_refused_unless_forced(tmp_path):
    out = tmp_path / "out"
    Store(out).open("week1", force=False)
    with pytest.raises(UsageError, match=r"holds the results of another batch \(class 'week1'"):
        Store(out).open("week2", force=False)
    manifest = out / ".grade-batch" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(__version__, "0.0.1"))
    with pytest.raises(UsageError, match=r"class 'week1', grade 0.0.1\)"):
        Store(out).open("week1", force=False)
    Store(out).open("week2", force=True)
    assert json.loads(manifest.read_text())["class"] == "week2"


def test_an_out_folder_holding_other_files_is_refused_unless_forced(tmp_path):
    write(tmp_path / "out" / "thesis.tex", "...")
    with pytest.raises(UsageError, match=re.escape(NOT_EMPTY.format(out=tmp_path / "out"))):
        Store(tmp_path / "out").open("week1", force=False)


def test_a_file_written_atomically_leaves_no_partial_file(tmp_path):
    write_atomically(tmp_path / "grades.csv", "student\n")
    assert [path.name for path in tmp_path.iterdir()] == ["grades.csv"]


@pytest.mark.parametrize(("student", "stem"), [("alice", "alice"), ("a/b", "a%2Fb"), (".x", "%2Ex"), ("é", "%E9")])
def test_a_students_file_name_is_their_id_made_safe(student, stem):
    assert file_stem(student) == stem


# ---------------------------------------------------------------- renderers


def graded(student: str, report: Report) -> Graded:
    return Graded(student, "hash-" + student, report)


def test_grades_csv_has_a_column_per_exercise_and_keeps_an_id_that_looks_like_a_formula_as_text():
    rows = [graded("=cmd", a_report()), graded("bob", a_report("passed")), graded("carol", failure("boom"))]
    text = grades_csv(rows, ["exercise1"])
    assert list(csv.reader(io.StringIO(text))) == [
        ["student", "exercise1", "total", "max_score", "percent"],
        ["'=cmd", "2", "2", "5", "40.0"],
        ["bob", "5", "5", "5", "100.0"],
        ["carol", "", "0", "5", "0.0"],
    ]


def test_results_json_holds_each_report_in_the_json_formats_schema_with_id_hash_and_isolation():
    report = a_report(hidden=True)
    document = json.loads(results_json([graded("alice", report)], "asyncio", ["exercise1"]))
    entry = document["students"][0]
    assert (entry["student"], entry["submission"], entry["isolation"]) == ("alice", "hash-alice", {"memory": "on"})
    assert {k: v for k, v in entry.items() if k not in ("student", "submission")} == json.loads(
        render(report, "json", show_hidden=True)
    )


def test_feedback_shows_a_hidden_check_by_title_and_points_only_unless_asked():
    entry = graded("alice", a_report(message="the secret test input was 42", hidden=True))
    assert "the secret test input" not in feedback_md(entry, "asyncio")
    assert HIDDEN in feedback_md(entry, "asyncio")
    assert "waits 1 s  (0/3)" in feedback_md(entry, "asyncio")
    assert "the secret test input" in feedback_md(entry, "asyncio", show_hidden=True)


def test_feedback_fences_the_report_beyond_any_backticks_the_student_printed():
    text = feedback_md(graded("alice", a_report(message="printed ```` four")), "asyncio")
    assert "\n`````text\n" in text and text.endswith("\n`````\n")


def test_the_summary_has_a_histogram_and_the_checks_most_failed_first_with_their_most_common_message():
    rows = [
        graded("a", a_report("passed")),
        graded("b", a_report(message="expected hello\nmore")),
        graded("c", a_report(message="expected hello")),
        graded("d", a_report(message="expected world")),
        graded("e", explained(a_report("passed"), {"exercise1": "exercises/exercise1.py not found"})),
    ]
    text = summary_md(rows, "asyncio", "week1")
    assert "\n 40-49%     3  ########################################\n" in text
    assert "\n   100%     1  #############\n" in text
    assert "| 4 of 5 | exercise1: waits 1 s | 3 | expected hello |" in text
    assert "| 1 of 5 | exercise1: prints hello | 2 | exercises/exercise1.py not found |" in text
    assert text.index("| 4 of 5 |") < text.index("| 1 of 5 |")


def test_a_class_folder_with_a_link_to_the_solutions_reads_no_solution(tmp_path):
    klass = tmp_path / "class"
    (klass / "alice" / "exercises").mkdir(parents=True)
    (klass / "alice" / "exercises" / "exercise1.py").symlink_to(ROOT / "solutions" / "exercise1.py")
    write(klass / "bob" / "exercises" / "exercise1.py")
    alice = discover(str(klass), ["exercise1"], "exercises", tmp_path).submissions[0]
    assert read(alice, ["exercise1"]).sources == {}


def test_results_json_written_a_student_at_a_time_is_the_document_json_would_write_whole():
    rows = [graded("a", a_report(message="##[x] é")), graded("b", a_report("passed"))]
    text = results_json(rows, "asyncio", ["exercise1"])
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False).replace("##[", "#\\u0023[") + "\n"


def test_on_the_terminal_the_summary_shows_the_most_failed_checks_and_says_how_many_more_summary_md_has():
    rows = [
        graded("b", a_report(message="expected hello")),
        graded("c", explained(a_report("passed"), {"exercise1": "exercises/exercise1.py not found"})),
    ]
    text = summary_md(rows, "asyncio", "week1", most_checks=1)
    assert "| 2 of 2 | exercise1: waits 1 s | 3 |" in text
    assert "| 1 of 2 |" not in text
    assert "... and 1 more checks failed by someone: see summary.md." in text


def test_a_class_where_no_submission_could_be_graded_does_not_read_as_every_check_passed():
    rows = [graded("a", Report([], ["the grader's process for this submission ended without a result"]))]
    text = summary_md(rows, "asyncio", "week1")
    assert "No check could be run for any submission." in text
    assert "Every check passed" not in text


def test_a_linked_folder_on_the_way_to_a_file_reads_no_other_students_work(tmp_path):
    klass = tmp_path / "class"
    write(klass / "bob" / "exercises" / "exercise1.py", "print('bob')\n")
    (klass / "alice").mkdir()
    (klass / "alice" / "exercises").symlink_to(klass / "bob" / "exercises")
    found = discover(str(klass), ["exercise1"], "exercises", tmp_path).submissions
    alice = next(submission for submission in found if submission.student == "alice")

    files = read(alice, ["exercise1"])

    assert files.sources == {}
    assert files.problems == {"exercise1": LINK_OUTSIDE.format(shown="exercises/exercise1.py")}


def test_two_ids_never_share_a_file_name_and_a_very_long_one_still_fits():
    assert file_stem("€") != file_stem(" AC")
    long_ones = ["é" * 100, "é" * 99 + "e"]
    stems = [file_stem(student) for student in long_ones]
    assert stems[0] != stems[1]
    assert all(len(f".partial-4194304-{stem}.json".encode()) <= 255 for stem in stems)


def test_a_folder_name_that_is_not_utf8_becomes_an_id_every_output_can_hold(tmp_path):
    klass = tmp_path / "class"
    write(klass / "bob" / "exercise1.py")
    folder = os.fsencode(klass) + b"/caf\xe9"
    os.makedirs(folder)
    (Path(os.fsdecode(folder)) / "exercise1.py").write_text("async def main():\n    pass\n")

    students = [s.student for s in discover(str(klass), ["exercise1"], "exercises", tmp_path).submissions]

    assert students == ["bob", "caf\\xe9"]
    assert all(student.encode("utf-8") for student in students)
