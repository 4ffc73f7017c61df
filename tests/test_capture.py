"""TimelineWriter: printed output as lines stamped with the virtual time each one began."""

from __future__ import annotations

import codecs
import io
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator

import pytest

from grader import text
from grader.capture import MAX_LINE_CHARS, MAX_LINES, OUTPUT_LIMIT, FdCapture, OutputLimitExceeded, TimelineWriter
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


def test_a_line_longer_than_the_limit_is_cut_and_says_how_much_was_left_out(writer: TimelineWriter) -> None:
    writer.write("x" * (MAX_LINE_CHARS + 500) + "\n")
    assert texts(writer) == ["x" * MAX_LINE_CHARS + "… 500 more characters"]


def test_a_line_written_in_long_pieces_is_cut_once_finished(writer: TimelineWriter) -> None:
    writer.write("x" * 600)
    writer.write("y" * 600 + "\n")
    assert texts(writer) == ["x" * 600 + "y" * (MAX_LINE_CHARS - 600) + "… 200 more characters"]


def test_an_unfinished_last_line_is_cut_like_a_finished_one(writer: TimelineWriter) -> None:
    writer.write("x" * 600)
    writer.write("y" * 600)
    assert texts(writer) == ["x" * 600 + "y" * (MAX_LINE_CHARS - 600) + "… 200 more characters"]


def test_the_line_length_limit_is_the_one_reports_use() -> None:
    assert MAX_LINE_CHARS == text.MAX_LINE_CHARS == 1_000


