"""The diagnosis engine: :func:`decode_and_validate`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoomsig.diagnose._engine import MAX_SIGNATURE_LENGTH, decode_and_validate

__all__ = ["MAX_SIGNATURE_LENGTH", "decode_and_validate"]


def __getattr__(name: str) -> object:
    # The engine is imported on first use, so that zoomsig.diagnose.report and .codes
    # (which zoomsig imports for its exceptions' annotations) come without it.
    if name in __all__:
        from zoomsig.diagnose import _engine  # noqa: PLC0415

        value: object = getattr(_engine, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
