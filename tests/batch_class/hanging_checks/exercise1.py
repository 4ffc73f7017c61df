"""A check that never ends: it hangs the judge itself, as a broken check module could"""

import threading

from grader import check


@check(points=1)
def test_never_ends(student):
    """waits for an event nobody sets"""
    threading.Event().wait()
