# hostile: patches the grader and pytest in its own process (every result "passed", every check's
# code replaced), then prints nothing useful: the judge, in another process, must not care
import _pytest.reports

import grader.results

original = _pytest.reports.TestReport.from_item_and_call


def passed(item, call):
    report = original(item, call)
    report.outcome = "passed"
    return report


_pytest.reports.TestReport.from_item_and_call = staticmethod(passed)
grader.results.CheckResult.passed = property(lambda self: True)
grader.results.Report.full_marks = property(lambda self: True)


async def main() -> None:
    print("patched")
