"""``grade batch`` end to end: a class of 40 with a dozen hostile submissions, a batch stopped with
Ctrl-C and run again, a judge that hangs. Each batch runs through the real command, in a process of
its own, as an instructor runs it; this test process is made the subreaper of everything it
starts, so that any process a batch leaves behind becomes its child and is found."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS

from grader.batch_files import A_FOLDER, LINK_OUTSIDE, NOT_FOUND, NOT_TEXT
from grader.batch_progress import ALL_DONE
from grader.batch_run import EXIT_INTERRUPTED, INTERRUPTED, JUDGE_TIMED_OUT, OUT_IN_CLASS
from grader.batch_store import STORE
from grader.batch_zip import OUTSIDE, TOO_BIG
from grader.confine import landlock_abi, protect_supervisor

BATCH = Path(__file__).resolve().parent / "batch_class"
SECRET = "ghp_not_a_real_token_but_secret_5678"
PREFIX = "asyncio-week1-"  # what GitHub Classroom puts before each username
PROGRESS = re.compile(r"^\[\s*(\d+)/(\d+)\] ")
OUTPUTS = ("grades.csv", "results.json", "summary.md")
needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="needs Landlock ABI 6 (files, signals)")

# Student -> the file it hands in as exercise1.py, and what its feedback must say.
HOSTILE = {
    "busy_loop": (SUBMISSIONS / "hostile" / "infinite_cpu_loop.py", "still running after 1 s of real time"),
    "endless_virtual_loop": (SUBMISSIONS / "hostile" / "sleep_forever_loop.py", "3600 s of event-loop time"),
    "deadlock": (SUBMISSIONS / "hostile" / "deadlock_event.py", "(a deadlock)"),
    "os_exit_at_import": (BATCH / "hostile" / "os_exit_zero_at_import.py", "ended before it could report"),
    "sys_exit_in_main": (BATCH / "hostile" / "sys_exit_zero_in_main.py", "main() raised SystemExit: 0"),
    "prints_100_mb": (BATCH / "hostile" / "prints_100_mb.py", "expected 'hello'"),
    "lingering_children": (SUBMISSIONS / "harm" / "leaves_processes.py", "world"),
    "deletes_files": (BATCH / "hostile" / "deletes_its_folder.py", "your program printed nothing"),
    "reads_solutions": (BATCH / "hostile" / "runs_the_solution.py", "expected 'hello', but your program printed '[]'"),
    "reads_token": (BATCH / "hostile" / "prints_the_token.py", "printed 'token: None'"),
    "fake_report": (BATCH / "hostile" / "prints_a_passing_report.py", "expected 'hello'"),
    "patches_grader": (BATCH / "hostile" / "patches_the_grader.py", "printed 'patched'"),
    "stops_the_grader": (
        SUBMISSIONS / "harm" / "stops_the_grader.py",
        "ended before it could report (killed by signal 9)",
    ),
    "forges_results": (SUBMISSIONS / "hostile" / "forges_results.py", "ended before it could report"),
}
WRONG = sorted((SUBMISSIONS / "exercise1").glob("wrong_*.py"))
SOLVED = ["solved_a", "solved_b", "solved_c"]
# Students whose files can't be graded as they are: the reason their feedback gives.
BAD = {
    "not_utf8": NOT_TEXT.format(shown="exercises/exercise1.py", encoding="UTF-8", reason="byte 0xe9 on line 1"),
    "folder_not_file": A_FOLDER.format(shown="exercises/exercise1.py"),
    "link_outside": LINK_OUTSIDE.format(shown="exercises/exercise1.py"),
    "missing_file": NOT_FOUND.format(shown="exercises/exercise1.py"),
    "zip_slip": OUTSIDE.format(name=f"{PREFIX}zip_slip.zip", entry="../escaped.py"),
    "zip_bomb": TOO_BIG.format(name=f"{PREFIX}zip_bomb.zip", most=256),
}


@pytest.fixture(autouse=True)
def subreaper():
    """Whatever a batch leaves running, once its parent is gone, becomes a child of this process."""
    protect_supervisor()


def batch(*argv: str, cwd: Path = ROOT, **popen) -> subprocess.Popen:
    environment = {**os.environ, "GITHUB_TOKEN": SECRET, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "grader", "batch", *argv]
    return subprocess.Popen(command, cwd=cwd, env=environment, text=True, **popen)


def run_batch(*argv: str, cwd: Path = ROOT) -> tuple[int, str, str]:
    process = batch(*argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(timeout=50)
    finally:  # a batch that hangs fails its test, and is not left running
        process.kill()
        process.wait()
    return process.returncode, out, err


def repo(folder: Path, source: Path | None = None) -> Path:
    """A student repository, as GitHub Classroom clones it: exercises/exercise1.py."""
    (folder / "exercises").mkdir(parents=True)
    if source is not None:
        shutil.copy(source, folder / "exercises" / "exercise1.py")
    return folder


def student_zip(path: Path, entries: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


def make_class(root: Path) -> Path:
    """40 submissions of exercise1: hostile, wrong, right, unwritten, and some that can't be graded."""
    for student, (source, _) in HOSTILE.items():
        repo(root / f"{PREFIX}{student}", source)
    for source in WRONG:
        repo(root / f"{PREFIX}{source.stem}", source)
    for student in SOLVED:
        repo(root / f"{PREFIX}{student}", ROOT / "solutions" / "exercise1.py")
    solution = (ROOT / "solutions" / "exercise1.py").read_bytes()
    student_zip(root / f"{PREFIX}solved_zipped.zip", {"solved_zipped-main/exercises/exercise1.py": solution})
    for student in ("stub_a", "stub_b"):
        repo(root / f"{PREFIX}{student}", ROOT / "exercises" / "exercise1.py")
    bad = root / f"{PREFIX}not_utf8" / "exercises"
    bad.mkdir(parents=True)
    (bad / "exercise1.py").write_bytes(b"# caf\xe9 au lait\nasync def main():\n    print('hello')\n")
    (repo(root / f"{PREFIX}folder_not_file") / "exercises" / "exercise1.py").mkdir()
    (repo(root / f"{PREFIX}link_outside") / "exercises" / "exercise1.py").symlink_to(
        ROOT / "solutions" / "exercise1.py"
    )
    (repo(root / f"{PREFIX}missing_file") / "exercises" / "exercise3.py").write_bytes(solution)
    student_zip(root / f"{PREFIX}zip_slip.zip", {"exercises/exercise1.py": solution, "../escaped.py": b"x = 1\n"})
    with zipfile.ZipFile(root / f"{PREFIX}zip_bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("exercises/exercise1.py", b"\0" * 1000)
        archive.filelist[-1].file_size = 300 << 20  # what it says it unpacks to
    return root


def fingerprint(folder: Path) -> str:
    """Every path under ``folder``, with each file's bytes and each link's target."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        if path.is_symlink():
            digest.update(os.readlink(path).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def children() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if entry.name.isdigit() and stat[stat.rindex(")") + 2 :].split()[1] == me:
            found.append(int(entry.name))
    return found


def outputs(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    files.update({f"feedback/{path.name}": path.read_bytes() for path in sorted((out / "feedback").iterdir())})
    return files


def by_student(out: Path) -> dict[str, dict]:
    document = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {entry["student"]: entry for entry in document["students"]}


def messages(entry: dict) -> str:
    return "\n".join(check["message"] for exercise in entry["exercises"] for check in exercise["checks"])


@needs_landlock
def test_a_class_of_forty_with_hostile_submissions_is_graded_each_student_on_their_own_merits(tmp_path):
    klass = make_class(tmp_path / "class")
    before = fingerprint(klass)
    out = tmp_path / "out"
    status, stdout, stderr = run_batch(str(klass), "exercise1", "--out", str(out), "--timeout", "1", "--jobs", "2")
    assert (status, stderr) == (0, "")
    assert fingerprint(klass) == before
    assert children() == []
    rows = list(csv.DictReader(io.StringIO((out / "grades.csv").read_text())))
    students = [row["student"] for row in rows]
    expected = sorted([*HOSTILE, *(s.stem for s in WRONG), *SOLVED, "solved_zipped", "stub_a", "stub_b", *BAD])
    assert students == expected and len(students) == 40
    assert len([line for line in stdout.splitlines() if PROGRESS.match(line)]) == 40
    scores = {row["student"]: float(row["exercise1"] or 0) for row in rows}
    results = by_student(out)
    for student, (_, reason) in HOSTILE.items():
        assert scores[student] == 0, student
        assert reason in messages(results[student]), student
    for student in [*SOLVED, "solved_zipped"]:
        assert (scores[student], results[student]["max_score"]) == (10, 10), messages(results[student])
    assert all(0 <= scores[source.stem] < 10 for source in WRONG)
    assert all("not written yet" in messages(results[student]) for student in ("stub_a", "stub_b"))
    for student, reason in BAD.items():
        assert scores[student] == 0
        assert {check["message"] for check in results[student]["exercises"][0]["checks"]} == {reason}, student
    assert results["solved_a"]["isolation"]["file system"].startswith("on")
    for name, data in outputs(out).items():
        assert SECRET.encode() not in data, name
        assert str(tmp_path).encode() not in data, name
    assert not (tmp_path / "escaped.py").exists()


def small_class(root: Path) -> Path:
    """Eight quick submissions of exercise1."""
    sources = [ROOT / "solutions" / "exercise1.py", ROOT / "exercises" / "exercise1.py", *WRONG[:6]]
    for index, source in enumerate(sources):
        repo(root / f"student{index}", source)
    return root


def test_a_batch_stopped_with_ctrl_c_resumes_and_ends_with_the_files_of_an_uninterrupted_run(tmp_path):
    klass = small_class(tmp_path / "class")
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    assert run_batch(str(klass), "1", "--out", str(whole), "--jobs", "1")[0] == 0

    process = batch(
        str(klass), "1", "--out", str(resumed), "--jobs", "2", stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    done = []
    for line in process.stdout:
        if PROGRESS.match(line):
            done.append(line)
        if len(done) == 3:
            break
    process.send_signal(signal.SIGINT)
    rest, err = process.communicate(timeout=60)
    assert process.returncode == EXIT_INTERRUPTED
    shown = len(done) + len([line for line in rest.splitlines() if PROGRESS.match(line)])
    store = resumed / STORE
    saved = len(list((store / "students").iterdir()))
    assert err == INTERRUPTED.format(done=saved, total=8, out=resumed).join(["grade: error: ", "\n"])
    assert 3 <= shown <= saved < 8
    assert children() == []
    assert [path.name for path in store.rglob(".partial-*")] == []

    status, again, _ = run_batch(str(klass), "1", "--out", str(resumed), "--jobs", "2")
    assert status == 0
    assert again.splitlines()[0].startswith(f"{saved} of 8 submissions already graded")
    assert len([line for line in again.splitlines() if PROGRESS.match(line)]) == 8 - saved
    assert outputs(resumed) == outputs(whole)

    status, third, _ = run_batch(str(klass), "1", "--out", str(resumed), "--jobs", "2")
    assert status == 0
    assert third.splitlines()[0] == ALL_DONE.format(total=8, out=resumed)
    assert not any(PROGRESS.match(line) for line in third.splitlines())
    assert outputs(resumed) == outputs(whole)


def test_a_judge_that_hangs_is_stopped_at_the_submission_timeout_and_the_others_are_graded(tmp_path):
    klass = small_class(tmp_path / "class")
    checks = BATCH / "hanging_checks"
    out = tmp_path / "out"
    argv = [str(klass), "--checks", str(checks), "--out", str(out), "--jobs", "2", "--submission-timeout", "1"]
    status, _, _ = run_batch(*argv)
    assert status == 1
    assert children() == []
    results = by_student(out)
    assert len(results) == 8
    assert all(entry["errors"] == [JUDGE_TIMED_OUT.format(limit=1)] for entry in results.values())
    assert "## Not graded in full" in (out / "summary.md").read_text()
    # A judge that was stopped gave no grade: nothing is saved, and a rerun grades them again.
    assert list((out / STORE / "students").iterdir()) == []


@pytest.mark.parametrize(
    ("files", "message"),
    [(None, "no class"), ({}, "is empty"), ({"notes/a.txt": "x", "b.md": "y"}, "found no submission")],
)
def test_a_class_that_is_missing_empty_or_unrecognisable_is_a_usage_error(tmp_path, files, message):
    klass = tmp_path / "class"
    if files is not None:
        klass.mkdir()
    for name, text in (files or {}).items():
        (klass / name).parent.mkdir(exist_ok=True)
        (klass / name).write_text(text)
    status, stdout, stderr = run_batch(str(klass), "--out", str(tmp_path / "out"))
    assert status == 2
    assert stdout == ""
    assert stderr.startswith("grade: error: ") and message in stderr
    assert not (tmp_path / "out").exists()


def test_an_out_folder_holding_another_class_is_refused_unless_forced(tmp_path):
    first, second = small_class(tmp_path / "first"), tmp_path / "second"
    shutil.copytree(first, second)
    out = tmp_path / "out"
    assert run_batch(str(first), "1", "--out", str(out), "--jobs", "2")[0] == 0
    before = outputs(out)
    status, _, stderr = run_batch(str(second), "1", "--out", str(out))
    assert status == 2
    assert "holds the results of another batch (class 'first'" in stderr
    assert outputs(out) == before
    assert run_batch(str(second), "1", "--out", str(out), "--force", "--jobs", "2")[0] == 0


def test_a_class_and_an_out_folder_given_as_relative_paths_are_graded_and_saved_there(tmp_path):
    small_class(tmp_path / "class")

    status, _, _ = run_batch("class", "1", "--out", "out", "--jobs", "2", cwd=tmp_path)

    results = by_student(tmp_path / "out")
    assert status == 0
    assert len(results) == 8 and not any(entry.get("errors") for entry in results.values())
    assert results["student0"]["score"] == results["student0"]["max_score"] == 10


def test_an_out_folder_inside_the_class_is_refused_and_the_class_is_left_as_it_was(tmp_path):
    klass = small_class(tmp_path / "class")
    before = fingerprint(klass)

    status, stdout, stderr = run_batch(str(klass), "1", "--out", str(klass / "results"))

    assert status == 2 and stdout == ""
    assert stderr == "grade: error: " + OUT_IN_CLASS.format(out=klass / "results", given=klass) + "\n"
    assert fingerprint(klass) == before


def test_a_student_gone_from_the_class_leaves_no_feedback_behind(tmp_path):
    klass = small_class(tmp_path / "class")
    out = tmp_path / "out"
    assert run_batch(str(klass), "1", "--out", str(out), "--jobs", "2")[0] == 0
    shutil.rmtree(klass / "student7")

    assert run_batch(str(klass), "1", "--out", str(out), "--jobs", "2")[0] == 0

    assert sorted(path.name for path in (out / "feedback").iterdir()) == [f"student{i}.md" for i in range(7)]
