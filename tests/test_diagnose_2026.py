"""Issue 21 §2: what developers still get wrong in 2026, each made as the real code makes it.

Tokens are made with PyJWT (``jwt.encode``), as the Python backends in the reports make them;
each test is named after the mistake and failed on c361e58.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import jwt as pyjwt
import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, secret_fragments
from mistakes import meeting_claims

from zoomsig import FindingCode, Severity, decode_and_validate, sign_video_sdk

C = FindingCode
MN = "85746065432"


def _claims(**changes: Any) -> dict[str, Any]:
    """Zoom's Meeting SDK claims (tests/mistakes.py), with changes."""
    return meeting_claims(**changes)


def _encode(claims: dict[str, Any], secret: str = SDK_SECRET, **kwargs: Any) -> str:
    return pyjwt.encode(claims, secret, algorithm="HS256", **kwargs)


def test_authorization_header_line_pasted_as_signature() -> None:
    """``Authorization: Bearer eyJ…`` (a line copied from a request log) was reported as a
    broken header and a mismatch, though the HMAC matches once it is unwrapped."""
    token = _encode(_claims())
    for line in (f"Authorization: Bearer {token}", f"authorization:bearer {token}\n"):
        report = decode_and_validate(line, secret=SDK_SECRET, now=NOW)
        assert report.signature_verified is True, report.codes
        assert {f.code for f in report.errors} == {C.HEADER_LINE}
        assert "header line" in report.errors[0].message


