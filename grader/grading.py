"""The student's command: ``grade exercise3``, ``grade 3``, ``grade all`` (or bare ``grade``).

It grades the chosen exercises of one submission and renders the report in the chosen format.
"""

from __future__ import annotations

import argparse

from . import arguments, format_classroom, session, withheld
from .catalog import resolve
from .command import Command, Context, Outcome
from .render_report import RenderOptions, render
from .results import Report
from .usage import EXIT_FAILED, EXIT_PASSED

SUMMARY = "grade exercises on a virtual clock: nothing really sleeps"
EXIT_STATUS = "Exit status: 0 all checks passed, 1 some failed, 2 usage error."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", nargs="*", help="exercise3, 3, or all (the default)")
    arguments.add_submission(parser)
    arguments.add_timeout(parser)
    arguments.add_report(parser)


def run(context: Context) -> Outcome:
    options = context.options
    chosen = resolve(options.exercise, context.exercises(), context.commands)
    folder = arguments.submission_folder(options, context.course)
    timeout = arguments.timeout(options)
    output = arguments.output_file(options)
    classroom = options.format == format_classroom.CLASSROOM
    def grade() -> Report:
        return withheld.attach(session.grade(chosen, session.Settings(folder, timeout)), context.course.checks)

    # Under Classroom, a broken withheld.json too is a result that says so, never no result.
    report = format_classroom.guarded(grade) if classroom else grade()
    render_options = RenderOptions(color=arguments.use_color(options))
    text = render(report, options.format, render_options, show_hidden=options.show_hidden)
    if classroom and format_classroom.github_output():
        # In GitHub Actions, Classroom reads the points from the step's output; the job log,
        # which is what the student reads, gets the text report.
        format_classroom.publish(text)
        text = render(report, "text", render_options, show_hidden=options.show_hidden)
    return Outcome(text, EXIT_PASSED if report.full_marks else EXIT_FAILED, output)


COMMAND = Command("grade", SUMMARY, add_arguments, run, EXIT_STATUS)
