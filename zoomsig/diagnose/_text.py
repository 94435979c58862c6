"""Small text helpers for finding messages: values shown short, durations readable."""

from __future__ import annotations

import json

from zoomsig._secrecy import MAX_SHOWN_DIGITS

__all__ = [
    "HugeInt",
    "bounded_int",
    "duration",
    "json_type",
    "nan_hint",
    "preview",
    "show",
    "typed",
]

_MAX_SHOWN = 48


class HugeInt(str):
    """A JSON integer of more than 19 digits, kept as its description, never as an int.

    No Unix time (in seconds, milliseconds, microseconds or nanoseconds) and no value Zoom
    defines has more than 19 digits, so none of the rules needs the value itself; holding
    only its description keeps arithmetic and ``str()`` (Python's 4300-digit limit, and
    quadratic below it) away from it. In a report it appears as this text.
    """

    digits: int

    @classmethod
    def of(cls, literal: str) -> HugeInt:
        digits = len(literal.lstrip("-"))
        sign = "a negative" if literal.startswith("-") else "an"
        value = cls(f"<{sign} integer of {digits} digits>")
        value.digits = digits
        return value


def bounded_int(literal: str) -> object:
    """``parse_int`` for JSON: an ``int`` up to 19 digits, else a :class:`HugeInt`."""
    if len(literal.lstrip("-")) > MAX_SHOWN_DIGITS:
        return HugeInt.of(literal)
    return int(literal)


def show(value: object) -> str:
    """A claim value as JSON, cut to a readable length (never used for secrets)."""
    if isinstance(value, HugeInt):
        return value[1:-1]
    if isinstance(value, str) and len(value) > _MAX_SHOWN - 2:
        return json.dumps(value[: _MAX_SHOWN - 3] + "…", ensure_ascii=False)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except RecursionError:  # json.loads read it, but this call may sit deeper in the stack
        return f"(deeply nested {json_type(value)[2:].lstrip()})"
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def typed(value: object) -> str:
    """A decoded value and its JSON type for a message: ``null`` alone for ``None``."""
    return "null" if value is None else f"{show(value)}, {json_type(value)}"


def nan_hint(value: object) -> str:
    """For a ``null`` claim: what usually wrote it (JSON.stringify turns NaN into null)."""
    if value is not None:
        return ""
    return (
        "; JSON.stringify writes NaN as null, so this was probably NaN (getTime without (), "
        "or parseInt / Number of something that is not a number)"
    )


def preview(text: str, length: int = 12) -> str:
    """The first characters of an input, never the whole of a long one."""
    return repr(text if len(text) <= length else text[:length] + "…")


def duration(seconds: float) -> str:
    """``5400`` → ``"1 h 30 min"``; ``42`` → ``"42 s"``."""
    seconds = int(abs(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def json_type(value: object) -> str:
    """The JSON type of a decoded value with its article: ``"a string"``, ``"an array"``."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, HugeInt):
        return f"{value[1:-1]}, far outside any real Unix time"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, float):
        return "a number with a decimal point" if value.is_integer() else "a fractional number"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"
