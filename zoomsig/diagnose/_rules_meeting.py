"""Rules for the claims of a Meeting SDK signature (zoom-rules.md §1).

One small rule per claim or claim pair (PyJWT's ``_validate_<claim>``), each writing into a
:class:`~zoomsig.diagnose._findings.Findings`; the 0/1 switches and unknown claims follow
from the registry rows (:mod:`._rules_fields`). Zoom's limits are read from
:mod:`zoomsig._registry` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from zoomsig._registry import (
    MEETING_NUMBER_DIGITS,
    MEETING_SDK_CLAIMS,
    MILLISECONDS,
    MIN_LIFETIME,
    flags,
)
from zoomsig.diagnose._context import Context, is_int, validate_key_match, validate_key_types
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import MEETING_CLAIMS
from zoomsig.diagnose._rules_fields import flag_rules, validate_unknown_claims
from zoomsig.diagnose._rules_join import host_without_zak
from zoomsig.diagnose._text import HugeInt, duration, nan_hint, show, typed
from zoomsig.diagnose.codes import FindingCode

__all__ = ["meeting_rules", "role_as_read"]

_C = FindingCode
_WRONG_MN_CLAIMS = ("meetingNumber", "meeting_number", "meetingId", "meeting_id", "meetingID")
_FLAGS = flags(MEETING_SDK_CLAIMS.values())
_KEY_CLAIMS = ("appKey", "sdkKey", "apiKey")
_BACKDATED_EXP_WINDOW = 30
"""``exp`` this close to ``now`` (seconds) with ``iat`` over 1800 s back is IAT_BACKDATED: a
signature made for a real lifetime is not checked in its last half minute (a page that
fetched it long ago and joins two minutes before it expires gets EXPIRES_SOON alone)."""


def _validate_role_value(value: object, claim: str, found: Findings) -> Optional[int]:
    """Report a role that is not the integer 0 or 1; return it when it is."""
    if isinstance(value, HugeInt):
        return None  # INTEGER_OUT_OF_RANGE says so
    if not is_int(value):
        hint = " (convert it with parseInt / int())" if isinstance(value, str) else ""
        found.add(
            _C.ROLE_NOT_INTEGER,
            f"{claim} is {typed(value)}, not the number 0 or 1{hint}{nan_hint(value)}",
            claim,
        )
        return None
    if value not in (0, 1):
        found.add(_C.ROLE_INVALID, f"{claim} is {show(value)}; Zoom accepts 0 or 1", claim)
        return None
    return value


def role_as_read(value: object) -> Optional[int]:
    """The role a value stands for once converted (``"1"`` is 1); ``None`` when none."""
    if is_int(value):
        return value
    if isinstance(value, str) and not isinstance(value, HugeInt) and value.strip() in ("0", "1"):
        return int(value.strip())
    return None


def _meeting_digits(mn: object) -> Optional[str]:
    """The meeting number ``mn`` stands for: its digits, if it is a number written loosely."""
    if is_int(mn):
        return str(mn)  # at most 19 digits: larger ones are HugeInt
    if isinstance(mn, str) and not isinstance(mn, HugeInt) and set(mn) <= set("0123456789 -"):
        return "".join(ch for ch in mn if ch.isdigit())
    return None


def _validate_keys(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    app_key, sdk_key, api_key = claims.get("appKey"), claims.get("sdkKey"), claims.get("apiKey")
    validate_key_types(claims, _KEY_CLAIMS, found)
    if api_key is not None:
        found.add(
            _C.API_KEY_CLAIM,
            "the token has an apiKey claim" + ("" if app_key else " and no appKey"),
            "apiKey",
        )
    if not app_key and not sdk_key:
        if api_key is None:
            found.add(_C.APP_KEY_MISSING, "the token has neither appKey nor sdkKey", "appKey")
    elif not app_key:
        found.add(_C.APP_KEY_DEPRECATED_ONLY, "the token has sdkKey but no appKey", "appKey")
    elif sdk_key and app_key != sdk_key:
        found.add(
            _C.APP_KEY_CONFLICT,
            f"appKey is {show(app_key)} but sdkKey is {show(sdk_key)}",
            "appKey",
        )
    # One SDK_KEY_MISMATCH at most: whitespace in appKey/sdkKey first, then another key.
    validate_key_match(claims, context, found, padded=_KEY_CLAIMS[:2], expected=_KEY_CLAIMS)


def _validate_mn(
    claims: Mapping[str, object], context: Context, found: Findings
) -> Optional[object]:
    """Check ``mn``; returns the meeting number under whatever claim it was put."""
    wrong = next((name for name in _WRONG_MN_CLAIMS if name in claims), None)
    if wrong is not None and "mn" not in claims:
        found.add(
            _C.MEETING_NUMBER_WRONG_CLAIM,
            f"the meeting number is in {wrong} ({show(claims[wrong])}); Zoom reads only mn",
            wrong,
        )
        return claims[wrong]
    if "mn" not in claims:
        return None
    mn = claims["mn"]
    text = str(mn) if is_int(mn) else mn
    if not isinstance(text, str) or not (text.isascii() and text.isdigit()):
        digits = _meeting_digits(mn)
        hint = f" (digits only: {show(digits)})" if isinstance(mn, str) and digits else ""
        found.add(
            _C.MEETING_NUMBER_INVALID,
            f"mn is {show(mn)}, not a string of digits{hint}{nan_hint(mn)}",
            "mn",
        )
    elif len(text) not in MEETING_NUMBER_DIGITS:
        found.add(
            _C.MEETING_NUMBER_INVALID,
            f"mn is {show(mn)}, {len(text)} digits; meeting numbers have 9 to 12"
            + (" (parseInt stops at the first space)" if is_int(mn) and len(text) < 9 else ""),
            "mn",
        )
    # Compared even when invalid: what the user sees is "signed for another meeting".
    if context.meeting_number is not None and _meeting_digits(mn) != context.meeting_number:
        found.add(
            _C.MEETING_NUMBER_MISMATCH,
            f"mn is {show(mn)} but the meeting being joined is {show(context.meeting_number)}",
            "mn",
        )
    return mn


def meeting_rules(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    """Every Meeting SDK claim rule except the time rules."""
    _validate_keys(claims, context, found)
    mn = _validate_mn(claims, context, found)
    has_mn = mn is not None or "mn" in claims  # a null mn is there, and invalid
    _validate_mn_present(claims, context, has_mn, found)
    _validate_role_present(claims, context, has_mn, mn, found)
    if "role" in claims:
        _validate_role(claims, context, found)
    elif not has_mn and context.meeting_number is None and context.role is None:
        found.add(
            _C.NATIVE_ONLY, "the token has no mn and no role: it works with the native SDKs only"
        )
    flag_rules(claims, _FLAGS, found)
    _validate_token_exp(claims, found)
    _validate_backdated(claims, context, found)
    # A misnamed meeting number already has its own finding.
    misnamed = () if "mn" in claims else _WRONG_MN_CLAIMS
    validate_unknown_claims(
        claims, MEETING_CLAIMS, "Meeting SDK", found, handled=("apiKey", *misnamed)
    )


def _validate_mn_present(
    claims: Mapping[str, object], context: Context, has_mn: bool, found: Findings
) -> None:
    if has_mn:
        return
    if "role" in claims:
        found.add(
            _C.MEETING_NUMBER_MISSING,
            f"role is {show(claims['role'])} but the token has no mn",
            "mn",
        )
    elif context.meeting_number is not None:
        found.add(
            _C.MEETING_NUMBER_MISSING,
            f"the meeting being joined is {show(context.meeting_number)} but the token has no "
            "mn (a native-only token)",
            "mn",
        )


def _validate_role_present(
    claims: Mapping[str, object], context: Context, has_mn: bool, mn: object, found: Findings
) -> None:
    if "role" in claims:
        return
    if has_mn:
        found.add(_C.ROLE_MISSING, f"mn is {show(mn)} but the token has no role", "role")
    elif context.role is not None:
        found.add(
            _C.ROLE_MISSING, f"you expect role {context.role} but the token has no role", "role"
        )


def _validate_role(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    role = claims["role"]
    value = _validate_role_value(role, "role", found)
    # Compared even when invalid: a NaN role joins as nobody you expect.
    if context.role is not None and role_as_read(role) != context.role:
        found.add(
            _C.ROLE_MISMATCH,
            f"role is {show(role)} but you expect {context.role} "
            f"({'host' if context.role else 'participant'})",
            "role",
        )
    # The reminder only when nothing answers it: no ZAK given, and no sharper
    # HOST_WITHOUT_ZAK (the join-options rule) in its place.
    if value == 1 and not context.zak and not host_without_zak(claims, context):
        found.add(_C.HOST_NEEDS_ZAK, "role is 1: the user joins as host", "role")


def _validate_token_exp(claims: Mapping[str, object], found: Findings) -> None:
    if "tokenExp" not in claims:
        found.add(_C.TOKEN_EXP_MISSING, "the token has no tokenExp claim", "tokenExp")
        return
    token_exp, iat = claims["tokenExp"], claims.get("iat")
    if isinstance(token_exp, HugeInt):
        return  # INTEGER_OUT_OF_RANGE says so
    if not is_int(token_exp):
        found.add(
            _C.TOKEN_EXP_NOT_INTEGER,
            f"tokenExp is {typed(token_exp)}, not an integer{nan_hint(token_exp)}",
            "tokenExp",
        )
    elif is_int(iat) and iat < MILLISECONDS and token_exp < iat + MIN_LIFETIME:
        message = (
            f"tokenExp {show(token_exp)} is before iat, as if it were a lifetime in seconds "
            f"rather than a Unix time; it must be at least {MIN_LIFETIME} s after iat"
            if token_exp < iat
            else f"tokenExp is {show(token_exp - iat)} s after iat; it must be at least "
            f"{MIN_LIFETIME}"
        )
        found.add(_C.TOKEN_EXP_TOO_SOON, message, "tokenExp")


def _validate_backdated(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    """``IAT_BACKDATED``: iat far in the past and exp seconds away, the pattern of AI coding
    assistants' Zoom skills in 2026 (``iat = now - 7200``, ``exp = now + 10``): the lifetime
    rule is met on paper, but the signature dies seconds after it is made."""
    iat, exp, now = claims.get("iat"), claims.get("exp"), context.now
    if not (is_int(iat) and is_int(exp)) or max(iat, exp) >= MILLISECONDS:
        return
    if now - iat < MIN_LIFETIME or not 0 < exp - now <= _BACKDATED_EXP_WINDOW:
        return
    alone = " (with sdkKey alone, as the same skills teach)" if "appKey" not in claims else ""
    found.add(
        _C.IAT_BACKDATED,
        f"iat is {duration(now - iat)} before now but exp only {duration(exp - now)} after"
        f"{alone}: iat was backdated to pass Zoom's minimum lifetime, a pattern AI coding "
        "assistants' Zoom skills spread in 2026; the signature expires seconds after it is "
        "made, so a slow page, a retry, a reconnect or a Zoom server clock a little ahead "
        "fails the join (3705, signature expired)",
        "iat",
    )
