"""Issue 23, the webhook side: a lone-surrogate challenge, the diagnosis's bounded work, the
fast header path of ``verify_webhook`` and Django's chunked body that reads as empty."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from _support import SENTINEL_SECRET

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    InvalidWebhookError,
    diagnose_webhook,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)
from zoomsig.testing.webhooks import signed_webhook_request

SECRET = SENTINEL_SECRET
NOW = 1_700_000_000
CAP = 16_384  # the diagnosis tries key orders on bodies up to this size
BAD_CHALLENGE = "400 bad url validation request"

# --- 1. a signed URL-validation challenge whose plainToken is a lone surrogate ------------


def lone_surrogate_challenge(now: int) -> tuple[bytes, dict[str, str]]:
    """Zoom's challenge with ``"plainToken":"\\ud800abc"``, correctly signed."""
    body = (
        b'{"payload":{"plainToken":"\\ud800abc"},"event_ts":'
        + str(now * 1000).encode()
        + b',"event":"endpoint.url_validation"}'
    )
    headers = sign_webhook(body, secret_token=SECRET, timestamp=now)
    return body, {"content-type": "application/json", **headers}


def _django_answer(body: bytes, headers: dict[str, str]) -> tuple[int, object]:
    pytest.importorskip("django")
    import _django  # noqa: F401  # configures settings once
    from django.test import RequestFactory

    from zoomsig.contrib.django import webhook_view

    meta: dict[str, Any] = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()}
    request = RequestFactory().post("/", body, content_type="application/json", **meta)
    response = webhook_view(print, secret_token=SECRET)(request)
    return response.status_code, json.loads(response.content)


def _fastapi_answer(body: bytes, headers: dict[str, str]) -> tuple[int, object]:
    pytest.importorskip("fastapi")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from zoomsig.contrib.fastapi import webhook_router

    async def handler(event: object) -> None:  # pragma: no cover - never called here
        raise AssertionError(event)

    app = FastAPI()
    app.include_router(webhook_router(handler, secret_token=SECRET))
    response = TestClient(app).post("/zoom/webhook", content=body, headers=headers)
    return response.status_code, response.json()


def _flask_answer(body: bytes, headers: dict[str, str]) -> tuple[int, object]:
    flask = pytest.importorskip("flask")
    from zoomsig.contrib.flask import webhook_blueprint

    app = flask.Flask("lone_surrogate")
    app.register_blueprint(webhook_blueprint(print, secret_token=SECRET), url_prefix="/zoom")
    response = app.test_client().post("/zoom/webhook", data=body, headers=headers)
    return response.status_code, response.get_json()


@pytest.mark.parametrize(
    "answer", [_django_answer, _fastapi_answer, _flask_answer], ids=["django", "fastapi", "flask"]
)
def test_url_validation_with_a_lone_surrogate_got_a_500(
    answer: Callable[[bytes, dict[str, str]], tuple[int, object]],
) -> None:
    body, headers = lone_surrogate_challenge(int(time.time()))
    status, json_body = answer(body, headers)
    assert (status, json_body) == (400, {"error": "bad url validation request"})
    assert SECRET[:8] not in json.dumps(json_body)


def test_url_validation_response_refuses_a_lone_surrogate_by_name() -> None:
    body, headers = lone_surrogate_challenge(NOW)
    event = verify_webhook(headers, body, secret_token=SECRET, now=NOW)
    with pytest.raises(InvalidParameterError) as info:
        url_validation_response(event, secret_token=SECRET)
    assert "plainToken is not valid Unicode text" in str(info.value)
    assert info.value.__context__ is None  # no UnicodeEncodeError holding the token
    # A surrogate pair escaped in JSON is one character: answered as usual.
    pair = {"event": "endpoint.url_validation", "payload": {"plainToken": "\ud83d\ude80"}}
    assert url_validation_response(json.loads(json.dumps(pair)), secret_token=SECRET)[
        "plainToken"
    ] == ("\U0001f680")


# --- 2. diagnose_webhook's work on the worst bodies under its key-order limit -------------


def _at_cap(filler: Callable[[int], object]) -> bytes:
    """A body of at most CAP bytes, 4 top-level and 4 payload keys (576 orders to try)."""

    def make(n: int) -> bytes:
        event = {
            "event": "meeting.started",
            "payload": {"a": filler(n), "b": 1, "c": 2, "d": 3},
            "event_ts": NOW * 1000,
            "x": 0,
        }
        return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode()

    low, high = 1, CAP
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if len(make(middle)) <= CAP else (low, middle - 1)
    return make(low)


