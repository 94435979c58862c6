"""sign_video_sdk_api, and the diagnosis of a Video SDK account's two secrets mixed up.

A Video SDK account's credentials page holds an SDK key/secret (the tokens the SDKs join
with) and an API key/secret (the REST API token). The vector is jsrsasign's output (as
Zoom's Node.js samples sign), run with node: tests/vectors/video-sdk-api.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jwt
import pytest
from _support import NOW, SENTINEL_SECRET, assert_rejected, jwt_parts, pyjwt_decode, pyjwt_encode

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    Role,
    TokenKind,
    decode_and_validate,
    sign_video_sdk,
    sign_video_sdk_api,
)

VECTOR = json.loads(
    (Path(__file__).parent / "vectors" / "video-sdk-api.json").read_text(encoding="utf-8")
)
API_KEY, API_SECRET = VECTOR["api_key"], VECTOR["api_secret"]
SDK_KEY, SDK_SECRET = "VIDEOsdkKEY0123", "video-sdk-secret-sentinel-987654321"
_C = FindingCode
API = TokenKind.VIDEO_SDK_API


def test_sign_video_sdk_api_is_byte_for_byte_jsrsasign() -> None:
    token = sign_video_sdk_api(
        api_key=API_KEY,
        api_secret=API_SECRET,
        now=VECTOR["now"],
        clock_skew=VECTOR["clock_skew"],
        expires_in=VECTOR["expires_in"],
    )
    assert token == VECTOR["token"]


def test_sign_video_sdk_api_verifies_with_pyjwt() -> None:
    token = sign_video_sdk_api(api_key=API_KEY, api_secret=API_SECRET, now=NOW)
    claims = pyjwt_decode(token, API_SECRET)
    assert claims == {"iss": API_KEY, "iat": NOW - 30, "exp": NOW - 30 + 1800}
    assert list(jwt_parts(token)[1]) == ["iss", "iat", "exp"]


def test_video_sdk_api_token_checked_as_one_is_ok() -> None:
    report = decode_and_validate(
        VECTOR["token"], secret=API_SECRET, sdk_key=API_KEY, now=VECTOR["now"], expect=API
    )
    assert report.kind is API
    assert report.signature_verified is True
    assert report.findings == ()


def test_video_sdk_api_token_signed_with_the_sdk_secret_is_named() -> None:
    # The mistake: the REST API token signed with the SDK secret that sits beside the
    # API secret on the credentials page. The caller gives both.
    token = pyjwt_encode({"iss": API_KEY, "iat": NOW, "exp": NOW + 1800}, SDK_SECRET)
    report = decode_and_validate(
        token,
        secret=API_SECRET,
        now=NOW,
        expect=API,
        other_secrets={"Video SDK secret (SDK, not API)": SDK_SECRET},
    )
    assert [f.code for f in report.findings] == [_C.SIGNED_WITH_OTHER_SECRET]
    assert "Video SDK secret (SDK, not API)" in report.findings[0].message


def test_video_sdk_token_signed_with_the_api_secret_is_named() -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=API_SECRET, topic="support", role=Role.HOST, now=NOW
    )
    report = decode_and_validate(
        token, secret=SDK_SECRET, now=NOW, other_secrets={"Video SDK API secret": API_SECRET}
    )
    assert [f.code for f in report.errors] == [_C.SIGNED_WITH_OTHER_SECRET]


def test_mismatch_of_a_video_sdk_token_points_at_the_api_secret() -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=API_SECRET, topic="support", role=Role.HOST, now=NOW
    )
    (finding,) = decode_and_validate(token, secret=SDK_SECRET, now=NOW).errors
    assert finding.code is _C.SIGNATURE_MISMATCH
    assert "not the API secret" in finding.message


def test_mismatch_of_an_api_token_points_at_the_sdk_secret() -> None:
    token = pyjwt_encode({"iss": API_KEY, "iat": NOW, "exp": NOW + 1800}, SDK_SECRET)
    report = decode_and_validate(token, secret=API_SECRET, now=NOW, expect=API)
    (finding,) = report.errors
    assert finding.code is _C.SIGNATURE_MISMATCH
    assert "signed with the API secret, not the SDK secret" in finding.message


def test_sdk_token_given_where_a_video_sdk_api_token_is_expected() -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="support", role=Role.HOST, now=NOW
    )
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW, expect=API)
    assert report.kind is TokenKind.VIDEO_SDK
    assert [f.code for f in report.errors] == [_C.SDK_TOKEN_NOT_API_TOKEN]
    assert "a Video SDK token" in report.errors[0].message


def test_video_sdk_api_token_given_where_an_sdk_token_is_expected() -> None:
    report = decode_and_validate(VECTOR["token"], now=VECTOR["now"], topic="support")
    assert [f.code for f in report.errors] == [_C.REST_API_TOKEN]
    assert "Video SDK API token" in report.errors[0].message


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        ({"iat": NOW, "exp": NOW + 1800}, _C.API_TOKEN_ISS_MISSING),
        ({"iss": 12345, "iat": NOW, "exp": NOW + 1800}, _C.API_TOKEN_ISS_MISSING),
        ({"iss": API_KEY, "iat": NOW - 7200, "exp": NOW - 3600}, _C.EXPIRED),
        ({"iss": API_KEY, "iat": NOW, "exp": NOW + 1800, "apiSecret": "x"},
         _C.SECRET_IN_TOKEN),
        ({"iss": "anotherKey", "iat": NOW, "exp": NOW + 1800}, _C.SDK_KEY_MISMATCH),
    ],
)  # fmt: skip
def test_video_sdk_api_token_mistakes(claims: dict[str, Any], code: FindingCode) -> None:
    # PyJWT refuses to make a non-string iss; its JWS layer signs any payload.
    token = jwt.PyJWS().encode(json.dumps(claims).encode(), API_SECRET, algorithm="HS256")
    report = decode_and_validate(token, secret=API_SECRET, sdk_key=API_KEY, now=NOW, expect=API)
    assert code in [f.code for f in report.findings]


def test_short_api_token_lifetime_is_no_finding() -> None:
    # The SDK tokens' 30-minute minimum is not a rule of the REST API token.
    token = sign_video_sdk_api(api_key=API_KEY, api_secret=API_SECRET, now=NOW, expires_in=60)
    assert decode_and_validate(token, secret=API_SECRET, now=NOW, expect=API).findings == ()


def test_expect_must_be_a_token_kind() -> None:
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate("x", expect="VIDEO_SDK_API")  # type: ignore[arg-type]
    assert info.value.parameter == "expect"
    with pytest.raises(InvalidParameterError):
        decode_and_validate("x", expect=TokenKind.WEBHOOK)


@pytest.mark.parametrize(
    ("overrides", "parameter"),
    [
        ({"api_key": ""}, "api_key"),
        ({"api_secret": " padded"}, "api_secret"),
        ({"expires_in": 10}, "expires_in"),
        ({"expires_in": 172801}, "expires_in"),
        ({"expires_in": True}, "expires_in"),
        ({"clock_skew": 301}, "clock_skew"),
    ],
)
def test_sign_video_sdk_api_refuses(overrides: dict[str, Any], parameter: str) -> None:
    kwargs: dict[str, Any] = {"api_key": API_KEY, "api_secret": SENTINEL_SECRET, "now": NOW}
    kwargs.update(overrides)
    assert_rejected(sign_video_sdk_api, kwargs, InvalidParameterError, parameter)
