"""verify_webhook and diagnose_webhook read the same headers and the same secret tokens.

Regression tests for issue 20: the diagnosis read headers its own way, so a request that
verification accepted (Django's ``request.META``) was reported with its headers missing, and
it took one secret token where verification takes several.
"""

from __future__ import annotations

import pytest

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    InvalidWebhookError,
    diagnose_webhook,
    verify_webhook,
)
from zoomsig.webhook import sign_webhook
from zoomsig.webhook._diagnose import MAX_DIAGNOSED_TOKENS

NOW = 1_763_900_000
OLD = "oldWebhookSecretTok022"
NEW = "newWebhookSecretTok022"
BODY = (
    b'{"event":"meeting.started","payload":{"account_id":"a","object":{"id":1}},'
    b'"event_ts":1763900000000}'
)


def _meta(headers: dict[str, str]) -> dict[str, object]:
    """The request as Django's ``request.META`` (a WSGI environ) holds it."""
    meta: dict[str, object] = {"REQUEST_METHOD": "POST", "wsgi.input": object()}
    for name, value in headers.items():
        meta["HTTP_" + name.upper().replace("-", "_")] = value
    return meta


def test_diagnosis_reported_missing_headers_that_verification_read_from_request_meta() -> None:
    meta = _meta(sign_webhook(BODY, secret_token=NEW, timestamp=NOW))
    assert verify_webhook(meta, BODY, secret_token=NEW, now=NOW).event == "meeting.started"
    report = diagnose_webhook(meta, BODY, secret_token=NEW, now=NOW)
    assert report.signature_verified is True
    assert report.ok
    assert not {f.code for f in report.findings} & {
        FindingCode.WEBHOOK_SIGNATURE_MISSING,
        FindingCode.WEBHOOK_TIMESTAMP_MISSING,
    }


def test_asgi_raw_headers_read_alike() -> None:
    signed = sign_webhook(BODY, secret_token=NEW, timestamp=NOW)
    raw = [(name.encode(), value.encode()) for name, value in signed.items()]
    assert verify_webhook(raw, BODY, secret_token=NEW, now=NOW).secret_id == 0
    assert diagnose_webhook(raw, BODY, secret_token=NEW, now=NOW).signature_verified is True


def test_diagnosis_refused_the_several_tokens_verification_takes() -> None:
    headers = sign_webhook(BODY, secret_token=NEW, timestamp=NOW)
    assert verify_webhook(headers, BODY, secret_token=[OLD, NEW], now=NOW).secret_id == 1
    report = diagnose_webhook(headers, BODY, secret_token=[OLD, NEW], now=NOW)
    assert report.signature_verified is True
    matched = [f for f in report.findings if f.code is FindingCode.WEBHOOK_SECRET_MATCHED]
    assert [f.message for f in matched] == [
        "the signature matches your second secret token (index 1)"
    ]
    named = diagnose_webhook(headers, BODY, secret_token={"old": OLD, "new": NEW}, now=NOW)
    assert "named 'new'" in str(named)
    for text in (str(report), repr(report), str(named)):  # never a token's value
        assert NEW[:8] not in text
        assert OLD[:8] not in text


def test_one_token_gets_no_matched_note() -> None:
    headers = sign_webhook(BODY, secret_token=NEW, timestamp=NOW)
    report = diagnose_webhook(headers, BODY, secret_token=NEW, now=NOW)
    assert not report.findings


def test_no_token_matches_reports_the_first_tokens_diagnosis() -> None:
    headers = sign_webhook(BODY, secret_token="thirdWebhookSecretT022", timestamp=NOW)
    report = diagnose_webhook(headers, BODY, secret_token=[OLD, NEW], now=NOW)
    assert report.signature_verified is False
    assert FindingCode.WEBHOOK_SIGNATURE_MISMATCH in {f.code for f in report.findings}


@pytest.mark.parametrize(
    ("tokens", "reason"),
    [
        ([], "give 1 to"),
        ([NEW] * (MAX_DIAGNOSED_TOKENS + 1), "give 1 to"),
        ([NEW, ""], r"secret_token\[1\]"),
        (42, "expected a non-empty str"),
    ],
)
def test_secret_tokens_argument(tokens: object, reason: str) -> None:
    headers = sign_webhook(BODY, secret_token=NEW, timestamp=NOW)
    with pytest.raises(InvalidParameterError, match=reason):
        diagnose_webhook(headers, BODY, secret_token=tokens, now=NOW)  # type: ignore[arg-type]


def test_diagnosis_said_ok_for_a_signed_body_that_verification_refuses() -> None:
    body = b'{"payload":{"object":{"id":1}},"event_ts":1763900000000}'  # no event name
    headers = sign_webhook(body, secret_token=NEW, timestamp=NOW)
    with pytest.raises(InvalidWebhookError, match="WEBHOOK_BODY_NOT_JSON"):
        verify_webhook(headers, body, secret_token=NEW, now=NOW)
    report = diagnose_webhook(headers, body, secret_token=NEW, now=NOW)
    assert not report.ok
    assert FindingCode.WEBHOOK_BODY_NOT_JSON in {f.code for f in report.findings}
