"""The files ``grade release`` writes around the stubs and the grader: the student's README (in
English and Japanese), the GitHub Classroom workflow, the pyproject.toml and a .gitignore.

Kept as text in a module rather than as data files, so that an installed ``grade`` has them too.
"""

from __future__ import annotations

# The grading step's id: the reporter reads the step's output from GRADING_RESULTS. Classroom's
# reporter accepts only letters and digits in runner ids.
STEP_ID = "grading"
RESULTS_VARIABLE = STEP_ID.upper() + "_RESULTS"

# Classroom's own generated workflows: this name, this single job id, these triggers and
# permissions (its reporter looks for the "Autograding Tests" check run).
WORKFLOW = f"""\
name: Autograding Tests
'on': [push, workflow_dispatch, repository_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Check out the code
        uses: actions/checkout@v4
      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
          cache-dependency-path: pyproject.toml
      - name: Install the grader
        run: pip install .
      # The report goes to the log; the points go to the step's output `result`. A failed check
      # exits 1: the job goes on to the reporter, which records the points, then fails the job.
      - name: Grade every exercise
        id: {STEP_ID}
        continue-on-error: true
        run: grade all --format classroom
      - name: Report the points to GitHub Classroom
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
          {RESULTS_VARIABLE}: ${{{{ steps.{STEP_ID}.outputs.result }}}}
        with:
          runners: {STEP_ID}
"""

GITIGNORE = """\
__pycache__/
*.egg-info/
build/
.venv/
"""

PYPROJECT = """\
[build-system]
requires = ["setuptools>=69"]
build-backend = "setuptools.build_meta"

[project]
name = {name}
version = {version}
description = {description}
readme = "README.md"
requires-python = ">=3.10"
dependencies = [
{dependencies}
]

[project.scripts]
grade = "grader.__main__:main"

[tool.setuptools.packages.find]
include = ["grader*"]

[tool.setuptools.package-data]
grader = ["checks/*.json"]
"""

DESCRIPTION = "Exercises of the {course} course, with the grader that checks them."

COURSE_TABLE = """
[tool.grader]
name = {name}
checks = "checks"
exercises = "exercises"
pattern = {pattern}
"""

README = """\
# {course}: exercises

Write your code in `exercises/` (each file's docstring says what to do), then check it:

```sh
pip install .          # once: installs the `grade` command
grade exercise3        # one exercise; `grade 3` works too
grade all              # every exercise
grade list             # each exercise, its points, and which of your files are still stubs
```

The exercises: {exercises}.

## Reading a report

Each check is one line: `PASS` or `FAIL`, what it checks, and its points. Under a failed
check comes what your code did, and a hint:

```
exercise1: Your first coroutine  (5/10)
  PASS  main() prints hello, then world  (2/2)
  FAIL  world comes 1 s after hello  (0/3)
        'world' was printed at 2.0 s, expected at 1.0 s

            expected         your program
              0.0 s  hello     0.0 s  hello
          >   1.0 s  world     2.0 s  world

        Hint: print hello, then `await asyncio.sleep(1)`, then print world.

Score: 5/10
```

A line such as "2 hidden checks, 4 points, are graded by your instructor" means that your
instructor grades more checks after the deadline. You don't see them, so make your code right,
not just right for the checks you see.

## What a timeline is

The grader runs your code on a **virtual clock**: `await asyncio.sleep(2)` costs no real time,
but the event loop's clock moves 2 s. Every line your program prints is stamped with the clock
at that moment, and that list of lines is its **timeline**. `0.0 s  hello` means "hello was
printed at the start", `2.0 s  world` two seconds of event-loop time later. A check compares
your timeline with the one expected, and `>` marks the first line where they differ.

## On GitHub

Every push runs `grade all` in GitHub Actions (the "Autograding Tests" workflow): its log shows
the same report, and GitHub Classroom records your points. Run `grade` on your machine first:
it gives the same points, in a second.

---

# {course}: 演習

`exercises/` の中のファイルにコードを書いてください（各ファイルの docstring に課題が書いてあります）。
書けたら確かめます:

```sh
pip install .          # 最初に一度だけ: `grade` コマンドが入ります
grade exercise3        # 演習を一つ採点（`grade 3` でも同じ）
grade all              # すべての演習を採点
grade list             # 演習ごとの配点と、まだ手をつけていないファイル
```

## 採点結果の読み方

チェック一つにつき一行: `PASS`（合格）か `FAIL`（不合格）、何を確かめたか、点数です。
不合格のチェックの下には、あなたのコードが実際にしたことと、ヒントが出ます。

「2 hidden checks, 4 points, are graded by your instructor」のような行は、締め切りの後に
先生が採点する非公開のチェックがあるという意味です。見えるチェックに合わせるのではなく、
課題どおりに正しく動くコードを書いてください。

## タイムラインとは

採点は**仮想時計**の上で行われます。`await asyncio.sleep(2)` は実際には待ちませんが、
イベントループの時計は 2 秒進みます。プログラムが表示した各行には、その時点の時計の値が
付きます。この行の並びが**タイムライン**です。`0.0 s  hello` は「開始直後に hello を表示した」、
`2.0 s  world` は「イベントループの時間で 2 秒後に world を表示した」という意味です。チェックは
あなたのタイムラインを期待されるタイムラインと比べ、最初に食い違った行に `>` を付けます。

## GitHub では

push するたびに GitHub Actions（"Autograding Tests" ワークフロー）が `grade all` を実行します。
そのログに同じ採点結果が表示され、GitHub Classroom に点数が記録されます。先に手元で
`grade` を実行してください。同じ点数が一瞬で分かります。
"""
