"""The time rules shared by Meeting SDK and Video SDK tokens: iat, exp and the lifetime."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Optional

from zoomsig._registry import MAX_LIFETIME, MILLISECONDS, MIN_LIFETIME
from zoomsig._time import mocked_clock
from zoomsig.diagnose._context import Context, is_int
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._text import HugeInt, duration, nan_hint, show, typed
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["EXPIRES_SOON_SECONDS", "FUTURE_TOLERANCE", "time_rules"]

_C = FindingCode
FUTURE_TOLERANCE = 60
"""Seconds ``iat`` may be ahead of ``now`` before it counts as issued in the future."""
EXPIRES_SOON_SECONDS = 300
"""A token that expires within this many seconds gets ``EXPIRES_SOON``."""
# MILLISECONDS (zoomsig._registry): time claims from there up are milliseconds, as for
# now= and the webhook timestamp.


_DAY = 86400
"""From a day on, iat ahead of now is no clock drift and no time zone."""
_LONG_AGO = 7 * _DAY
"""From a week on, iat behind now is as likely a fixed test time as a token kept that long."""
_TEST_CLOCK = (
    "one of the two times is probably fixed or frozen (a test's now=, such as "
    "zoomsig.testing.FAKE_NOW) and the other is the real clock"
)


def _clock_hint(offset: float) -> str:
    """Name an offset of whole or half hours, up to 14 h, as the time-zone bug it usually is."""
    hours = abs(offset) / 3600
    whole = round(hours * 2) / 2
    if 0.9 <= hours <= 14.1 and abs(hours - whole) * 3600 <= 120:
        return (
            f"; {whole:g} h to within two minutes looks like local time used as UTC (a "
            "time-zone bug: Python's datetime.utcnow().timestamp() or datetime.now()"
            ".timestamp() on a naive local time, C#'s DateTime.Now; use time.time() or "
            "DateTimeOffset.UtcNow.ToUnixTimeSeconds()), not clock drift"
        )
    return ""


_MOCKED_CLOCK_FIX = (
    " In a test, a frozen or mocked clock is the likely cause: sign and check at the same "
    "frozen time, or pass the same now= to both."
)


def _seconds(claims: Mapping[str, object], name: str, found: Findings) -> Optional[int]:
    """The claim as whole seconds, or ``None`` after reporting why it is not."""
    missing, not_integer, in_ms = {
        "iat": (_C.IAT_MISSING, _C.IAT_NOT_INTEGER, _C.IAT_IN_MILLISECONDS),
        "exp": (_C.EXP_MISSING, _C.EXP_NOT_INTEGER, _C.EXP_IN_MILLISECONDS),
    }[name]
    if name not in claims:
        found.add(missing, f"the token has no {name} claim", name)
        return None
    value = claims[name]
    if isinstance(value, HugeInt):
        return None  # INTEGER_OUT_OF_RANGE says so; no arithmetic touches it
    if not is_int(value):
        return _not_integer(name, value, (not_integer, in_ms), found)
    if value >= MILLISECONDS:
        found.add(
            in_ms,
            f"{name} is {show(value)}, a {len(str(value))}-digit number: milliseconds, not seconds",
            name,
        )
        return None
    return value


def _not_integer(
    name: str, value: object, codes: tuple[FindingCode, FindingCode], found: Findings
) -> Optional[int]:
    """Report a time claim that is no integer; a fractional Unix time in seconds (local time
    as a float, ``time.time()``, C#'s ``TotalSeconds``) is returned truncated, so that the
    time checks still run and name the real cause (hours off: a time zone)."""
    not_integer, in_ms = codes
    seconds = None
    if isinstance(value, float) and math.isfinite(value) and 0 <= value < MILLISECONDS:
        seconds = int(value)
    if isinstance(value, float) and value >= MILLISECONDS:
        found.add(in_ms, f"{name} is {show(value)}: milliseconds", name)
    checked = "" if seconds is None else f" (the time checks read it as {seconds})"
    found.add(
        not_integer,
        f"{name} is {typed(value)}, not an integer{checked}{nan_hint(value)}",
        name,
    )
    return seconds


def time_rules(claims: Mapping[str, object], context: Context, found: Findings) -> Optional[int]:
    """Check iat, exp and the lifetime against Zoom's window and ``now``.

    Returns ``exp`` in seconds when it is usable.
    """
    iat = _seconds(claims, "iat", found)
    exp = _seconds(claims, "exp", found)
    now = context.now
    if iat is not None and iat > now + FUTURE_TOLERANCE:
        _validate_iat_ahead(iat - now, found)
    if exp is not None:
        _validate_exp(iat, exp, now, found)
    if iat is not None and exp is not None:
        _validate_lifetime(exp - iat, found)
    return exp


def _validate_iat_ahead(ahead: float, found: Findings) -> None:
    mocked = mocked_clock()
    if mocked is None and ahead < _DAY:
        found.add(
            _C.IAT_IN_FUTURE,
            f"iat is {duration(ahead)} after now: the signing server's clock is ahead"
            + (_clock_hint(ahead) or " (check NTP)"),
            "iat",
        )
        return
    cause = (
        f", and the clock is frozen or mocked ({mocked}): in a test, the signing time or now "
        "is probably the frozen one"
        if mocked is not None
        else f"; {duration(ahead)} is not clock drift: {_TEST_CLOCK}"
    )
    finding = Finding.of(_C.IAT_IN_FUTURE, f"iat is {duration(ahead)} after now{cause}", "iat")
    found.append(dataclasses.replace(finding, fix=finding.fix + _MOCKED_CLOCK_FIX))


def _validate_exp(iat: Optional[int], exp: int, now: float, found: Findings) -> None:
    if exp <= now:
        behind = (
            f"; iat is {duration(now - iat)} before now{_behind_hint(now - iat)}"
            if (iat is not None and now - iat > MAX_LIFETIME / 24)
            else ""
        )
        found.add(_C.EXPIRED, f"the token expired {duration(now - exp)} ago{behind}", "exp")
    elif exp - now <= EXPIRES_SOON_SECONDS:
        found.add(_C.EXPIRES_SOON, f"the token expires in {duration(exp - now)}", "exp")


def _behind_hint(behind: float) -> str:
    """Why iat is this far behind now: a time-zone bug, a test's fixed time, or neither."""
    if behind >= _LONG_AGO:
        return f": a token kept that long, or {_TEST_CLOCK}"
    return _clock_hint(behind)


def _validate_lifetime(lifetime: int, found: Findings) -> None:
    if lifetime < MIN_LIFETIME:
        found.add(
            _C.LIFETIME_TOO_SHORT,
            f"exp - iat is {lifetime} s ({duration(lifetime)}); Zoom needs at least "
            f"{MIN_LIFETIME} s",
            "exp",
        )
    elif lifetime == MIN_LIFETIME:
        found.add(
            _C.LIFETIME_AT_MINIMUM, f"exp - iat is exactly {MIN_LIFETIME} s, the minimum", "exp"
        )
    elif lifetime > MAX_LIFETIME:
        found.add(
            _C.LIFETIME_TOO_LONG,
            f"exp - iat is {lifetime} s ({duration(lifetime)}); Zoom allows at most "
            f"{MAX_LIFETIME} s (48 h)",
            "exp",
        )
