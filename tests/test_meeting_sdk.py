"""sign_meeting_sdk: claims, order, time handling, accepted inputs and every refusal."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any, Optional

import jwt
import pytest
from _support import (
    NOW,
    SDK_KEY,
    SDK_SECRET,
    SENTINEL_SECRET,
    assert_rejected,
    b64url_to_bytes,
    jwt_parts,
    pyjwt_decode,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from zoomsig import (
    CredentialType,
    InvalidParameterError,
    Role,
    UnsupportedCredentialError,
    _time,
    sign_meeting_sdk,
)
from zoomsig.meeting_sdk import _claims_json

MN = "85746065432"
WEB_ORDER = ["appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp"]
NATIVE_ORDER = ["appKey", "sdkKey", "iat", "exp", "tokenExp"]


def web(**overrides: Any) -> str:
    kwargs: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": SDK_SECRET,
        "meeting_number": MN,
        "role": Role.PARTICIPANT,
        "now": NOW,
    }
    kwargs.update(overrides)
    return sign_meeting_sdk(**kwargs)


# --- shape ------------------------------------------------------------------------------


def test_header_is_exactly_zooms() -> None:
    header, _, mac = jwt_parts(web())
    assert header == b'{"alg":"HS256","typ":"JWT"}'
    assert len(mac) == 32


def test_web_claims_in_the_official_order() -> None:
    _, claims, _ = jwt_parts(web(role=Role.HOST))
    assert list(claims) == WEB_ORDER
    assert claims["appKey"] == claims["sdkKey"] == SDK_KEY
    assert claims["mn"] == MN
    assert claims["role"] == 1


def test_video_webrtc_mode_comes_last() -> None:
    for mode in (0, 1):
        _, claims, _ = jwt_parts(web(video_webrtc_mode=mode))
        assert list(claims) == [*WEB_ORDER, "video_webrtc_mode"]
        assert claims["video_webrtc_mode"] == mode
        assert type(claims["video_webrtc_mode"]) is int


def test_native_token_has_no_mn_or_role() -> None:
    token = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW)
    _, claims, _ = jwt_parts(token)
    assert list(claims) == NATIVE_ORDER
    assert "mn" not in claims
    assert "role" not in claims


def test_native_token_with_video_webrtc_mode() -> None:
    token = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW, video_webrtc_mode=1)
    assert list(jwt_parts(token)[1]) == [*NATIVE_ORDER, "video_webrtc_mode"]


def test_payload_json_is_compact() -> None:
    raw = b64url_to_bytes(web().split(".")[1])
    assert raw.startswith(b'{"appKey":"')
    assert b" " not in raw
    assert b'"mn":"85746065432","role":0,' in raw


@pytest.mark.parametrize("mn", [MN, int(MN), "012345678"])
@pytest.mark.parametrize("role", [0, 1, Role.PARTICIPANT, Role.HOST])
def test_mn_is_always_a_string_and_role_an_int(mn: object, role: object) -> None:
    _, claims, _ = jwt_parts(web(meeting_number=mn, role=role))
    assert claims["mn"] == str(mn)
    assert type(claims["mn"]) is str
    assert type(claims["role"]) is int
    assert claims["role"] == int(role)  # type: ignore[call-overload]


# --- PyJWT agrees -----------------------------------------------------------------------


@pytest.mark.parametrize("video_webrtc_mode", [None, 0, 1])
@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.HOST])
def test_pyjwt_verifies_and_reads_the_same_claims(
    role: Role, video_webrtc_mode: int | None
) -> None:
    token = web(role=role, video_webrtc_mode=video_webrtc_mode, sdk_secret=SENTINEL_SECRET)
    claims = pyjwt_decode(token, SENTINEL_SECRET)
    assert claims == jwt_parts(token)[1]
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}


def test_pyjwt_rejects_another_secret() -> None:
    with pytest.raises(jwt.InvalidSignatureError):
        pyjwt_decode(web(), SDK_SECRET + "x")


def test_pyjwt_full_validation_with_the_real_clock() -> None:
    token = web(now=None)
    claims = pyjwt_decode(
        token, SDK_SECRET, verify_exp=True, verify_iat=True, require=["iat", "exp"]
    )
    assert claims["mn"] == MN


def test_pyjwt_encode_gives_the_same_token() -> None:
    token = web(role=Role.HOST, video_webrtc_mode=1)
    _, claims, _ = jwt_parts(token)
    assert jwt.encode(claims, SDK_SECRET, algorithm="HS256") == token


def test_non_ascii_key_is_sent_as_utf8() -> None:
    token = web(sdk_key="clé-ünïcödé")
    assert pyjwt_decode(token, SDK_SECRET)["appKey"] == "clé-ünïcödé"
    assert '"appKey":"clé-ünïcödé"'.encode() in b64url_to_bytes(token.split(".")[1])


# --- time -------------------------------------------------------------------------------


def test_default_clock_skew_backdates_iat_by_30_seconds() -> None:
    _, claims, _ = jwt_parts(web())
    assert claims["iat"] == NOW - 30
    assert claims["exp"] == claims["iat"] + 7200
    assert claims["tokenExp"] == claims["exp"]


@pytest.mark.parametrize("skew", [0, 1, 30, 299, 300])
@pytest.mark.parametrize("expires_in", [1800, 3600, 172800])
def test_iat_exp_tokenexp(skew: int, expires_in: int) -> None:
    _, claims, _ = jwt_parts(web(clock_skew=skew, expires_in=expires_in))
    assert claims["iat"] == NOW - skew
    assert claims["exp"] == NOW - skew + expires_in
    assert claims["tokenExp"] == claims["exp"]
    assert all(type(claims[name]) is int for name in ("iat", "exp", "tokenExp"))


@pytest.mark.parametrize("fraction", [0.0, 0.001, 0.5, 0.999999])
def test_float_now_is_floored(fraction: float) -> None:
    assert web(now=NOW + fraction) == web(now=NOW)
    assert jwt_parts(web(now=NOW + fraction, clock_skew=0))[1]["iat"] == NOW


@pytest.mark.parametrize(
    "aware",
    [
        datetime.fromtimestamp(NOW, tz=timezone.utc),
        datetime.fromtimestamp(NOW, tz=timezone(timedelta(hours=9))),
        datetime.fromtimestamp(NOW, tz=timezone(timedelta(hours=-3, minutes=-30))),
    ],
    ids=["utc", "plus-9", "minus-3-30"],
)
def test_aware_datetime_equals_unix_time(aware: datetime) -> None:
    assert web(now=aware) == web(now=NOW)


def test_aware_datetime_with_microseconds_is_floored() -> None:
    aware = datetime.fromtimestamp(NOW, tz=timezone.utc) + timedelta(microseconds=999_999)
    assert web(now=aware) == web(now=NOW)


def test_now_none_reads_the_clock_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[None] = []

    def fake_time() -> float:
        calls.append(None)
        return NOW + 0.25

    monkeypatch.setattr(_time, "time", SimpleNamespace(time=fake_time))
    assert web(now=None) == web(now=NOW)
    assert len(calls) == 1


def test_now_given_does_not_read_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_clock() -> float:
        raise AssertionError("clock read")

    monkeypatch.setattr(_time, "time", SimpleNamespace(time=no_clock))
    web(now=NOW)


# --- accepted inputs --------------------------------------------------------------------


@pytest.mark.parametrize(("member", "value"), [(Role.PARTICIPANT, 0), (Role.HOST, 1)])
def test_role_enum_and_int_identical(member: Role, value: int) -> None:
    assert web(role=member) == web(role=value)


def test_roles_give_different_tokens() -> None:
    assert web(role=0) != web(role=1)


@pytest.mark.parametrize("mn", ["123456789", "1234567890", MN, "123456789012"])
def test_int_and_str_meeting_numbers_identical(mn: str) -> None:
    assert web(meeting_number=int(mn)) == web(meeting_number=mn)


@pytest.mark.parametrize(
    "credential",
    [CredentialType.MEETING_SDK, CredentialType.GENERAL_APP, "MEETING_SDK", "GENERAL_APP"],
)
def test_usable_credential_types(credential: object) -> None:
    # The credential type is a guard; it never changes the token.
    assert web(credential_type=credential) == web()


def test_the_secret_matters() -> None:
    assert web(sdk_secret=SENTINEL_SECRET) != web()
    assert (
        web(sdk_secret=SDK_SECRET).split(".")[:2] == web(sdk_secret=SENTINEL_SECRET).split(".")[:2]
    )


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        sign_meeting_sdk(SDK_KEY, SDK_SECRET, MN, 0)  # type: ignore[misc]


# --- refusals ---------------------------------------------------------------------------

S = SENTINEL_SECRET
IPE = InvalidParameterError
UCE = UnsupportedCredentialError
USABLE = ("CredentialType.MEETING_SDK", "CredentialType.GENERAL_APP")

REJECTIONS = [
    # keys and secrets
    pytest.param({"sdk_key": ""}, IPE, "sdk_key", ("empty",), id="empty-key"),
    pytest.param({"sdk_key": None}, IPE, "sdk_key", ("NoneType",), id="key-none"),
    pytest.param({"sdk_key": 12345}, IPE, "sdk_key", ("int",), id="key-int"),
    pytest.param({"sdk_key": S.encode()}, IPE, "sdk_key", ("bytes",), id="key-bytes"),
    pytest.param({"sdk_key": S + "\n"}, IPE, "sdk_key", ("whitespace",), id="key-newline-from-env"),
    pytest.param({"sdk_key": " " + S}, IPE, "sdk_key", ("whitespace",), id="key-leading-space"),
    pytest.param({"sdk_secret": ""}, IPE, "sdk_secret", ("empty",), id="empty-secret"),
    pytest.param({"sdk_secret": None}, IPE, "sdk_secret", ("NoneType",), id="secret-none"),
    pytest.param({"sdk_secret": S.encode()}, IPE, "sdk_secret", ("bytes",), id="secret-bytes"),
    pytest.param({"sdk_secret": S + "\n"}, IPE, "sdk_secret", ("whitespace",), id="secret-newline"),
    pytest.param({"sdk_secret": S + "\r\n"}, IPE, "sdk_secret", ("whitespace",), id="secret-crlf"),
    pytest.param({"sdk_secret": "\t" + S}, IPE, "sdk_secret", ("whitespace",), id="secret-tab"),
    pytest.param(
        {"sdk_secret": S + "\ud800"}, IPE, "sdk_secret", ("Unicode",), id="secret-surrogate"
    ),
    # role
    pytest.param({"role": True}, IPE, "role", ("bool",), id="role-bool"),
    pytest.param({"role": "1"}, IPE, "role", ("int()",), id="role-string-1"),
    pytest.param({"role": "0"}, IPE, "role", ("int()",), id="role-string-0"),
    pytest.param({"role": 2}, IPE, "role", ("got 2",), id="role-2"),
    pytest.param({"role": 5}, IPE, "role", ("got 5",), id="role-5-webinar-internal"),
    pytest.param({"role": -1}, IPE, "role", ("got -1",), id="role-minus-1"),
    pytest.param({"role": 1.0}, IPE, "role", ("float",), id="role-float"),
    # meeting number
    pytest.param(
        {"meeting_number": "85746o65432"}, IPE, "meeting_number", ("digits only",), id="mn-letter-o"
    ),
    pytest.param(
        {"meeting_number": "abc123456"}, IPE, "meeting_number", ("digits only",), id="mn-letters"
    ),
    pytest.param(
        {"meeting_number": "978-759-818"}, IPE, "meeting_number", ("'978759818'",), id="mn-dashes"
    ),
    pytest.param(
        {"meeting_number": "978 759 818"}, IPE, "meeting_number", ("'978759818'",), id="mn-spaces"
    ),
    pytest.param(
        {"meeting_number": "12345678"}, IPE, "meeting_number", ("got 8",), id="mn-too-short"
    ),
    pytest.param(
        {"meeting_number": "1234567890123"}, IPE, "meeting_number", ("got 13",), id="mn-too-long"
    ),
    pytest.param(
        {"meeting_number": 12345678}, IPE, "meeting_number", ("got 8",), id="mn-int-too-short"
    ),
    pytest.param({"meeting_number": True}, IPE, "meeting_number", ("bool",), id="mn-bool"),
    pytest.param({"meeting_number": 857460654.0}, IPE, "meeting_number", ("float",), id="mn-float"),
    pytest.param(
        {"meeting_number": "٣٣٣٣٣٣٣٣٣"},
        IPE,
        "meeting_number",
        ("digits only",),
        id="mn-arabic-indic-digits",
    ),
    pytest.param({"meeting_number": ""}, IPE, "meeting_number", ("digits only",), id="mn-empty"),
    # one of the pair missing
    pytest.param(
        {"meeting_number": None}, IPE, "meeting_number", ("role was given",), id="role-without-mn"
    ),
    pytest.param({"role": None}, IPE, "role", ("meeting_number was given",), id="mn-without-role"),
    # lifetime
    pytest.param({"expires_in": 1799}, IPE, "expires_in", ("1799",), id="lifetime-under-30-min"),
    pytest.param({"expires_in": 172801}, IPE, "expires_in", ("172801",), id="lifetime-over-48-h"),
    pytest.param({"expires_in": 0}, IPE, "expires_in", ("got 0",), id="lifetime-zero"),
    pytest.param({"expires_in": 7200000}, IPE, "expires_in", ("7200000",), id="lifetime-in-ms"),
    pytest.param({"expires_in": 7200.0}, IPE, "expires_in", ("float",), id="lifetime-float"),
    pytest.param({"expires_in": True}, IPE, "expires_in", ("bool",), id="lifetime-bool"),
    pytest.param({"expires_in": "7200"}, IPE, "expires_in", ("str",), id="lifetime-str"),
    # clock skew
    pytest.param({"clock_skew": -1}, IPE, "clock_skew", ("0 to 300",), id="skew-negative"),
    pytest.param({"clock_skew": 301}, IPE, "clock_skew", ("0 to 300",), id="skew-over-300"),
    pytest.param({"clock_skew": True}, IPE, "clock_skew", ("bool",), id="skew-bool"),
    # now
    pytest.param(
        {"now": datetime(2025, 11, 23, 12, 13, 20)}, IPE, "now", ("naive",), id="now-naive-datetime"
    ),
    pytest.param({"now": "1763900000"}, IPE, "now", ("str",), id="now-str"),
    pytest.param({"now": True}, IPE, "now", ("bool",), id="now-bool"),
    pytest.param({"now": math.nan}, IPE, "now", ("finite",), id="now-nan"),
    pytest.param({"now": math.inf}, IPE, "now", ("finite",), id="now-inf"),
    pytest.param({"now": -1}, IPE, "now", ("non-negative",), id="now-negative"),
    pytest.param({"now": 1763900000000}, IPE, "now", ("milliseconds",), id="now-in-milliseconds"),
    # flags
    pytest.param({"video_webrtc_mode": 2}, IPE, "video_webrtc_mode", ("got 2",), id="webrtc-2"),
    pytest.param(
        {"video_webrtc_mode": True}, IPE, "video_webrtc_mode", ("bool",), id="webrtc-bool"
    ),
    # credential types that cannot sign
    pytest.param(
        {"credential_type": CredentialType.SERVER_TO_SERVER_OAUTH},
        UCE,
        "credential_type",
        ("REST API", *USABLE),
        id="s2s-oauth-credentials",
    ),
    pytest.param(
        {"credential_type": "SERVER_TO_SERVER_OAUTH"},
        UCE,
        "credential_type",
        USABLE,
        id="s2s-oauth-as-string",
    ),
    pytest.param(
        {"credential_type": CredentialType.OAUTH},
        UCE,
        "credential_type",
        USABLE,
        id="oauth-app-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.JWT_APP},
        UCE,
        "credential_type",
        ("legacy", *USABLE),
        id="jwt-app-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.VIDEO_SDK},
        UCE,
        "credential_type",
        ("Video SDK", *USABLE),
        id="video-sdk-credentials",
    ),
    pytest.param(
        {"credential_type": "ZOOM_APP"},
        IPE,
        "credential_type",
        ("CredentialType.OAUTH",),
        id="unknown-credential-type",
    ),
    pytest.param(
        {"credential_type": "meeting_sdk"},
        IPE,
        "credential_type",
        ("CredentialType.MEETING_SDK",),
        id="credential-type-lower-case",
    ),
]


@pytest.mark.parametrize("secret_in", ["sdk_secret", "sdk_key"])
@pytest.mark.parametrize(("overrides", "error", "parameter", "needles"), REJECTIONS)
def test_rejected_before_signing_without_leaking_the_secret(
    overrides: dict[str, Any],
    error: type[Exception],
    parameter: str,
    needles: tuple[str, ...],
    secret_in: str,
) -> None:
    # secret_in="sdk_key": the secret pasted into the key argument must not be echoed either.
    kwargs: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": SDK_SECRET,
        "meeting_number": MN,
        "role": Role.HOST,
        "now": NOW,
        secret_in: SENTINEL_SECRET,
    }
    kwargs.update(overrides)
    assert_rejected(sign_meeting_sdk, kwargs, error, parameter, needles)


def test_unsupported_credential_is_checked_first() -> None:
    # Even with every other argument wrong, the credential mistake is the one reported.
    with pytest.raises(UnsupportedCredentialError):
        sign_meeting_sdk(
            sdk_key="",
            sdk_secret="",
            meeting_number="x",
            role="1",  # type: ignore[arg-type]
            credential_type=CredentialType.SERVER_TO_SERVER_OAUTH,
        )


def test_dashes_are_refused_not_removed() -> None:
    # Decision: refused. The message names the digits-only value to pass instead.
    with pytest.raises(InvalidParameterError, match=r"pass '978759818' here and to join\(\)"):
        web(meeting_number="978-759-818")


@settings(max_examples=300, deadline=None)
@given(
    key=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
    web_claims=st.one_of(
        st.none(), st.tuples(st.from_regex(r"[0-9]{9,12}", fullmatch=True), st.sampled_from([0, 1]))
    ),
    iat=st.integers(min_value=0, max_value=10**11),
    lifetime=st.integers(min_value=1800, max_value=172800),
    include_sdk_key=st.booleans(),
    video_webrtc_mode=st.sampled_from([None, 0, 1]),
)
def test_claims_template_writes_what_json_dumps_writes(
    key: str,
    web_claims: Optional[tuple[str, int]],
    iat: int,
    lifetime: int,
    include_sdk_key: bool,
    video_webrtc_mode: Optional[int],
) -> None:
    # The payload is written from a template for speed; it must be json.dumps's text, for
    # any key text (quotes, backslashes, control characters, non-ASCII).
    claims: dict[str, object] = {"appKey": key}
    if include_sdk_key:
        claims["sdkKey"] = key
    mn, role = web_claims if web_claims is not None else (None, None)
    if web_claims is not None:
        claims.update(mn=mn, role=role)
    claims.update(iat=iat, exp=iat + lifetime, tokenExp=iat + lifetime)
    if video_webrtc_mode is not None:
        claims["video_webrtc_mode"] = video_webrtc_mode
    text = _claims_json(
        key,
        mn,
        role,
        iat,
        iat + lifetime,
        include_sdk_key=include_sdk_key,
        video_webrtc_mode=video_webrtc_mode,
    )
    assert text == json.dumps(claims, separators=(",", ":"), ensure_ascii=False)
