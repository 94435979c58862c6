"""diagnose_webhook: each mistake built the way it is made, named with its WEBHOOK_* code.

The re-serialisations are made with the frameworks' own JSON (Django's JsonResponse,
Flask's jsonify, Starlette's JSONResponse) where the framework is installed, and the
catalogue in zoomsig.testing.webhooks is checked against the engine so it cannot drift.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Callable

import pytest
from _support import NOW, SENTINEL_SECRET

from zoomsig import FindingCode, Report, Severity, TokenKind, diagnose_webhook, sign_webhook
from zoomsig.diagnose.codes import CODE_INFO
from zoomsig.testing.webhooks import (
    BrokenWebhook,
    broken_webhooks,
    signed_webhook_request,
    url_validation_request,
    zoom_json,
)
from zoomsig.webhook import MAX_WEBHOOK_BODY_SIZE

SECRET = SENTINEL_SECRET
_C = FindingCode
# Small enough (3 top-level keys, 2 payload keys) for the diagnosis to recover Zoom's key
# order after sort_keys, and with a non-ASCII topic so ensure_ascii shows.
EVENT: dict[str, object] = {
    "event": "meeting.started",
    "payload": {"account_id": "AAAAAAAAAAAAAAAAAAAAAA", "object": {"topic": "Réunion 🚀"}},
    "event_ts": NOW * 1000 - 250,
}
ZOOM_BODY = zoom_json(EVENT)
HEADERS = sign_webhook(ZOOM_BODY, secret_token=SECRET, timestamp=NOW)


def diagnose(body: object, headers: object = HEADERS, **kwargs: object) -> Report:
    options: dict[str, object] = {"secret_token": SECRET, "now": NOW + 2, **kwargs}
    report = diagnose_webhook(headers, body, **options)  # type: ignore[arg-type]
    assert report.kind is TokenKind.WEBHOOK
    text = str(report) + json.dumps(report.to_dict(), ensure_ascii=False)
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in text
    return report


def only(report: Report, code: FindingCode) -> str:
    errors = [f for f in report.findings if f.severity is not Severity.INFO]
    assert [f.code for f in errors] == [code], report
    return errors[0].message


def test_a_good_request() -> None:
    report = diagnose(ZOOM_BODY)
    assert report.ok
    assert report.findings == ()
    assert report.signature_verified is True
    assert report.claims == {"event": "meeting.started", "event_ts": NOW * 1000 - 250}
    assert report.header["x-zm-request-timestamp"] == str(NOW)
    assert str(report.header["x-zm-signature"]).startswith("v0=")
    assert len(str(report.header["x-zm-signature"])) == 24
    assert report.expires_at is not None
    assert report.expires_at.timestamp() == NOW + 300
    assert str(report).startswith("OK: Zoom webhook signature; 0 errors")


def _flask(data: object) -> bytes:
    flask = pytest.importorskip("flask")
    app = flask.Flask("webhook_diagnose")
    with app.app_context():
        body: bytes = flask.jsonify(data).get_data()
    return body


def _flask_debug(data: object) -> bytes:
    flask = pytest.importorskip("flask")
    app = flask.Flask("webhook_diagnose")
    app.debug = True
    with app.app_context():
        body: bytes = flask.jsonify(data).get_data()
    return body


def _flask_dumps(data: object) -> bytes:
    flask = pytest.importorskip("flask")
    app = flask.Flask("webhook_diagnose")
    with app.app_context():
        return str(flask.json.dumps(data)).encode()


def _django(data: object) -> bytes:
    http = pytest.importorskip("django.http")
    from django.conf import settings

    if not settings.configured:
        settings.configure()
    content: bytes = http.JsonResponse(data).content
    return content


RESERIALISATIONS: list[tuple[str, Callable[[object], bytes], str]] = [
    ("json.dumps default", lambda d: json.dumps(d).encode(), "json.dumps(event): "),
    (
        "json.dumps sort_keys",
        lambda d: json.dumps(d, sort_keys=True).encode(),
        "json.dumps(event, sort_keys=True)",
    ),
    (
        "json.dumps ensure_ascii=False",
        lambda d: json.dumps(d, ensure_ascii=False).encode(),
        "json.dumps(event, ensure_ascii=False)",
    ),
    (
        "json.dumps compact but ASCII",
        lambda d: json.dumps(d, separators=(",", ":")).encode(),
        "ensure_ascii=True",
    ),
    ("json.dumps indent=2", lambda d: json.dumps(d, indent=2).encode(), "indent=2"),
    ("json.dumps indent=4", lambda d: json.dumps(d, indent=4).encode(), "indent=4"),
    (
        "trailing newline",
        lambda d: zoom_json(d) + b"\n",  # type: ignore[arg-type]
        "a trailing newline was added",
    ),
    (
        "CRLF",
        lambda d: zoom_json(d) + b"\r\n",  # type: ignore[arg-type]
        "a trailing newline was added",
    ),
    (
        "PHP json_encode",
        lambda d: json.dumps(d, separators=(",", ":")).replace("/", "\\/").encode(),
        "PHP's json_encode",
    ),
    (
        "sorted compact (Go's map, Jackson ORDER_MAP_ENTRIES_BY_KEYS)",
        lambda d: json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(),
        "compact with sorted keys",
    ),
    ("Django JsonResponse", _django, "json.dumps(event): "),
    ("Flask jsonify", _flask, "Flask's jsonify / app.json.response"),
    ("Flask jsonify debug", _flask_debug, "Flask's jsonify in debug mode"),
    ("flask.json.dumps", _flask_dumps, "json.dumps(event, sort_keys=True)"),
]


@pytest.mark.parametrize(
    ("dump", "named"), [r[1:] for r in RESERIALISATIONS], ids=[r[0] for r in RESERIALISATIONS]
)
def test_reserialised_body_is_named(dump: Callable[[object], bytes], named: str) -> None:
    event = {**EVENT, "payload": {"account_id": "x/y", "object": {"topic": "Réunion 🚀"}}}
    zoom = zoom_json(event)
    body = dump(json.loads(zoom))
    assert body != zoom
    report = diagnose(body, sign_webhook(zoom, secret_token=SECRET, timestamp=NOW))
    message = only(report, _C.WEBHOOK_BODY_RESERIALISED)
    assert named in message
    assert report.signature_verified is False


def test_starlette_json_response_reproduces_zooms_compact_json() -> None:
    # FastAPI's JSONResponse (and orjson) write compact UTF-8 JSON, like JSON.stringify:
    # re-serialising with them happens to work for this body, as it does in Zoom's sample.
    responses = pytest.importorskip("starlette.responses")
    body = responses.JSONResponse(json.loads(ZOOM_BODY)).body
    assert body == ZOOM_BODY
    assert diagnose(body).ok


def test_reordered_keys_that_cannot_be_recovered_are_a_warning_not_a_guess() -> None:
    deep = {**EVENT, "payload": {"a": 1, "b": 2, "c": 3, "d": 4, "e": {"y": 1, "x": 2}}}
    zoom = zoom_json(deep)
    body = json.dumps(json.loads(zoom), sort_keys=True, separators=(",", ":")).encode()
    report = diagnose(body, sign_webhook(zoom, secret_token=SECRET, timestamp=NOW))
    assert report.codes == {_C.WEBHOOK_SIGNATURE_MISMATCH, _C.WEBHOOK_BODY_NOT_COMPACT}


def test_body_as_str_is_named_and_still_checked() -> None:
    report = diagnose(ZOOM_BODY.decode())
    assert only(report, _C.WEBHOOK_BODY_NOT_BYTES)
    assert report.signature_verified is True  # the text happens to encode back; still wrong


def test_body_as_parsed_dict() -> None:
    report = diagnose(json.loads(ZOOM_BODY))
    assert "the parsed event" in only(report, _C.WEBHOOK_BODY_NOT_BYTES)


@pytest.mark.parametrize("body", [None, 42, object(), {"x": {1, 2}}])
def test_body_of_no_usable_type(body: object) -> None:
    report = diagnose(body)
    assert _C.WEBHOOK_BODY_NOT_BYTES in report.codes
    assert report.signature_verified is None


@pytest.mark.parametrize("body", [b"", b"  \n"])
def test_empty_body(body: bytes) -> None:
    report = diagnose(body)
    assert only(report, _C.WEBHOOK_BODY_EMPTY)
    assert report.signature_verified is None


def test_oversized_body_is_not_parsed() -> None:
    body = b"{" + b" " * MAX_WEBHOOK_BODY_SIZE + b"}"
    report = diagnose(body)
    assert f"{MAX_WEBHOOK_BODY_SIZE}-byte cap" in only(report, _C.WEBHOOK_BODY_TOO_LARGE)


@pytest.mark.parametrize("body", [b"not json", b"[1]", b"[" * 50_000, b'{"a":1}{'])
def test_body_not_a_json_object(body: bytes) -> None:
    report = diagnose(body, sign_webhook(body, secret_token=SECRET, timestamp=NOW))
    assert only(report, _C.WEBHOOK_BODY_NOT_JSON)
    assert report.signature_verified is True


def _mac() -> bytes:
    message = f"v0:{NOW}:".encode() + ZOOM_BODY
    return hmac.new(SECRET.encode(), message, hashlib.sha256).digest()


@pytest.mark.parametrize(
    ("signature", "code"),
    [
        ("v0=" + base64.b64encode(_mac()).decode(), _C.WEBHOOK_SIGNATURE_BASE64),
        (
            "v0=" + base64.urlsafe_b64encode(_mac()).decode().rstrip("="),
            _C.WEBHOOK_SIGNATURE_BASE64,
        ),
        (_mac().hex(), _C.WEBHOOK_SIGNATURE_PREFIX_MISSING),
        ("v0=v0=" + _mac().hex(), _C.WEBHOOK_SIGNATURE_PREFIX_DOUBLED),
        ("v0=" + _mac().hex().upper(), _C.WEBHOOK_SIGNATURE_MALFORMED),
        ("V0=" + _mac().hex(), _C.WEBHOOK_SIGNATURE_MALFORMED),
        ("v0=" + _mac().hex()[:40], _C.WEBHOOK_SIGNATURE_MALFORMED),
        ("sha256=" + _mac().hex(), _C.WEBHOOK_SIGNATURE_MALFORMED),
    ],
)
def test_signature_encodings(signature: str, code: FindingCode) -> None:
    report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-signature": signature})
    assert only(report, code)


def test_matching_hmac_in_the_wrong_encoding_is_still_verified() -> None:
    report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-signature": _mac().hex()})
    assert report.signature_verified is True
    assert not report.ok


def test_base64_of_another_hmac_is_a_mismatch_too() -> None:
    other = hashlib.sha256(b"x").digest()
    report = diagnose(
        ZOOM_BODY, {**HEADERS, "x-zm-signature": "v0=" + base64.b64encode(other).decode()}
    )
    assert report.codes == {_C.WEBHOOK_SIGNATURE_BASE64, _C.WEBHOOK_SIGNATURE_MISMATCH}


def test_timestamp_findings() -> None:
    assert only(
        diagnose(ZOOM_BODY, {"x-zm-signature": HEADERS["x-zm-signature"]}),
        _C.WEBHOOK_TIMESTAMP_MISSING,
    )
    bad = {**HEADERS, "x-zm-request-timestamp": "2025-11-23T12:13:20Z"}
    report = diagnose(ZOOM_BODY, bad)
    # The HMAC is still checked over the header as given: Zoom signed another value, found
    # near the body's event_ts.
    assert report.codes == {_C.WEBHOOK_TIMESTAMP_INVALID, _C.WEBHOOK_TIMESTAMP_NOT_SIGNED}
    assert "not decimal digits" in str(report)
    old = diagnose(ZOOM_BODY, now=NOW + 3600)
    message = only(old, _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW)
    assert "1 h old" in message
    assert "+3600 s" in message
    assert old.signature_verified is True
    ahead = only(diagnose(ZOOM_BODY, now=NOW - 900), _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW)
    assert "15 min in the future" in ahead


def test_timestamp_in_milliseconds_signed_so() -> None:
    headers = sign_webhook(ZOOM_BODY, secret_token=SECRET, timestamp=NOW)
    stamp = str(NOW * 1000)
    message = f"v0:{stamp}:".encode() + ZOOM_BODY
    mac = hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    headers = {"x-zm-request-timestamp": stamp, "x-zm-signature": "v0=" + mac}
    report = diagnose(ZOOM_BODY, headers)
    assert f"seconds would be {NOW}" in only(report, _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS)


def test_missing_signature_header_and_headers_of_no_usable_type() -> None:
    assert only(
        diagnose(ZOOM_BODY, {"x-zm-request-timestamp": str(NOW)}), _C.WEBHOOK_SIGNATURE_MISSING
    )
    for headers in (None, 42, "x-zm-signature", [1, 2], {1: 2}, {"x-zm-signature": None}):
        report = diagnose(ZOOM_BODY, headers)
        assert {_C.WEBHOOK_SIGNATURE_MISSING, _C.WEBHOOK_TIMESTAMP_MISSING} <= report.codes


def test_repeated_headers_with_different_values() -> None:
    pairs = [*HEADERS.items(), ("x-zm-signature", "v0=" + "0" * 64)]
    assert _C.WEBHOOK_SIGNATURE_MALFORMED in diagnose(ZOOM_BODY, pairs).codes
    pairs = [*HEADERS.items(), ("X-ZM-REQUEST-TIMESTAMP", "1")]
    assert _C.WEBHOOK_TIMESTAMP_INVALID in diagnose(ZOOM_BODY, pairs).codes


def test_secret_with_whitespace_on_the_checking_side() -> None:
    for padded in (SECRET + "\n", SECRET + "\r\n", " " + SECRET):
        report = diagnose(ZOOM_BODY, secret_token=padded)
        assert "matches once it is stripped" in only(report, _C.WEBHOOK_SECRET_HAS_WHITESPACE)
    wrong = diagnose(ZOOM_BODY, secret_token="another-secret-token\n")
    assert wrong.codes == {_C.WEBHOOK_SECRET_HAS_WHITESPACE, _C.WEBHOOK_SIGNATURE_MISMATCH}


def test_verification_token_instead_of_secret_token() -> None:
    token = "OldVrfTokenOld22abcdef"  # no 8-character run in common with the messages
    report = diagnose(ZOOM_BODY, secret_token=token, verification_token=token)
    assert "is the app's verification token" in only(report, _C.WEBHOOK_VERIFICATION_TOKEN_USED)
    # A harness that signed with the verification token: the checker has the right secret.
    headers = sign_webhook(ZOOM_BODY, secret_token=token, timestamp=NOW)
    report = diagnose(ZOOM_BODY, headers, verification_token=token)
    assert "signed with the verification token" in only(report, _C.WEBHOOK_VERIFICATION_TOKEN_USED)
    # Without the verification token nothing can tell them apart: both are 22 characters.
    assert diagnose(ZOOM_BODY, secret_token=token).codes == {_C.WEBHOOK_SIGNATURE_MISMATCH}


def test_headers_from_another_event() -> None:
    yesterday = {**EVENT, "event": "meeting.ended", "event_ts": (NOW - 86400) * 1000}
    report = diagnose(zoom_json(yesterday))
    assert report.codes == {_C.WEBHOOK_SIGNATURE_MISMATCH, _C.WEBHOOK_HEADERS_FROM_OTHER_EVENT}
    assert "1 d after the body's event_ts" in str(report)
    tomorrow = {**EVENT, "event_ts": (NOW + 3600) * 1000}
    assert "before the body's event_ts" in str(diagnose(zoom_json(tomorrow)))


def test_url_validation_is_named_with_what_to_answer() -> None:
    request = url_validation_request("qgg8vlvZRS6UYooatFL8Aw", secret_token=SECRET, timestamp=NOW)
    report = diagnose(request.body, request.headers)
    assert report.ok
    assert report.codes == {_C.WEBHOOK_URL_VALIDATION}
    assert "qgg8vlvZRS6UYooatFL8Aw" in report.findings[0].message
    assert "url_validation_response" in report.findings[0].fix


def test_secret_in_a_header_is_never_echoed() -> None:
    for value in (SECRET, "v0=" + SECRET, SECRET[:10] + "x"):
        report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-signature": value})
        assert _C.WEBHOOK_SIGNATURE_MALFORMED in report.codes
    report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-request-timestamp": SECRET})
    assert (
        report.header["x-zm-request-timestamp"]
        == "(a value that holds the secret token, not shown)"
    )
    event = {**EVENT, "event": "leak " + SECRET}
    assert "holds the secret" in str(diagnose(zoom_json(event)).claims["event"])


def test_findings_come_errors_first() -> None:
    request = url_validation_request("tok", secret_token=SECRET, timestamp=NOW)
    report = diagnose(request.body + b"\n", request.headers, now=NOW + 999)
    order = [f.severity for f in report.findings]
    assert order == sorted(order, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index)
    assert order[-1] is Severity.INFO


@pytest.mark.parametrize("bad", ["", "  ", None, b"bytes"])
def test_secret_token_argument(bad: object) -> None:
    with pytest.raises(ValueError, match=r"^secret_token: "):
        diagnose_webhook(HEADERS, ZOOM_BODY, secret_token=bad, now=NOW)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^verification_token: "):
        diagnose_webhook(HEADERS, ZOOM_BODY, secret_token=SECRET, verification_token="")


def test_every_webhook_code_has_info() -> None:
    webhook_codes = [c for c in FindingCode if c.value.startswith("WEBHOOK_")]
    assert len(webhook_codes) == 41
    for code in webhook_codes:
        assert CODE_INFO[code].fix.endswith(".")


# --- the catalogue in zoomsig.testing.webhooks ---------------------------------------------

CATALOGUE = broken_webhooks(secret_token=SECRET, timestamp=NOW)


@pytest.mark.parametrize("case", CATALOGUE, ids=[case.name for case in CATALOGUE])
def test_catalogue_entry_is_named_by_the_engine(case: BrokenWebhook) -> None:
    report = diagnose_webhook(
        case.headers,
        case.body,
        secret_token=case.secret_token,
        now=case.now,
        verification_token=case.verification_token,
    )
    assert case.expected in report.codes, report
    assert not report.ok
    assert SECRET not in repr(case)


def test_catalogue_covers_the_mistakes_of_the_issue() -> None:
    codes = {case.expected for case in CATALOGUE}
    assert {
        _C.WEBHOOK_BODY_RESERIALISED,
        _C.WEBHOOK_VERIFICATION_TOKEN_USED,
        _C.WEBHOOK_SIGNATURE_BASE64,
        _C.WEBHOOK_SIGNATURE_PREFIX_MISSING,
        _C.WEBHOOK_SIGNATURE_PREFIX_DOUBLED,
        _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
        _C.WEBHOOK_TIMESTAMP_MISSING,
        _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW,
        _C.WEBHOOK_HEADERS_FROM_OTHER_EVENT,
        _C.WEBHOOK_SECRET_HAS_WHITESPACE,
    } <= codes


def test_catalogue_lacked_the_mistakes_found_in_real_receivers() -> None:
    by_code = {case.expected: case for case in CATALOGUE}
    for code in (
        _C.WEBHOOK_SECRET_QUOTED,
        _C.WEBHOOK_SIGNATURE_WRONG_HEADER,
        _C.WEBHOOK_TIMESTAMP_NOT_SIGNED,
        _C.WEBHOOK_BODY_PYTHON_REPR,
        _C.WEBHOOK_BODY_WRONG_CHARSET,
    ):
        assert code in by_code, code
    # The verification token named from the request alone, without verification_token=.
    (case,) = [c for c in CATALOGUE if c.name == "verification_token_in_request"]
    assert case.verification_token is None
    assert case.expected is _C.WEBHOOK_VERIFICATION_TOKEN_USED


def test_signed_webhook_request_verifies() -> None:
    request = signed_webhook_request(EVENT, secret_token=SECRET, timestamp=NOW)
    assert request.body == ZOOM_BODY
    assert request.event == EVENT
    assert request.headers["content-type"].startswith("application/json")
    assert diagnose(request.body, request.headers).ok


# --- edges ---------------------------------------------------------------------------------


def test_an_unnamed_reserialisation_is_described_by_its_traits() -> None:
    body = json.dumps(json.loads(ZOOM_BODY), indent=3).encode() + b"\n"
    message = only(diagnose(body), _C.WEBHOOK_BODY_RESERIALISED)
    assert "re-serialised from parsed JSON (" in message
    assert "line breaks" in message
    assert "\\uXXXX escapes" in message


def test_whitespace_around_the_body() -> None:
    message = only(diagnose(b"  " + ZOOM_BODY + b" \n"), _C.WEBHOOK_BODY_RESERIALISED)
    assert "whitespace was added around it" in message


def test_a_short_secret_token_is_redacted_whole() -> None:
    headers = sign_webhook(ZOOM_BODY, secret_token="abc", timestamp=NOW)
    report = diagnose_webhook(
        {**headers, "x-zm-request-timestamp": "xabcx"}, ZOOM_BODY, secret_token="abc", now=NOW
    )
    assert "abc" not in str(report)


def test_44_characters_that_are_not_base64_of_a_mac() -> None:
    report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-signature": "v0=" + "!" * 44})
    assert "neither 64 hex digits nor base64" in only(report, _C.WEBHOOK_SIGNATURE_MALFORMED)


def test_a_non_ascii_timestamp() -> None:
    report = diagnose(ZOOM_BODY, {**HEADERS, "x-zm-request-timestamp": "١٧٦٣٩٠٠٠٠٠"})
    assert report.codes == {_C.WEBHOOK_TIMESTAMP_INVALID}
    assert report.signature_verified is False


def test_the_endpoint_logic() -> None:
    from zoomsig.webhook.endpoint import check_webhook_settings, handle_webhook

    body = b'{"event":"endpoint.url_validation","payload":{}}'
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    outcome = handle_webhook(headers, body, secret_token=SECRET, now=NOW)
    assert (outcome.status, outcome.event) == (400, None)
    rejected = handle_webhook({}, body, secret_token=SECRET, now=NOW)
    assert rejected.status == 401
    assert rejected.error is not None
    assert rejected.error.finding_code is _C.WEBHOOK_TIMESTAMP_MISSING
    assert handle_webhook(headers, body, secret_token=SECRET, max_body_size=10).status == 413
    for size in (0, True, "1"):
        with pytest.raises(ValueError, match=r"^max_body_size: "):
            check_webhook_settings(SECRET, max_body_size=size)
