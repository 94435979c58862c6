"""What the caller expects, checked once, shared by every rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Optional

from typing_extensions import TypeGuard

from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._text import HugeInt, show, typed
from zoomsig.diagnose.codes import FindingCode

__all__ = ["Context", "is_int", "validate_key_match", "validate_key_types"]


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
                f"{claim} is {show(value)}, not the expected key {show(context.sdk_key)}",
                claim,
            )
            return
