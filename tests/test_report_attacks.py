"""Reports stay bounded and honest: student text can be long, malformed or full of control
characters, and the report is still small, valid UTF-8 (and valid JSON), and acts on no reader."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SUBMISSIONS

from grader.cli import main
from grader.render_timeline import MAX_ROWS, printed, side_by_side
from grader.text import MAX_MESSAGE_CHARS
from grader.timeline import Line

ATTACKS = SUBMISSIONS / "report"
CHECKS = ROOT / "tests" / "hostile_checks"
# Characters that move a terminal's cursor or start a new line for a CI runner.
ACTING = ["\r", "\x1b", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"]


def graded(capfdbinary, tmp_path, name: str, form: str, checks=CHECKS) -> bytes:
    shutil.copy(ATTACKS / name, tmp_path / "exercise1.py")
    main(["1", "--checks", str(checks), "--from", str(tmp_path), "--format", form, "--color", "never"])
    return capfdbinary.readouterr().out


@pytest.mark.parametrize("name", sorted(p.name for p in ATTACKS.glob("*.py")))
@pytest.mark.parametrize("form", ["text", "json"])
def test_every_report_is_valid_utf8_and_small_and_json_is_valid_json(capfdbinary, tmp_path, name, form):
    shown = graded(capfdbinary, tmp_path, name, form).decode("utf-8")  # strict: raises on anything invalid
    assert len(shown) < 100_000
    if form == "json":
        json.loads(shown)


def test_long_output_is_cut_to_a_thousand_characters_a_line_and_a_message_to_twenty_thousand(capfdbinary, tmp_path):
    shown = graded(capfdbinary, tmp_path, "long_lines.py", "text", checks=ROOT / "grader" / "checks").decode()
    assert "… 9,000 more characters" in shown
    assert len(shown) < 5 * (MAX_MESSAGE_CHARS + 100)


def test_a_printed_timeline_shows_forty_lines_and_counts_the_rest():
    lines = [Line(float(i), f"line {i}") for i in range(10_000)]
    assert printed(lines).splitlines()[-1] == "    … 9,960 more lines"
    table = side_by_side(lines[:1], lines, marked=5_000).splitlines()
    assert len(table) == 1 + 1 + MAX_ROWS + 1
    assert table[1] == "    … 4,990 more lines"


def test_a_huge_exception_message_is_capped(capfdbinary, tmp_path):
    shown = graded(capfdbinary, tmp_path, "huge_exception.py", "json").decode()
    assert "more characters" in json.loads(shown)["exercises"][0]["checks"][0]["message"]


def test_a_lone_surrogate_is_shown_escaped(capfdbinary, tmp_path):
    assert "\\udcff" in graded(capfdbinary, tmp_path, "lone_surrogate.py", "text").decode()


@pytest.mark.parametrize("form", ["text", "json"])
def test_control_characters_are_shown_and_no_line_starts_a_workflow_command(capfdbinary, tmp_path, form):
    shown = graded(capfdbinary, tmp_path, "control_characters.py", form).decode()
    assert not [character for character in ACTING if character in shown]
    assert not [line for line in shown.splitlines() if line.lstrip().startswith("::")]
    assert "\\x1b[2J" in shown or "\\u001b[2J" in shown


def test_writing_to_the_graders_own_stdout_through_proc_reaches_nothing(tmp_path):
    shutil.copy(ATTACKS / "writes_to_grade_stdout.py", tmp_path / "exercise1.py")
    shown = subprocess.run(
        [sys.executable, "-m", "grader", "1", "--checks", str(CHECKS), "--from", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert not [line for line in shown.stdout.splitlines() if line.lstrip().startswith("::")]
    assert not [line for line in shown.stderr.splitlines() if line.lstrip().startswith("::")]
