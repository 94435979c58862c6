"""decode_and_validate(..., other_secrets=): "which of my secrets signed this?"

The most common cause of SIGNATURE_MISMATCH is another credential of the same backend. Each
case signs the way the mistaken backend did, then checks with the secrets it holds.
"""

from __future__ import annotations

import json

import pytest
from _support import NOW, SDK_KEY, SENTINEL_SECRET, secret_fragments

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    Report,
    decode_and_validate,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig.diagnose._engine import MAX_OTHER_SECRETS

C = FindingCode
MEETING = "85746065432"
S2S_SECRET = "S2S-oauth-client-secret-SENTINEL-77"
WEBHOOK_SECRET = "webhook-secret-token-SENTINEL-0099"
VIDEO_SECRET = "video-sdk-secret-SENTINEL-00000042"
OTHERS = {
    "Server-to-Server OAuth client secret": S2S_SECRET,
    "webhook secret token": WEBHOOK_SECRET,
    "Video SDK secret": VIDEO_SECRET,
}


def meeting(secret: str) -> str:
    return sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=secret, meeting_number=MEETING, role=0, now=NOW
    )


def assert_nothing_leaked(report: Report) -> None:
    text = str(report) + json.dumps(report.to_dict()) + repr(report)
    for secret in (SENTINEL_SECRET, *OTHERS.values()):
        for fragment in secret_fragments(secret):
            assert fragment not in text


@pytest.mark.parametrize("name", list(OTHERS))
def test_names_the_other_secret_that_signed(name: str) -> None:
    report = decode_and_validate(
        meeting(OTHERS[name]), secret=SENTINEL_SECRET, now=NOW, other_secrets=OTHERS
    )
    (finding,) = [f for f in report.findings if f.code is C.SIGNED_WITH_OTHER_SECRET]
    assert repr(name) in finding.message
    assert C.SIGNATURE_MISMATCH not in {f.code for f in report.findings}
    assert report.signature_verified is False
    assert not report.ok
    assert_nothing_leaked(report)


def test_works_without_the_main_secret() -> None:
    report = decode_and_validate(meeting(S2S_SECRET), now=NOW, other_secrets=OTHERS)
    assert C.SIGNED_WITH_OTHER_SECRET in {f.code for f in report.findings}
    assert report.signature_verified is None
    assert_nothing_leaked(report)


def test_other_secret_read_with_a_trailing_newline() -> None:
    # The backend read the S2S secret from a file; the caller passes it from the same file.
    report = decode_and_validate(
        meeting(S2S_SECRET), secret=SENTINEL_SECRET, now=NOW,
        other_secrets={"S2S": S2S_SECRET + "\n"},
    )  # fmt: skip
    assert C.SIGNED_WITH_OTHER_SECRET in {f.code for f in report.findings}


def test_the_right_secret_wins_over_the_others() -> None:
    report = decode_and_validate(
        meeting(SENTINEL_SECRET), secret=SENTINEL_SECRET, now=NOW, other_secrets=OTHERS
    )
    assert report.ok
    assert report.signature_verified is True


def test_none_of_them_is_still_a_mismatch() -> None:
    report = decode_and_validate(
        meeting("a-secret-nobody-here-holds-000032"), secret=SENTINEL_SECRET, now=NOW,
        other_secrets=OTHERS,
    )  # fmt: skip
    found = {f.code for f in report.findings}
    assert C.SIGNATURE_MISMATCH in found
    assert C.SIGNED_WITH_OTHER_SECRET not in found


def test_video_sdk_token_signed_with_the_meeting_sdk_secret() -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, topic="standup", role=1, now=NOW
    )
    report = decode_and_validate(
        token, secret=VIDEO_SECRET, topic="standup", now=NOW,
        other_secrets={"Meeting SDK secret": SENTINEL_SECRET},
    )  # fmt: skip
    assert "'Meeting SDK secret'" in str(report)
    assert_nothing_leaked(report)


def test_an_other_secret_inside_a_claim_is_redacted() -> None:
    token = sign_meeting_sdk(
        sdk_key=WEBHOOK_SECRET, sdk_secret=SENTINEL_SECRET, meeting_number=MEETING, role=0,
        now=NOW,
    )  # fmt: skip
    report = decode_and_validate(
        token, secret=SENTINEL_SECRET, now=NOW, other_secrets=OTHERS, sdk_key=SDK_KEY
    )
    assert_nothing_leaked(report)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (["s"], "mapping"),
        ({"": S2S_SECRET}, "name"),
        ({1: S2S_SECRET}, "name"),
        ({"S2S": ""}, "'S2S'"),
        ({"S2S": 42}, "'S2S'"),
        ({"S2S": None}, "unset"),
        ({f"n{i}": f"secret-{i:030d}" for i in range(MAX_OTHER_SECRETS + 1)}, "at most"),
    ],
)
def test_bad_other_secrets_name_the_parameter(value: object, needle: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate(meeting(SENTINEL_SECRET), now=NOW, other_secrets=value)  # type: ignore[arg-type]
    assert info.value.parameter == "other_secrets"
    assert needle in str(info.value)


def test_legacy_signature_made_with_the_jwt_apps_other_secret() -> None:
    from zoomsig import CredentialType, LegacyEncoding, sign_legacy_web_sdk

    token = sign_legacy_web_sdk(
        api_key="demoApiKey123", api_secret=S2S_SECRET, meeting_number=MEETING, role=0,
        now=NOW, credential_type=CredentialType.JWT_APP, encoding=LegacyEncoding.URL_SAFE,
    )  # fmt: skip
    report = decode_and_validate(token, secret=SENTINEL_SECRET, now=NOW, other_secrets=OTHERS)
    assert C.SIGNED_WITH_OTHER_SECRET in {f.code for f in report.findings}
    assert C.SIGNATURE_MISMATCH not in {f.code for f in report.findings}
    assert_nothing_leaked(report)
