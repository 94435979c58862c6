"""decode_and_validate(..., zak=, obf_token=): the join-option mix-ups, built as clients make them.

Each case is the pair of values a browser client hands to ``ZoomMtg.join()`` /
``client.join()`` in a real mistake: the REST response object instead of its ``token``,
the OAuth access token instead of the token it fetches, the signature pasted into ``zak``,
both options at once. The tokens are bearer credentials: no finding shows any of them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    Report,
    decode_and_validate,
    sign_meeting_sdk,
)
from zoomsig import sign_video_sdk as _sign_video
from zoomsig._secrecy import MAX_SECRET_LENGTH

C = FindingCode
MEETING = "85746065432"
ZOOM_KEY = b"zoom-holds-this-key-not-you-0032"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(header: dict[str, object], claims: dict[str, object], key: bytes = ZOOM_KEY) -> str:
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    mac = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(mac)}"


def zak(exp: int = NOW + 7200, **extra: object) -> str:
    """A ZAK as GET /users/{userId}/token?type=zak returns it: Zoom's header marks, aud clientsm."""
    header: dict[str, object] = {"typ": "JWT", "sv": "000001", "zm_skm": "zm_o2m", "alg": "HS256"}
    claims = {"aud": "clientsm", "uid": "u-host", "iss": "web", "sk": "0", "sty": 100,
              "wcd": "us05", "clt": 0, "exp": exp, "iat": exp - 7200, "aid": "acct", "cid": "",
              **extra}  # fmt: skip
    return _jwt(header, claims)


def obf(exp: int = NOW + 7200, **extra: object) -> str:
    """An OBF token stand-in: Zoom documents none of its claims, so only Zoom's marks and exp."""
    header: dict[str, object] = {"typ": "JWT", "sv": "000001", "zm_skm": "zm_o2m", "alg": "HS256"}
    return _jwt(header, {"aud": "clientsm", "uid": "u-owner", "exp": exp, **extra})


OAUTH_ACCESS_TOKEN = _jwt(
    {"alg": "HS512", "v": "2.0", "kid": "k1"},
    {"aud": "https://oauth.zoom.us", "iss": "zm:cid:abc", "exp": NOW + 3600, "uid": "u-owner"},
)
REST_API_TOKEN = _jwt({"alg": "HS256", "typ": "JWT"}, {"iss": "jwtAppApiKey12", "exp": NOW + 90})


def signature(role: int = 0) -> str:
    return sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=role, now=NOW
    )


def check(sig: str, **options: object) -> Report:
    return decode_and_validate(
        sig,
        secret=SDK_SECRET,
        meeting_number=MEETING,
        now=NOW,
        **options,  # type: ignore[arg-type]
    )


def codes(report: Report) -> set[FindingCode]:
    return {f.code for f in report.findings}


JOIN_CODES = {
    C.ZAK_AND_OBF_TOKEN,
    C.JOIN_TOKEN_NOT_ZOOM_ISSUED,
    C.JOIN_TOKEN_WRONG_KIND,
    C.JOIN_TOKEN_EXPIRED,
    C.JOIN_TOKEN_MEETING_MISMATCH,
    C.HOST_WITHOUT_ZAK,
}

