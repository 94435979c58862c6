"""Rules for the claims of a Video SDK token (zoom-rules.md §4)."""

from __future__ import annotations

from collections.abc import Mapping

from zoomsig.diagnose._context import (
    Context,
    is_int,
    key_not_string,
    padded_key,
    unexpected_key,
)
from zoomsig.diagnose._kind import VIDEO_CLAIMS, is_secret_claim, near_miss
from zoomsig.diagnose._rules_meeting import role_as_read
from zoomsig.diagnose._text import json_type, nan_hint, preview, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding
from zoomsig.video_sdk import GEO_REGIONS, MAX_SESSION_KEY, MAX_TOPIC, MAX_USER_IDENTITY

__all__ = ["check_video"]

_C = FindingCode
_OPTIONS = (
    "cloud_recording_option",
    "cloud_recording_election",
    "video_webrtc_mode",
    "audio_webrtc_mode",
    "audio_compatible_mode",
    "enforce_web_rtc_audio",
)


def _check_key(claims: Mapping[str, object], context: Context, findings: list[Finding]) -> None:
    app_key = claims.get("app_key")
    findings.extend(key_not_string(claims, "app_key"))
    if not app_key:
        other = next((name for name in ("appKey", "sdkKey", "apiKey") if name in claims), None)
        where = f" (it has {other}: the Video SDK reads app_key)" if other else ""
        findings.append(
            Finding.of(_C.APP_KEY_MISSING, f"the token has no app_key{where}", "app_key")
        )
    else:
        mismatch = padded_key("app_key", app_key) or unexpected_key("app_key", app_key, context)
        if mismatch is not None:
            findings.append(mismatch)


def _check_topic(claims: Mapping[str, object], context: Context, findings: list[Finding]) -> None:
    tpc = claims.get("tpc")
    if not isinstance(tpc, str) or not tpc:
        what = "no tpc claim" if tpc is None else f"tpc {show(tpc)}"
        findings.append(Finding.of(_C.TOPIC_MISSING, f"the token has {what}", "tpc"))
        return
    if len(tpc) > MAX_TOPIC:
        findings.append(
            Finding.of(
                _C.TOPIC_TOO_LONG,
                f"tpc is {len(tpc)} characters long ({show(tpc)})",
                "tpc",
            )
        )
    # Zoom lower-cases session names (the 2.x client calls toLowerCase()): str.lower(), not
    # casefold(), which would also make "Straße" equal "STRASSE".
    if context.topic is not None and tpc.lower() != context.topic.lower():
        findings.append(
            Finding.of(
                _C.TOPIC_MISMATCH,
                f"tpc is {show(tpc)} but the session being joined is {show(context.topic)}",
                "tpc",
            )
        )


def check_video(claims: Mapping[str, object], context: Context) -> list[Finding]:
    """Every Video SDK claim rule except the time rules."""
    findings: list[Finding] = []
    _check_key(claims, context, findings)
    _check_topic(claims, context, findings)

    if "role_type" not in claims:
        hint = " (it has role: the Video SDK reads role_type)" if "role" in claims else ""
        findings.append(
            Finding.of(_C.ROLE_TYPE_MISSING, f"the token has no role_type{hint}", "role_type")
        )
    else:
        role = claims["role_type"]
        if not (is_int(role) and role in (0, 1)):
            findings.append(
                Finding.of(
                    _C.ROLE_TYPE_INVALID,
                    f"role_type is {show(role)}, {json_type(role)}; Zoom accepts 0 or 1"
                    f"{nan_hint(role)}",
                    "role_type",
                )
            )
        if context.role is not None and role_as_read(role) != context.role:
            findings.append(
                Finding.of(
                    _C.ROLE_MISMATCH,
                    f"role_type is {show(role)} but you expect {context.role}",
                    "role_type",
                )
            )

    version = claims.get("version")
    if not (is_int(version) and version == 1):
        what = "missing" if version is None else f"{show(version)}"
        findings.append(Finding.of(_C.VERSION_INVALID, f"version is {what}", "version"))

    for name, limit, code in (
        ("user_identity", MAX_USER_IDENTITY, _C.USER_IDENTITY_TOO_LONG),
        ("user_key", MAX_SESSION_KEY, _C.USER_IDENTITY_TOO_LONG),
        ("session_key", MAX_SESSION_KEY, _C.SESSION_KEY_TOO_LONG),
    ):
        value = claims.get(name)
        if isinstance(value, str) and len(value) > limit:
            findings.append(
                Finding.of(code, f"{name} is {len(value)} characters ({show(value)})", name)
            )

    regions = claims.get("geo_regions")
    if regions is not None:
        codes = regions.split(",") if isinstance(regions, str) else None
        if codes is None or not all(code in GEO_REGIONS for code in codes):
            shape = "" if isinstance(regions, str) else f", {json_type(regions)}"
            findings.append(
                Finding.of(
                    _C.GEO_REGIONS_INVALID, f"geo_regions is {show(regions)}{shape}", "geo_regions"
                )
            )

    findings.extend(
        Finding.of(
            _C.VIDEO_OPTION_INVALID,
            f"{name} is {show(claims[name])}, {json_type(claims[name])}, not the number 0 or 1",
            name,
        )
        for name in _OPTIONS
        if name in claims and not (is_int(claims[name]) and claims[name] in (0, 1))
    )
    findings.extend(
        Finding.of(
            _C.UNKNOWN_CLAIM,
            f"{preview(name, 40)} is not a Video SDK claim, so Zoom ignores it"
            + near_miss(name, VIDEO_CLAIMS),
            name,
        )
        for name in claims
        if name not in VIDEO_CLAIMS and not is_secret_claim(name)
    )
    return findings
