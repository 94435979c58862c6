"""Rules for the claims of a Meeting SDK signature (zoom-rules.md §1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from zoomsig._params import MEETING_NUMBER_DIGITS
from zoomsig._time import MIN_LIFETIME
from zoomsig.diagnose._context import (
    Context,
    is_int,
    key_not_string,
    padded_key,
    unexpected_key,
)
from zoomsig.diagnose._kind import MEETING_AUDIO_OPTIONS, MEETING_CLAIMS, is_secret_claim, near_miss
from zoomsig.diagnose._rules_time import MILLISECONDS
from zoomsig.diagnose._text import HugeInt, json_type, nan_hint, preview, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["check_meeting", "check_role_value", "role_as_read"]

_C = FindingCode
_WRONG_MN_CLAIMS = ("meetingNumber", "meeting_number", "meetingId", "meeting_id", "meetingID")
_HANDLED = MEETING_CLAIMS | {"apiKey"}


def check_role_value(value: object, claim: str, findings: list[Finding]) -> Optional[int]:
    """Report a role that is not the integer 0 or 1; return it when it is."""
    if isinstance(value, HugeInt):
        return None  # INTEGER_OUT_OF_RANGE says so
    if not is_int(value):
        hint = " (convert it with parseInt / int())" if isinstance(value, str) else ""
        findings.append(
            Finding.of(
                _C.ROLE_NOT_INTEGER,
                f"{claim} is {_typed(value)}, not the number 0 or 1{hint}{nan_hint(value)}",
                claim,
            )
        )
        return None
    if value not in (0, 1):
        findings.append(
            Finding.of(_C.ROLE_INVALID, f"{claim} is {show(value)}; Zoom accepts 0 or 1", claim)
        )
        return None
    return value


def _typed(value: object) -> str:
    return "null" if value is None else f"{show(value)}, {json_type(value)}"


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


def _check_key(claims: Mapping[str, object], context: Context, findings: list[Finding]) -> None:
    app_key, sdk_key, api_key = claims.get("appKey"), claims.get("sdkKey"), claims.get("apiKey")
    findings.extend(key_not_string(claims, "appKey", "sdkKey", "apiKey"))
    if api_key is not None:
        findings.append(
            Finding.of(
                _C.API_KEY_CLAIM,
                "the token has an apiKey claim" + ("" if app_key else " and no appKey"),
                "apiKey",
            )
        )
    if not app_key and not sdk_key:
        if api_key is None:
            findings.append(
                Finding.of(_C.APP_KEY_MISSING, "the token has neither appKey nor sdkKey", "appKey")
            )
    elif not app_key:
        findings.append(
            Finding.of(_C.APP_KEY_DEPRECATED_ONLY, "the token has sdkKey but no appKey", "appKey")
        )
    elif sdk_key and app_key != sdk_key:
        findings.append(
            Finding.of(
                _C.APP_KEY_CONFLICT,
                f"appKey is {show(app_key)} but sdkKey is {show(sdk_key)}",
                "appKey",
            )
        )
    # One SDK_KEY_MISMATCH at most: whitespace in appKey/sdkKey first, then another key.
    mismatch = padded_key("appKey", app_key) or padded_key("sdkKey", sdk_key)
    for name in ("appKey", "sdkKey", "apiKey"):
        if mismatch is None and claims.get(name):
            mismatch = unexpected_key(name, claims[name], context)
    if mismatch is not None:
        findings.append(mismatch)


def _check_meeting_number(
    claims: Mapping[str, object], context: Context, findings: list[Finding]
) -> Optional[object]:
    """Check ``mn``; returns the meeting number under whatever claim it was put."""
    wrong = next((name for name in _WRONG_MN_CLAIMS if name in claims), None)
    if wrong is not None and "mn" not in claims:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_WRONG_CLAIM,
                f"the meeting number is in {wrong} ({show(claims[wrong])}); Zoom reads only mn",
                wrong,
            )
        )
        return claims[wrong]
    if "mn" not in claims:
        return None
    mn = claims["mn"]
    text = str(mn) if is_int(mn) else mn
    if not isinstance(text, str) or not (text.isascii() and text.isdigit()):
        digits = _meeting_digits(mn)
        hint = f" (digits only: {show(digits)})" if isinstance(mn, str) and digits else ""
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_INVALID,
                f"mn is {show(mn)}, not a string of digits{hint}{nan_hint(mn)}",
                "mn",
            )
        )
    elif len(text) not in MEETING_NUMBER_DIGITS:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_INVALID,
                f"mn is {show(mn)}, {len(text)} digits; meeting numbers have 9 to 12"
                + (" (parseInt stops at the first space)" if is_int(mn) and len(text) < 9 else ""),
                "mn",
            )
        )
    # Compared even when invalid: what the user sees is "signed for another meeting".
    if context.meeting_number is not None and _meeting_digits(mn) != context.meeting_number:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_MISMATCH,
                f"mn is {show(mn)} but the meeting being joined is {show(context.meeting_number)}",
                "mn",
            )
        )
    return mn


def check_meeting(claims: Mapping[str, object], context: Context) -> list[Finding]:
    """Every Meeting SDK claim rule except the time rules."""
    findings: list[Finding] = []
    _check_key(claims, context, findings)
    mn = _check_meeting_number(claims, context, findings)
    has_mn = mn is not None or "mn" in claims  # a null mn is there, and invalid
    role = claims.get("role")
    has_role = "role" in claims

    if has_role and not has_mn:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_MISSING,
                f"role is {show(role)} but the token has no mn",
                "mn",
            )
        )
    elif not has_mn and context.meeting_number is not None:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_MISSING,
                f"the meeting being joined is {show(context.meeting_number)} but the token has no "
                "mn (a native-only token)",
                "mn",
            )
        )
    if has_mn and not has_role:
        findings.append(
            Finding.of(_C.ROLE_MISSING, f"mn is {show(mn)} but the token has no role", "role")
        )
    elif not has_role and context.role is not None:
        findings.append(
            Finding.of(
                _C.ROLE_MISSING,
                f"you expect role {context.role} but the token has no role",
                "role",
            )
        )
    if has_role:
        value = check_role_value(role, "role", findings)
        # Compared even when invalid: a NaN role joins as nobody you expect.
        if context.role is not None and role_as_read(role) != context.role:
            findings.append(
                Finding.of(
                    _C.ROLE_MISMATCH,
                    f"role is {show(role)} but you expect {context.role} "
                    f"({'host' if context.role else 'participant'})",
                    "role",
                )
            )
        if value == 1:
            findings.append(
                Finding.of(_C.HOST_NEEDS_ZAK, "role is 1: the user joins as host", "role")
            )
    if not has_mn and not has_role and context.meeting_number is None and context.role is None:
        findings.append(
            Finding.of(
                _C.NATIVE_ONLY,
                "the token has no mn and no role: it works with the native SDKs only",
            )
        )

    mode = claims.get("video_webrtc_mode")
    if mode is not None and not (is_int(mode) and mode in (0, 1)):
        findings.append(
            Finding.of(
                _C.VIDEO_WEBRTC_MODE_INVALID,
                f"video_webrtc_mode is {show(mode)}, {json_type(mode)}, not the number 0 or 1",
                "video_webrtc_mode",
            )
        )

    findings.extend(
        Finding.of(
            _C.AUDIO_OPTION_INVALID,
            f"{name} is {show(claims[name])}, {json_type(claims[name])}, not the number 0 or 1",
            name,
        )
        for name in MEETING_AUDIO_OPTIONS
        if name in claims and not (is_int(claims[name]) and claims[name] in (0, 1))
    )

    if "tokenExp" not in claims:
        findings.append(
            Finding.of(_C.TOKEN_EXP_MISSING, "the token has no tokenExp claim", "tokenExp")
        )
    else:
        token_exp, iat = claims["tokenExp"], claims.get("iat")
        if isinstance(token_exp, HugeInt):
            pass  # INTEGER_OUT_OF_RANGE says so
        elif not is_int(token_exp):
            findings.append(
                Finding.of(
                    _C.TOKEN_EXP_NOT_INTEGER,
                    f"tokenExp is {show(token_exp)}, {json_type(token_exp)}{nan_hint(token_exp)}",
                    "tokenExp",
                )
            )
        elif is_int(iat) and iat < MILLISECONDS and token_exp < iat + MIN_LIFETIME:
            message = (
                f"tokenExp {show(token_exp)} is before iat, as if it were a lifetime in seconds "
                f"rather than a Unix time; it must be at least {MIN_LIFETIME} s after iat"
                if token_exp < iat
                else f"tokenExp is {show(token_exp - iat)} s after iat; it must be at least "
                f"{MIN_LIFETIME}"
            )
            findings.append(Finding.of(_C.TOKEN_EXP_TOO_SOON, message, "tokenExp"))

    findings.extend(
        Finding.of(
            _C.UNKNOWN_CLAIM,
            f"{preview(name, 40)} is not a Meeting SDK claim, so Zoom ignores it"
            + near_miss(name, MEETING_CLAIMS),
            name,
        )
        for name in claims
        if name not in _HANDLED
        and not is_secret_claim(name)
        # A misnamed meeting number already has its own finding.
        and not (name in _WRONG_MN_CLAIMS and "mn" not in claims)
    )
    return findings
