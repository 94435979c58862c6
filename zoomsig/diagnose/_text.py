"""Small text helpers for finding messages: values shown short, durations readable."""

from __future__ import annotations

import json

__all__ = ["duration", "json_type", "preview", "show"]

_MAX_SHOWN = 48


def show(value: object) -> str:
    """A claim value as JSON, cut to a readable length (never used for secrets)."""
    if isinstance(value, str) and len(value) > _MAX_SHOWN - 2:
        return json.dumps(value[: _MAX_SHOWN - 3] + "…", ensure_ascii=False)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except RecursionError:  # json.loads read it, but this call may sit deeper in the stack
        return f"(deeply nested {json_type(value)[2:].lstrip()})"
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


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
