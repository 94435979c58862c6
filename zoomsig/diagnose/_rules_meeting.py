"""Rules for the claims of a Meeting SDK signature (zoom-rules.md §1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from zoomsig._params import MEETING_NUMBER_DIGITS
from zoomsig._time import MIN_LIFETIME
from zoomsig.diagnose._context import Context, is_int, padded_key, unexpected_key
from zoomsig.diagnose._kind import MEETING_AUDIO_OPTIONS, MEETING_CLAIMS, is_secret_claim, near_miss
from zoomsig.diagnose._rules_time import MILLISECONDS
from zoomsig.diagnose._text import json_type, preview, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["check_meeting", "check_role_value"]

_C = FindingCode
_WRONG_MN_CLAIMS = ("meetingNumber", "meeting_number", "meetingId", "meeting_id", "meetingID")
_HANDLED = MEETING_CLAIMS | {"apiKey"}


def check_role_value(value: object, claim: str, findings: list[Finding]) -> Optional[int]:
    """Report a role that is not the integer 0 or 1; return it when it is."""
    if not is_int(value):
        hint = " (convert it with parseInt / int())" if isinstance(value, str) else ""
        findings.append(
            Finding.of(
                _C.ROLE_NOT_INTEGER,
                f"{claim} is {show(value)}, {json_type(value)}, not the number 0 or 1{hint}",
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


def _check_key(claims: Mapping[str, object], context: Context, findings: list[Finding]) -> None:
    app_key, sdk_key, api_key = claims.get("appKey"), claims.get("sdkKey"), claims.get("apiKey")
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
    mn = claims.get("mn")
    if mn is None:
        return None
    text = str(mn) if is_int(mn) else mn
    if not isinstance(text, str) or not (text.isascii() and text.isdigit()):
        digits = "".join(ch for ch in str(mn) if ch.isascii() and ch.isdigit())
        spaced = isinstance(mn, str) and digits and set(mn) <= set("0123456789 -")
        hint = f" (digits only: {show(digits)})" if spaced else ""
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_INVALID,
                f"mn is {show(mn)}, not a string of digits{hint}",
                "mn",
            )
        )
    elif len(text) not in MEETING_NUMBER_DIGITS:
        findings.append(
            Finding.of(
                _C.MEETING_NUMBER_INVALID,
                f"mn is {show(mn)}, {len(text)} digits; meeting numbers have 9 to 12",
                "mn",
            )
        )
    elif context.meeting_number is not None and text != context.meeting_number:
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
    has_mn = mn is not None
    role = claims.get("role")
    has_role = role is not None

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
        if value is not None and context.role is not None and value != context.role:
            findings.append(
                Finding.of(
                    _C.ROLE_MISMATCH,
                    f"role is {value} but you expect {context.role} "
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
        if not is_int(token_exp):
            findings.append(
                Finding.of(
                    _C.TOKEN_EXP_NOT_INTEGER,
                    f"tokenExp is {show(token_exp)}, {json_type(token_exp)}",
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
