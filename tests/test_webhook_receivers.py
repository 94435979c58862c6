"""Real Zoom webhook receivers found in public code: what each sends or computes, diagnosed.

Each test is named after its source and keeps the facts of a run, not the receiver's code:
the receivers were run as written on 127.0.0.1 (the Flask ones with Werkzeug's server, the
Node.js one with node 20) or, where a dependency was missing, what they compute was
reproduced exactly. Every valid request a receiver accepts must verify with no error; every
mistake it makes must be named by its own code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math

import pytest
from _support import NOW, SENTINEL_SECRET

from zoomsig import FindingCode, Report, Severity, diagnose_webhook, sign_webhook
from zoomsig.testing.webhooks import zoom_json
from zoomsig.webhook import (
    diagnose_rtms_handshake,
    diagnose_url_validation,
    sign_rtms_handshake,
    url_validation_response,
)

SECRET = SENTINEL_SECRET
_C = FindingCode
MEETING = {
    "event": "meeting.started",
    "payload": {"account_id": "AAAAAAAAAAAAAAAAAAAAAA", "object": {"id": 85746065432}},
    "event_ts": NOW * 1000 - 250,  # the event happened 250 ms before Zoom signed the request
}
BODY = zoom_json(MEETING)
HEADERS = sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)
PLAIN = "qgg8vlvZRS6UYooatFL8Aw"
CHALLENGE = zoom_json(
    {"payload": {"plainToken": PLAIN}, "event_ts": NOW * 1000, "event": "endpoint.url_validation"}
)


def errors(report: Report) -> set[FindingCode]:
    text = str(report) + json.dumps(report.to_dict())
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in text
    return {f.code for f in report.findings if f.severity is not Severity.INFO}


def diagnose(headers: object, body: object = BODY) -> Report:
    return diagnose_webhook(headers, body, secret_token=SECRET, now=NOW + 1)


# --- a Node.js verifier that falls back to event_ts when the timestamp header is missing -------
# (a public "Zoom Webhook signature verification example" module: verifyZoomWebhookSignature
# reads x-zm-request-timestamp, else Math.floor(req.body.event_ts / 1000), and signs
# JSON.stringify(req.body). Run with node 20: it accepts the request as Zoom sends it, and
# refuses it once a proxy drops x-zm-request-timestamp.)


def test_node_event_ts_fallback_receiver_accepts_what_zoom_sends() -> None:
    assert errors(diagnose(HEADERS)) == set()


def test_node_event_ts_fallback_receiver_behind_a_proxy_that_drops_the_timestamp() -> None:
    report = diagnose({"x-zm-signature": HEADERS["x-zm-signature"]})
    assert errors(report) == {_C.WEBHOOK_TIMESTAMP_MISSING}
    message = report.findings[0].message
    assert f"matches the timestamp {NOW}, 1 s after the body's event_ts" in message
    assert "dropped on the way" in message


def test_node_event_ts_fallback_receiver_signs_the_wrong_timestamp() -> None:
    used = str(math.floor(MEETING["event_ts"] / 1000))  # type: ignore[operator]
    report = diagnose({**HEADERS, "x-zm-request-timestamp": used})
    assert errors(report) == {_C.WEBHOOK_TIMESTAMP_NOT_SIGNED}
    assert "the body's event_ts in seconds" in report.findings[0].message
    assert f"matches the timestamp {NOW}" in report.findings[0].message


def test_event_ts_in_milliseconds_used_as_the_timestamp() -> None:
    report = diagnose({**HEADERS, "x-zm-request-timestamp": str(MEETING["event_ts"])})
    assert errors(report) == {
        _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
        _C.WEBHOOK_TIMESTAMP_NOT_SIGNED,
    }


# --- an Express receiver that splits x-zm-signature on '.' (Stripe/Slack style) ----------------
# (raw-body middleware; `const [version, timestamp, hash] = signature.split('.')`, then
# `v0:${timestamp}:${rawBody}`: Zoom's header has no dots, so timestamp is undefined.)


def test_express_signature_split_on_dots_signs_undefined_as_the_timestamp() -> None:
    report = diagnose({**HEADERS, "x-zm-request-timestamp": "undefined"})
    assert errors(report) == {_C.WEBHOOK_TIMESTAMP_INVALID, _C.WEBHOOK_TIMESTAMP_NOT_SIGNED}
    assert f"matches the timestamp {NOW}" in str(report)


# --- dh256/zoom-webhook (Flask; app.py at 61eb2cd) --------------------------------------------
# Run as written on 127.0.0.1: answers the challenge with jsonify (sorted keys, a newline),
# verifies json.dumps(request.json, separators=(',', ':')): right for ASCII events, 400 for an
# event with an accented topic (ensure_ascii escapes it).

ENCRYPTED = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)["encryptedToken"]
DH256_ANSWER = b'{"encryptedToken":"%s","plainToken":"%s"}\n' % (ENCRYPTED.encode(), PLAIN.encode())


def test_dh256_flask_receiver_url_validation_answer_is_accepted() -> None:
    captured = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + DH256_ANSWER
    report = diagnose_url_validation(CHALLENGE, captured, secret_token=SECRET, elapsed=0.004)
    assert errors(report) == set()
    assert report.signature_verified is True
    assert report.header == {"status": 200, "content-type": "application/json"}


def test_dh256_flask_receiver_accepts_an_ascii_event() -> None:
    verified = json.dumps(json.loads(BODY), separators=(",", ":")).encode()  # what it signs
    assert verified == BODY
    assert errors(diagnose(HEADERS, verified)) == set()


def test_dh256_flask_receiver_refuses_an_accented_topic() -> None:
    event = {**MEETING, "payload": {"object": {"id": 1, "topic": "Réunion d'équipe"}}}
    body = zoom_json(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    assert errors(diagnose(headers, body)) == set()
    verified = json.dumps(json.loads(body), separators=(",", ":")).encode()  # what it signs
    assert errors(diagnose(headers, verified)) == {_C.WEBHOOK_BODY_RESERIALISED}


# --- zoom/rtms examples/python.md ("Webhook Validation") --------------------------------------
# verify_signature(str(payload), timestamp, signature), payload being the parsed event: the
# Python repr, which can never match.


def test_zoom_rtms_python_docs_verify_str_of_the_parsed_event() -> None:
    report = diagnose(HEADERS, str(json.loads(BODY)))
    assert errors(report) == {_C.WEBHOOK_BODY_NOT_BYTES, _C.WEBHOOK_BODY_PYTHON_REPR}
    assert "matches the compact JSON Zoom sent" in str(report)


def test_python_repr_bytes_of_an_event_whose_key_order_was_lost() -> None:
    lost = json.loads(BODY)
    lost["payload"] = {"object": {"z": 1, "y": 2, "x": 3, "w": 4, "v": 5}, "a": 1, "b": 2, "c": 3}
    body = zoom_json(lost)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    shuffled = dict(sorted(lost.items()))
    report = diagnose(headers, repr(shuffled).encode())
    assert _C.WEBHOOK_BODY_PYTHON_REPR in errors(report)
    assert _C.WEBHOOK_BODY_NOT_JSON not in errors(report)


# --- zoom/rtms-samples boilerplate/working_python/index.py -----------------------------------
# Answers the challenge with jsonify({"plainToken", "encryptedToken"}) and signs the data
# handshake (msg_type 3) with generate_signature(client_id, meeting_uuid, stream_id, secret):
# hmac.new(secret, f"{client_id},{meeting_uuid},{stream_id}", sha256).hexdigest().


def test_rtms_samples_working_python_answer_is_accepted() -> None:
    flask = pytest.importorskip("flask")
    app = flask.Flask("rtms_samples")
    answer = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)
    with app.app_context():
        response = flask.jsonify(answer)
    report = diagnose_url_validation(CHALLENGE, response, secret_token=SECRET)
    assert errors(report) == set()
    assert report.header["status"] == 200


def test_rtms_samples_working_python_handshake_is_accepted() -> None:
    client_id, uuid, stream = "demoClientId123", "4444AAAiAAAAAiAAAAAiAA==", "609340fb8d5a4e3e"
    message = f"{client_id},{uuid},{stream}".encode()
    signature = hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    handshake = {
        "msg_type": 3, "protocol_version": 1, "meeting_uuid": uuid, "rtms_stream_id": stream,
        "signature": signature, "media_type": 32, "payload_encryption": False,
    }  # fmt: skip
    report = diagnose_rtms_handshake(handshake, client_id=client_id, client_secret=SECRET)
    assert errors(report) == set()
    assert report.signature_verified is True
    assert signature == sign_rtms_handshake(
        client_id=client_id, client_secret=SECRET, meeting_uuid=uuid, rtms_stream_id=stream
    )


# --- kamilzafar/lms ZOOM_WEBHOOK_VERIFIED.md (Frappe) -----------------------------------------
# The "before" code set frappe.local.response["message"] = validation_response: Frappe sends
# {"message": {...}}; the page also warns against a JSON string holding the object.


def test_frappe_lms_answer_wrapped_in_message_is_named() -> None:
    answer = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)
    wrapped = json.dumps({"message": answer}).encode()
    report = diagnose_url_validation(CHALLENGE, wrapped, secret_token=SECRET)
    assert errors(report) == {_C.WEBHOOK_RESPONSE_NOT_JSON}
    assert "wrapped in 'message'" in str(report)
    assert report.signature_verified is True  # the token inside is right


def test_frappe_lms_answer_serialised_twice_is_named() -> None:
    answer = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)
    twice = json.dumps(json.dumps(answer)).encode()
    report = diagnose_url_validation(CHALLENGE, twice, secret_token=SECRET)
    assert errors(report) == {_C.WEBHOOK_RESPONSE_NOT_JSON}
    assert "serialised twice" in str(report)


# --- the retired verification token ------------------------------------------------------------
# Zoom's old requests carried the app's verification token in the authorization header, and
# old receivers compared it (`req.headers.authorization === ZOOM_VERIFICATION_TOKEN`); the same
# variable then ends up as the "secret token" of the HMAC check.

VERIFICATION = "vErIfIcAtIoNtOkEn0ld22"


def test_old_receiver_verification_token_carried_in_authorization() -> None:
    headers = {**HEADERS, "authorization": VERIFICATION}
    report = diagnose_webhook(headers, BODY, secret_token=VERIFICATION, now=NOW + 1)
    assert _C.WEBHOOK_VERIFICATION_TOKEN_USED in errors(report)
    assert "authorization header carries the very token you verify with" in str(report)
    assert VERIFICATION[:8] not in str(report)


def test_verification_token_sent_as_the_signature() -> None:
    report = diagnose({**HEADERS, "x-zm-signature": VERIFICATION})
    assert errors(report) == {_C.WEBHOOK_VERIFICATION_TOKEN_USED}
    assert "22-character token, not an HMAC" in str(report)


# --- secrets from env files, bodies through other charsets -------------------------------------


@pytest.mark.parametrize(
    "stored",
    [f'"{SECRET}"', f"'{SECRET}'", f'"{SECRET}";', f"'\"{SECRET}\"'"],
    ids=["double", "single", "js-line", "yaml-twice"],
)
def test_secret_token_with_quotes_from_an_env_file(stored: str) -> None:
    report = diagnose_webhook(HEADERS, BODY, secret_token=stored, now=NOW + 1)
    assert errors(report) == {_C.WEBHOOK_SECRET_QUOTED}
    assert "matches once they are removed" in str(report)


def test_body_double_encoded_like_php_utf8_encode() -> None:
    event = {**MEETING, "payload": {"object": {"topic": "Réunion"}}}
    body = zoom_json(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    utf8_encoded = body.decode("latin-1").encode("utf-8")  # PHP utf8_encode(): latin-1 -> UTF-8
    report = diagnose(headers, utf8_encoded)
    assert errors(report) == {_C.WEBHOOK_BODY_WRONG_CHARSET}
    assert "decoded as latin-1" in str(report)


def test_body_encoded_in_cp1252_on_the_way() -> None:
    event = {**MEETING, "payload": {"object": {"topic": "R\u00e9union \u2013 \u201cQ3\u201d"}}}
    body = zoom_json(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    report = diagnose(headers, body.decode("utf-8").encode("cp1252"))
    assert errors(report) == {_C.WEBHOOK_BODY_WRONG_CHARSET}
    assert "encoded in cp1252" in str(report)


def test_signature_header_renamed_by_a_proxy() -> None:
    headers = {
        "x-zm-request-timestamp": HEADERS["x-zm-request-timestamp"],
        "x-original-zm-signature": HEADERS["x-zm-signature"],
    }
    report = diagnose(headers)
    assert errors(report) == {_C.WEBHOOK_SIGNATURE_MISSING, _C.WEBHOOK_SIGNATURE_WRONG_HEADER}
    assert "'x-original-zm-signature'" in str(report)


def test_signature_read_from_the_timestamp_header() -> None:
    stamp = HEADERS["x-zm-request-timestamp"]
    report = diagnose({"x-zm-request-timestamp": stamp, "x-zm-signature": stamp})
    assert errors(report) == {_C.WEBHOOK_SIGNATURE_WRONG_HEADER}


def test_a_proxy_that_copies_the_signature_to_another_header_is_no_mistake() -> None:
    copied = {**HEADERS, "x-original-zm-signature": HEADERS["x-zm-signature"], "date": "x"}
    report = diagnose(copied)
    assert errors(report) == set()
    assert report.signature_verified is True


# --- fajaragst/zoom-to-s3 internal/delivery/http/middleware (Go, gin) -------------------------
# Reads the body with io.ReadAll and signs fmt.Sprintf("v0:%s:%s", timestamp, body): the raw
# bytes. Answers the challenge with c.JSON(200, gin.H{...}): Go sorts the map's keys, no newline,
# and gin sends "application/json; charset=utf-8".


def test_zoom_to_s3_gin_receiver_signs_the_raw_bytes() -> None:
    assert errors(diagnose(HEADERS, BODY)) == set()


def test_zoom_to_s3_gin_url_validation_answer_with_a_charset_is_accepted() -> None:
    answer = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)
    body = json.dumps(answer, sort_keys=True, separators=(",", ":")).encode()
    assert body.startswith(b'{"encryptedToken":')  # Go's encoding/json order
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
    report = diagnose_url_validation(CHALLENGE, head + body, secret_token=SECRET, elapsed=0.002)
    assert errors(report) == set()
    assert report.signature_verified is True


# --- SamuelGuillemet/zoom-python-webhook src/app/core/dependencies.py (FastAPI) ---------------
# verify_webhook_signature: body = await request.json(), then signs
# json.dumps(body, separators=(',', ':')) with the x_zm_* Header() parameters: right for ASCII
# events, refused for any non-ASCII character (ensure_ascii escapes it, an emoji as a
# surrogate pair).


def test_zoom_python_webhook_fastapi_accepts_an_ascii_event() -> None:
    signed = json.dumps(json.loads(BODY), separators=(",", ":")).encode()  # what it signs
    assert errors(diagnose(HEADERS, signed)) == set()


def test_zoom_python_webhook_fastapi_refuses_an_emoji_topic() -> None:
    body = zoom_json({**MEETING, "payload": {"object": {"id": 1, "topic": "Stand-up \U0001f680"}}})
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    signed = json.dumps(json.loads(body), separators=(",", ":")).encode()
    assert b"\\ud83d\\ude80" in signed
    report = diagnose(headers, signed)
    assert errors(report) == {_C.WEBHOOK_BODY_RESERIALISED}


# --- a Django ZoomClient.verify_webhook_signature(headers, raw_body) --------------------------
# (a public Django app's zoom client: headers.get('x-zm-signature') or
# headers.get('HTTP_X_ZM_SIGNATURE'), so it takes request.headers or request.META, and signs
# raw_body.decode('utf-8', errors='replace').) Both header forms verify with no error.


def test_django_zoom_client_request_meta_and_headers_both_verify() -> None:
    pytest.importorskip("django")
    import _django  # noqa: F401  (the tests' Django settings, configured once)
    from django.test import RequestFactory

    request = RequestFactory().post(
        "/zoom/webhook",
        data=BODY,
        content_type="application/json",
        HTTP_X_ZM_SIGNATURE=HEADERS["x-zm-signature"],
        HTTP_X_ZM_REQUEST_TIMESTAMP=HEADERS["x-zm-request-timestamp"],
    )
    assert "HTTP_X_ZM_SIGNATURE" in request.META
    assert errors(diagnose(request.META, request.body)) == set()
    assert errors(diagnose(request.headers, request.body)) == set()


# --- MWBMPartners/webMS-Intra admin/integrations/zoom/webhook.php (plain PHP) ------------------
# $body = file_get_contents('php://input'), the headers from $_SERVER['HTTP_X_ZM_SIGNATURE'] and
# ['HTTP_X_ZM_REQUEST_TIMESTAMP'] (CGI names); answers the challenge with json_encode() after
# header('Content-Type: application/json'). The CGI-named headers diagnose with no error.


def test_webms_intra_php_cgi_server_variables_verify() -> None:
    server = {
        "HTTP_X_ZM_SIGNATURE": HEADERS["x-zm-signature"],
        "HTTP_X_ZM_REQUEST_TIMESTAMP": HEADERS["x-zm-request-timestamp"],
        "CONTENT_TYPE": "application/json",
        "REQUEST_METHOD": "POST",
    }
    report = diagnose(server)
    assert errors(report) == set()
    assert report.signature_verified is True


def test_webms_intra_php_json_encode_answer_is_accepted() -> None:
    answer = url_validation_response(json.loads(CHALLENGE), secret_token=SECRET)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
    body = json.dumps(answer, separators=(",", ":")).encode()  # json_encode: compact
    report = diagnose_url_validation(CHALLENGE, head + body, secret_token=SECRET)
    assert errors(report) == set()


# --- a Laravel VerifyZoomWebhook middleware (App\Http\Middleware) -----------------------------
# Signs json_encode($request->all(), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE): the
# body decoded to a PHP array and encoded again. Right for an event with no empty object and
# no empty string; Laravel turns {} into [] (json_decode to an array) and "" into null (the
# ConvertEmptyStringsToNull middleware): WEBHOOK_BODY_RESERIALISED names it.


def _laravel_all(value: object) -> object:
    """What $request->all() holds, encoded back: {} -> [], "" -> null."""
    if isinstance(value, dict):
        return {key: _laravel_all(item) for key, item in value.items()} or []
    if isinstance(value, list):
        return [_laravel_all(item) for item in value]
    return None if value == "" else value


def _laravel_signed(body: bytes) -> bytes:
    decoded = _laravel_all(json.loads(body))
    return json.dumps(decoded, separators=(",", ":"), ensure_ascii=False).encode()


def test_laravel_verify_zoom_webhook_accepts_a_plain_event() -> None:
    event = {**MEETING, "payload": {"object": {"id": 1, "topic": "Réunion https://x/y"}}}
    body = zoom_json(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    assert _laravel_signed(body) == body
    assert errors(diagnose(headers, _laravel_signed(body))) == set()


def test_laravel_verify_zoom_webhook_empty_object_and_string_are_named() -> None:
    event = {**MEETING, "payload": {"object": {"id": 1, "password": "", "settings": {}}}}
    body = zoom_json(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    signed = _laravel_signed(body)
    assert b'"password":null' in signed
    assert b'"settings":[]' in signed
    report = diagnose(headers, signed)
    assert errors(report) == {_C.WEBHOOK_BODY_RESERIALISED}
    assert "Laravel" in str(report)


def test_laravel_undoing_a_body_with_a_lone_surrogate_raised() -> None:
    # Found by the webhook fuzzer when the Laravel variant landed: a null value (to undo)
    # next to a \ud800 escape, whose compact UTF-8 form cannot be encoded.
    body = b'{"event":"meeting.started","payload":{"object":{"topic":"\\ud800","pw":null}}}'
    headers = sign_webhook(b"{}", secret_token=SECRET, timestamp=NOW)
    assert _C.WEBHOOK_SIGNATURE_MISMATCH in errors(diagnose(headers, body))


def test_laravel_undoing_a_deeply_nested_body_raised_recursion_error() -> None:
    # Found by CI's webhook fuzzer when the Laravel variant landed: undoing a framework's
    # decoding walked a body nested 500 deep and overflowed the stack.
    body = b'{"event":"x","payload":' + b"[" * 500 + b"]" * 500 + b"}"
    headers = sign_webhook(b"{}", secret_token=SECRET, timestamp=NOW)
    assert _C.WEBHOOK_SIGNATURE_MISMATCH in errors(diagnose(headers, body))
