"""What the caller expects, checked once, shared by every rule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Optional

from typing_extensions import TypeGuard

from zoomsig.diagnose._text import HugeInt, json_type, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["Context", "is_int", "key_not_string", "padded_key", "unexpected_key"]


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


def key_not_string(claims: Mapping[str, object], *names: str) -> list[Finding]:
    """``APP_KEY_NOT_STRING`` for each key claim present with a value that is not a string."""
    return [
        Finding.of(
            FindingCode.APP_KEY_NOT_STRING,
            f"{name} is {show(claims[name])}, {json_type(claims[name])}, not a string: Zoom "
            "looks the key up as text",
            name,
        )
        for name in names
        if name in claims
        and (not isinstance(claims[name], str) or isinstance(claims[name], HugeInt))
    ]


def padded_key(claim: str, value: object) -> Optional[Finding]:
    """``SDK_KEY_MISMATCH`` for a key claim with surrounding whitespace, which no real key has."""
    if isinstance(value, str) and value and value != value.strip():
        return Finding.of(
            FindingCode.SDK_KEY_MISMATCH,
            f"{claim} is {show(value)}: the surrounding whitespace (a newline from an env var "
            "or .env file?) is part of the key Zoom looks up",
            claim,
        )
    return None


def unexpected_key(claim: str, value: object, context: Context) -> Optional[Finding]:
    """``SDK_KEY_MISMATCH`` when the caller said which key to expect and this is another."""
    if context.sdk_key is None or value == context.sdk_key:
        return None
    return Finding.of(
        FindingCode.SDK_KEY_MISMATCH,
        f"{claim} is {show(value)}, not the expected key {show(context.sdk_key)}",
        claim,
    )
