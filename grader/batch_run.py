"""A batch from start to end: find the submissions, grade what is not saved yet, write the gradebook.

The parts, one idea each: batch_input finds the submissions, batch_files reads them safely,
batch_pool runs a judge process per submission (batch_judge: what that process does),
batch_store keeps each result the moment it is known, batch_outputs renders the gradebook,
batch_progress shows how far it is.

This process is the warm parent: it has imported pytest, its plugins, the grader and the check
modules before it forks any judge, so that a judge starts grading at once. It never grades
itself, and no two submissions ever share a process: a judge grades one and exits.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import batch_files, batch_input, batch_judge, batch_outputs, batch_pool, batch_store, format_json, withheld
from .batch_judge import Task
from .batch_outputs import Graded
from .batch_progress import Progress
from .batch_store import Saved, Store
from .catalog import Exercise, resolve
from .command import Context, Outcome
from .course import Course
from .usage import EXIT_FAILED, EXIT_PASSED, UsageError

EXIT_INTERRUPTED = 130

INTERRUPTED = (
    "interrupted: {done} of {total} submissions are graded and saved in {out}; "
    "run the same command again to grade the rest"
)
INTERRUPTED_OUTSIDE = "interrupted: what was graded is saved in {out}; run the same command again to finish"
JUDGE_TIMED_OUT = (
    "grading this submission took more than {limit:g} s of real time, so the grader stopped it "
    "(--submission-timeout): grade it alone with `grade --from` to see where it got stuck"
)
JUDGE_ENDED = "the grader's process for this submission ended without a result ({how})"
WRITTEN = "Written to {out}: {files}, and {count} feedback files in {feedback}/."
OUT_IN_CLASS = "--out {out} is inside the class {given}: the class folder is never written to; give a folder outside it"
# Rows of most-failed checks shown on the terminal; summary.md lists every one.
TERMINAL_CHECKS = 10


class Interrupted(UsageError):
    """Ctrl-C: everything graded so far is saved; the command line says so and exits 130."""

    exit_code = EXIT_INTERRUPTED


def run(context: Context, jobs: int, limit: float, timeout: float) -> Outcome:
    """Grade the class ``context.options`` names with ``jobs`` judges at once, each given ``limit``
    real seconds in all and ``timeout`` per run of student code."""
    options = context.options
    chosen = resolve(options.exercise, context.exercises(), context.commands)
    names = [exercise.name for exercise in chosen]
    pattern = batch_input.student_pattern(options.student_pattern)
    settings = {"timeout": timeout, "exercises": names}
    out = Path(options.out)
    _refuse_out_in_class(out, options.klass)
    try:
        with tempfile.TemporaryDirectory(prefix="grader-batch-") as scratch:
            found = batch_input.discover(options.klass, names, context.course.exercises.name, Path(scratch), pattern)
            store = Store(out)
            store.open(found.name, options.force)
            checks = batch_store.checks_digest(context.course.checks)
            tasks = [_task(submission, names, checks, settings) for submission in found.submissions]
            # Each result is read once: what was saved before, then what each judge saves.
            results = {task.student: store.load(task.student, task.key) for task in tasks}
            todo = [task for task in tasks if results[task.student] is None]
            _grade(tasks, todo, chosen, timeout, store, jobs, limit, results)
        graded = [_graded(results, task, context.course) for task in tasks]
        summary = _write(out, graded, names, context.course.name, found.name, options.show_hidden)
    except KeyboardInterrupt:  # outside the grading: each file written is whole, or as it was
        raise Interrupted(INTERRUPTED_OUTSIDE.format(out=out)) from None
    written = WRITTEN.format(
        out=out,
        files=", ".join([batch_outputs.GRADES, batch_outputs.RESULTS, batch_outputs.SUMMARY]),
        count=len(graded),
        feedback=batch_outputs.FEEDBACK,
    )
    status = EXIT_FAILED if any(entry.report.errors for entry in graded) else EXIT_PASSED
    return Outcome(f"{summary}\n{written}\n", status)


def _refuse_out_in_class(out: Path, given: str) -> None:
    """Results written into the class would change it, and be taken for a student the next time."""
    klass = Path(given).resolve()
    if klass.is_dir() and out.resolve().is_relative_to(klass):
        raise UsageError(OUT_IN_CLASS.format(out=out, given=given))


def _task(submission: batch_input.Submission, names: list[str], checks: str, settings: dict) -> Task:
    files = batch_files.read(submission, names)
    digest = files.digest()
    return Task(submission.student, files, batch_store.key(digest, checks, settings), digest)


def _grade(
    tasks: list[Task],
    todo: list[Task],
    chosen: list[Exercise],
    timeout: float,
    store: Store,
    jobs: int,
    limit: float,
    results: dict[str, Saved | None],
) -> None:
    """Grade ``todo``, filling ``results`` in as each judge ends."""
    total = len(tasks)
    progress = Progress(sys.stdout, total, total - len(todo), bar=sys.stdout.isatty())
    progress.resumed(str(store.out))

    def ended(end: batch_pool.Ended[Task]) -> None:
        saved = store.load(end.task.student, end.task.key)
        if saved is None:  # the judge was stopped, or died, before it saved anything: not a grade,
            # so not saved either (a rerun grades this student again)
            saved = batch_judge.saved(end.task, batch_judge.failure(_judge_error(end.status, limit)))
        results[end.task.student] = saved
        progress.graded(end.task.student, format_json.report_from_document(saved.report))

    try:
        if todo:
            _warm(chosen)
            batch_pool.run_all(todo, lambda task: batch_judge.judge(task, chosen, timeout, store), jobs, limit, ended)
    except KeyboardInterrupt:
        store.remove_partial_files()
        # What is saved, not what was shown: a judge may have saved its result as Ctrl-C came.
        done = sum(store.load(task.student, task.key) is not None for task in tasks)
        raise Interrupted(INTERRUPTED.format(done=done, total=total, out=store.out)) from None
    finally:
        progress.close()


def _judge_error(status: int | str, limit: float) -> str:
    if status == batch_pool.TIMED_OUT:
        return JUDGE_TIMED_OUT.format(limit=limit)
    how = f"killed by signal {-status}" if isinstance(status, int) and status < 0 else f"exit status {status}"
    return JUDGE_ENDED.format(how=how)


def _warm(chosen: list[Exercise]) -> None:
    """Import, once, what every judge needs: pytest and its plugins, the grader, the check modules."""
    from . import session

    session.collect(chosen)
    batch_pool.warm_fork()


def _graded(results: dict[str, Saved | None], task: Task, course: Course) -> Graded:
    saved = results[task.student]
    if saved is None:  # known by now, unless the batch was stopped
        saved = batch_judge.saved(task, batch_judge.failure(JUDGE_ENDED.format(how="its result is missing")))
    report = withheld.attach(format_json.report_from_document(saved.report), course.checks)
    return Graded(task.student, saved.submission, report)


def _write(out: Path, graded: list[Graded], names: list[str], course: str, name: str, show_hidden: bool) -> str:
    """Write every output, each file atomically and one at a time; the summary's text, for the
    terminal too."""
    feedback = out / batch_outputs.FEEDBACK
    feedback.mkdir(exist_ok=True)
    expected = {f"{batch_store.file_stem(entry.student)}.md" for entry in graded}
    for stale in feedback.glob("*.md"):  # a student no longer in the class, or renamed
        if stale.name not in expected:
            stale.unlink()
    batch_store.write_atomically(out / batch_outputs.GRADES, batch_outputs.grades_csv(graded, names))
    batch_store.write_atomically(out / batch_outputs.RESULTS, batch_outputs.results_json_parts(graded, course, names))
    batch_store.write_atomically(out / batch_outputs.SUMMARY, batch_outputs.summary_md(graded, course, name))
    for entry in graded:
        text = batch_outputs.feedback_md(entry, course, show_hidden)
        batch_store.write_atomically(feedback / f"{batch_store.file_stem(entry.student)}.md", text)
    return batch_outputs.summary_md(graded, course, name, most_checks=TERMINAL_CHECKS)
