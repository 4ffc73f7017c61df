"""Student text made safe to show: control characters escaped, lengths capped."""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from functools import cache

import pytest

from grader.text import MAX_LINE_CHARS, MAX_MESSAGE_CHARS, cap, more_characters, visible

CONTROL_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


@cache
def characters_by_category() -> dict[str, str]:
    """Every code point of this Python's Unicode database, by category (a third of a second: once)."""
    found: dict[str, list[str]] = defaultdict(list)
    for code in range(sys.maxunicode + 1):
        found[unicodedata.category(chr(code))].append(chr(code))
    return {category: "".join(characters) for category, characters in found.items()}


def characters_of(categories: set[str]) -> str:
    return "".join(text for category, text in characters_by_category().items() if category in categories)


# -- visible: what a hostile student would print ---------------------------------------------------


@pytest.mark.parametrize(
    ("attack", "shown"),
    [
        ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),  # clear the screen, cursor home
        ("\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07"),
        ("all passed\r::error::forged", "all passed\\r::error::forged"),
        ("a\vb\fc", "a\\x0bb\\x0cc"),
        ("x\u2028::notice title=Score::10/10", "x\\u2028::notice title=Score::10/10"),
        ("x\u2029::notice::", "x\\u2029::notice::"),
        ("x\x85::notice::", "x\\x85::notice::"),
        ("fake\n::error::forged", "fake\\n::error::forged"),
        ("nul\x00del\x7f", "nul\\x00del\\x7f"),
        ("bad \udcff byte", "bad \\udcff byte"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("\u202eevil\u202c \u2066isolate\u2069", "\\u202eevil\\u202c \\u2066isolate\\u2069"),
        ("tag\U000e0001\U000e0041", "tag\\U000e0001\\U000e0041"),
        ("soft\xadhyphen", "soft\\xadhyphen"),
    ],
)
def test_control_characters_are_shown_as_escapes_never_interpreted(attack: str, shown: str) -> None:
    assert visible(attack) == shown


def test_an_escape_reads_as_pythons_repr_writes_it() -> None:
    for character in "\x1b\r\x0b\x0c\x00\x85\u2028\u2029\udcff\u200b\u202e\U000e0001":
        assert visible(character) == repr(character)[1:-1]


def test_a_tab_stays_a_tab() -> None:
    assert visible("name\tscore") == "name\tscore"


def test_a_newline_stays_only_when_asked_for() -> None:
    assert visible("one\ntwo") == "one\\ntwo"
    assert visible("one\ntwo", newlines=True) == "one\ntwo"


def test_with_newlines_kept_a_carriage_return_is_still_shown() -> None:
    assert visible("one\r\n::error::two\n", newlines=True) == "one\\r\n::error::two\n"


@pytest.mark.parametrize("text", ["", "plain ascii", "héllo 日本語 🚀 ½ ❤️ e\u0301", "non\u00a0breaking\u3000space"])
def test_printable_text_is_unchanged(text: str) -> None:
    assert visible(text) == text
    assert visible(text, newlines=True) == text


def test_the_result_always_encodes_as_utf_8() -> None:
    hostile = "\udcff\ud800x\udfff\x1b\u2028" + "".join(chr(code) for code in range(0xD800, 0xE000))
    shown = visible(hostile)
    assert shown.encode("utf-8").decode("utf-8") == shown
    assert shown.isascii()


def test_a_long_run_of_controls_is_escaped_whole() -> None:
    assert visible("\x1b" * 100_000) == "\\x1b" * 100_000


def test_a_30_mb_ascii_string_with_nothing_to_escape_comes_back_the_same() -> None:
    text = "x" * 30_000_000
    assert visible(text) == text


def test_every_control_character_of_this_pythons_unicode_is_escaped() -> None:
    controls = characters_of(CONTROL_CATEGORIES).replace("\t", "") + characters_of({"Cs"})
    for character in controls:
        assert visible(character) == repr(character)[1:-1], f"U+{ord(character):04X}"


def test_no_other_assigned_character_is_escaped() -> None:
    # Characters the table escapes that a newer Unicode made controls are unassigned (Cn) in an older one.
    others = characters_of(set(characters_by_category()) - CONTROL_CATEGORIES - {"Cs", "Cn"}) + "\t"
    assert len(others) > 100_000
    assert visible(others) == others


# -- cap ---------------------------------------------------------------------------------------------


def test_the_limits_are_a_thousand_characters_a_line_and_twenty_thousand_a_message() -> None:
    assert (MAX_LINE_CHARS, MAX_MESSAGE_CHARS) == (1_000, 20_000)


@pytest.mark.parametrize("text", ["", "abc", "x" * MAX_LINE_CHARS])
def test_text_no_longer_than_the_limit_is_unchanged(text: str) -> None:
    assert cap(text, MAX_LINE_CHARS) is text


def test_longer_text_is_cut_and_says_how_much_was_left_out() -> None:
    assert cap("abcdef", 3) == "abc… 3 more characters"


def test_one_character_left_out_is_said_in_the_singular() -> None:
    assert cap("abcd", 3) == "abc… 1 more character"
    assert more_characters(1) == "… 1 more character"


def test_a_30_mb_string_is_cut_with_the_count_in_thousands() -> None:
    assert cap("x" * 30_000_000, MAX_LINE_CHARS) == "x" * MAX_LINE_CHARS + "… 29,999,000 more characters"


def test_a_limit_of_zero_keeps_only_the_count() -> None:
    assert cap("hello", 0) == "… 5 more characters"


def test_capped_then_made_visible_the_note_survives_and_the_controls_do_not() -> None:
    shown = visible(cap("\x1b[2J" * 1_000, 8))
    assert shown == "\\x1b[2J\\x1b[2J… 3,992 more characters"
