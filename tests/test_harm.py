"""A confined student process: what a submission does to the machine, the grader or later runs
ends with its run. Each case is graded through the real ``grade`` command, in a process of its own."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS

import grader
from grader.confine import landlock_abi

HARM = SUBMISSIONS / "harm"
SECRET = "ghp_not_a_real_token_but_secret_1234"
PACKAGE = Path(grader.__file__).resolve().parent
needs_landlock = pytest.mark.skipif(landlock_abi() < 6, reason="needs Landlock ABI 6 (files, signals)")


def grade(tmp_path: Path, name: str, source: Path = HARM) -> tuple[subprocess.CompletedProcess, dict]:
    """Grade ``source/name`` as exercise1 with `grade` run from a class folder holding a canary file."""
    submission = tmp_path / "submission"
    submission.mkdir()
    shutil.copy(source / name, submission / "exercise1.py")
    (tmp_path / "canary.txt").write_text("still here")
    return grade_folder(submission, cwd=tmp_path)


def grade_folder(folder: Path, cwd: Path) -> tuple[subprocess.CompletedProcess, dict]:
    environment = {**os.environ, "GITHUB_TOKEN": SECRET, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "grader", "1", "--from", str(folder), "--format", "json", "--timeout", "1"],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=60,
        check=False,
    )
    return done, json.loads(done.stdout)


def sleepers() -> list[int]:
    """Processes running `sleep 120`, `sleep 121` or `sleep 122` (what leaves_processes.py starts)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command[:1] == [b"sleep"] and command[1:2] in ([b"120"], [b"121"], [b"122"]):
            found.append(int(entry.name))
    return found


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@needs_landlock
def test_nothing_a_submission_writes_outlives_its_run_or_reaches_a_later_one(tmp_path):
    check_module = PACKAGE / "checks" / "exercise1.py"
    before = digest(check_module)
    done, document = grade(tmp_path, "persists.py")
    assert document["score"] == 0
    for folder in site.getsitepackages():
        assert not (Path(folder) / "zz_grader_persist.pth").exists()
        assert not (Path(folder) / "sitecustomize.py").exists()
    assert not list(PACKAGE.rglob("zz_forged*"))
    assert digest(check_module) == before
    _, again = grade_folder(ROOT / "exercises", cwd=ROOT)  # the stubs, graded after it
    assert again["score"] == 0


@needs_landlock
def test_stopping_or_killing_the_grader_from_student_code_fails_and_the_report_is_whole(tmp_path):
    done, document = grade(tmp_path, "stops_the_grader.py")
    assert done.returncode == 1
    assert document["max_score"] == 10
    # Its kill reached its own process group only: the sandbox, not `grade`.
    assert "killed by signal 9" in document["exercises"][0]["checks"][0]["message"]


def test_every_process_a_submission_starts_ends_with_its_run(tmp_path):
    done, document = grade(tmp_path, "leaves_processes.py")
    assert done.returncode == 1
    assert sleepers() == []


@needs_landlock
def test_limits_hold_and_no_file_is_left_in_shared_memory_or_temp(tmp_path):
    done, document = grade(tmp_path, "takes_resources.py")
    assert document["score"] == 0
    assert not list(Path("/dev/shm").glob("grader-harm-*"))
    assert not list(Path("/tmp").glob("grader-harm-*"))
    assert document["isolation"]["memory"].startswith("on")


@needs_landlock
def test_no_secret_reaches_the_report_and_no_file_outside_the_copy_is_touched(tmp_path):
    done, document = grade(tmp_path, "reads_secrets_and_files.py")
    assert SECRET not in done.stdout
    assert (tmp_path / "canary.txt").read_text() == "still here"
    assert (tmp_path / "submission" / "exercise1.py").exists()


def test_closing_every_descriptor_then_spinning_still_gives_a_full_report(tmp_path):
    done, document = grade(tmp_path, "dup2_and_spin.py")
    assert done.returncode == 1
    assert [check["status"] for check in document["exercises"][0]["checks"]] == ["failed"] * 4


@needs_landlock
def test_the_reference_solutions_are_out_of_reach(tmp_path):
    _, document = grade(tmp_path, "reads_the_solution.py", source=SUBMISSIONS / "forgery")
    assert document["score"] == 0