@pytest.mark.parametrize("pieces", [1, 2, 7, 1_000, 1_001])
@pytest.mark.parametrize("length", [0, 1, MAX_LINE_CHARS - 1, MAX_LINE_CHARS, MAX_LINE_CHARS + 1, 3_456])
def test_a_line_is_kept_as_text_cap_cuts_it_however_it_was_written(length: int, pieces: int) -> None:
    line = "".join(chr(ord("a") + number % 26) for number in range(length))
    size = max(1, length // pieces)
    writer = TimelineWriter(lambda: 0.0)
    for start in range(0, length, size):
        writer.write(line[start : start + size])
    writer.write("\n")
    assert texts(writer) == [text.cap(line, MAX_LINE_CHARS)]


def test_the_text_is_kept_as_printed_not_escaped(writer: TimelineWriter) -> None:
    writer.write("\x1b[2J\x1b[H\r::error::forged\u2028\udcff\n")
    assert texts(writer) == ["\x1b[2J\x1b[H\r::error::forged\u2028\udcff"]


def test_a_single_write_of_30_mb_keeps_one_capped_line(writer: TimelineWriter) -> None:
    writer.write("x" * 30_000_000)
    assert texts(writer) == ["x" * MAX_LINE_CHARS + "… 29,999,000 more characters"]


def test_ten_thousand_lines_of_ten_thousand_characters_are_each_kept_capped(writer: TimelineWriter) -> None:
    line = "x" * 10_000
    for _ in range(10_000):
        print(line, file=writer)
    captured = texts(writer)
    assert len(captured) == 10_000
    assert set(captured) == {"x" * MAX_LINE_CHARS + "… 9,000 more characters"}


def test_thirty_million_newlines_in_one_write_stop_at_the_line_limit(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=5)
    with pytest.raises(OutputLimitExceeded):
        writer.write("\n" * 30_000_000)
    assert texts(writer) == [""] * 5


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


def test_it_has_the_attributes_of_the_real_stdout(writer: TimelineWriter) -> None:
    assert (writer.encoding, writer.errors, writer.name, writer.mode) == ("utf-8", "surrogateescape", "<stdout>", "w")
    assert (writer.line_buffering, writer.write_through, writer.newlines, writer.closed) == (False, False, None, False)
    assert not writer.seekable()
    assert repr(writer) == "<TimelineWriter name='<stdout>' mode='w' encoding='utf-8'>"


def test_it_takes_the_name_it_is_given(clock: VirtualClock) -> None:
    assert TimelineWriter(clock.time, name="<stderr>").name == "<stderr>"


def test_closing_it_does_nothing_so_later_prints_are_still_captured(writer: TimelineWriter) -> None:
    print("before", file=writer)
    writer.close()
    with writer:
        print("inside", file=writer)
    print("after", file=writer, flush=True)
    assert not writer.closed
    assert texts(writer) == ["before", "inside", "after"]


def test_without_a_file_descriptor_fileno_raises_as_string_io_does(writer: TimelineWriter) -> None:
    with pytest.raises(io.UnsupportedOperation) as expected:
        io.StringIO().fileno()
    with pytest.raises(io.UnsupportedOperation) as got:
        writer.fileno()
    with pytest.raises(io.UnsupportedOperation):
        writer.buffer.fileno()
    assert str(got.value) == str(expected.value)


def test_fileno_gives_the_file_descriptor_it_was_given(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, fd=2)
    assert writer.fileno() == writer.buffer.fileno() == 2


def test_detach_raises_unsupported_operation(writer: TimelineWriter) -> None:
    with pytest.raises(io.UnsupportedOperation):
        writer.detach()
    print("still here", file=writer)
    assert texts(writer) == ["still here"]


def test_reconfigure_to_utf_8_works_and_changes_nothing_captured(writer: TimelineWriter) -> None:
    writer.reconfigure(encoding="utf-8")
    print("héllo", file=writer)
    assert texts(writer) == ["héllo"]
    assert writer.encoding == "utf-8"


def test_reconfigure_takes_every_keyword_the_real_stdout_takes(writer: TimelineWriter) -> None:
    writer.reconfigure(encoding="utf-8", errors="replace", newline="\n", line_buffering=True, write_through=True)
    assert writer.line_buffering and writer.write_through
    writer.reconfigure(line_buffering=False)
    assert not writer.line_buffering and writer.write_through


def test_reconfigure_to_an_unknown_encoding_raises_lookup_error_as_python_does(writer: TimelineWriter) -> None:
    with pytest.raises(LookupError, match="unknown encoding: nope"):
        writer.reconfigure(encoding="nope")


@pytest.mark.parametrize(
    ("settings", "error"),
    [({"encoding": "rot13"}, LookupError), ({"newline": "x"}, ValueError), ({"colour": "red"}, TypeError)],
)
def test_reconfigure_refuses_what_the_real_stdout_refuses(
    writer: TimelineWriter, settings: dict[str, str], error: type[Exception]
) -> None:
    real = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with pytest.raises(error) as expected:
        real.reconfigure(**settings)  # type: ignore[arg-type]
    with pytest.raises(error) as got:
        writer.reconfigure(**settings)
    assert str(got.value) == str(expected.value)


def test_a_logging_handler_writing_to_it_makes_lines(writer: TimelineWriter) -> None:
    logger = logging.getLogger("tests.test_capture")
    handler = logging.StreamHandler(writer)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("first")
        logger.error("second")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    assert texts(writer) == ["WARNING first", "ERROR second"]


# -- sys.stdout.buffer ---------------------------------------------------------------------------------


def test_print_then_buffer_write_then_print_keep_their_order(writer: TimelineWriter, clock: VirtualClock) -> None:
    print("one", file=writer)
    clock.advance(1)
    assert writer.buffer.write(b"two\n") == 4
    clock.advance(1)
    print("three", file=writer)
    assert writer.lines() == [Line(0.0, "one"), Line(1.0, "two"), Line(2.0, "three")]


def test_bytes_and_text_may_share_a_line(writer: TimelineWriter) -> None:
    writer.write("a")
    writer.buffer.write(b"b")
    writer.write("c\n")
    assert texts(writer) == ["abc"]


def test_a_character_split_across_two_buffer_writes_comes_out_whole(writer: TimelineWriter) -> None:
    data = "café ☕\n".encode()
    writer.buffer.write(data[:4])  # "caf" and the first byte of "é"
    assert texts(writer) == ["caf"]
    writer.buffer.write(data[4:-2])  # the rest of "é", a space, and "☕" but its last byte
    writer.buffer.write(data[-2:])
    assert texts(writer) == ["café ☕"]


def test_bytes_that_are_not_utf_8_become_lone_surrogates_that_a_report_shows(writer: TimelineWriter) -> None:
    writer.buffer.write(b"bad \xff byte\n")
    assert texts(writer) == ["bad \udcff byte"]
    assert text.visible(texts(writer)[0]) == "bad \\udcff byte"


@pytest.mark.parametrize("data", [bytearray(b"ok\n"), memoryview(b"ok\n")])
def test_the_buffer_takes_any_bytes_like_object(writer: TimelineWriter, data: bytes) -> None:
    assert writer.buffer.write(data) == 3
    assert texts(writer) == ["ok"]


@pytest.mark.parametrize("value", ["text", 42, None])
def test_the_buffer_refuses_anything_else_as_the_real_one_does(writer: TimelineWriter, value: object) -> None:
    real = io.BufferedWriter(io.BytesIO())
    with pytest.raises(TypeError) as expected:
        real.write(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError) as got:
        writer.buffer.write(value)
    assert str(got.value) == str(expected.value)
    assert writer.lines() == []


def test_the_buffer_looks_like_a_writable_binary_stream(writer: TimelineWriter) -> None:
    buffer = writer.buffer
    assert isinstance(buffer, io.BufferedIOBase)
    assert buffer is writer.buffer
    assert buffer.writable() and not buffer.readable() and not buffer.seekable() and not buffer.isatty()
    assert (buffer.name, buffer.mode, buffer.closed) == ("<stdout>", "wb", False)
    buffer.flush()
    buffer.close()
    assert buffer.raw.write(b"raw\n") == 4
    assert texts(writer) == ["raw"]


def test_a_text_wrapper_around_the_buffer_writes_into_the_timeline(writer: TimelineWriter) -> None:
    wrapper = io.TextIOWrapper(writer.buffer, encoding="utf-8", line_buffering=True)
    print("wrapped ✓", file=wrapper)
    wrapper.close()  # closes the buffer too, which must not stop the timeline
    print("plain", file=writer)
    assert texts(writer) == ["wrapped ✓", "plain"]


def test_a_codecs_writer_around_the_buffer_writes_into_the_timeline(writer: TimelineWriter) -> None:
    codecs.getwriter("utf-8")(writer.buffer).write("ünïcode\n")
    assert texts(writer) == ["ünïcode"]


def test_lines_written_as_bytes_count_towards_the_line_limit(clock: VirtualClock) -> None:
    writer = TimelineWriter(clock.time, max_lines=2)
    with pytest.raises(OutputLimitExceeded):
        writer.buffer.write(b"a\nb\nc\n")
    assert texts(writer) == ["a", "b"]
    assert writer.overflowed


# -- output written to a file descriptor ---------------------------------------------------------------


@pytest.fixture
def fd() -> Iterator[int]:
    with tempfile.TemporaryFile() as file:
        yield file.fileno()


def test_os_write_then_drain_gives_lines_stamped_with_the_time_of_the_drain(
    fd: int, writer: TimelineWriter, clock: VirtualClock
) -> None:
    capture = FdCapture(fd, writer)
    os.write(fd, b"low\nlevel\n")
    clock.advance(2)
    capture.drain()
    assert writer.lines() == [Line(2.0, "low"), Line(2.0, "level")]


def test_each_drain_adds_only_what_was_written_since_the_last(
    fd: int, writer: TimelineWriter, clock: VirtualClock
) -> None:
    capture = FdCapture(fd, writer)
    os.write(fd, b"first\nhalf")
    capture.drain()
    clock.advance(1)
    os.write(fd, b" done\nsecond\n")
    capture.drain()
    capture.drain()
    assert writer.lines() == [Line(0.0, "first"), Line(0.0, "half done"), Line(1.0, "second")]


def test_a_drain_with_nothing_new_reads_once_and_adds_nothing(
    fd: int, writer: TimelineWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    capture = FdCapture(fd, writer)
    os.write(fd, b"once\n")
    capture.drain()
    reads: list[int] = []
    real_pread = os.pread
    monkeypatch.setattr(os, "pread", lambda *arguments: reads.append(1) or real_pread(*arguments))
    capture.drain()
    assert len(reads) == 1
    assert texts(writer) == ["once"]


def test_fd_output_and_printed_output_share_one_timeline(fd: int, writer: TimelineWriter, clock: VirtualClock) -> None:
    capture = FdCapture(fd, writer)
    print("printed", file=writer)
    os.write(fd, b"from C\n")
    clock.advance(1)
    capture.drain()
    print("printed again", file=writer)
    assert writer.lines() == [Line(0.0, "printed"), Line(1.0, "from C"), Line(1.0, "printed again")]


def test_a_character_split_across_two_drains_comes_out_whole(fd: int, writer: TimelineWriter) -> None:
    capture = FdCapture(fd, writer)
    os.write(fd, b"caf\xc3")
    capture.drain()
    writer.buffer.write(b"\xa9")  # the program's own bytes do not complete the fd's character
    os.write(fd, b"\xa9\n")
    capture.drain()
    assert texts(writer) == ["caf\udca9é"]


def test_a_child_process_writing_to_the_file_descriptor_is_captured(fd: int, writer: TimelineWriter) -> None:
    subprocess.run([sys.executable, "-c", "print('from a child')"], stdout=fd, check=True, timeout=60)
    FdCapture(fd, writer).drain()
    assert texts(writer) == ["from a child"]


def test_bytes_past_the_limit_are_ignored_and_no_longer_read(
    fd: int, writer: TimelineWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    capture = FdCapture(fd, writer, limit=10)
    os.write(fd, b"0123456\n89abcdef\n")
    capture.drain()
    assert texts(writer) == ["0123456", "89"]
    monkeypatch.setattr(os, "pread", lambda *arguments: pytest.fail("read past the limit"))
    os.write(fd, b"more\n")
    capture.drain()
    assert texts(writer) == ["0123456", "89"]


def test_more_than_one_read_of_output_is_drained_at_once(fd: int, writer: TimelineWriter) -> None:
    os.write(fd, ("y" * 999 + "\n").encode() * 3_000)  # 3 MB: more than one read
    FdCapture(fd, writer, limit=2_000_000).drain()
    assert texts(writer) == ["y" * 999] * 2_000


def test_a_drain_past_the_line_limit_raises_as_a_print_would_and_reads_nothing_twice(
    fd: int, clock: VirtualClock
) -> None:
    writer = TimelineWriter(clock.time, max_lines=2)
    capture = FdCapture(fd, writer)
    os.write(fd, b"a\nb\nc\n")
    with pytest.raises(OutputLimitExceeded):
        capture.drain()
    capture.drain()
    assert texts(writer) == ["a", "b"]
    assert writer.overflowed