@pytest.fixture
def new_york_clock() -> Iterator[None]:
    """The signing server's local time zone is UTC-5 (a POSIX TZ rule, no tzdata needed)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "EST+05")
        time.tzset()
        yield
    time.tzset()


@pytest.mark.usefixtures("new_york_clock")
def test_fractional_iat_from_utcnow_timestamp_hides_the_time_zone_bug() -> None:
    """``datetime.utcnow().timestamp()`` reads UTC as local time: a float, 5 h ahead in New
    York. Only "not an integer" was reported; the time checks were skipped."""
    utcnow = datetime.fromtimestamp(NOW, timezone.utc).replace(tzinfo=None)  # utcnow() at NOW
    iat = utcnow.timestamp()
    assert isinstance(iat, float)
    token = _encode(_claims(iat=iat, exp=iat + 7200, tokenExp=iat + 7200))
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert {C.IAT_NOT_INTEGER, C.EXP_NOT_INTEGER, C.IAT_IN_FUTURE} <= report.codes
    ahead = next(f for f in report.findings if f.code is C.IAT_IN_FUTURE)
    assert "5 h" in ahead.message
    assert "datetime.utcnow().timestamp()" in ahead.message


def test_fractional_iat_from_csharp_datetime_now_names_both() -> None:
    """C#'s ``(DateTime.Now - new DateTime(1970, 1, 1)).TotalSeconds`` in Berlin (UTC+2):
    local time as a fractional number, 2 h ahead. Both mistakes are named."""
    iat = NOW + 2 * 3600 + 0.4567
    token = _encode(_claims(iat=iat, exp=iat + 7200, tokenExp=iat + 7200))
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert {C.IAT_NOT_INTEGER, C.EXP_NOT_INTEGER, C.IAT_IN_FUTURE} <= report.codes
    not_integer = next(f for f in report.findings if f.code is C.IAT_NOT_INTEGER)
    assert f"read it as {NOW + 7200}" in not_integer.message
    ahead = next(f for f in report.findings if f.code is C.IAT_IN_FUTURE)
    assert "2 h" in ahead.message
    assert "time-zone" in ahead.message


def test_fractional_iat_from_time_time_is_only_not_an_integer() -> None:
    """``iat = time.time()`` without int(): right time, wrong type; nothing else is said."""
    iat = NOW - 30 + 0.25
    token = _encode(_claims(iat=iat, exp=iat + 7200, tokenExp=int(iat) + 7200))
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert {f.code for f in report.errors} == {C.IAT_NOT_INTEGER, C.EXP_NOT_INTEGER}


@pytest.mark.usefixtures("new_york_clock")
def test_integer_iat_off_by_whole_hours_names_utcnow_timestamp() -> None:
    """``int(datetime.utcnow().timestamp())`` at a server in UTC-5: an integer 5 h ahead."""
    utcnow = datetime.fromtimestamp(NOW, timezone.utc).replace(tzinfo=None)
    iat = int(utcnow.timestamp())
    token = _encode(_claims(iat=iat, exp=iat + 7200, tokenExp=iat + 7200))
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert {f.code for f in report.errors} == {C.IAT_IN_FUTURE}
    assert "datetime.utcnow().timestamp()" in report.errors[0].message


@pytest.mark.parametrize(
    ("claim", "code"),
    [
        ("video_webrtc_mode", C.VIDEO_WEBRTC_MODE_INVALID),
        ("audio_webrtc_mode", C.AUDIO_OPTION_INVALID),
        ("enforce_web_rtc_audio", C.AUDIO_OPTION_INVALID),
    ],
)
def test_null_optional_meeting_claim_reported_as_for_token_exp(
    claim: str, code: FindingCode
) -> None:
    """``{"video_webrtc_mode": body.get("videoWebRtcMode")}`` signed with PyJWT sends null;
    the message read "is null, null", as the NaN message of the required tokenExp."""
    report = decode_and_validate(_encode(_claims(**{claim: None})), secret=SDK_SECRET, now=NOW)
    finding = next(f for f in report.findings if f.claim == claim)
    assert finding.code is code
    assert "null, null" not in finding.message
    assert f"{claim} is null, not the number 0 or 1" in finding.message
    assert "leave an optional claim out" in finding.message


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("user_identity", "a string of at most 35 characters"),
        ("session_key", "a string of at most 36 characters"),
        ("geo_regions", "a comma-joined string of region codes"),
        ("telemetry_tracking_id", "a string of at most 200 characters"),
        ("user_key", "a string of at most 36 characters"),
    ],
)
def test_null_optional_video_claim_is_not_silently_accepted(claim: str, expected: str) -> None:
    """``{"user_identity": body.get("userIdentity")}``: null was not reported at all."""
    claims = pyjwt.decode(
        sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="t", role=0, now=NOW),
        options={"verify_signature": False},
    )
    claims[claim] = None
    report = decode_and_validate(_encode(claims), secret=SDK_SECRET, now=NOW)
    finding = next(f for f in report.findings if f.claim == claim)
    assert finding.code is C.CLAIM_NULL
    assert finding.severity is Severity.WARNING
    assert f"{claim} is null; Zoom expects {expected}" in finding.message


def test_null_token_exp_message_is_not_doubled() -> None:
    report = decode_and_validate(_encode(_claims(tokenExp=None)), secret=SDK_SECRET, now=NOW)
    finding = next(f for f in report.findings if f.code is C.TOKEN_EXP_NOT_INTEGER)
    assert finding.message.startswith("tokenExp is null, not an integer; JSON.stringify")


@pytest.mark.parametrize("kid", [SENTINEL_SECRET, SENTINEL_SECRET[:20], f"v1:{SENTINEL_SECRET}"])
def test_secret_in_jwt_header_kid_not_reported(kid: str) -> None:
    """``jwt.encode(claims, secret, headers={"kid": secret})``: the header was not searched."""
    token = _encode(_claims(), SENTINEL_SECRET, headers={"kid": kid})
    report = decode_and_validate(token, secret=SENTINEL_SECRET, now=NOW)
    leak = [f for f in report.findings if f.code is C.SECRET_IN_TOKEN]
    assert [f.claim for f in leak] == ["kid"]
    assert "header parameter 'kid'" in leak[0].message
    shown = f"{report}\n{report.to_dict()}\n{report!r}"
    for fragment in secret_fragments(SENTINEL_SECRET):
        assert fragment not in shown
    runs = {SENTINEL_SECRET[i : i + 8] for i in range(len(SENTINEL_SECRET) - 7)}
    assert not [run for run in runs if run in shown]


@pytest.mark.parametrize(
    ("expected", "shown"),
    [
        # Copied from a chat or a PDF: a zero-width space inside the Client ID.
        (SDK_KEY[:4] + "\u200b" + SDK_KEY[4:], "U+200B ZERO WIDTH SPACE"),
        # Typed on a Cyrillic keyboard layout: a Cyrillic a for the Latin one.
        (SDK_KEY.replace("a", "\u0430", 1), "U+0430 CYRILLIC SMALL LETTER A"),
    ],
)
def test_sdk_key_mismatch_between_keys_that_look_the_same(expected: str, shown: str) -> None:
    """Two identical-looking strings were printed; the difference is spelt out now."""
    assert expected != SDK_KEY
    token = _encode(_claims())
    report = decode_and_validate(token, secret=SDK_SECRET, sdk_key=expected, now=NOW)
    [mismatch] = [f for f in report.findings if f.code is C.SDK_KEY_MISMATCH]
    assert "look alike but differ" in mismatch.message
    assert shown in mismatch.message
    assert SDK_SECRET not in mismatch.message


def test_sdk_key_mismatch_of_different_keys_says_nothing_of_look_alikes() -> None:
    report = decode_and_validate(
        _encode(_claims()), secret=SDK_SECRET, sdk_key="anotherClientId0001", now=NOW
    )
    [mismatch] = [f for f in report.findings if f.code is C.SDK_KEY_MISMATCH]
    assert "look alike" not in mismatch.message


def test_ai_skill_backdated_iat_with_ten_second_exp_reported_ok() -> None:
    """An AI assistant's Zoom skill (2026), in Python: ``iat = now - 7200`` "to satisfy the
    2-hour rule", ``exp = now + 10`` "short-lived for security", sdkKey only. It was ok
    with two warnings; the signature dies 10 s after it is made."""
    now = int(NOW)
    payload = {
        "sdkKey": SDK_KEY,
        "mn": MN,
        "role": 0,
        "iat": now - 7200,
        "exp": now + 10,
        "tokenExp": now + 10,
    }
    report = decode_and_validate(_encode(payload), secret=SDK_SECRET, now=now)
    assert not report.ok
    assert {C.IAT_BACKDATED, C.APP_KEY_DEPRECATED_ONLY} <= report.codes
    [backdated] = [f for f in report.findings if f.code is C.IAT_BACKDATED]
    assert "2 h before now but exp only 10 s after (with sdkKey alone" in backdated.message


def test_a_correct_signature_checked_within_its_lifetime_is_not_backdated() -> None:
    token = _encode(_claims(iat=NOW - 3600, exp=NOW + 3600, tokenExp=NOW + 3600))
    assert decode_and_validate(token, secret=SDK_SECRET, now=NOW).ok
