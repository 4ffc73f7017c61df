"""TimelineWriter: printed output as lines stamped with the virtual time each one began."""

from __future__ import annotations

import io
import threading

import pytest

from grader.capture import MAX_LINE_CHARS, MAX_LINES, OUTPUT_LIMIT, OutputLimitExceeded, TimelineWriter
from grader.clock import VirtualClock
from grader.errors import LoopProblem
from grader.timeline import Line


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def writer(clock: VirtualClock) -> TimelineWriter:
    return TimelineWriter(clock.time)


def texts(writer: TimelineWriter) -> list[str]:
    return [line.text for line in writer.lines()]


# -- splitting into lines ----------------------------------------------------------------------


def test_a_new_writer_has_no_lines(writer: TimelineWriter) -> None:
    assert writer.lines() == []
    assert not writer.overflowed


def test_one_write_with_several_newlines_makes_several_lines(writer: TimelineWriter) -> None:
    writer.write("one\ntwo\nthree\n")
    assert writer.lines() == [Line(0.0, "one"), Line(0.0, "two"), Line(0.0, "three")]


def test_write_returns_the_number_of_characters_written(writer: TimelineWriter) -> None:
    assert writer.write("héllo\n") == 6
    assert writer.write("") == 0


def test_a_lone_newline_makes_an_empty_line(writer: TimelineWriter) -> None:
    writer.write("\n")
    writer.write("a\n\nb\n")
    assert texts(writer) == ["", "a", "", "b"]


def test_an_empty_write_makes_no_line(writer: TimelineWriter) -> None:
    writer.write("")
    assert writer.lines() == []


def test_the_last_line_without_a_newline_is_kept_as_a_partial_line(writer: TimelineWriter) -> None:
    writer.write("done\nhalf")
    assert writer.lines() == [Line(0.0, "done"), Line(0.0, "half")]


def test_a_partial_line_is_finished_by_a_later_write(writer: TimelineWriter, clock: VirtualClock) -> None:
    writer.write("half")
    assert texts(writer) == ["half"]
    clock.advance(1)
    writer.write(" and half\n")
    assert writer.lines() == [Line(0.0, "half and half")]


def test_reading_the_lines_does_not_finish_the_partial_line(writer: TimelineWriter) -> None:
    writer.write("a")
    writer.lines()
    writer.write("b\n")
    assert texts(writer) == ["ab"]


def test_lines_returns_a_copy_the_caller_may_change(writer: TimelineWriter) -> None:
    writer.write("kept\n")
    writer.lines().clear()
    assert texts(writer) == ["kept"]


def test_writelines_and_print_go_through_write(writer: TimelineWriter) -> None:
    writer.writelines(["a\n", "b", "c\n"])
    print("x", 2, sep="=", file=writer)
    print("no end", end="", file=writer)
    assert texts(writer) == ["a", "bc", "x=2", "no end"]


def test_a_carriage_return_is_kept_as_text_not_a_line_break(writer: TimelineWriter) -> None:
    writer.write("50%\r100%\n")
    assert texts(writer) == ["50%\r100%"]


# -- time stamps --------------------------------------------------------------------------------


def test_each_line_is_stamped_with_the_time_it_began(writer: TimelineWriter, clock: VirtualClock) -> None:
    writer.write("tick")
    clock.advance(0.5)
    writer.write(" tock\nnext")
    clock.advance(0.25)
    writer.write(" line\n")
    clock.advance(1)
    writer.write("\n")
    assert writer.lines() == [Line(0.0, "tick tock"), Line(0.5, "next line"), Line(1.75, "")]


def test_the_stamp_is_the_clocks_time_not_the_writers_own() -> None:
    times = iter([3.0, 7.0])
    writer = TimelineWriter(lambda: next(times))
    writer.write("a\nb\n")
    assert writer.lines() == [Line(3.0, "a"), Line(7.0, "b")]


