"""Plain data between the sandbox and the judge: what crosses is rebuilt exactly, and nothing else
is, whatever the sandbox sends."""

from __future__ import annotations

import asyncio
import json
import math
import sys

import pytest

from grader import wire
from grader.errors import Deadlock
from grader.failures import plain_repr


def round_trip(value, refs=()):
    data = json.loads(json.dumps(wire.Encoder(refs).value(value)))
    return wire.Decoder(refs).value(data)


@pytest.mark.parametrize(
    "value",
    [None, True, 0, -7, 2.5, "text", b"\x00\xff", [1, [2]], (1,), {3, 1, 2}, frozenset({"a"}), {1: "a", (2, 3): [4]}],
)
def test_plain_values_come_back_equal_and_of_the_same_type(value):
    back = round_trip(value)
    assert back == value
    assert type(back) is type(value)


def test_infinite_and_not_a_number_floats_come_back():
    assert round_trip(float("inf")) == float("inf")
    assert math.isnan(round_trip(float("nan")))


def test_any_other_object_comes_back_as_an_opaque_with_its_type_and_a_repr_without_address():
    class Point:
        pass

    data = json.loads(json.dumps(wire.Encoder(describe=plain_repr).value(Point())))
    back = wire.Decoder().value(data)
    assert isinstance(back, wire.Opaque)
    assert back.is_a("Point")
    assert " at 0x" not in repr(back)


def test_a_coroutine_is_recognised_as_one():
    async def work():
        pass

    coroutine = work()
    try:
        assert wire.is_coroutine(round_trip(coroutine))
    finally:
        coroutine.close()


def test_a_repr_that_raises_or_exits_is_not_the_judges_problem():
    class Hostile:
        def __repr__(self):
            raise SystemExit("no")

    assert round_trip(Hostile()).text == "<Hostile>"


@pytest.mark.parametrize(
    "error", [ValueError("boom"), KeyError("k"), asyncio.TimeoutError(), asyncio.CancelledError(), Deadlock("stuck")]
)
def test_builtin_asyncio_and_kit_exceptions_come_back_as_their_own_class(error):
    back = round_trip(error)
    assert type(back) is type(error)
    assert back.args == error.args


def test_a_students_exception_class_comes_back_as_a_look_alike_of_its_nearest_builtin_base():
    class NotFound(LookupError):
        def __str__(self):
            return "custom words"

    back = round_trip(NotFound("x"))
    assert type(back).__name__ == "NotFound"
    assert isinstance(back, LookupError)
    assert str(back) == "custom words"


def test_a_kept_object_comes_back_as_that_very_object_even_inside_a_group():
    boom = ValueError("boom")
    assert round_trip(boom, refs=[boom]) is boom
    if sys.version_info >= (3, 11):
        group = round_trip(ExceptionGroup("two", [boom, KeyError("k")]), refs=[boom])  # noqa: F821
        assert group.exceptions[0] is boom


def test_frames_of_an_exception_travel_with_it():
    def inner():
        raise ValueError("x")

    try:
        inner()
    except ValueError as error:
        back = round_trip(error)
    assert [frame[2] for frame in back.__grader_frames__][-1] == "inner"


def test_nesting_is_bounded_and_deep_values_become_opaque():
    deep: list = []
    for _ in range(100):
        deep = [deep]
    back = round_trip(deep)
    depth = 0
    while isinstance(back, list):
        back, depth = back[0], depth + 1
    assert depth == wire.MAX_DEPTH
    assert isinstance(back, wire.Opaque)


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[]", b'{"version": 99}', json.dumps({"version": 1, "x": 1}).encode()[:-2]],
)
def test_a_message_that_is_not_of_this_version_is_refused(data):
    with pytest.raises(wire.BadMessage):
        wire.loads(data)


@pytest.mark.parametrize(
    "data", [{"ref": 5}, {"set": [[1]]}, {"dict": [[[1], 2]]}, {"made": "up"}, {"a": 1, "b": 2}, {"float": "1e999x"}]
)
def test_a_value_the_judge_cannot_rebuild_safely_is_refused(data):
    with pytest.raises(wire.BadMessage):
        wire.Decoder().value(data)
