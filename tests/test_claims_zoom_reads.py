"""Claims the 6.x / 2.x Web clients read (issue 13), the sdkKey-free signature, and topics.

Facts from the ``@zoom/meetingsdk`` 6.2.0 and ``@zoom/videosdk`` 2.5.0 bundles: both clients
read ``audio_webrtc_mode``, ``audio_compatible_mode`` and ``enforce_web_rtc_audio`` from the
token, the Video SDK reads ``user_key`` as its customer key and lower-cases the topic
(``toLowerCase()``), and the component view warns on the console for every ``sdkKey``.
"""

from __future__ import annotations

import jwt
import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, load_vectors

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    decode_and_validate,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig.video_sdk import MAX_USER_KEY

C = FindingCode
MEETING = "85746065432"


def _meeting_token(**extra: object) -> str:
    claims: dict[str, object] = {
        "appKey": SDK_KEY, "mn": MEETING, "role": 0, "iat": NOW, "exp": NOW + 7200,
        "tokenExp": NOW + 7200, **extra,
    }  # fmt: skip
    return jwt.encode(claims, SDK_SECRET, algorithm="HS256")


def _video_token(**extra: object) -> str:
    claims: dict[str, object] = {
        "app_key": SDK_KEY, "role_type": 0, "tpc": "standup", "version": 1, "iat": NOW,
        "exp": NOW + 7200, **extra,
    }  # fmt: skip
    return jwt.encode(claims, SDK_SECRET, algorithm="HS256")


def _codes(token: str, **kwargs: object) -> set[FindingCode]:
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW, **kwargs)  # type: ignore[arg-type]
    return {f.code for f in report.findings}


@pytest.mark.parametrize(
    "claim", ["audio_webrtc_mode", "audio_compatible_mode", "enforce_web_rtc_audio"]
)
@pytest.mark.parametrize("value", [0, 1])
def test_meeting_audio_claims_are_known(claim: str, value: int) -> None:
    assert _codes(_meeting_token(**{claim: value})) == set()


@pytest.mark.parametrize(
    "claim", ["audio_webrtc_mode", "audio_compatible_mode", "enforce_web_rtc_audio"]
)
@pytest.mark.parametrize("value", ["1", 2, True, None])
def test_meeting_audio_claims_must_be_0_or_1(claim: str, value: object) -> None:
    assert _codes(_meeting_token(**{claim: value})) == {C.AUDIO_OPTION_INVALID}


def test_video_enforce_web_rtc_audio_is_known_and_checked() -> None:
    assert _codes(_video_token(enforce_web_rtc_audio=1)) == set()
    assert _codes(_video_token(enforce_web_rtc_audio="yes")) == {C.VIDEO_OPTION_INVALID}


def test_a_truly_unknown_claim_still_says_zoom_ignores_it() -> None:
    report = decode_and_validate(_meeting_token(audio_mode=1), secret=SDK_SECRET, now=NOW)
    (finding,) = report.findings
    assert finding.code is C.UNKNOWN_CLAIM
    assert "ignores" in finding.message


# --- user_key ------------------------------------------------------------------------------


def test_sign_video_sdk_user_key() -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="standup", role=0, now=NOW,
        user_key="u" * MAX_USER_KEY,
    )  # fmt: skip
    claims = jwt.decode(token, SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["user_key"] == "u" * MAX_USER_KEY
    assert list(claims)[-1] == "user_key"  # after the official sample's claims
    assert decode_and_validate(token, secret=SDK_SECRET, now=NOW).findings == ()


def test_sign_video_sdk_without_user_key_leaves_it_out() -> None:
    token = sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="t", role=0, now=NOW)
    assert "user_key" not in jwt.decode(
        token, SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False}
    )


@pytest.mark.parametrize("value", ["u" * (MAX_USER_KEY + 1), "", 42])
def test_sign_video_sdk_refuses_a_bad_user_key(value: object) -> None:
    with pytest.raises(InvalidParameterError) as info:
        sign_video_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="t", role=0, now=NOW,
            user_key=value,  # type: ignore[arg-type]
        )  # fmt: skip
    assert info.value.parameter == "user_key"


# --- include_sdk_key -----------------------------------------------------------------------


@pytest.mark.parametrize("include", [True, None])
def test_default_keeps_the_official_sample_byte_for_byte(include: object) -> None:
    for vector in load_vectors()["meeting_sdk"]:
        inputs = {k: v for k, v in vector["inputs"].items() if v is not None}
        if include is not None:
            inputs["include_sdk_key"] = include
        assert sign_meeting_sdk(**inputs) == vector["signature"]


def test_sign_meeting_sdk_without_sdk_key() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW,
        include_sdk_key=False,
    )  # fmt: skip
    claims = jwt.decode(token, SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert "sdkKey" not in claims
    assert claims["appKey"] == SDK_KEY
    assert list(claims) == ["appKey", "mn", "role", "iat", "exp", "tokenExp"]
    assert decode_and_validate(token, secret=SDK_SECRET, now=NOW, sdk_key=SDK_KEY).ok
    with_key = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
    )
    assert "sdkKey" in jwt.decode(
        with_key, SDK_SECRET, algorithms=["HS256"], options={"verify_exp": False}
    )


@pytest.mark.parametrize("value", [0, "no", None])
def test_include_sdk_key_must_be_a_bool(value: object) -> None:
    with pytest.raises(InvalidParameterError) as info:
        sign_meeting_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=SDK_SECRET,
            include_sdk_key=value,  # type: ignore[arg-type]
        )
    assert info.value.parameter == "include_sdk_key"


# --- TOPIC_MISMATCH: compared as Zoom does, with lower() ----------------------------------


@pytest.mark.parametrize(
    ("signed", "joined"),
    [("Weekly Sync", "weekly sync"), ("STANDUP", "standup"), ("Ünïcödé", "ÜNÏCÖDÉ")],
)
def test_topic_case_does_not_matter(signed: str, joined: str) -> None:
    token = sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=signed, role=0, now=NOW)
    assert C.TOPIC_MISMATCH not in _codes(token, topic=joined)


@pytest.mark.parametrize(
    ("signed", "joined"),
    [("Straße", "STRASSE"), ("ﬁle", "FILE"), ("Weekly Sync", "Weekly-Sync"), ("a", "a ")],
)
def test_topic_differences_that_lower_keeps(signed: str, joined: str) -> None:
    # casefold() would call the first two equal; Zoom's toLowerCase() does not.
    token = sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=signed, role=0, now=NOW)
    assert C.TOPIC_MISMATCH in _codes(token, topic=joined)
