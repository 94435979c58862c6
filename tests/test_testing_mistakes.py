"""The public catalogue of mistakes (zoomsig.testing.mistakes) agrees with the diagnosis.

Every factory, for several credentials, meetings, roles and times, produces a token for
which decode_and_validate reports all of the mistake's documented codes (and is not ok
when one of them is an error); and nothing zoomsig's own signers make trips any code
of the catalogue.
"""

from __future__ import annotations

import inspect

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET

from zoomsig import (
    CredentialType,
    FindingCode,
    InvalidParameterError,
    Role,
    Severity,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
)
from zoomsig.diagnose.codes import CODE_INFO
from zoomsig.testing import fake_credentials
from zoomsig.testing.mistakes import ERROR_MISTAKES, MISTAKES, MISTAKES_BY_NAME, Mistake

C = FindingCode
CATALOGUE_CODES = frozenset().union(*(m.codes for m in MISTAKES))
CONTEXTS = [
    # (sdk_key, sdk_secret, meeting_number, role, now)
    (SDK_KEY, SDK_SECRET, "85746065432", 0, NOW),
    (fake_credentials().key, fake_credentials().secret, "978759818", 1, NOW + 86400 * 400),
    (fake_credentials(CredentialType.GENERAL_APP).key, SENTINEL_SECRET, 123456789012, 1, NOW),
]


def _cases() -> list[object]:
    cases: list[object] = []
    for mistake in MISTAKES:
        for index, context in enumerate(CONTEXTS):
            cases.append(pytest.param(mistake, context, id=f"{mistake.name}-{index}"))
    return cases


def test_catalogue_has_the_25_most_common_mistakes_and_more() -> None:
    assert len(MISTAKES) >= 25
    assert len(MISTAKES_BY_NAME) == len(MISTAKES), "duplicate names"
    wanted = {
        "role_missing", "meeting_number_claim_name", "milliseconds", "btoa_base64",
        "base64_padding", "quoted", "plus_turned_into_space", "secret_with_newline",
        "secret_base64_decoded", "key_secret_swapped", "server_to_server_oauth_secret",
        "video_sdk_token", "legacy_signature", "expired", "issued_in_future",
        "lifetime_too_short", "lifetime_too_long", "hmac_only", "jwt_app_token", "nan_claims",
    }  # fmt: skip
    assert wanted <= set(MISTAKES_BY_NAME)


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_every_mistake_is_documented(mistake: Mistake) -> None:
    assert mistake.codes, "no codes"
    assert mistake.description.strip(), "no description"
    assert mistake.make.__name__ == mistake.name  # type: ignore[attr-defined]
    parameters = inspect.signature(mistake.make).parameters
    assert list(parameters) == ["sdk_key", "sdk_secret", "meeting_number", "role", "now"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())
    assert mistake.is_error == any(CODE_INFO[c].severity is Severity.ERROR for c in mistake.codes)


@pytest.mark.parametrize(("mistake", "context"), _cases())
def test_catalogue_and_diagnosis_agree(
    mistake: Mistake, context: tuple[str, str, object, int, int]
) -> None:
    sdk_key, sdk_secret, meeting_number, role, now = context
    if mistake.name == "secret_base64_decoded" and sdk_secret == SENTINEL_SECRET:
        with pytest.raises(InvalidParameterError, match="reads as base64") as raised:
            mistake.make(
                sdk_key=sdk_key, sdk_secret=sdk_secret, meeting_number="1" * 9, role=0, now=now
            )
        assert raised.value.parameter == "sdk_secret"
        return
    token = mistake.make(
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        meeting_number=meeting_number,  # type: ignore[arg-type]
        role=role,
        now=now,
    )
    assert isinstance(token, str)
    assert token == mistake.make(
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        meeting_number=meeting_number,  # type: ignore[arg-type]
        role=role,
        now=now,
    ), "not deterministic"
    report = decode_and_validate(
        token,
        secret=sdk_secret,
        sdk_key=sdk_key,
        meeting_number=meeting_number,  # type: ignore[arg-type]
        role=role,
        now=now,
    )
    missing = mistake.codes - report.codes
    assert not missing, f"{mistake.name}: {sorted(c.value for c in missing)} not reported"
    assert report.ok is not mistake.is_error


def test_error_mistakes_are_the_ones_zoom_rejects() -> None:
    # A legacy signature is an error since issue 21: no SDK Zoom lets connect accepts it.
    assert {m.name for m in MISTAKES if not m.is_error} == {"deprecated_sdk_key_only"}
    assert set(ERROR_MISTAKES) == {m for m in MISTAKES if m.is_error}


@pytest.mark.parametrize("expires_in", [1801, 7200, 172800])
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("meeting_number", ["123456789", "85746065432", 999999999999])
def test_signers_trip_no_code_of_the_catalogue(
    expires_in: int, role: Role, meeting_number: object
) -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        meeting_number=meeting_number,  # type: ignore[arg-type]
        role=role,
        expires_in=expires_in,
        now=NOW,
    )
    report = decode_and_validate(
        token,
        secret=SDK_SECRET,
        sdk_key=SDK_KEY,
        meeting_number=meeting_number,  # type: ignore[arg-type]
        role=role,
        now=NOW,
    )
    assert not report.codes & CATALOGUE_CODES


def test_legacy_signer_trips_only_the_legacy_mistake() -> None:
    token = sign_legacy_web_sdk(
        api_key=SDK_KEY, api_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    report = decode_and_validate(
        token, secret=SDK_SECRET, sdk_key=SDK_KEY, meeting_number="85746065432", role=0, now=NOW
    )
    assert report.codes & CATALOGUE_CODES == MISTAKES_BY_NAME["legacy_signature"].codes


def test_legacy_factory_matches_the_legacy_signer() -> None:
    """The hand-rolled legacy factory is the signature Zoom's samples made (outside truth:
    sign_legacy_web_sdk is held to the official sample vectors)."""
    made = MISTAKES_BY_NAME["legacy_signature"].make(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    signed = sign_legacy_web_sdk(
        api_key=SDK_KEY, api_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    assert made == signed


def test_nan_claims_are_null_in_the_payload() -> None:
    import base64
    import json

    token = MISTAKES_BY_NAME["nan_claims"].make(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["iat"] is None
    assert claims["exp"] is None
    assert claims["tokenExp"] is None
