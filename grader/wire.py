"""Values between the sandbox and the judge: plain data only, typed and versioned.

Student code runs in the sandbox; the judge decides verdicts. Whatever crosses between them is
made of None, bool, int, float, str, bytes, list, tuple, dict, set and frozenset, exceptions
as their type's name, arguments and the student's frames, and anything else as an
:class:`Opaque` with a bounded, address-free repr. :func:`encode` runs in the sandbox (where
the student's ``__repr__`` or ``__str__`` may run); :func:`decode` runs in the judge and runs
no student code: it builds only built-in values, kit exceptions and classes of its own.
"""

from __future__ import annotations

import asyncio
import builtins
import json
import math
import traceback
from collections.abc import Callable, Sequence
from typing import Any

VERSION = 1
MAX_DEPTH = 20
MAX_ITEMS = 10_000
MAX_TEXT = 100_000
MAX_REPR = 200
MAX_FRAMES = 50
MAX_INT_DIGITS = 1_000

NOT_PLAIN = "an object of type {type}"


class Opaque:
    """A value the judge cannot rebuild: its type's name and a bounded repr, never the object."""

    __slots__ = ("type_name", "text")

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name, self.text = type_name, text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opaque) and (self.type_name, self.text) == (other.type_name, other.text)

    def __hash__(self) -> int:
        return hash((self.type_name, self.text))

    def is_a(self, *type_names: str) -> bool:
        return self.type_name in type_names


def is_coroutine(value: Any) -> bool:
    """Whether a value that came back from the sandbox was a coroutine object."""
    return isinstance(value, Opaque) and value.is_a("coroutine")


# ---------------------------------------------------------------- in the sandbox


class Encoder:
    """Turns values into JSON-ready data. ``refs`` are objects the judge already holds (a check's
    own exception, say): they travel as their index, so the judge gets the very same object."""

    def __init__(self, refs: Sequence[Any] = (), describe: Callable[[Any], str] = repr) -> None:
        self._refs = list(refs)
        self._describe = describe
        self._budget = MAX_ITEMS

    def value(self, value: Any, depth: int = 0) -> Any:
        self._budget -= 1
        for index, known in enumerate(self._refs):
            if value is known:
                return {"ref": index}
        if value is None or type(value) is bool:
            return value
        if type(value) is str:
            return value[:MAX_TEXT]
        if type(value) is int:
            return value if abs(value) < 10**MAX_INT_DIGITS else self.opaque(value)
        if type(value) is float:
            return value if math.isfinite(value) else {"float": repr(value)}
        if depth >= MAX_DEPTH or self._budget < 0:
            return self.opaque(value)
        if isinstance(value, BaseException):
            return {"error": self.error(value, depth)}
        return self._container(value, depth)

    def _container(self, value: Any, depth: int) -> Any:
        kind = type(value)
        if kind is bytes:
            return {"bytes": value[:MAX_TEXT].hex()}
        if kind in (list, tuple, set, frozenset):
            items = list(value)[:MAX_ITEMS]
            if kind in (set, frozenset):
                items = _sorted(items)
            encoded = [self.value(item, depth + 1) for item in items]
            return encoded if kind is list else {kind.__name__: encoded}
        if kind is dict:
            pairs = list(value.items())[:MAX_ITEMS]
            return {"dict": [[self.value(k, depth + 1), self.value(v, depth + 1)] for k, v in pairs]}
        return self.opaque(value)

    def opaque(self, value: Any) -> dict:
        try:
            text = self._describe(value)
        except BaseException:  # the student's __repr__ may raise anything, or exit
            text = f"<{type(value).__name__}>"
        return {"opaque": [type(value).__name__, str(text)[:MAX_REPR]]}

    def error(self, error: BaseException, depth: int = 0) -> dict:
        try:
            message = str(error)
        except BaseException:
            message = f"<{type(error).__name__}>"
        data = {
            "type": type(error).__name__,
            "module": type(error).__module__,
            "bases": [cls.__name__ for cls in type(error).__mro__[1:] if cls.__module__ == "builtins"],
            "message": message[:MAX_TEXT],
            "args": [self.value(arg, depth + 1) for arg in tuple(getattr(error, "args", ()))[:20]],
            "frames": frames_of(error),
        }
        inner = getattr(error, "exceptions", None)
        if isinstance(inner, tuple):  # kept ones (a check's own exception) travel by reference too
            data["exceptions"] = [self.value(e, depth + 1) for e in inner[:20] if isinstance(e, BaseException)]
        return data


def _sorted(items: list) -> list:
    """A set's items in an order that doesn't depend on memory addresses or the hash seed."""
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=lambda item: (type(item).__name__, repr(item)))


def frames_of(error: BaseException) -> list[list]:
    """Where ``error`` was raised: (file, line, function, source) for each frame, outermost first."""
    try:
        summary = traceback.extract_tb(error.__traceback__, limit=-MAX_FRAMES)
    except BaseException:
        return []
    return [[frame.filename, frame.lineno or 0, frame.name, (frame.line or "")[:MAX_REPR]] for frame in summary]


def dumps(message: dict) -> bytes:
    """A message as one UTF-8 document (lone surrogates escaped, so any text survives)."""
    return json.dumps({"version": VERSION, **message}, ensure_ascii=True).encode("ascii")


# ---------------------------------------------------------------- in the judge


