"""Errors in what the user asked for: shown as one line, exit status 2 (as click does)."""

from __future__ import annotations

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    exit_code = EXIT_USAGE

    def format_message(self) -> str:
        return str(self)
