"""What the signers, Zoom's official samples and PyJWT make, decode_and_validate accepts.

A correct signature gets no error and no warning (except the LEGACY_FORMAT error for a legacy
one and LIFETIME_AT_MINIMUM for ``expires_in=1800``), and ``signature_verified`` is True with the
secret, evaluated at the signing time.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

import jwt
import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, load_vectors
from mistakes import EXP, IAT, MN, TOPIC, meeting_claims, video_claims

from zoomsig import (
    MIN_LIFETIME,
    FindingCode,
    InvalidParameterError,
    InvalidSignatureError,
    LegacyEncoding,
    Report,
    Role,
    Severity,
    TokenKind,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)

C = FindingCode
VECTORS = load_vectors()


def _describe(report: Report) -> str:
    return ", ".join(f"{f.code.value}({f.severity.value})" for f in report.findings) or "none"


def assert_clean(
    report: Report,
    *,
    kind: TokenKind,
    allowed_warnings: frozenset[FindingCode] = frozenset(),
    verified: Optional[bool] = True,
) -> None:
    """ok, the right kind, no error, only the allowed warnings, HMAC as expected."""
    assert report.ok, _describe(report)
    assert report.kind is kind, report.kind
    assert not report.errors, _describe(report)
    assert {f.code for f in report.warnings} <= allowed_warnings, _describe(report)
    assert report.signature_verified is verified
    assert report.raise_for_errors() is report


# ---------------------------------------------------------------------- Meeting SDK signer

MEETING_COMBOS = [
    pytest.param(
        {"meeting_number": mn, "role": role, "expires_in": life, "video_webrtc_mode": webrtc},
        id=f"mn={mn!r}-role={role!r}-life={life}-webrtc={webrtc}",
    )
    for mn, role, life, webrtc in [
        ("85746065432", Role.PARTICIPANT, 7200, None),
        (85746065432, Role.HOST, 7200, 1),
        ("123456789", 0, 3600, 0),
        ("123456789012", 1, 172800, None),
        (1234567890, 0, 1800, None),
        ("97875981800", Role.HOST, 86400, 0),
    ]
] + [pytest.param({"expires_in": life}, id=f"native-life={life}") for life in (1800, 7200, 172800)]


@pytest.mark.parametrize("params", MEETING_COMBOS)
@pytest.mark.parametrize("skew", [0, 30, 300])
def test_meeting_sdk_signer_output_is_clean(params: dict[str, Any], skew: int) -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW, clock_skew=skew, **params
    )
    kwargs: dict[str, Any] = {"secret": SDK_SECRET, "sdk_key": SDK_KEY, "now": NOW}
    if "meeting_number" in params:
        kwargs["meeting_number"] = params["meeting_number"]
        kwargs["role"] = params["role"]
    report = decode_and_validate(token, **kwargs)
    at_minimum = params["expires_in"] == MIN_LIFETIME
    allowed = frozenset({C.LIFETIME_AT_MINIMUM}) if at_minimum else frozenset()
    assert_clean(report, kind=TokenKind.MEETING_SDK, allowed_warnings=allowed)
    if params["expires_in"] == MIN_LIFETIME:
        assert C.LIFETIME_AT_MINIMUM in report.codes
    infos = {f.code for f in report.findings if f.severity is Severity.INFO}
    assert (C.NATIVE_ONLY in infos) == ("meeting_number" not in params)
    assert (C.HOST_NEEDS_ZAK in infos) == (params.get("role") == 1)
    assert report.claims["appKey"] == SDK_KEY
    assert report.expires_at == datetime.fromtimestamp(
        NOW - skew + params["expires_in"], tz=timezone.utc
    )


def test_meeting_sdk_signer_with_datetime_now_is_clean() -> None:
    when = datetime(2025, 11, 23, 12, 13, 20, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=Role.HOST, now=when
    )
    report = decode_and_validate(
        token, secret=SDK_SECRET, meeting_number=MN, role=Role.HOST, now=when
    )
    assert_clean(report, kind=TokenKind.MEETING_SDK)


def test_meeting_sdk_signer_stays_clean_until_near_expiry() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW, clock_skew=0
    )
    later = decode_and_validate(token, secret=SDK_SECRET, now=NOW + 3600)
    assert_clean(later, kind=TokenKind.MEETING_SDK)
    nearly = decode_and_validate(token, secret=SDK_SECRET, now=NOW + 7200 - 60)
    assert nearly.ok
    assert C.EXPIRES_SOON in nearly.codes
    gone = decode_and_validate(token, secret=SDK_SECRET, now=NOW + 7201)
    assert not gone.ok
    assert C.EXPIRED in gone.codes


# ---------------------------------------------------------------------- Video SDK signer

VIDEO_OPTIONS: list[dict[str, Any]] = [
    {},
    {"user_identity": "user-42"},
    {"user_identity": "x" * 35, "session_key": "k" * 36},
    {"geo_regions": ["US"]},
    {"geo_regions": ["AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US"]},
    {"cloud_recording_option": 0, "cloud_recording_election": 1},
    {"cloud_recording_option": 1, "cloud_recording_election": 0},
    {"telemetry_tracking_id": "trace-123"},
    {"video_webrtc_mode": 0, "audio_webrtc_mode": 1},
    {"video_webrtc_mode": 1, "audio_webrtc_mode": 0},
    {
        "user_identity": "user-42",
        "session_key": "sk-1",
        "geo_regions": ["US", "DE"],
        "cloud_recording_option": 1,
        "cloud_recording_election": 0,
        "telemetry_tracking_id": "t",
        "video_webrtc_mode": 1,
        "audio_webrtc_mode": 1,
    },
]


@pytest.mark.parametrize("options", VIDEO_OPTIONS, ids=lambda o: "-".join(sorted(o)) or "none")
@pytest.mark.parametrize(
    ("topic", "role"),
    [
        ("Weekly sync", Role.HOST),
        ("support room 7", 0),
        ("t" * 200, 1),
        ("Café ☕ 東京", 0),
    ],
)
def test_video_sdk_signer_output_is_clean(options: dict[str, Any], topic: str, role: int) -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=topic, role=role, now=NOW, **options
    )
    report = decode_and_validate(token, secret=SDK_SECRET, sdk_key=SDK_KEY, topic=topic, now=NOW)
    assert_clean(report, kind=TokenKind.VIDEO_SDK)
    assert C.UNKNOWN_CLAIM not in report.codes, _describe(report)


@pytest.mark.parametrize("life", [1800, 7200, 172800])
def test_video_sdk_lifetimes(life: int) -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=TOPIC, role=0, expires_in=life, now=NOW
    )
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    allowed = frozenset({C.LIFETIME_AT_MINIMUM}) if life == MIN_LIFETIME else frozenset()
    assert_clean(report, kind=TokenKind.VIDEO_SDK, allowed_warnings=allowed)


@pytest.mark.parametrize("topic", ["weekly sync", "WEEKLY SYNC", "Weekly Sync"])
def test_topic_compare_ignores_case(topic: str) -> None:
    token = sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=TOPIC, role=1, now=NOW)
    report = decode_and_validate(token, secret=SDK_SECRET, topic=topic, now=NOW)
    assert C.TOPIC_MISMATCH not in report.codes
    assert report.ok


# ---------------------------------------------------------------------- legacy signer


@pytest.mark.parametrize("encoding", list(LegacyEncoding))
@pytest.mark.parametrize(
    ("mn", "role"), [(MN, 0), (MN, Role.HOST), ("123456789", 1), (97875981800, 0)]
)
def test_legacy_signer_output_gets_only_legacy_format(
    encoding: LegacyEncoding, mn: Any, role: int
) -> None:
    token = sign_legacy_web_sdk(
        api_key=SDK_KEY,
        api_secret=SDK_SECRET,
        meeting_number=mn,
        role=role,
        now=NOW,
        encoding=encoding,
    )
    report = decode_and_validate(
        token, secret=SDK_SECRET, sdk_key=SDK_KEY, meeting_number=mn, role=role, now=NOW
    )
    # Verified and read, but not ok: no SDK Zoom still lets connect accepts the format.
    assert report.kind is TokenKind.LEGACY_WEB_SDK
    assert report.signature_verified is True
    assert report.codes == {C.LEGACY_FORMAT}, _describe(report)
    assert not report.ok


# ---------------------------------------------------------------------- official vectors


@pytest.mark.parametrize(
    "vector",
    VECTORS["meeting_sdk"],
    ids=lambda v: f"{v['inputs']['meeting_number']}-{v['inputs']['expires_in']}",
)
def test_official_meeting_vectors_are_clean(vector: dict[str, Any]) -> None:
    inputs = vector["inputs"]
    report = decode_and_validate(
        vector["signature"],
        secret=inputs["sdk_secret"],
        sdk_key=inputs["sdk_key"],
        now=inputs["now"],
    )
    allowed = frozenset({C.LIFETIME_AT_MINIMUM}) if inputs["expires_in"] == 1800 else frozenset()
    assert_clean(report, kind=TokenKind.MEETING_SDK, allowed_warnings=allowed)


@pytest.mark.parametrize("vector", VECTORS["video_sdk"], ids=lambda v: v["inputs"]["topic"])
def test_official_video_vectors_are_clean(vector: dict[str, Any]) -> None:
    inputs = vector["inputs"]
    report = decode_and_validate(
        vector["signature"],
        secret=inputs["sdk_secret"],
        sdk_key=inputs["sdk_key"],
        topic=inputs["topic"],
        now=inputs["now"],
    )
    assert_clean(report, kind=TokenKind.VIDEO_SDK)


@pytest.mark.parametrize("field", ["signature_standard", "signature_url_safe"])
@pytest.mark.parametrize(
    "vector",
    VECTORS["legacy_web_sdk"],
    ids=lambda v: f"{v['inputs']['meeting_number']}-role{v['inputs']['role']}",
)
def test_official_legacy_vectors_get_only_legacy_format(vector: dict[str, Any], field: str) -> None:
    inputs = vector["inputs"]
    report = decode_and_validate(
        vector[field],
        secret=inputs["api_secret"],
        sdk_key=inputs["api_key"],
        meeting_number=inputs["meeting_number"],
        role=inputs["role"],
        now=inputs["now"],
    )
    assert report.codes == {C.LEGACY_FORMAT}, _describe(report)
    assert not report.ok
    assert report.signature_verified is True


# ---------------------------------------------------------------------- PyJWT-made tokens

PYJWT_TOKENS = {
    "zoom_claims": meeting_claims(),
    "mn_json_number": meeting_claims(mn=85746065432),
    "native_without_mn_role": meeting_claims(mn=None, role=None),
    "appkey_only": {
        "appKey": SDK_KEY,
        "mn": MN,
        "role": 1,
        "iat": IAT,
        "exp": EXP,
        "tokenExp": EXP,
    },
    "claims_in_other_order": {
        "iat": IAT,
        "exp": EXP,
        "tokenExp": EXP,
        "role": 0,
        "mn": MN,
        "sdkKey": SDK_KEY,
        "appKey": SDK_KEY,
    },
    "video_claims": video_claims(),
    "video_audio_compatible_mode": video_claims(audio_compatible_mode=1),
}


@pytest.mark.parametrize("name", sorted(PYJWT_TOKENS))
def test_pyjwt_tokens_with_zoom_claims_are_clean(name: str) -> None:
    claims = {k: v for k, v in PYJWT_TOKENS[name].items() if v is not None}
    token = jwt.encode(claims, SDK_SECRET, algorithm="HS256")
    kind = TokenKind.VIDEO_SDK if "app_key" in claims else TokenKind.MEETING_SDK
    kwargs: dict[str, Any] = {"secret": SDK_SECRET, "sdk_key": SDK_KEY, "now": NOW}
    if "mn" in claims:
        kwargs["meeting_number"] = MN
    report = decode_and_validate(token, **kwargs)
    assert_clean(report, kind=kind)
    assert C.UNKNOWN_CLAIM not in report.codes, _describe(report)


def test_pyjwt_header_with_extra_kid_and_typ_first_is_clean() -> None:
    token = jwt.encode(
        meeting_claims(), SDK_SECRET, algorithm="HS256", headers={"kid": "k1"}, sort_headers=False
    )
    assert_clean(decode_and_validate(token, secret=SDK_SECRET, now=NOW), kind=TokenKind.MEETING_SDK)


def test_mn_json_number_matches_the_caller_meeting_number() -> None:
    token = jwt.encode(meeting_claims(mn=85746065432), SDK_SECRET, algorithm="HS256")
    for expected in (MN, 85746065432):
        report = decode_and_validate(token, secret=SDK_SECRET, meeting_number=expected, now=NOW)
        assert C.MEETING_NUMBER_MISMATCH not in report.codes
        assert report.ok, _describe(report)


def test_bytes_input_is_accepted() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW
    )
    assert_clean(
        decode_and_validate(token.encode("ascii"), secret=SDK_SECRET, now=NOW),
        kind=TokenKind.MEETING_SDK,
    )


# ---------------------------------------------------------------------- secret handling


def _token() -> str:
    return sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW
    )


def test_without_secret_hmac_is_not_checked_and_ok_can_be_true() -> None:
    report = decode_and_validate(_token(), now=NOW)
    assert report.signature_verified is None
    assert report.ok
    assert C.SIGNATURE_MISMATCH not in report.codes
    assert "not checked" in str(report)


def test_wrong_secret_is_a_mismatch() -> None:
    report = decode_and_validate(_token(), secret="Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcV", now=NOW)
    assert not report.ok
    assert report.signature_verified is False
    assert C.SIGNATURE_MISMATCH in report.codes


def test_raise_for_errors_returns_or_raises_with_the_report() -> None:
    good = decode_and_validate(_token(), secret=SDK_SECRET, now=NOW)
    assert good.raise_for_errors() is good
    bad = decode_and_validate(_token(), secret="Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcV", now=NOW)
    with pytest.raises(InvalidSignatureError) as raised:
        bad.raise_for_errors()
    assert raised.value.report is bad
    assert "SIGNATURE_MISMATCH" in str(raised.value)


def test_same_result_with_int_float_and_datetime_now() -> None:
    token = _token()
    reports = [
        decode_and_validate(token, secret=SDK_SECRET, now=when)
        for when in (NOW, float(NOW), datetime.fromtimestamp(NOW, tz=timezone.utc))
    ]
    assert len({r.codes for r in reports}) == 1
    assert all(r.ok for r in reports)


# ---------------------------------------------------------------------- argument errors


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"role": True}, "role_bool"),
        ({"role": "1"}, "role_str"),
        ({"role": 2}, "role_2"),
        ({"now": datetime(2025, 11, 23, 12, 13, 20)}, "naive_datetime"),
        ({"now": "1763900000"}, "now_str"),
        ({"now": NOW * 1000}, "now_in_ms"),
        ({"now": -1}, "now_negative"),
    ],
)
def test_wrong_argument_types_raise_invalid_parameter(kwargs: dict[str, Any], name: str) -> None:
    with pytest.raises(InvalidParameterError) as raised:
        decode_and_validate(_token(), **kwargs)
    assert isinstance(raised.value, (TypeError, ValueError)), name


def test_argument_errors_never_echo_the_secret() -> None:
    with pytest.raises(InvalidParameterError) as raised:
        decode_and_validate(_token(), secret=SDK_SECRET, role=True)
    assert SDK_SECRET not in str(raised.value)


def test_every_signer_combination_is_accepted_without_secret() -> None:
    # Sanity over a wider grid: no secret, only structure and claims.
    for mn, role, life in itertools.product(("123456789", MN), (0, 1), (3600, 86400)):
        token = sign_meeting_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=SDK_SECRET,
            meeting_number=mn,
            role=role,
            expires_in=life,
            now=NOW,
        )
        report = decode_and_validate(token, meeting_number=mn, role=role, now=NOW)
        assert report.ok, _describe(report)
        assert report.signature_verified is None


def test_user_key_is_a_known_video_claim() -> None:
    # Zoom's current Video SDK auth page lists user_key (max 36 characters, "previously
    # named user_identity"); tokens made from that page must not get UNKNOWN_CLAIM.
    token = jwt.encode(video_claims(user_key="user-42"), SDK_SECRET, algorithm="HS256")
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert_clean(report, kind=TokenKind.VIDEO_SDK)
    assert C.UNKNOWN_CLAIM not in report.codes, _describe(report)
