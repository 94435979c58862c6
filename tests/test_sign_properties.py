"""Property tests: whatever valid inputs the signers get, PyJWT verifies the result.

The claims PyJWT reads back are the ones the inputs call for, in the official samples'
order, and for ASCII payloads ``jwt.encode`` of the same claims gives the same bytes
(PyJWT escapes non-ASCII text, Zoom's samples and zoomsig send it as UTF-8).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import string
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from _support import (
    SENTINEL_SECRET,
    b64url_to_bytes,
    jwt_parts,
    pyjwt_decode,
    pyjwt_encode,
    secret_fragments,
)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zoomsig import (
    InvalidParameterError,
    LegacyEncoding,
    Role,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig._registry import text_length
from zoomsig._secrecy import holds_part

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REGIONS = ["AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US"]

# Printable text (letters, numbers, punctuation, symbols, inner spaces), no surrounding
# whitespace: what a key or secret copied from the Zoom Marketplace can look like.
credential_text = (
    st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=64)
    .map(str.strip)
    .filter(bool)
)
meeting_numbers = st.one_of(
    st.integers(min_value=10**8, max_value=10**12 - 1),
    st.text("0123456789", min_size=9, max_size=12),
)
roles = st.sampled_from([0, 1, Role.PARTICIPANT, Role.HOST])
lifetimes = st.integers(min_value=1800, max_value=172800)
skews = st.integers(min_value=0, max_value=300)
flags = st.one_of(st.none(), st.sampled_from([0, 1]))
zones = st.integers(min_value=-1439, max_value=1439).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
nows = st.one_of(
    st.integers(min_value=10**9, max_value=4 * 10**9),
    st.floats(min_value=1e9, max_value=4e9),
    st.datetimes(min_value=datetime(2001, 9, 10), max_value=datetime(2096, 1, 1), timezones=zones),
)


def zoom_text(limit: int) -> st.SearchStrategy[str]:
    """Text Zoom takes under ``limit``: at most that many UTF-16 code units, as it counts."""
    return st.text(min_size=1, max_size=limit).filter(lambda text: text_length(text) <= limit)


topics = zoom_text(200)
# ASCII with quotes, backslashes and the control characters JSON escapes. Not DEL: PyJWT's
# ensure_ascii JSON escapes it as \u007f, JSON.stringify (and zoomsig) send it raw.
ascii_text = (
    st.text(string.printable + "\x00\x01\x1f", min_size=1, max_size=80).map(str.strip).filter(bool)
)


def is_printable_ascii(raw: bytes) -> bool:
    """JSON text both encoders write the same way: only the bytes 0x20 to 0x7e."""
    return all(0x20 <= byte <= 0x7E for byte in raw)


def unix_seconds(now: int | float | datetime) -> int:
    return math.floor(now.timestamp() if isinstance(now, datetime) else now)


def check_token(token: str, secret: str, expected: dict[str, Any]) -> None:
    header, claims, _ = jwt_parts(token)
    assert header == b'{"alg":"HS256","typ":"JWT"}'
    assert claims == expected
    assert list(claims) == list(expected)
    assert pyjwt_decode(token, secret) == expected
    if is_printable_ascii(b64url_to_bytes(token.split(".")[1])):
        assert pyjwt_encode(claims, secret) == token


@SETTINGS
@given(
    key=credential_text,
    secret=credential_text,
    web=st.booleans(),
    meeting_number=meeting_numbers,
    role=roles,
    expires_in=lifetimes,
    now=nows,
    clock_skew=skews,
    video_webrtc_mode=flags,
)
def test_meeting_sdk_tokens_verify_with_pyjwt(
    key: str,
    secret: str,
    web: bool,
    meeting_number: int | str,
    role: int,
    expires_in: int,
    now: int | float | datetime,
    clock_skew: int,
    video_webrtc_mode: int | None,
) -> None:
    token = sign_meeting_sdk(
        sdk_key=key,
        sdk_secret=secret,
        meeting_number=meeting_number if web else None,
        role=role if web else None,
        expires_in=expires_in,
        now=now,
        clock_skew=clock_skew,
        video_webrtc_mode=video_webrtc_mode,
    )
    iat = unix_seconds(now) - clock_skew
    expected: dict[str, Any] = {"appKey": key, "sdkKey": key}
    if web:
        expected.update(mn=str(meeting_number), role=int(role))
    expected.update(iat=iat, exp=iat + expires_in, tokenExp=iat + expires_in)
    if video_webrtc_mode is not None:
        expected["video_webrtc_mode"] = video_webrtc_mode
    check_token(token, secret, expected)


@SETTINGS
@given(
    key=credential_text,
    secret=credential_text,
    topic=topics,
    role=roles,
    expires_in=lifetimes,
    now=nows,
    clock_skew=skews,
    user_identity=st.none() | zoom_text(35),
    session_key=st.none() | zoom_text(36),
    geo_regions=st.none() | st.lists(st.sampled_from(REGIONS), min_size=1, max_size=12),
    cloud_recording_option=flags,
    cloud_recording_election=flags,
    telemetry_tracking_id=st.none() | zoom_text(200),
    video_webrtc_mode=flags,
    audio_webrtc_mode=flags,
)
def test_video_sdk_tokens_verify_with_pyjwt(
    key: str,
    secret: str,
    topic: str,
    role: int,
    expires_in: int,
    now: int | float | datetime,
    clock_skew: int,
    **optional: Any,
) -> None:
    # A text claim holding 16 characters of the secret is refused (it would ship the
    # secret to every browser); tests/test_video_sdk.py covers that refusal.
    texts = [topic, *(v for v in optional.values() if isinstance(v, str))]
    assume(not any(holds_part(text, secret) for text in texts))
    token = sign_video_sdk(
        sdk_key=key,
        sdk_secret=secret,
        topic=topic,
        role=role,
        expires_in=expires_in,
        now=now,
        clock_skew=clock_skew,
        **optional,
    )
    iat = unix_seconds(now) - clock_skew
    expected: dict[str, Any] = {
        "app_key": key,
        "role_type": int(role),
        "tpc": topic,
        "version": 1,
        "iat": iat,
        "exp": iat + expires_in,
    }
    order = [
        "user_identity",
        "session_key",
        "geo_regions",
        "cloud_recording_option",
        "cloud_recording_election",
        "telemetry_tracking_id",
        "video_webrtc_mode",
        "audio_webrtc_mode",
    ]
    for name in order:
        value = optional[name]
        if value is not None:
            expected[name] = ",".join(value) if name == "geo_regions" else value
    check_token(token, secret, expected)


@SETTINGS
@given(
    key=ascii_text,
    secret=ascii_text,
    meeting_number=meeting_numbers,
    role=roles,
    topic=ascii_text,
    now=nows,
    flag=flags,
)
def test_ascii_tokens_are_what_pyjwt_encode_makes(
    key: str,
    secret: str,
    meeting_number: int | str,
    role: int,
    topic: str,
    now: int | float | datetime,
    flag: int | None,
) -> None:
    meeting = sign_meeting_sdk(
        sdk_key=key,
        sdk_secret=secret,
        meeting_number=meeting_number,
        role=role,
        now=now,
        video_webrtc_mode=flag,
    )
    assume(not holds_part(topic, secret))  # refused: tests/test_video_sdk.py
    video = sign_video_sdk(
        sdk_key=key, sdk_secret=secret, topic=topic, role=role, now=now, audio_webrtc_mode=flag
    )
    for token in (meeting, video):
        claims = jwt_parts(token)[1]
        assert pyjwt_encode(claims, secret) == token
        assert pyjwt_decode(token, secret) == claims


@SETTINGS
@given(
    key=credential_text,
    secret=credential_text,
    meeting_number=meeting_numbers,
    role=roles,
    now=nows,
    standard=st.booleans(),
)
def test_legacy_signatures_follow_the_rule(
    key: str,
    secret: str,
    meeting_number: int | str,
    role: int,
    now: int | float | datetime,
    standard: bool,
) -> None:
    encoding = LegacyEncoding.STANDARD if standard else LegacyEncoding.URL_SAFE
    signature = sign_legacy_web_sdk(
        api_key=key,
        api_secret=secret,
        meeting_number=meeting_number,
        role=role,
        now=now,
        encoding=encoding,
    )
    if standard:
        outer = base64.b64decode(signature, validate=True)
    else:
        assert "=" not in signature
        outer = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    text = outer.decode("utf-8")
    # The key may hold dots; the other four fields do not.
    got_key, mn, timestamp, got_role, digest = text.rsplit(".", 4)
    assert (got_key, mn, got_role) == (key, str(meeting_number), str(int(role)))
    seconds = now.timestamp() if isinstance(now, datetime) else now
    assert abs(int(timestamp) - (seconds * 1000 - 30000)) < 1.001
    message = base64.b64encode(f"{key}{mn}{timestamp}{got_role}".encode())
    mac = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    assert digest == base64.b64encode(mac).decode()


@SETTINGS
@given(
    meeting_number=st.one_of(meeting_numbers, st.text(max_size=20), st.integers()),
    role=st.one_of(st.integers(-3, 6), st.text(max_size=3), st.booleans(), st.floats()),
)
def test_meeting_number_and_role_either_sign_or_raise_invalid_parameter(
    meeting_number: int | str, role: object
) -> None:
    error: InvalidParameterError | None = None
    try:
        token = sign_meeting_sdk(
            sdk_key="key",
            sdk_secret=SENTINEL_SECRET,
            meeting_number=meeting_number,
            role=role,  # type: ignore[arg-type]
            now=1763900000,
        )
    except InvalidParameterError as exc:
        error = exc
    if error is not None:
        assert error.parameter in ("meeting_number", "role")
        for fragment in secret_fragments():
            assert fragment not in repr(error)
        return
    claims = jwt_parts(token)[1]
    assert claims["mn"].isascii()
    assert claims["mn"].isdigit()
    assert 9 <= len(claims["mn"]) <= 12
    assert claims["role"] in (0, 1)
    assert type(claims["role"]) is int


@SETTINGS
@given(
    core=credential_text,
    pad=st.sampled_from([" ", "\n", "\r\n", "\t", "\u00a0", "\u3000"]),
    leading=st.booleans(),
    target=st.sampled_from(["sdk_key", "sdk_secret"]),
)
def test_surrounding_whitespace_is_refused_and_not_echoed(
    core: str, pad: str, leading: bool, target: str
) -> None:
    secret = SENTINEL_SECRET + core
    padded = pad + secret if leading else secret + pad
    kwargs: dict[str, Any] = {"sdk_key": "key", "sdk_secret": "a-secret", target: padded}
    with pytest.raises(InvalidParameterError) as info:
        sign_meeting_sdk(**kwargs, now=1763900000)
    assert info.value.parameter == target
    for fragment in secret_fragments(secret):
        assert fragment not in str(info.value)
        assert fragment not in repr(info.value)
