"""diagnose_url_validation: the answer to Zoom's challenge, as each framework captures it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from _support import NOW, SENTINEL_SECRET

from zoomsig import FindingCode, InvalidParameterError, Report, Severity, verify_webhook
from zoomsig.testing.webhooks import url_validation_request
from zoomsig.webhook import RESPONSE_DEADLINE, diagnose_url_validation, url_validation_response

SECRET = SENTINEL_SECRET
_C = FindingCode
PLAIN = "qgg8vlvZRS6UYooatFL8Aw"
REQUEST = url_validation_request(PLAIN, secret_token=SECRET, timestamp=NOW)
CHALLENGE = json.loads(REQUEST.body)
ANSWER = url_validation_response(CHALLENGE, secret_token=SECRET)
VERIFICATION = "vErIfIcAtIoNtOkEn0ld22"


def check(response: object, **options: object) -> Report:
    report = diagnose_url_validation(CHALLENGE, response, secret_token=SECRET, **options)  # type: ignore[arg-type]
    text = str(report) + json.dumps(report.to_dict())
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in text
    return report


def codes(report: Report) -> set[FindingCode]:
    return {f.code for f in report.findings if f.severity is not Severity.INFO}


def mac(key: str, text: str = PLAIN) -> bytes:
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).digest()


@pytest.mark.parametrize(
    "challenge",
    [CHALLENGE, REQUEST.body, REQUEST.body.decode()],
    ids=["dict", "bytes", "str"],
)
def test_a_right_answer(challenge: object) -> None:
    report = diagnose_url_validation(challenge, ANSWER, secret_token=SECRET, elapsed=0.2)
    assert report.ok
    assert report.findings == ()
    assert report.signature_verified is True
    assert report.claims == {"event": "endpoint.url_validation", "plainToken": PLAIN}


def test_a_verified_event_is_accepted_as_the_challenge() -> None:
    event = verify_webhook(REQUEST.headers, REQUEST.body, secret_token=SECRET, now=NOW)
    assert diagnose_url_validation(event, json.dumps(ANSWER), secret_token=SECRET).ok


CLIENT_SECRET = "S2S-client-secret-of-the-app-0001"
NOT_HEX, WRONG_KEY = _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX, _C.WEBHOOK_RESPONSE_WRONG_KEY
MISMATCH = _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH
WRONG_TOKENS = {
    "base64": (base64.b64encode(mac(SECRET)).decode(), NOT_HEX, "base64"),
    "base64url": (base64.urlsafe_b64encode(mac(SECRET)).decode()[:43], NOT_HEX, "43 characters"),
    "upper-hex": (mac(SECRET).hex().upper(), NOT_HEX, "upper-case"),
    "verification-token": (mac(VERIFICATION).hex(), WRONG_KEY, "the verification token"),
    "secret-newline": (mac(SECRET + "\n").hex(), WRONG_KEY, "trailing newline"),
    "secret-quoted": (mac(f'"{SECRET}"').hex(), WRONG_KEY, "double quotes"),
    "client-secret": (mac(CLIENT_SECRET).hex(), WRONG_KEY, "'ZOOM_CLIENT_SECRET'"),
    "sha256": (hashlib.sha256(PLAIN.encode()).hexdigest(), MISMATCH, "plain SHA-256"),
    "echo": (PLAIN, MISMATCH, "the plainToken itself"),
    "secret-itself": (SECRET, MISMATCH, "the secret token itself"),
    "other-token": (mac("anotherSubscriptionTk").hex(), MISMATCH, "another subscription"),
    "cut": ("abc", MISMATCH, "3 characters"),
}


@pytest.mark.parametrize(
    ("encrypted", "code", "needle"), list(WRONG_TOKENS.values()), ids=list(WRONG_TOKENS)
)
def test_a_wrong_encrypted_token_is_explained(
    encrypted: str, code: FindingCode, needle: str
) -> None:
    report = check(
        {**ANSWER, "encryptedToken": encrypted},
        verification_token=VERIFICATION,
        other_secrets={"ZOOM_CLIENT_SECRET": CLIENT_SECRET},
    )
    assert codes(report) == {code}
    assert needle in report.findings[0].message


def test_missing_and_altered_fields() -> None:
    assert codes(check({"plainToken": PLAIN})) == {_C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING}
    snake = check({"plainToken": PLAIN, "encrypted_token": ANSWER["encryptedToken"]})
    assert "under 'encrypted_token'" in str(snake)
    report = check({"encryptedToken": ANSWER["encryptedToken"]})
    assert codes(report) == {_C.WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG}
    assert report.signature_verified is True
    altered = check({**ANSWER, "plainToken": PLAIN.lower()})
    assert codes(altered) == {_C.WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG}
    assert "Zoom sent 'qgg8vlvZRS6UYooatFL8Aw'" in str(altered)
    padded = check({**ANSWER, "plainToken": PLAIN + " "})
    assert "whitespace" in str(padded)


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"", "empty"),
        (b"<html><body>OK</body></html>", "HTML"),
        (str(ANSWER).encode(), "Python's str()"),
        (b"[1, 2]", "a list"),
        (b"not json", "not JSON"),
        (42, "is a int, not a JSON object"),
    ],
)
def test_an_answer_that_is_not_a_json_object(body: object, needle: str) -> None:
    report = check(body)
    assert codes(report) == {_C.WEBHOOK_RESPONSE_NOT_JSON}
    assert needle in str(report)
    assert report.signature_verified is None


def test_status_content_type_and_time_from_curl_i() -> None:
    head = "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: 9\r\n\r\n"
    body = json.dumps(ANSWER)
    ok = check(head.format(status="200 OK", ctype="application/json; charset=utf-8") + body)
    assert ok.ok
    assert ok.header == {"status": 200, "content-type": "application/json; charset=utf-8"}
    slow = check(head.format(status="201 Created", ctype="text/plain") + body, elapsed=3.2)
    assert codes(slow) == {
        _C.WEBHOOK_RESPONSE_STATUS,
        _C.WEBHOOK_RESPONSE_CONTENT_TYPE,
        _C.WEBHOOK_RESPONSE_TOO_SLOW,
    }
    redirect = check(b"HTTP/1.1 301 Moved Permanently\r\nLocation: /zoom/webhook/\r\n\r\n")
    assert "trailing slash" in str(redirect)
    assert _C.WEBHOOK_RESPONSE_CONTENT_TYPE in codes(redirect)  # no Content-Type at all
    continued = check(
        "HTTP/1.1 100 Continue\r\n\r\n"
        + head.format(status="200 OK", ctype="application/json")
        + body
    )
    assert continued.ok


def test_elapsed_forms() -> None:
    assert check(ANSWER, elapsed=timedelta(seconds=RESPONSE_DEADLINE)).ok
    assert codes(check(ANSWER, elapsed=timedelta(seconds=5))) == {_C.WEBHOOK_RESPONSE_TOO_SLOW}
    for bad in (-1, True, "3", float("nan")):
        with pytest.raises(InvalidParameterError, match=r"^elapsed: "):
            check(ANSWER, elapsed=bad)


@pytest.mark.parametrize(
    "challenge",
    [{"event": "meeting.started", "payload": {}}, {"event": "endpoint.url_validation"}, b"nope", 7],
)
def test_a_challenge_that_is_not_one_is_refused(challenge: object) -> None:
    with pytest.raises(InvalidParameterError, match=r"^event_or_body: "):
        diagnose_url_validation(challenge, ANSWER, secret_token=SECRET)


def test_flask_response_object() -> None:
    flask = pytest.importorskip("flask")
    app = flask.Flask("url_validation")
    with app.app_context():
        good = flask.jsonify(ANSWER)
        text = flask.make_response(json.dumps(ANSWER))  # a str return value: text/html
    assert check(good).ok
    assert codes(check(text)) == {_C.WEBHOOK_RESPONSE_CONTENT_TYPE}


def test_django_response_objects() -> None:
    pytest.importorskip("django")
    from django.conf import settings

    if not settings.configured:
        settings.configure(DEFAULT_CHARSET="utf-8")
    from django.http import HttpResponse, JsonResponse

    assert check(JsonResponse(ANSWER)).ok
    created = check(JsonResponse(ANSWER, status=201))
    assert codes(created) == {_C.WEBHOOK_RESPONSE_STATUS}
    plain = check(HttpResponse(json.dumps(ANSWER)))
    assert codes(plain) == {_C.WEBHOOK_RESPONSE_CONTENT_TYPE}


def test_starlette_response_objects() -> None:
    pytest.importorskip("starlette")
    from starlette.responses import JSONResponse, PlainTextResponse

    assert check(JSONResponse(ANSWER)).ok
    no_token = check(JSONResponse({"plainToken": PLAIN}))
    assert codes(no_token) == {_C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING}
    text = check(PlainTextResponse(ANSWER["encryptedToken"]))
    assert codes(text) == {_C.WEBHOOK_RESPONSE_CONTENT_TYPE, _C.WEBHOOK_RESPONSE_NOT_JSON}


def test_arguments_are_checked() -> None:
    with pytest.raises(InvalidParameterError, match=r"^secret_token: "):
        diagnose_url_validation(CHALLENGE, ANSWER, secret_token="")
    with pytest.raises(InvalidParameterError, match=r"^other_secrets: "):
        diagnose_url_validation(CHALLENGE, ANSWER, secret_token=SECRET, other_secrets=["x"])  # type: ignore[arg-type]
