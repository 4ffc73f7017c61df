# forgery: pytest.xfail() and unittest.SkipTest from student code are the student's, not a check's
import unittest

import pytest


async def main() -> None:
    try:
        pytest.xfail("no")
    finally:
        raise unittest.SkipTest("no")
