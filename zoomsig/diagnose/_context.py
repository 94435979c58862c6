"""What the caller expects, checked once, shared by every rule."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple, Optional

from typing_extensions import TypeGuard

from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._text import HugeInt, show, typed
from zoomsig.diagnose.codes import FindingCode

__all__ = ["Context", "is_int", "look_alike", "validate_key_match", "validate_key_types"]


class Context(NamedTuple):
    """The caller's expectations; ``None`` where they did not say."""

    now: float
    sdk_key: Optional[str]
    meeting_number: Optional[str]
    role: Optional[int]
    topic: Optional[str]
    zak: Optional[str] = None
    """The ``zak`` the client passes to ``join()`` (``""``: none); ``None``: not said."""
    obf_token: Optional[str] = None
    """The ``obfToken`` the client passes to ``join()``, likewise."""

    @property
    def joining(self) -> bool:
        """Whether the caller said what the client passes to ``join()`` besides the token."""
        return self.zak is not None or self.obf_token is not None

    def __repr__(self) -> str:  # the join tokens are bearer credentials: never shown
        hidden = {"zak": self.zak, "obf_token": self.obf_token}
        shown = (
            f"{name}={'<hidden>' if hidden.get(name) else repr(value)}"
            for name, value in zip(self._fields, self)
        )
        return f"Context({', '.join(shown)})"


def is_int(value: object) -> TypeGuard[int]:
    """A JSON integer: an ``int`` that is not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool)


def validate_key_types(
    claims: Mapping[str, object], names: tuple[str, ...], found: Findings
) -> None:
    """``APP_KEY_NOT_STRING`` for each key claim present with a value that is not a string."""
    for name in names:
        if name in claims and (
            not isinstance(claims[name], str) or isinstance(claims[name], HugeInt)
        ):
            found.add(
                FindingCode.APP_KEY_NOT_STRING,
                f"{name} is {typed(claims[name])}, not a string: Zoom looks the key up as text",
                name,
            )


def validate_key_match(
    claims: Mapping[str, object],
    context: Context,
    found: Findings,
    *,
    padded: tuple[str, ...],
    expected: tuple[str, ...],
) -> None:
    """At most one ``SDK_KEY_MISMATCH``: a key claim of ``padded`` with surrounding
    whitespace (which no real key has) first, else one of ``expected`` that is not the key
    the caller said to expect."""
    for claim in padded:
        value = claims.get(claim)
        if isinstance(value, str) and value and value != value.strip():
            found.add(
                FindingCode.SDK_KEY_MISMATCH,
                f"{claim} is {show(value)}: the surrounding whitespace (a newline from an env "
                "var or .env file?) is part of the key Zoom looks up",
                claim,
            )
            return
    if context.sdk_key is None:
        return
    for claim in expected:
        value = claims.get(claim)
        if value and value != context.sdk_key:
            found.add(
                FindingCode.SDK_KEY_MISMATCH,
                f"{claim} is {show(value)}, not the expected key {show(context.sdk_key)}"
                + (look_alike(value, context.sdk_key) if isinstance(value, str) else ""),
                claim,
            )
            return


_MAX_COMPARED = 128
"""Longest keys whose difference is spelt out (a Client ID has about 22 characters)."""


def look_alike(given: str, expected: str) -> str:
    """For two keys that differ in characters a reader cannot see (a zero-width space, a
    Cyrillic letter for a Latin one, a no-break space): where, by code point; else ``""``."""
    if given.isascii() and expected.isascii() and given.isprintable() and expected.isprintable():
        return ""
    if max(len(given), len(expected)) > _MAX_COMPARED:
        return ""
    changes: list[str] = []
    matcher = difflib.SequenceMatcher(None, given, expected, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        token, wanted = _code_points(given[i1:i2]), _code_points(expected[j1:j2])
        if tag == "insert":
            changes.append(f"the expected key has {wanted} at character {j1 + 1}, the token not")
        elif tag == "delete":
            changes.append(f"the token has {token} at character {i1 + 1}, the expected key not")
        else:
            changes.append(f"character {i1 + 1} is {token} in the token, {wanted} expected")
    shown = "; ".join(changes[:3]) + ("; …" if len(changes) > 3 else "")
    return f"; they look alike but differ: {shown}"


def _code_points(text: str) -> str:
    return " ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '(unnamed)')}" for ch in text[:3])
