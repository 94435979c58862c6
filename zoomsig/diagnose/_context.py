"""What the caller expects, checked once, shared by every rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, Optional

if TYPE_CHECKING:
    from typing_extensions import TypeGuard

__all__ = ["Context", "is_int"]


class Context(NamedTuple):
    """The caller's expectations; ``None`` where they did not say."""

    now: float
    sdk_key: Optional[str]
    meeting_number: Optional[str]
    role: Optional[int]
    topic: Optional[str]


def is_int(value: object) -> TypeGuard[int]:
    """A JSON integer: an ``int`` that is not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool)