WORST_BODIES = {
    "floats": _at_cap(lambda n: [1.7976931348623157e308] * (n // 24)),
    "big integers": _at_cap(lambda n: [int("9" * 4000)] * max(1, n // 4001)),
    "astral characters": _at_cap(lambda n: "\U0001f680" * (n // 4)),
    "small keys": _at_cap(lambda n: {str(i): 0 for i in range(n // 8)}),
}


class Counted:
    """Counts what goes through ``json.JSONEncoder.encode`` (json.dumps uses it too) and
    the bytes hashed with HMAC."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import hmac

        self.serialisations = 0
        self.serialised = 0
        self.hashed = 0
        encode, new = json.JSONEncoder.encode, hmac.new

        def counting_encode(encoder: json.JSONEncoder, o: object) -> str:
            text = encode(encoder, o)
            self.serialisations += 1
            self.serialised += len(text)
            return text

        def counting_new(key: bytes, msg: bytes = b"", digestmod: Any = None) -> Any:
            self.hashed += len(msg)
            return new(key, msg, digestmod)

        monkeypatch.setattr(json.JSONEncoder, "encode", counting_encode)
        monkeypatch.setattr(hmac, "new", counting_new)


@pytest.mark.parametrize("name", list(WORST_BODIES))
def test_diagnose_webhook_worst_body_did_hundreds_of_serialisations(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = WORST_BODIES[name]
    assert len(body) <= CAP
    headers = sign_webhook(b"{}", secret_token=SECRET, timestamp=NOW)  # matches no variant
    counted = Counted(monkeypatch)
    report = diagnose_webhook(headers, body, secret_token=SECRET, now=NOW)
    assert report.codes == {FindingCode.WEBHOOK_SIGNATURE_MISMATCH}
    # The body serialised at most once without and once with \uXXXX escapes (each escaped
    # astral character is 12 bytes for 4), not once per key order tried (290 times).
    assert counted.serialised <= 4 * len(body) + 1024, counted.serialised
    assert counted.serialisations <= 40, counted.serialisations
    # 4 MiB of re-serialised candidates, 2 MiB of timestamps searched, a few variants.
    assert counted.hashed <= 6 * 1024 * 1024 + 12 * len(body) + 1024, counted.hashed


def test_reordered_body_near_the_cap_is_still_named(monkeypatch: pytest.MonkeyPatch) -> None:
    # Zoom's order of a URL validation (payload, event_ts, event), re-serialised with
    # sorted keys: the last top-level order of the 6 and a payload order of the 2 to try.
    zoom = {
        "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "pad": "é" * 2000},
        "event_ts": NOW * 1000,
        "event": "endpoint.url_validation",
    }
    sent = json.dumps(zoom, separators=(",", ":"), ensure_ascii=False).encode()
    body = json.dumps(zoom, sort_keys=True).encode()
    assert len(sent) <= CAP
    assert len(body) <= CAP
    counted = Counted(monkeypatch)
    report = diagnose_webhook(
        sign_webhook(sent, secret_token=SECRET, timestamp=NOW), body, secret_token=SECRET, now=NOW
    )
    assert FindingCode.WEBHOOK_BODY_RESERIALISED in report.codes
    assert "sort_keys=True" in report.findings[0].message or any(
        "sort_keys=True" in f.message for f in report.findings
    )
    assert counted.serialised <= 16 * len(body)  # the 13 named serialisers, once, on a match


def test_compact_pieces_put_together_are_json_dumps() -> None:
    from zoomsig.webhook._diagnose import _assembled, _compact_pieces

    samples: tuple[dict[str, object], ...] = (
        {"event": "x", "payload": {"a": "é\u2028/", "b": [1.5, None, True]}, "event_ts": 1},
        {"payload": {"only": {"nested": "\U0001f680"}}, "event": "y"},
        {"event": "z", "payload": [1, 2]},
        {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5},
        {"payload": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}},
        {"payload": "\ud800", "x": "\x00"},
    )
    for data in samples:
        wanted = {
            json.dumps(data, separators=(",", ":"), ensure_ascii=flag).encode(
                "utf-8", "surrogatepass"
            )
            for flag in (False, True)
        }
        assert set(_assembled(_compact_pieces(data), [(tuple(data), None)])) == wanted


# --- 3. verify_webhook's fast path for a plain dict of str headers ------------------------


def _signed() -> tuple[bytes, dict[str, str]]:
    event = {"event": "meeting.started", "payload": {"object": {"id": 1}}, "event_ts": NOW * 1000}
    request = signed_webhook_request(event, secret_token=SECRET, timestamp=NOW)
    return request.body, dict(request.headers)


def _code(headers: object, body: bytes) -> object:
    try:
        verify_webhook(headers, body, secret_token=SECRET, now=NOW)  # type: ignore[arg-type]
    except InvalidWebhookError as error:
        return error.finding_code
    except InvalidParameterError as error:
        return str(error)
    return "ok"


def test_plain_dict_headers_answer_as_every_other_form() -> None:
    body, headers = _signed()
    stamp, signature = headers["x-zm-request-timestamp"], headers["x-zm-signature"]
    cases: list[dict[Any, Any]] = [
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature},
        {"X-Zm-Request-Timestamp": stamp, "X-Zm-Signature": signature},
        {"X-ZM-REQUEST-TIMESTAMP": stamp, "x-zm-signature": signature, "Host": "h"},
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature, "X-Zm-Signature": "v0=0"},
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature, "X-ZM-Signature": signature},
        {"x-zm-request-timestamp": stamp},
        {"x-zm-signature": signature},
        {"x-zm-request-timestamp": "12a", "X-ZM-Signature": signature},
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature, "other": 5},
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature, 5: "x"},
        {"x-zm-request-timestamp": stamp.encode(), "x-zm-signature": signature},
        {"x-zm-request-timestamp": stamp, "x-zm-signature": signature.upper()},
    ]
    wanted = [
        "ok",
        "ok",
        "ok",
        FindingCode.WEBHOOK_SIGNATURE_MALFORMED,
        "ok",
        FindingCode.WEBHOOK_SIGNATURE_MISSING,
        FindingCode.WEBHOOK_TIMESTAMP_MISSING,
        FindingCode.WEBHOOK_TIMESTAMP_INVALID,
        "ok",  # a value that is not text is skipped (request.META's wsgi.input…)
        "headers: header names and values must be str or bytes",
        "ok",
        FindingCode.WEBHOOK_SIGNATURE_MALFORMED,
    ]
    for headers_given, expected in zip(cases, wanted):
        assert _code(headers_given, body) == expected, headers_given
        # The same headers as (name, value) pairs take the general path: the same answer.
        assert _code(list(headers_given.items()), body) == expected, headers_given


# --- 4. Django's signature view: a chunked body that reaches Django empty ------------------


def _gunicorn_chunked_request(body: bytes, terminated: bool) -> Any:
    """A POST as gunicorn (without ``wsgi.input_terminated``) hands a chunked body over."""
    from django.test import RequestFactory

    request = RequestFactory().post("/", b"", content_type="application/json")
    request.META.pop("CONTENT_LENGTH", None)
    request.META["CONTENT_TYPE"] = "application/json"
    request.META["HTTP_TRANSFER_ENCODING"] = "chunked"
    request.META["wsgi.input"] = io.BytesIO(body)
    if terminated:
        request.META["wsgi.input_terminated"] = True
    return request


def _sdk_views() -> Iterator[Any]:
    pytest.importorskip("django")
    import _django

    from zoomsig.contrib.django import meeting_sdk_view, video_sdk_view

    yield meeting_sdk_view(sdk_key=_django.KEY, sdk_secret=_django.SECRET)
    yield video_sdk_view(sdk_key=_django.VIDEO_KEY, sdk_secret=_django.VIDEO_SECRET)


def test_django_chunked_request_got_a_native_token() -> None:
    body = b'{"meetingNumber":"85746065432","role":0,"sessionName":"kitchen","role_type":0}'
    for view in _sdk_views():
        response = view(_gunicorn_chunked_request(body, terminated=False))
        answer = json.loads(response.content)
        assert response.status_code == 400, answer
        assert [e["property"] for e in answer["errors"]] == ["$body"]
        assert "announced a body" in answer["errors"][0]["reason"]
        assert "signature" not in answer
        # Where the server ends the chunked body, it is read and signed as sent.
        response = view(_gunicorn_chunked_request(body, terminated=True))
        assert response.status_code == 200, response.content
