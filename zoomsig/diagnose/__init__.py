"""The diagnosis engine: :func:`decode_and_validate`."""

from __future__ import annotations

from zoomsig._lazy import lazy_exports as _lazy_exports

TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoomsig.diagnose._engine import MAX_SIGNATURE_LENGTH, decode_and_validate
else:  # hidden from type checkers, so that a misspelt name stays an error
    # The engine is imported on first use, so that zoomsig.diagnose.report and .codes
    # (which zoomsig imports for its exceptions' annotations) come without it.
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "MAX_SIGNATURE_LENGTH": "zoomsig.diagnose._engine",
            "decode_and_validate": "zoomsig.diagnose._engine",
        },
    )

__all__ = ["MAX_SIGNATURE_LENGTH", "decode_and_validate"]
