"""``now=`` handling and the lifetime bounds Zoom enforces."""

from __future__ import annotations

import math
import sys
import time
from datetime import datetime
from types import BuiltinFunctionType
from typing import Optional, Union

from zoomsig._errors import InvalidParameterError
from zoomsig._registry import MILLISECONDS
from zoomsig._secrecy import MAX_SHOWN_DIGITS, describe

_HUGE = 10**MAX_SHOWN_DIGITS  # an int this far from 0 has more than MAX_SHOWN_DIGITS digits

__all__ = ["Now", "mocked_clock", "resolve_now"]


Now = Union[int, float, datetime, None]
"""What ``now=`` takes: ``None`` (read the clock), a Unix time, or an aware datetime."""


def resolve_now(now: object, parameter: str = "now") -> float:
    """Return ``now`` as a Unix time, reading the clock only when it is ``None``."""
    if now is None:
        return time.time()
    if type(now) is int and 0 <= now < MILLISECONDS:
        return float(now)  # a Unix time in seconds: what the checks below let through
    if isinstance(now, datetime):
        if now.tzinfo is None or now.utcoffset() is None:
            raise InvalidParameterError(
                parameter,
                "a naive datetime has no time zone, so the Unix time it stands for is a "
                "guess; pass an aware one, e.g. datetime.now(timezone.utc)",
            )
        timestamp = now.timestamp()
        if timestamp < 0:
            raise InvalidParameterError(parameter, f"{now.isoformat()} is before 1970")
        return timestamp
    if isinstance(now, bool) or not isinstance(now, (int, float)):
        raise InvalidParameterError(
            parameter,
            f"expected None, a Unix time (int or float) or an aware datetime, "
            f"got {type(now).__name__}",
        )
    if isinstance(now, int) and not -_HUGE < now < _HUGE:
        raise InvalidParameterError(
            parameter, f"got {describe(now)}, far outside any real Unix time"
        )
    # ``math.isfinite`` would raise OverflowError on an int too large for a float.
    if (isinstance(now, float) and not math.isfinite(now)) or now < 0:
        raise InvalidParameterError(
            parameter, f"expected a finite, non-negative Unix time, got {describe(now)}"
        )
    if now >= MILLISECONDS:
        raise InvalidParameterError(
            parameter,
            f"{describe(now)} looks like milliseconds; Zoom's iat and exp are seconds "
            "(divide by 1000)",
        )
    return float(now)


def mocked_clock() -> Optional[str]:
    """Who froze or mocked ``time.time`` (``"freezegun"``, ``"time_machine"``…), or ``None``.

    Cheap and imports nothing: freezegun and ``unittest.mock`` replace ``time.time`` with
    a Python object; time-machine keeps the builtin but has a non-empty travel stack.
    """
    clock: object = time.time
    if not isinstance(clock, BuiltinFunctionType):
        module = str(getattr(clock, "__module__", None) or type(clock).__module__)
        return module if module.startswith("unittest") else module.split(".", maxsplit=1)[0]
    machine = sys.modules.get("time_machine")
    for stack in ("traveller_stack", "coordinates_stack"):  # time-machine 3.x, 2.x
        if machine is not None and getattr(machine, stack, None):
            return "time_machine"
    return None
