"""The package's own surface."""

import grader
import grader.api


def test_the_lazy_api_names_are_exactly_those_of_grader_api():
    assert grader.API == set(grader.api.__all__)


def test_every_api_name_is_reachable_from_the_package():
    for name in grader.API:
        assert getattr(grader, name) is getattr(grader.api, name)
