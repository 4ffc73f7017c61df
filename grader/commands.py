"""The commands ``grade`` has besides grading: ``grade list``, and later ones.

Adding one is a module that makes a ``Command`` and one entry here. A word here can never be an
exercise's name (the catalog refuses such a check file), and ``grade WORD`` runs the command.
"""

from __future__ import annotations

from . import batch, listing, release
from .command import Command

COMMANDS: dict[str, Command] = {command.name: command for command in [listing.COMMAND, release.COMMAND, batch.COMMAND]}


def summaries() -> dict[str, str]:
    return {name: command.summary for name, command in COMMANDS.items()}