class BadMessage(Exception):
    """What came back from the sandbox is not a message of this version."""


def loads(data: bytes) -> dict:
    try:
        message = json.loads(data.decode("ascii"))
    except (ValueError, RecursionError) as error:
        raise BadMessage(f"unreadable ({type(error).__name__})") from None
    if not isinstance(message, dict) or message.get("version") != VERSION:
        raise BadMessage("not a message of this grader's version")
    return message


# Exceptions the judge may rebuild by name: asyncio's and the kit's own, besides the builtins.
_REBUILDABLE: dict[tuple[str, str], type[BaseException]] = {
    ("asyncio.exceptions", "CancelledError"): asyncio.CancelledError,
    ("asyncio.exceptions", "TimeoutError"): asyncio.TimeoutError,
    ("asyncio.exceptions", "InvalidStateError"): asyncio.InvalidStateError,
}


def register_rebuildable(*classes: type[BaseException]) -> None:
    """Let the judge rebuild these (the kit's own exceptions) from their name and message."""
    for cls in classes:
        _REBUILDABLE[(cls.__module__, cls.__name__)] = cls


class Decoder:
    def __init__(self, refs: Sequence[Any] = ()) -> None:
        self._refs = list(refs)

    def value(self, data: Any, depth: int = 0) -> Any:
        if data is None or type(data) in (bool, int, float, str):
            return data
        if depth > MAX_DEPTH + 2:
            raise BadMessage("nested too deeply")
        if type(data) is list:
            return [self.value(item, depth + 1) for item in data]
        if type(data) is not dict or len(data) != 1:
            raise BadMessage("not a value")
        ((tag, body),) = data.items()
        return self._tagged(tag, body, depth)

    def _tagged(self, tag: str, body: Any, depth: int) -> Any:
        if tag == "ref" and type(body) is int and 0 <= body < len(self._refs):
            return self._refs[body]
        if tag == "float" and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag == "bytes" and isinstance(body, str):
            return bytes.fromhex(body)
        if tag in ("tuple", "set", "frozenset") and type(body) is list:
            items = [self.value(item, depth + 1) for item in body]
            return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](_hashable(items, tag))
        if tag == "dict" and type(body) is list:
            return dict(_pair(self.value(pair, depth + 1)) for pair in body)
        if tag == "opaque" and type(body) is list and len(body) == 2:
            return Opaque(str(body[0]), str(body[1]))
        if tag == "error" and type(body) is dict:
            return self.error(body, depth)
        raise BadMessage(f"unknown value {tag!r}")

    def error(self, data: dict, depth: int = 0) -> BaseException:
        """The exception the student's code raised, rebuilt from its data without running any of it."""
        name, module, message = str(data.get("type")), str(data.get("module")), str(data.get("message", ""))
        args = tuple(self.value(arg, depth + 1) for arg in _list(data.get("args")))
        inner = [self.value(e, depth + 1) for e in _list(data.get("exceptions"))]
        inner = [e for e in inner if isinstance(e, BaseException)]
        cls = _REBUILDABLE.get((module, name))
        if cls is None and module == "builtins":
            found = getattr(builtins, name, None)
            cls = found if isinstance(found, type) and issubclass(found, BaseException) else None
        if cls is None:
            cls = _look_alike(name, module, [str(base) for base in _list(data.get("bases"))], message)
        error = _build(cls, args, inner, message)
        error.__grader_frames__ = [tuple(frame) for frame in _list(data.get("frames")) if _is_frame(frame)]
        return error


def _build(cls: type[BaseException], args: tuple, inner: list, message: str) -> BaseException:
    if inner and issubclass(cls, getattr(builtins, "BaseExceptionGroup", ())):
        try:
            return cls(message.split(" (", 1)[0], inner)
        except (TypeError, ValueError):
            pass
    try:
        error = cls(*args)
    except Exception:  # a signature that wants other arguments (UnicodeDecodeError, say)
        error = cls.__new__(cls)
        error.args = args
    return error


def _look_alike(name: str, module: str, bases: list[str], message: str) -> type[BaseException]:
    """A stand-in class named as the student's, deriving from its nearest built-in base, so that
    ``isinstance(error, ValueError)`` and ``type(error).__name__`` answer as they would have."""
    base = next((getattr(builtins, b) for b in bases if _is_builtin_exception(b)), Exception)
    return type(name, (base,), {"__module__": module, "__str__": lambda self: message})


def _is_builtin_exception(name: str) -> bool:
    found = getattr(builtins, name, None)
    return isinstance(found, type) and issubclass(found, BaseException)


def _hashable(items: list, tag: str) -> list:
    if tag == "tuple":
        return items
    try:
        return [item for item in items if hash(item) is not None]
    except TypeError:
        raise BadMessage("an unhashable item in a set") from None


def _pair(pair: Any) -> tuple:
    if type(pair) is not list or len(pair) != 2:
        raise BadMessage("not a key and a value")
    try:
        hash(pair[0])
    except TypeError:
        raise BadMessage("an unhashable key") from None
    return pair[0], pair[1]


def _list(value: Any) -> list:
    return value if type(value) is list else []


def _is_frame(frame: Any) -> bool:
    return (
        type(frame) is list
        and len(frame) == 4
        and type(frame[1]) is int
        and all(type(part) is str for part in (frame[0], frame[2], frame[3]))
    )
