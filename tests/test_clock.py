"""The virtual clock: integer ticks that only move forward, and only when told to."""

from __future__ import annotations

import doctest
import math

import pytest

import grader.clock
from grader.clock import TICKS_PER_SECOND, VirtualClock, to_ticks


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def moves(clock: VirtualClock) -> list[int]:
    """Every tick count the clock's listeners were told about, in order."""
    seen: list[int] = []
    clock.on_change(seen.append)
    return seen


# -- ticks ------------------------------------------------------------------------------


def test_a_new_clock_reads_zero_ticks_and_zero_seconds(clock: VirtualClock) -> None:
    assert clock.ticks == 0
    assert clock.time() == 0.0


def test_a_tick_is_one_nanosecond() -> None:
    assert TICKS_PER_SECOND == 1_000_000_000
    assert to_ticks(1) == 1_000_000_000
    assert to_ticks(1e-9) == 1


def test_durations_round_to_the_nearest_whole_tick() -> None:
    assert to_ticks(0.3) == 300_000_000
    assert to_ticks(1e-10) == 0
    assert to_ticks(6e-10) == 1
    assert to_ticks(2.0000000004) == 2_000_000_000
    assert to_ticks(2.0000000006) == 2_000_000_001


def test_the_clock_counts_time_in_whole_integer_ticks(clock: VirtualClock) -> None:
    clock.advance(0.1)
    assert clock.ticks == 100_000_000
    assert type(clock.ticks) is int


def test_one_tenth_plus_two_tenths_reads_exactly_three_tenths(clock: VirtualClock) -> None:
    assert 0.1 + 0.2 != 0.3  # what a float clock would read
    clock.advance(0.1)
    clock.advance(0.2)
    assert clock.time() == 0.3


def test_sleeps_of_one_two_and_three_tenths_add_up_to_exactly_six_tenths(clock: VirtualClock) -> None:
    for seconds in (0.1, 0.2, 0.3):
        clock.advance(seconds)
    assert clock.time() == 0.6


def test_ten_steps_of_one_tenth_read_exactly_one_second(clock: VirtualClock) -> None:
    for _ in range(10):
        clock.advance(0.1)
    assert clock.time() == 1.0
    assert clock.ticks == TICKS_PER_SECOND


def test_a_hundred_thousand_steps_of_ten_microseconds_read_exactly_one_second(clock: VirtualClock) -> None:
    for _ in range(100_000):
        clock.advance(1e-5)
    assert clock.time() == 1.0


def test_the_clock_docstring_example_holds() -> None:
    failed, attempted = doctest.testmod(grader.clock)
    assert attempted > 0
    assert failed == 0


# -- only forward -----------------------------------------------------------------------


def test_advancing_by_a_negative_duration_says_time_cant_go_backwards(clock: VirtualClock) -> None:
    clock.advance(1)
    with pytest.raises(ValueError, match="time can't go backwards") as info:
        clock.advance(-0.5)
    assert "-0.5" in str(info.value)  # the rejected value is shown
    assert clock.time() == 1.0


def test_advancing_by_minus_infinity_says_time_cant_go_backwards(clock: VirtualClock) -> None:
    with pytest.raises(ValueError, match="time can't go backwards"):
        clock.advance(-math.inf)
    assert clock.ticks == 0


def test_advancing_by_nan_is_refused_and_leaves_the_clock_alone(clock: VirtualClock, moves: list[int]) -> None:
    with pytest.raises(ValueError, match="nan"):
        clock.advance(math.nan)
    assert clock.ticks == 0
    assert moves == []


def test_advancing_by_infinity_is_refused_and_leaves_the_clock_alone(clock: VirtualClock, moves: list[int]) -> None:
    with pytest.raises(ValueError, match="infinite"):
        clock.advance(math.inf)
    assert clock.ticks == 0
    assert moves == []


@pytest.mark.parametrize("instant", [math.inf, -math.inf, math.nan])
def test_moving_the_clock_to_a_non_finite_instant_is_refused(clock: VirtualClock, instant: float) -> None:
    with pytest.raises(ValueError, match="can't move the clock to"):
        clock.advance_to(instant)
    assert clock.ticks == 0


