"""Objects a check makes before the student's code runs and reads after it: filled in the sandbox,
copied back into the judge.

The sandbox is a fork of the judge, so it holds a copy of every object the check made before
the run, in the same order. Those that derive from :class:`Observed` are registered as they
are made; after the run the sandbox sends each one's :meth:`~Observed.observation`, and the
judge applies it to its own object with :meth:`~Observed.restore`. ``keep(obj)`` marks an
object (a check's own exception, say) that should come back as that very object.
"""

from __future__ import annotations

from typing import Any

from .wire import Decoder, Encoder

_observed: list[Observed] = []
_kept: list[Any] = []


class Observed:
    """Base for check-side recorders (:class:`~grader.instrument.Calls`, :class:`~grader.instrument.Job`,
    :class:`Record`): register on creation; subclasses say what to send and how to take it back."""

    def observe(self) -> None:
        _observed.append(self)

    def observation(self, encoder: Encoder) -> Any:
        raise NotImplementedError

    def restore(self, decoder: Decoder, data: Any) -> None:
        raise NotImplementedError


class Record(list, Observed):
    """A list a check's code fills in the sandbox (plain values), e.g. the instants a ticker woke."""

    def __init__(self, *items: Any) -> None:
        super().__init__(items)
        self.observe()

    def observation(self, encoder: Encoder) -> Any:
        return [encoder.value(item) for item in self]

    def restore(self, decoder: Decoder, data: Any) -> None:
        self[:] = [decoder.value(item) for item in data]


def keep(value: Any) -> Any:
    """Have ``value`` come back from the sandbox as this very object, wherever it turns up."""
    if not any(value is known for known in _kept):
        _kept.append(value)
    return value


def kept() -> list[Any]:
    return list(_kept)


def start_check() -> None:
    """Forget the objects of the check before."""
    _observed.clear()
    _kept.clear()


def snapshot() -> int:
    """How many objects the judge had registered when the sandbox was forked."""
    return len(_observed)


def observations(count: int, encoder: Encoder) -> list[Any]:
    """In the sandbox: what became of the first ``count`` objects (those the judge also has)."""
    return [item.observation(encoder) for item in _observed[:count]]


def restore(data: list[Any], decoder: Decoder) -> None:
    """In the judge: apply what the sandbox saw to the objects registered here."""
    for item, observation in zip(_observed, data, strict=False):
        item.restore(decoder, observation)
