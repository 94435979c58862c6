"""``sign_video_sdk``: the Video SDK token."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Optional, Union, cast

from zoomsig import _jws
from zoomsig._enums import CredentialType, Role
from zoomsig._errors import InvalidParameterError
from zoomsig._params import (
    check_clock_skew,
    check_credential,
    check_flag,
    check_key,
    check_lifetime,
    check_role,
    check_secret,
    check_text,
)
from zoomsig._registry import (
    GEO_REGIONS,
    MAX_SESSION_KEY,
    MAX_TOPIC,
    MAX_USER_IDENTITY,
    MAX_USER_KEY,
    VIDEO_SDK_CLAIMS,
    FieldKind,
    FieldRule,
)
from zoomsig._secrecy import describe, refuse_readable_secret
from zoomsig._time import Now, resolve_now

__all__ = [
    "GEO_REGIONS",
    "MAX_SESSION_KEY",
    "MAX_TOPIC",
    "MAX_USER_IDENTITY",
    "MAX_USER_KEY",
    "sign_video_sdk",
]

# The limits live in zoomsig._registry (re-exported here, where they were first public).


def _check_geo_regions(value: object) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, (str, bytes, bytearray)) or not isinstance(value, Sequence):
        raise InvalidParameterError(
            "geo_regions",
            f"expected a sequence of region codes such as ['US', 'DE'], got {type(value).__name__}",
        )
    if not value:
        raise InvalidParameterError("geo_regions", "must not be empty; pass None to leave it out")
    regions: list[str] = []
    for region in cast("Sequence[object]", value):
        if not isinstance(region, str) or region not in GEO_REGIONS:
            raise InvalidParameterError(
                "geo_regions",
                f"unknown region {describe(region)}; Zoom knows {' '.join(sorted(GEO_REGIONS))}",
            )
        regions.append(region)
    return ",".join(regions)


def _checker(row: FieldRule, name: str) -> Callable[[object], object]:
    """The check of one optional argument, by the rule of its row; ``None`` leaves it out."""
    if row.kind is FieldKind.FLAG:
        highest = row.limit or 1
        return lambda value: check_flag(value, name, highest)
    if row.kind is FieldKind.TEXT:
        limit = cast("int", row.limit)
        return lambda value: check_text(value, name, limit)
    return _check_geo_regions


_OPTIONAL = tuple(
    (row.claim, row.parameter, _checker(row, row.parameter))
    for row in VIDEO_SDK_CLAIMS.values()
    if row.claim is not None and row.parameter is not None and not row.required
)
"""(claim, parameter, check) of the optional claims, in the official sample's payload order."""


_PARAMETERS = tuple(parameter for _, parameter, _ in _OPTIONAL)


def sign_video_sdk(
    *,
    sdk_key: str,
    sdk_secret: str,
    topic: str,
    role: Union[Role, int],
    expires_in: int = 7200,
    now: Now = None,
    clock_skew: int = 30,
    user_identity: Optional[str] = None,
    session_key: Optional[str] = None,
    geo_regions: Optional[Sequence[str]] = None,
    cloud_recording_option: Optional[int] = None,
    cloud_recording_election: Optional[int] = None,
    telemetry_tracking_id: Optional[str] = None,
    video_webrtc_mode: Optional[int] = None,
    audio_webrtc_mode: Optional[int] = None,
    credential_type: CredentialType = CredentialType.VIDEO_SDK,
    user_key: Optional[str] = None,
    cloud_recording_transcript_option: Optional[int] = None,
) -> str:
    """Make a Video SDK token: an HS256 JWT as Zoom's official Video SDK auth sample makes it.

    Args:
        sdk_key: The Video SDK key (not a Meeting SDK key).
        sdk_secret: The Video SDK secret. Never logged, never in an error.
        topic: The session name (``tpc``), 1 to 200 characters; the client's ``join`` must
            pass the same name (Zoom compares it ignoring case).
        role: :attr:`Role.PARTICIPANT` (0) or :attr:`Role.HOST` (1).
        expires_in: Seconds from ``iat`` to ``exp``, 1800 to 172800.
        now: ``None`` reads the clock once; else a Unix time or an aware datetime.
        clock_skew: Seconds to backdate ``iat`` by (0 to 300).
        user_identity: Optional user id, at most 35 characters.
        session_key: Optional session key, at most 36 characters.
        geo_regions: Optional region codes such as ``["US", "DE"]``; sent comma-joined.
        cloud_recording_option: Optional 0/1.
        cloud_recording_election: Optional 0/1.
        telemetry_tracking_id: Optional tracking id.
        video_webrtc_mode: Optional 0/1.
        audio_webrtc_mode: Optional 0/1.
        credential_type: Only :attr:`CredentialType.VIDEO_SDK` can sign Video SDK tokens.
        user_key: Optional customer key for the user, at most 36 characters; the 2.x
            client reads it (as its ``customerKey``). Zoom's auth page calls it the newer
            name of ``user_identity``. Sent after the official sample's claims.
        cloud_recording_transcript_option: Optional 0 (no transcript), 1 (transcript) or 2
            (transcript and summary) for cloud recordings; Zoom's Video SDK auth page
            (2026), which needs a universal-credit account. Sent last.

    Returns:
        The whole ``header.payload.signature`` token.

    Raises:
        InvalidParameterError: An argument cannot make a token Zoom accepts.
        UnsupportedCredentialError: ``credential_type`` is not ``VIDEO_SDK``.
    """
    check_credential(
        credential_type, "credential_type", (CredentialType.VIDEO_SDK,), "Video SDK token"
    )
    key = check_key(sdk_key, "sdk_key")
    secret = check_secret(sdk_secret, "sdk_secret")
    tpc = check_text(topic, "topic", MAX_TOPIC, required=True)
    checked_role = check_role(role)
    lifetime = check_lifetime(expires_in)
    skew = check_clock_skew(clock_skew)
    given = {
        "user_identity": user_identity,
        "session_key": session_key,
        "geo_regions": geo_regions,
        "cloud_recording_option": cloud_recording_option,
        "cloud_recording_election": cloud_recording_election,
        "telemetry_tracking_id": telemetry_tracking_id,
        "video_webrtc_mode": video_webrtc_mode,
        "audio_webrtc_mode": audio_webrtc_mode,
        "user_key": user_key,
        "cloud_recording_transcript_option": cloud_recording_transcript_option,
    }
    optional = [(claim, check(given[parameter])) for claim, parameter, check in _OPTIONAL]
    texts = zip(("topic", *_PARAMETERS), (tpc, *(value for _, value in optional)))
    refuse_readable_secret(sdk_secret, texts)
    iat = math.floor(resolve_now(now)) - skew
    payload: dict[str, object] = {
        "app_key": key,
        "role_type": int(checked_role),
        "tpc": tpc,
        "version": 1,
        "iat": iat,
        "exp": iat + lifetime,
    }
    payload.update((name, value) for name, value in optional if value is not None)
    return _jws.sign(payload, secret, "sdk_secret")