def test_advance_to_moves_the_clock_to_that_instant(clock: VirtualClock) -> None:
    clock.advance_to(2.5)
    assert clock.time() == 2.5
    clock.advance_to(7)
    assert clock.time() == 7.0


def test_advance_to_an_instant_already_past_is_ignored(clock: VirtualClock, moves: list[int]) -> None:
    clock.advance(5)
    clock.advance_to(3)
    assert clock.time() == 5.0
    assert moves == [5 * TICKS_PER_SECOND]


def test_advance_to_a_negative_instant_is_ignored_not_an_error(clock: VirtualClock) -> None:
    clock.advance_to(-1)
    assert clock.ticks == 0


# -- listeners --------------------------------------------------------------------------


def test_listeners_hear_the_new_tick_count_each_time_the_clock_moves(clock: VirtualClock, moves: list[int]) -> None:
    clock.advance(1)
    clock.advance_to(2.5)
    assert moves == [1_000_000_000, 2_500_000_000]


def test_listeners_are_not_called_when_the_clock_does_not_move(clock: VirtualClock, moves: list[int]) -> None:
    clock.advance(1)
    clock.advance(0)
    clock.advance(1e-10)  # less than half a tick
    clock.advance_to(1)
    clock.advance_to(0.5)
    assert moves == [1_000_000_000]


def test_every_listener_is_called_in_the_order_it_was_added(clock: VirtualClock) -> None:
    calls: list[tuple[str, int]] = []
    clock.on_change(lambda ticks: calls.append(("first", ticks)))
    clock.on_change(lambda ticks: calls.append(("second", ticks)))
    clock.advance(0.25)
    assert calls == [("first", 250_000_000), ("second", 250_000_000)]


def test_a_listener_sees_the_clock_already_moved(clock: VirtualClock) -> None:
    seen: list[float] = []
    clock.on_change(lambda ticks: seen.append(clock.time()))
    clock.advance(3)
    assert seen == [3.0]


def test_a_listener_taken_off_is_not_called_again(clock: VirtualClock) -> None:
    seen: list[int] = []
    clock.on_change(seen.append)
    clock.advance(1)
    clock.off_change(seen.append)
    clock.advance(1)
    assert seen == [TICKS_PER_SECOND]


def test_taking_off_a_listener_that_was_never_added_is_ignored(clock: VirtualClock, moves: list[int]) -> None:
    clock.off_change(print)
    clock.advance(1)
    assert moves == [TICKS_PER_SECOND]


def test_a_listener_may_take_itself_off_while_the_clock_tells_the_others(clock: VirtualClock) -> None:
    calls: list[str] = []

    def once(ticks: int) -> None:
        calls.append("once")
        clock.off_change(once)

    clock.on_change(once)
    clock.on_change(lambda ticks: calls.append("always"))
    clock.advance(1)
    clock.advance(1)
    assert calls == ["once", "always", "always"]


# -- whole ticks --------------------------------------------------------------------------


def test_advance_to_ticks_moves_the_clock_to_that_tick_count(clock: VirtualClock, moves: list[int]) -> None:
    clock.advance_to_ticks(1_500_000_001)
    assert (clock.ticks, clock.time()) == (1_500_000_001, 1.500000001)
    assert moves == [1_500_000_001]


def test_advance_to_ticks_ignores_a_tick_count_already_past(clock: VirtualClock, moves: list[int]) -> None:
    clock.advance(2)
    clock.advance_to_ticks(TICKS_PER_SECOND)
    clock.advance_to_ticks(2 * TICKS_PER_SECOND)
    assert clock.time() == 2.0
    assert moves == [2 * TICKS_PER_SECOND]


def test_the_time_in_seconds_always_agrees_with_the_ticks(clock: VirtualClock) -> None:
    for seconds in (0.1, 1e-9, 3600, 0.3):
        clock.advance(seconds)
        assert clock.time() == clock.ticks / TICKS_PER_SECOND