# (name, role signed, zak passed, obfToken passed, the join findings expected)
CASES = [
    ("attendee_with_fresh_obf_token", 0, "", obf(), set()),
    ("host_with_fresh_zak", 1, zak(), "", set()),
    ("both_options_from_a_stale_session", 0, zak(), obf(), {C.ZAK_AND_OBF_TOKEN}),
    ("host_without_zak", 1, "", "", {C.HOST_WITHOUT_ZAK}),
    ("host_with_only_an_obf_token", 1, "", obf(), {C.HOST_WITHOUT_ZAK}),
    ("oauth_access_token_as_obf_token", 0, "", OAUTH_ACCESS_TOKEN, {C.JOIN_TOKEN_WRONG_KIND}),
    ("oauth_access_token_as_zak", 1, OAUTH_ACCESS_TOKEN, "", {C.JOIN_TOKEN_WRONG_KIND}),
    ("signature_pasted_into_zak", 1, signature(1), "", {C.JOIN_TOKEN_WRONG_KIND}),
    ("another_sdk_signature_as_obf", 0, "", signature(1), {C.JOIN_TOKEN_WRONG_KIND}),
    ("rest_api_token_as_zak", 1, REST_API_TOKEN, "", {C.JOIN_TOKEN_WRONG_KIND}),
    ("response_object_as_obf", 0, "", json.dumps({"token": obf()}), {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("quoted_zak", 1, json.dumps(zak()), "", {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("zak_with_a_newline", 1, zak() + "\n", "", {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("bearer_obf_token", 0, "", "Bearer " + obf(), {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("zak_is_a_user_id", 1, "KDcuGIm1QgePTO8WbOqwIQ", "", {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("zak_made_with_your_own_secret", 1, _jwt({"alg": "HS256", "typ": "JWT"},
     {"uid": "u-host", "exp": NOW + 60}, SDK_SECRET.encode()), "", {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
    ("expired_zak_from_yesterday", 1, zak(exp=NOW - 86400), "", {C.JOIN_TOKEN_EXPIRED}),
    ("expired_obf_token", 0, "", obf(exp=NOW - 60), {C.JOIN_TOKEN_EXPIRED}),
    ("obf_token_for_another_meeting", 0, "", obf(mn="99999999999"),
     {C.JOIN_TOKEN_MEETING_MISMATCH}),
    ("response_object_without_token", 0, "", '{"error": "no"}', {C.JOIN_TOKEN_NOT_ZOOM_ISSUED}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("role", "zak_value", "obf_value", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_join_option_mistakes(
    role: int, zak_value: str, obf_value: str, expected: set[FindingCode]
) -> None:
    report = check(signature(role), zak=zak_value, obf_token=obf_value)
    assert codes(report) & JOIN_CODES == expected
    assert report.signature_verified is True  # the signature itself is fine in every case
    text = str(report) + json.dumps(report.to_dict())
    for token in (zak_value, obf_value):
        # A bearer credential: not even a piece of the payload or the MAC may be shown.
        for piece in token.split(".")[1:]:
            if len(piece) >= 8:
                assert piece[:8] not in text


def test_no_join_options_means_no_join_findings() -> None:
    report = check(signature(1))
    assert not codes(report) & JOIN_CODES
    assert C.HOST_NEEDS_ZAK in codes(report)


def test_a_zak_answers_the_host_reminder() -> None:
    assert C.HOST_NEEDS_ZAK not in codes(check(signature(1), zak=zak()))


def test_host_without_zak_replaces_the_reminder() -> None:
    found = codes(check(signature(1), zak=""))
    assert C.HOST_WITHOUT_ZAK in found
    assert C.HOST_NEEDS_ZAK not in found


def test_both_options_is_an_error_and_says_3636() -> None:
    report = check(signature(), zak=zak(), obf_token=obf())
    assert not report.ok
    (finding,) = [f for f in report.findings if f.code is C.ZAK_AND_OBF_TOKEN]
    assert "3636" in finding.message


def test_meeting_claim_is_checked_only_when_the_caller_names_the_meeting() -> None:
    report = decode_and_validate(signature(), now=NOW, obf_token=obf(mn="99999999999"))
    assert C.JOIN_TOKEN_MEETING_MISMATCH not in codes(report)


def test_the_matching_meeting_claim_passes() -> None:
    assert C.JOIN_TOKEN_MEETING_MISMATCH not in codes(check(signature(), obf_token=obf(mn=MEETING)))


def test_an_unmarked_obf_token_is_not_guessed_at() -> None:
    # Zoom documents no OBF claims: a JWT that is not recognisably something else passes.
    unmarked = _jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "owner", "exp": NOW + 60})
    assert not codes(check(signature(), obf_token=unmarked)) & JOIN_CODES


@pytest.mark.parametrize("parameter", ["zak", "obf_token"])
def test_an_oversized_token_is_refused_unread(parameter: str) -> None:
    # Refused by its length, before any work on it (issue 23): an InvalidParameterError
    # like every other secret-like argument, not a finding.
    with pytest.raises(InvalidParameterError) as info:
        check(signature(), **{parameter: "a" * (MAX_SECRET_LENGTH + 1)})
    assert info.value.parameter == parameter
    assert check(signature(), **{parameter: "a" * MAX_SECRET_LENGTH}).findings


def test_a_video_sdk_token_as_obf_token() -> None:
    video = _sign_video(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="t", role=0, now=NOW)
    assert C.JOIN_TOKEN_WRONG_KIND in codes(check(signature(), obf_token=video))


def test_a_broken_jwt_shape() -> None:
    assert C.JOIN_TOKEN_NOT_ZOOM_ISSUED in codes(check(signature(), zak="a.b"))
    assert C.JOIN_TOKEN_NOT_ZOOM_ISSUED in codes(check(signature(), zak="eyJhIjoxfQ.!!.x"))


def test_an_undecodable_jwt() -> None:
    report = check(signature(), obf_token="bm90IGpzb24.bm90IGpzb24.abc")
    assert C.JOIN_TOKEN_NOT_ZOOM_ISSUED in codes(report)


@pytest.mark.parametrize("parameter", ["zak", "obf_token"])
@pytest.mark.parametrize("value", [b"bytes", 1, ["x"]])
def test_a_non_string_option_names_the_parameter(parameter: str, value: object) -> None:
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate(signature(), now=NOW, **{parameter: value})  # type: ignore[arg-type]
    assert info.value.parameter == parameter


def test_the_join_tokens_are_redacted_when_a_message_would_hold_them() -> None:
    # The signature's own findings may quote claims; a claim carrying the ZAK is redacted.
    token = zak()
    sig = _jwt(
        {"alg": "HS256", "typ": "JWT"},
        {"appKey": SDK_KEY, "mn": MEETING, "role": token, "iat": NOW, "exp": NOW + 7200,
         "tokenExp": NOW + 7200},
        SDK_SECRET.encode(),
    )  # fmt: skip
    report = check(sig, zak=token)
    messages = " ".join(f.message for f in report.findings)
    assert token not in messages  # shown cut at most, as every claim value is
    assert token.rsplit(".", 1)[1] not in messages


def test_a_message_holding_a_whole_join_token_is_redacted() -> None:
    # A short "zak" (a user ID pasted by mistake) fits whole into a claim's message.
    token = "KDcuGIm1QgePTO8WbOqwIQ"
    sig = _jwt(
        {"alg": "HS256", "typ": "JWT"},
        {"appKey": SDK_KEY, "mn": MEETING, "role": token, "iat": NOW, "exp": NOW + 7200,
         "tokenExp": NOW + 7200},
        SDK_SECRET.encode(),
    )  # fmt: skip
    assert any(token in f.message for f in check(sig).findings)  # shown when not a zak
    report = check(sig, zak=token)
    assert C.ROLE_NOT_INTEGER in codes(report)
    assert all(token not in f.message for f in report.findings)


@pytest.mark.parametrize("value", ['{"token": ', '""', '"  "', '{"token": "  "}'])
def test_a_value_with_nothing_inside_its_wrapping(value: str) -> None:
    report = check(signature(), obf_token=value)
    assert [f.code for f in report.findings] == [C.JOIN_TOKEN_NOT_ZOOM_ISSUED]
