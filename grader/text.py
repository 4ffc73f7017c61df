"""Student text made safe to show: control characters escaped, lengths capped.

Whatever a student prints may end up in a report read on a terminal or in a CI log, where an
escape sequence could clear the screen and a carriage return or line separator could start a
line of its own (``::error::``, ``::notice``) that the CI would take as a command. So such text
is shown, never interpreted.
"""

from __future__ import annotations

import re

MAX_LINE_CHARS = 1_000
MAX_MESSAGE_CHARS = 20_000

MORE_CHARACTERS = "… {count:,} more characters"
ONE_MORE_CHARACTER = "… 1 more character"

# Every character of Unicode category Cc, Cf, Zl or Zp, and the surrogates (Cs), as ranges of
# code points. Written out rather than derived from unicodedata, which would mean scanning all
# 1.1 M code points (a quarter of a second) at import: this is the union over the Unicode
# versions of Python 3.10 to 3.13 (13.0 to 15.1), and a test checks it against the running one.
_NEWLINE = 0x0A
_CONTROLS = (
    (0x0000, 0x0008),
    (0x000B, 0x001F),  # C0 controls but tab and newline, which are handled on their own
    (0x007F, 0x009F),  # DEL and the C1 controls, NEL (U+0085) among them
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),  # zero-width characters and the left-to-right and right-to-left marks
    (0x2028, 0x202E),  # line and paragraph separators, bidi embeddings and overrides
    (0x2060, 0x2064),
    (0x2066, 0x206F),  # bidi isolates
    (0xD800, 0xDFFF),  # surrogates: alone, they cannot be encoded as UTF-8
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),  # tag characters, invisible
)
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(code: int) -> str:
    """The escape Python's repr() would write: ``\\x1b``, ``\\r``, ``\\u2028``, ``\\U000e0001``."""
    if chr(code) in _NAMED:
        return _NAMED[chr(code)]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _pattern(ranges: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    # The regex engine tests a class of characters below U+10000 against a bitmap, but one that
    # reaches beyond against each range in turn, three times slower. So the class takes every
    # character beyond, and the escaping leaves those that are not controls (emoji...) alone.
    # Written [c][c]* rather than [c]+: the engine finds where the first begins twice as fast.
    # Whole runs, so that a long run of controls costs one call, not one a character.
    below = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges if high <= 0xFFFF)
    unsafe = f"[{below}\\U00010000-\\U0010ffff]"
    return re.compile(unsafe + unsafe + "*")


_ESCAPES = {code: _escape(code) for low, high in (*_CONTROLS, (_NEWLINE, _NEWLINE)) for code in range(low, high + 1)}
_UNSAFE = _pattern(_CONTROLS)
_UNSAFE_OR_NEWLINE = _pattern((*_CONTROLS, (_NEWLINE, _NEWLINE)))


def _escape_run(match: re.Match[str]) -> str:
    return match.group().translate(_ESCAPES)


def visible(text: str, newlines: bool = False) -> str:
    """``text`` with every control character shown as a backslash escape instead of acting.

    Characters of category Cc, Cf, Zl and Zp (escape, carriage return, NEL, U+2028, zero-width
    and bidi controls...) and lone surrogates (from bytes that were not UTF-8) become escapes
    such as ``\\x1b``, ``\\r``, ``\\u2028``, ``\\udcff``. A tab stays; a newline stays only with
    ``newlines=True``. The result always encodes as UTF-8.
    """
    if text.isprintable():  # the usual line, with no control at all: checked in C, three times faster
        return text
    return (_UNSAFE if newlines else _UNSAFE_OR_NEWLINE).sub(_escape_run, text)


def more_characters(count: int) -> str:
    """The note that ends text cut short: ``… 29,999,000 more characters``."""
    return ONE_MORE_CHARACTER if count == 1 else MORE_CHARACTERS.format(count=count)


def cap(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, then how many more there were; ``text`` itself when not longer."""
    if len(text) <= limit:
        return text
    return text[:limit] + more_characters(len(text) - limit)