def test_lines_from_several_threads_are_each_kept_whole(writer: TimelineWriter) -> None:
    def write_lines(name: str) -> None:
        for number in range(200):
            writer.write(f"{name} {number}\n")

    threads = [threading.Thread(target=write_lines, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(texts(writer)) == sorted(f"{name} {number}" for name in "abcd" for number in range(200))


# -- limits ---------------------------------------------------------------------------------------


def test_the_default_limit_is_ten_thousand_lines() -> None:
    assert MAX_LINES == 10_000
    writer = TimelineWriter(lambda: 0.0)
    writer.write("x\n" * MAX_LINES)
    assert len(writer.lines()) == MAX_LINES
    with pytest.raises(OutputLimitExceeded):
        writer.write("one too many\n")


def test_printing_exactly_the_line_limit_is_allowed(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=3)
    writer.write("a\nb\nc\n")
    assert texts(writer) == ["a", "b", "c"]
    assert not writer.overflowed


def test_starting_a_line_past_the_limit_raises_output_limit_exceeded(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=3)
    writer.write("a\nb\nc\n")
    with pytest.raises(OutputLimitExceeded) as info:
        writer.write("d")
    assert str(info.value) == OUTPUT_LIMIT.format(limit=3)
    assert info.value.message == "printed more than 3 lines; the grader stopped the program there"
    assert writer.overflowed
    assert texts(writer) == ["a", "b", "c"]


def test_an_empty_line_past_the_limit_counts_too(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=2)
    writer.write("a\nb\n")
    with pytest.raises(OutputLimitExceeded):
        writer.write("\n")
    assert texts(writer) == ["a", "b"]


def test_one_write_of_many_lines_stops_at_the_limit(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=5)
    with pytest.raises(OutputLimitExceeded):
        writer.write("".join(f"{number}\n" for number in range(100)))
    assert texts(writer) == ["0", "1", "2", "3", "4"]
    assert writer.overflowed


def test_a_partial_line_within_the_limit_may_be_finished(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=2)
    writer.write("a\nb")
    writer.write("c\n")
    assert texts(writer) == ["a", "bc"]
    assert not writer.overflowed


def test_output_limit_exceeded_is_a_loop_problem_that_except_exception_cannot_swallow() -> None:
    assert issubclass(OutputLimitExceeded, LoopProblem)
    assert not issubclass(OutputLimitExceeded, Exception)


def test_a_line_longer_than_the_limit_is_cut(writer: TimelineWriter) -> None:
    writer.write("x" * (MAX_LINE_CHARS + 500) + "\n")
    assert texts(writer) == ["x" * MAX_LINE_CHARS]


def test_a_line_written_in_long_pieces_is_cut_once_finished(writer: TimelineWriter) -> None:
    writer.write("x" * 6_000)
    writer.write("y" * 6_000 + "\n")
    assert texts(writer) == ["x" * 6_000 + "y" * (MAX_LINE_CHARS - 6_000)]


def test_an_unfinished_last_line_is_cut_like_a_finished_one(writer: TimelineWriter) -> None:
    writer.write("x" * 6_000)
    writer.write("y" * 6_000)
    [line] = writer.lines()
    assert len(line.text) == MAX_LINE_CHARS


# -- a stand-in for sys.stdout -----------------------------------------------------------------------


@pytest.mark.parametrize("value", [b"bytes", 42, None, ["a list"]])
def test_writing_anything_but_str_raises_type_error(writer: TimelineWriter, value: object) -> None:
    with pytest.raises(TypeError, match=f"write\\(\\) argument must be str, not {type(value).__name__}"):
        writer.write(value)  # type: ignore[arg-type]
    assert writer.lines() == []


def test_the_type_error_reads_as_the_real_stdouts_does(writer: TimelineWriter) -> None:
    real = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with pytest.raises(TypeError) as expected:
        real.write(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError) as got:
        writer.write(b"bytes")  # type: ignore[arg-type]
    assert str(got.value) == str(expected.value)


def test_it_looks_like_a_writable_text_stream(writer: TimelineWriter) -> None:
    assert writer.writable()
    assert not writer.readable()
    assert not writer.isatty()
    assert writer.encoding == "utf-8"
    assert isinstance(writer, io.TextIOBase)
    writer.flush()  # print(..., flush=True) must work
