"""The diagnosis engine: :func:`decode_and_validate`."""

from __future__ import annotations

from zoomsig.diagnose._engine import MAX_SIGNATURE_LENGTH, decode_and_validate

__all__ = ["MAX_SIGNATURE_LENGTH", "decode_and_validate"]
