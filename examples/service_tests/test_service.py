"""The service's tests, with zoomsig.testing: fixtures, helpers, catalogue, strategies.

One test fails on purpose: ``test_v1_signer_makes_valid_signatures`` checks the old
signer with its planted mistake, and its failure lists every mistake with its fix.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from service import check_client_signature, signature_endpoint
from signing import Settings, sign_meeting, sign_meeting_v1

from zoomsig import FindingCode
from zoomsig.testing import FAKE_NOW, FakeCredentials, assert_findings, assert_valid_signature
from zoomsig.testing import strategies as zs
from zoomsig.testing.mistakes import ERROR_MISTAKES, Mistake

MEETING = "85746065432"


@pytest.fixture
def app(zoom_meeting_sdk_credentials: FakeCredentials) -> Settings:
    creds = zoom_meeting_sdk_credentials
    return Settings(client_id=creds.key, client_secret=creds.secret)


def test_endpoint_signature_is_valid(app: Settings, zoom_now: int) -> None:
    status, body = signature_endpoint(app, {"meetingNumber": MEETING, "role": 0}, now=zoom_now)
    assert status == 200
    assert_valid_signature(
        body["signature"],
        secret=app.client_secret,
        sdk_key=app.client_id,
        meeting_number=MEETING,
        role=0,
        now=zoom_now,
    )


def test_signature_made_now_is_valid(app: Settings) -> None:
    token = sign_meeting(app, MEETING, 1)
    report = assert_valid_signature(token, secret=app.client_secret, meeting_number=MEETING, role=1)
    assert FindingCode.HOST_NEEDS_ZAK in report.codes


@settings(max_examples=25, deadline=None)
@given(meeting_number=zs.meeting_numbers(), role=zs.roles())
def test_signer_is_valid_for_any_meeting_and_role(meeting_number: str, role: int) -> None:
    app = Settings(
        client_id="FAKEmeetingSdkClientId", client_secret="FakeMeetingSdkSecretNotReal00001"
    )
    token = sign_meeting(app, meeting_number, int(role), now=1763900000)
    assert_valid_signature(
        token, secret=app.client_secret, meeting_number=meeting_number, role=role, now=1763900000
    )


@pytest.mark.parametrize(
    "credentials",
    [
        "zoom_server_to_server_oauth_credentials",
        "zoom_jwt_app_credentials",
        "zoom_oauth_credentials",
    ],
)
def test_endpoint_refuses_credentials_that_cannot_sign(
    credentials: str, request: pytest.FixtureRequest
) -> None:
    creds: FakeCredentials = request.getfixturevalue(credentials)
    app = Settings(creds.key, creds.secret, app_type=creds.credential_type.value)
    status, body = signature_endpoint(app, {"meetingNumber": MEETING, "role": 0})
    assert status == 500
    assert creds.credential_type.value in str(body["error"])


@pytest.mark.parametrize("mistake", ERROR_MISTAKES, ids=lambda m: m.name)
def test_join_check_reports_each_broken_signature(
    app: Settings, zoom_now: int, mistake: Mistake
) -> None:
    token = mistake.make(
        sdk_key=app.client_id,
        sdk_secret=app.client_secret,
        meeting_number=MEETING,
        role=0,
        now=zoom_now,
    )
    status, body = check_client_signature(app, token, MEETING, 0, now=zoom_now)
    assert status == 422
    errors = {code for code in mistake.codes if code.value in body["codes"]}
    assert errors, mistake.name


@settings(max_examples=20, deadline=None)
@given(
    broken=zs.broken_signatures(
        sdk_key="FAKEmeetingSdkClientId", sdk_secret="FakeMeetingSdkSecretNotReal00001"
    )
)
def test_join_check_never_accepts_a_broken_signature(broken: zs.BrokenSignature) -> None:
    app = Settings(
        client_id="FAKEmeetingSdkClientId", client_secret="FakeMeetingSdkSecretNotReal00001"
    )
    status, _ = check_client_signature(
        app, broken.signature, broken.meeting_number, broken.role, now=broken.now
    )
    assert status == 422, broken.mistake.name


def test_v1_signer_is_caught_with_its_codes(app: Settings, zoom_now: int) -> None:
    token = sign_meeting_v1(app, MEETING, 0, now=zoom_now)
    assert_findings(
        token,
        {
            FindingCode.ROLE_MISSING,
            FindingCode.IAT_IN_MILLISECONDS,
            FindingCode.EXP_IN_MILLISECONDS,
        },
        secret=app.client_secret,
        now=zoom_now,
    )


def test_v1_signer_makes_valid_signatures(app: Settings) -> None:
    # Fails on purpose (the planted mistake): the output lists every mistake with its fix.
    token = sign_meeting_v1(app, MEETING, 0, now=FAKE_NOW)
    assert_valid_signature(
        token, secret=app.client_secret, meeting_number=MEETING, role=0, now=FAKE_NOW
    )
