"""zoomsig.webhook: verify_webhook, url_validation_response, sign_webhook, sign_rtms_handshake.

The HMACs are checked against an independent computation with the stdlib (the formulas
are Zoom's, as its official webhook sample and RTMS samples compute them), and every
rejection carries the finding code diagnose_webhook uses for the same problem.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
from _support import NOW, SENTINEL_SECRET, assert_no_secret

import zoomsig
from zoomsig import (
    FindingCode,
    InvalidParameterError,
    InvalidWebhookError,
    WebhookEvent,
    ZoomSigError,
    sign_rtms_handshake,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)
from zoomsig.webhook import DEFAULT_TOLERANCE

SECRET = SENTINEL_SECRET
BODY = (
    b'{"event":"meeting.started","payload":{"account_id":"AAAAAAAAAAAAAAAAAAAAAA",'
    b'"object":{"id":85746065432,"topic":"R\xc3\xa9union"}},"event_ts":1763899999750}'
)
_C = FindingCode


def stdlib_signature(secret: str, timestamp: str, body: bytes) -> str:
    message = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def headers(timestamp: int = NOW, body: bytes = BODY, secret: str = SECRET) -> dict[str, str]:
    return {
        "x-zm-request-timestamp": str(timestamp),
        "x-zm-signature": stdlib_signature(secret, str(timestamp), body),
    }


def rejected(hdrs: object, body: object = BODY, **kwargs: object) -> InvalidWebhookError:
    options: dict[str, object] = {"secret_token": SECRET, "now": NOW + 1, **kwargs}
    with pytest.raises(InvalidWebhookError) as info:
        verify_webhook(hdrs, body, **options)  # type: ignore[arg-type]
    assert_no_secret(info.value)
    assert isinstance(info.value, ZoomSigError)
    assert info.value.code == "invalid_webhook"
    return info.value


# --- verify_webhook ------------------------------------------------------------------------


def test_verify_accepts_zooms_signature_and_returns_the_event() -> None:
    event = verify_webhook(headers(), BODY, secret_token=SECRET, now=NOW + 3)
    assert isinstance(event, WebhookEvent)
    assert event.event == "meeting.started"
    assert event.event_ts == 1763899999750
    assert event.timestamp == NOW
    assert event.payload["account_id"] == "AAAAAAAAAAAAAAAAAAAAAA"
    assert event.data == json.loads(BODY)
    assert event.body == BODY
    assert not event.is_url_validation
    assert "body" not in repr(event)


@pytest.mark.parametrize(
    "make",
    [
        lambda h: {k.upper(): v for k, v in h.items()},
        lambda h: {k.title(): v for k, v in h.items()},
        lambda h: list(h.items()),
        lambda h: [(k.encode(), v.encode()) for k, v in h.items()],
    ],
    ids=["upper", "title", "pairs", "bytes-pairs"],
)
def test_header_names_in_any_case_and_form(make: object) -> None:
    given = make(headers())  # type: ignore[operator]
    assert verify_webhook(given, BODY, secret_token=SECRET, now=NOW).event == "meeting.started"


def test_framework_header_objects() -> None:
    starlette = pytest.importorskip("starlette.datastructures")
    werkzeug = pytest.importorskip("werkzeug.datastructures")
    for given in (starlette.Headers(headers()), werkzeug.Headers(headers())):
        assert verify_webhook(given, BODY, secret_token=SECRET, now=NOW).timestamp == NOW


@pytest.mark.parametrize("body", [bytearray(BODY), memoryview(BODY)], ids=["bytearray", "mv"])
def test_bytes_like_bodies(body: object) -> None:
    assert verify_webhook(headers(), body, secret_token=SECRET, now=NOW).body == BODY  # type: ignore[arg-type]


def test_str_body_is_refused_as_not_the_raw_body() -> None:
    with pytest.raises(InvalidParameterError) as info:
        verify_webhook(headers(), BODY.decode(), secret_token=SECRET, now=NOW)  # type: ignore[arg-type]
    assert info.value.parameter == "body"
    assert "not the raw body" in info.value.reason
    assert "request.get_data()" in info.value.reason


def test_other_body_types_are_refused() -> None:
    with pytest.raises(InvalidParameterError, match=r"^body: expected the raw body as bytes"):
        verify_webhook(headers(), json.loads(BODY), secret_token=SECRET, now=NOW)


@pytest.mark.parametrize(
    ("secret", "needle"),
    [("", "empty"), ("   ", "empty"), (SECRET + "\n", "whitespace"), (b"bytes", "str")],
)
def test_secret_token_that_cannot_be_zooms(secret: object, needle: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        verify_webhook(headers(), BODY, secret_token=secret, now=NOW)  # type: ignore[arg-type]
    assert info.value.parameter == "secret_token"
    assert needle in info.value.reason
    assert_no_secret(info.value)


def test_missing_headers() -> None:
    assert rejected({}).finding_code is _C.WEBHOOK_TIMESTAMP_MISSING
    only_stamp = {"x-zm-request-timestamp": str(NOW)}
    assert rejected(only_stamp).finding_code is _C.WEBHOOK_SIGNATURE_MISSING


@pytest.mark.parametrize("stamp", ["", "abc", "1763900000.5", " 1763900000", "-1", "١٢٣"])
def test_timestamp_not_digits(stamp: str) -> None:
    given = {**headers(), "x-zm-request-timestamp": stamp}
    assert rejected(given).finding_code is _C.WEBHOOK_TIMESTAMP_INVALID


def test_timestamp_in_milliseconds_even_when_signed_so() -> None:
    stamp = NOW * 1000
    error = rejected(headers(timestamp=stamp))
    assert error.finding_code is _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS
    assert "13 digits" in error.reason


@pytest.mark.parametrize(
    "signature",
    [
        "",
        "v0=",
        "v0=" + "a" * 63,
        "v0=" + "A" * 64,
        "V0=" + "a" * 64,
        "v1=" + "a" * 64,
        "a" * 64,
        "v0=v0=" + "a" * 64,
        "v0=" + "a" * 64 + " ",
        "v0=" + "é" * 64,
    ],
)
def test_malformed_signature(signature: str) -> None:
    given = {**headers(), "x-zm-signature": signature}
    assert rejected(given).finding_code is _C.WEBHOOK_SIGNATURE_MALFORMED


def test_repeated_headers_with_different_values_are_refused() -> None:
    good = headers()
    pairs = [*good.items(), ("X-Zm-Signature", "v0=" + "0" * 64)]
    assert rejected(pairs).finding_code is _C.WEBHOOK_SIGNATURE_MALFORMED
    pairs = [*good.items(), ("x-zm-request-timestamp", str(NOW + 1))]
    assert rejected(pairs).finding_code is _C.WEBHOOK_TIMESTAMP_INVALID
    # The same value twice is the same header.
    same = [*good.items(), *good.items()]
    assert verify_webhook(same, BODY, secret_token=SECRET, now=NOW).timestamp == NOW


def test_headers_as_pairs_of_str_or_bytes_are_typed_and_accepted() -> None:
    # ASGI hands raw headers as (bytes, bytes) pairs; a list or a tuple of pairs type-checks
    # as headers= (mypy checks this file) and verifies like the mapping.
    raw = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers().items()]
    assert verify_webhook(raw, BODY, secret_token=SECRET, now=NOW).timestamp == NOW
    assert verify_webhook(tuple(headers().items()), BODY, secret_token=SECRET, now=NOW).body == BODY


def test_tampered_body_timestamp_or_secret() -> None:
    assert rejected(headers(), BODY + b" ").finding_code is _C.WEBHOOK_SIGNATURE_MISMATCH
    moved = {**headers(), "x-zm-request-timestamp": str(NOW - 1)}
    assert rejected(moved).finding_code is _C.WEBHOOK_SIGNATURE_MISMATCH
    other = headers(secret="another-apps-secret-token")
    assert rejected(other).finding_code is _C.WEBHOOK_SIGNATURE_MISMATCH


def test_signature_compared_in_constant_time() -> None:
    with mock.patch("hmac.compare_digest", wraps=hmac.compare_digest) as compare:
        verify_webhook(headers(), BODY, secret_token=SECRET, now=NOW)
    assert compare.call_count == 1


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [
        (0, True),
        (DEFAULT_TOLERANCE, True),
        (DEFAULT_TOLERANCE + 1, False),
        (-DEFAULT_TOLERANCE, True),
        (-DEFAULT_TOLERANCE - 1, False),
    ],
)
def test_replay_window(offset: int, accepted: bool) -> None:
    if accepted:
        verify_webhook(headers(), BODY, secret_token=SECRET, now=NOW + offset)
        return
    error = rejected(headers(), now=NOW + offset)
    assert error.finding_code is _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW
    assert ("old" if offset > 0 else "in the future") in error.reason
    assert f"{abs(offset)} s" in error.reason


def test_tolerance_and_now_arguments() -> None:
    verify_webhook(headers(), BODY, secret_token=SECRET, now=NOW + 500, tolerance=600)
    aware = datetime.fromtimestamp(NOW, tz=timezone.utc) + timedelta(seconds=5)
    verify_webhook(headers(), BODY, secret_token=SECRET, now=aware)
    for bad in (0, -1, True, 1.5, 86401):
        with pytest.raises(InvalidParameterError, match=r"^tolerance: "):
            verify_webhook(headers(), BODY, secret_token=SECRET, now=NOW, tolerance=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"^now: "):
        verify_webhook(headers(), BODY, secret_token=SECRET, now=datetime(2025, 1, 1))


def test_headers_that_are_not_a_mapping() -> None:
    for bad in (None, 42, "x-zm-signature: v0=", b"x-zm-signature: v0=", [("only-one",)], [(1, 2)]):
        with pytest.raises(InvalidParameterError, match=r"^headers: "):
            verify_webhook(bad, BODY, secret_token=SECRET, now=NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [b"not json", b"[1,2]", b'"text"', b"[" * 100_000])
def test_signed_body_that_is_not_a_json_object(body: bytes) -> None:
    error = rejected(headers(body=body), body)
    assert error.finding_code is _C.WEBHOOK_BODY_NOT_JSON


def test_event_fields_of_odd_but_signed_bodies() -> None:
    body = b'{"event":"x.y","payload":[],"event_ts":true}'
    event = verify_webhook(headers(body=body), body, secret_token=SECRET, now=NOW)
    assert (event.event, dict(event.payload), event.event_ts) == ("x.y", {}, None)
    assert (event.account_id, event.object_id, event.uuid, event.host_id) == (None,) * 4


@pytest.mark.parametrize("body", [b'{"event":5}', b"{}", b'{"event":null,"payload":{}}'])
def test_signed_body_without_event_name_was_an_event_of_none(body: bytes) -> None:
    error = rejected(headers(body=body), body)
    assert error.finding_code is _C.WEBHOOK_BODY_NOT_JSON
    assert '"event"' in error.reason


# --- url_validation_response ---------------------------------------------------------------


def test_url_validation_response_is_hmac_of_plain_token() -> None:
    body = (
        b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,'
        b'"event":"endpoint.url_validation"}'
    )
    event = verify_webhook(headers(body=body), body, secret_token=SECRET, now=NOW)
    assert event.is_url_validation
    expected = hmac.new(SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
    answer = {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": expected}
    assert url_validation_response(event, secret_token=SECRET) == answer
    assert url_validation_response(json.loads(body), secret_token=SECRET) == answer


def test_url_validation_response_outside_vector() -> None:
    # Zoom's documented challenge body, answered as Elastic Beats' http_endpoint input test
    # (x-pack/filebeat/input/http_endpoint, "validate_CRC_request") expects it for the
    # secret token "secretValueTest": an independent implementation's value.
    event = {
        "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"},
        "event_ts": 1654503849680,
        "event": "endpoint.url_validation",
    }
    assert url_validation_response(event, secret_token="secretValueTest") == {
        "plainToken": "qgg8vlvZRS6UYooatFL8Aw",
        "encryptedToken": "70c1f2e2e6ca2d39297490d1f9142c7d701415ea8e6151f6562a08fa657a40ff",
    }


@pytest.mark.parametrize(
    "event",
    [
        {"event": "meeting.started", "payload": {"plainToken": "x"}},
        {"event": "endpoint.url_validation", "payload": {}},
        {"event": "endpoint.url_validation", "payload": {"plainToken": ""}},
        {"event": "endpoint.url_validation", "payload": {"plainToken": 5}},
        {"event": "endpoint.url_validation"},
        ["endpoint.url_validation"],
    ],
)
def test_url_validation_response_refuses_other_events(event: object) -> None:
    with pytest.raises(InvalidParameterError, match=r"^event: "):
        url_validation_response(event, secret_token=SECRET)  # type: ignore[arg-type]


# --- sign_webhook ----------------------------------------------------------------------------


def test_sign_webhook_matches_the_stdlib_and_verifies() -> None:
    signed = sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)
    assert signed == headers()
    aware = datetime.fromtimestamp(NOW, tz=timezone.utc)
    assert sign_webhook(BODY, secret_token=SECRET, timestamp=aware) == signed
    assert sign_webhook(BODY, secret_token=SECRET, timestamp=NOW + 0.9) == signed


def test_sign_webhook_refusals() -> None:
    with pytest.raises(InvalidParameterError, match=r"^timestamp: .*milliseconds"):
        sign_webhook(BODY, secret_token=SECRET, timestamp=NOW * 1000)
    with pytest.raises(InvalidParameterError, match=r"^timestamp: is required"):
        sign_webhook(BODY, secret_token=SECRET, timestamp=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"^body: got a str"):
        sign_webhook(BODY.decode(), secret_token=SECRET, timestamp=NOW)  # type: ignore[arg-type]


# --- sign_rtms_handshake -------------------------------------------------------------------

RTMS = {
    "client_id": "demoClientId123",
    "client_secret": SECRET,
    "meeting_uuid": "4444AAAiAAAAAiAAAAAiAA==",
    "rtms_stream_id": "609340fb8d5a4e3e9fd4c6b4a7e2b1c0",
}


def test_rtms_handshake_is_hmac_of_the_comma_joined_ids() -> None:
    message = b"demoClientId123,4444AAAiAAAAAiAAAAAiAA==,609340fb8d5a4e3e9fd4c6b4a7e2b1c0"
    expected = hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    assert sign_rtms_handshake(**RTMS) == expected


@pytest.mark.parametrize(
    ("parameter", "value", "needle"),
    [
        ("client_id", "", "empty"),
        ("client_secret", " ", "empty"),
        ("client_id", " demoClientId123", "whitespace"),
        ("client_secret", SECRET + "\n", "whitespace"),
        ("meeting_uuid", "a,b", "comma"),
        ("rtms_stream_id", "a,b", "comma"),
        ("meeting_uuid", 42, "str"),
    ],
)
def test_rtms_handshake_refusals(parameter: str, value: object, needle: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        sign_rtms_handshake(**{**RTMS, parameter: value})  # type: ignore[arg-type]
    assert info.value.parameter == parameter
    assert needle in info.value.reason
    assert_no_secret(info.value)


def test_webhook_names_are_exported() -> None:
    for name in ("verify_webhook", "diagnose_webhook", "InvalidWebhookError", "WebhookEvent"):
        assert name in zoomsig.__all__
