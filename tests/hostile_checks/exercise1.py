"""Hostile submissions"""

from grader import check


@check(points=1)
def test_main_runs(student, run):
    """main() runs to the end"""
    run(student.main)


@check(points=1)
def test_a_later_check_still_runs(student_path):
    """a check after the hostile one still runs"""
    assert student_path.name == "exercise1.py"
