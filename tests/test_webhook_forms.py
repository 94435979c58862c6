"""Headers in every form a Python framework hands them over, several secret tokens, typed
events and the router, and Zoom's other delivery authentications.

The header forms are made by the frameworks themselves (Django's RequestFactory, Werkzeug's
EnvironBuilder, Starlette's Request over an ASGI scope, the stdlib's email and http.client
parsers), and every form of one request must give the answer of the plain dict.
"""

from __future__ import annotations

import asyncio
import base64
import email
import http.client
import io
import json
from typing import Any, Callable

import pytest
from _support import NOW, SENTINEL_SECRET, assert_no_secret

from zoomsig import InvalidParameterError, InvalidWebhookError, sign_webhook, verify_webhook
from zoomsig.diagnose.codes import FindingCode
from zoomsig.webhook import (
    WebhookEvent,
    WebhookRouter,
    check_basic_auth,
    check_bearer_token,
    check_custom_header,
    header_values,
    url_validation_response,
)
from zoomsig.webhook.endpoint import check_webhook_settings, handle_webhook

SECRET = SENTINEL_SECRET
OTHER = "anotherWebhookToken022"
BODY = (
    b'{"event":"meeting.started","payload":{"account_id":"AAAAAAAAAAAAAAAAAAAAAA",'
    b'"object":{"id":85746065432,"uuid":"4444AAAiAAAAAiAAAAAiAA==","host_id":"z8yAAAAA8bbbQ",'
    b'"topic":"R\xc3\xa9union"}},"event_ts":1763899999750}'
)
SIGNED = sign_webhook(BODY, secret_token=SECRET, timestamp=NOW)


def _verify(headers: object, secret: object = SECRET) -> WebhookEvent:
    return verify_webhook(headers, BODY, secret_token=secret, now=NOW)  # type: ignore[arg-type]


# --- 1. headers under other names ---------------------------------------------------------


def _django_meta() -> dict[str, Any]:
    pytest.importorskip("django")
    import _django  # noqa: F401 - configures settings
    from django.test import RequestFactory

    extra: dict[str, Any] = {
        "HTTP_X_ZM_SIGNATURE": SIGNED["x-zm-signature"],
        "HTTP_X_ZM_REQUEST_TIMESTAMP": SIGNED["x-zm-request-timestamp"],
    }
    request = RequestFactory().post("/zoom/", BODY, content_type="application/json", **extra)
    meta: dict[str, Any] = request.META
    return meta


def test_django_request_meta_was_refused() -> None:
    # request.META holds wsgi.input and other values that are not text, and the headers
    # under CGI names: once refused as "header names and values must be str or bytes".
    meta = _django_meta()
    assert _verify(meta).event == "meeting.started"
    assert header_values(meta)["x-zm-signature"] == [SIGNED["x-zm-signature"]]


def test_django_request_headers_are_read() -> None:
    pytest.importorskip("django")
    from django.http.request import HttpHeaders

    assert _verify(HttpHeaders(_django_meta())).timestamp == NOW


def test_werkzeug_environ_and_environ_headers_are_read() -> None:
    pytest.importorskip("werkzeug")
    from werkzeug.datastructures import EnvironHeaders
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder(method="POST", data=BODY, headers=list(SIGNED.items())).get_environ()
    assert _verify(environ).event == "meeting.started"
    assert _verify(EnvironHeaders(environ)).event == "meeting.started"


def _scope() -> dict[str, Any]:
    raw = [(b"host", b"example.com"), (b"content-type", b"application/json")]
    raw += [(name.encode(), value.encode()) for name, value in SIGNED.items()]
    return {"type": "http", "method": "POST", "path": "/", "headers": raw, "query_string": b""}


def test_asgi_scope_was_refused() -> None:
    # An ASGI scope (what Starlette's request.scope is): once refused, since its items are
    # the scope's, not headers.
    scope = _scope()
    assert _verify(scope).event == "meeting.started"
    assert _verify(scope["headers"]).event == "meeting.started"
    assert _verify([list(pair) for pair in scope["headers"]]).event == "meeting.started"


def test_starlette_headers_and_request_are_read() -> None:
    pytest.importorskip("starlette")
    from starlette.datastructures import Headers
    from starlette.requests import Request

    scope = _scope()
    assert _verify(Headers(scope=scope)).event == "meeting.started"
    assert _verify(Request(scope)).event == "meeting.started"  # a mapping of its scope


def test_starlette_headers_repeated_signature_is_seen_twice() -> None:
    pytest.importorskip("starlette")
    from starlette.datastructures import Headers

    scope = _scope()
    scope["headers"] = [*scope["headers"], (b"x-zm-signature", b"v0=" + b"0" * 64)]
    with pytest.raises(InvalidWebhookError) as raised:
        _verify(Headers(scope=scope))
    assert raised.value.finding_code is FindingCode.WEBHOOK_SIGNATURE_MALFORMED
    assert "sent 2 times" in raised.value.reason


def test_email_message_and_http_client_headers_are_read() -> None:
    text = "".join(f"{name}: {value}\r\n" for name, value in SIGNED.items()) + "\r\n"
    assert _verify(email.message_from_string(text)).event == "meeting.started"
    parsed = http.client.parse_headers(io.BytesIO(text.encode("latin-1")))
    assert _verify(parsed).event == "meeting.started"


def test_multi_value_headers_are_read() -> None:
    multi = {name.upper(): [value] for name, value in SIGNED.items()}
    assert _verify(multi).event == "meeting.started"
    multi["X-ZM-SIGNATURE"] = [SIGNED["x-zm-signature"], "v0=" + "1" * 64]
    with pytest.raises(InvalidWebhookError):
        _verify(multi)


def test_cgi_name_beside_the_http_name_counts_as_sent_twice() -> None:
    headers = {**SIGNED, "HTTP_X_ZM_SIGNATURE": "v0=" + "0" * 64}
    with pytest.raises(InvalidWebhookError) as raised:
        _verify(headers)
    assert raised.value.finding_code is FindingCode.WEBHOOK_SIGNATURE_MALFORMED
    # The same value under both names is one header.
    assert _verify({**SIGNED, "HTTP_X_ZM_SIGNATURE": SIGNED["x-zm-signature"]}).timestamp == NOW


def test_every_form_of_one_request_gives_the_same_values() -> None:
    forms: list[object] = [
        SIGNED,
        {name.title(): value for name, value in SIGNED.items()},
        {"HTTP_" + name.upper().replace("-", "_"): value for name, value in SIGNED.items()},
        _scope(),
        _scope()["headers"],
    ]
    wanted = {name: [value] for name, value in SIGNED.items()}
    for form in forms:
        values = header_values(form)
        assert {name: values[name] for name in wanted} == wanted, form


def test_x_zm_value_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match=r"^headers: "):
        _verify({**SIGNED, "HTTP_X_ZM_SIGNATURE": 5})
    with pytest.raises(InvalidParameterError, match=r"^headers: "):
        _verify(object())


# --- 2. several secret tokens ---------------------------------------------------------------


def test_a_list_of_secret_tokens_was_refused() -> None:
    # Rotation: the old token and the new one, during the change. Once refused ("expected
    # the secret token as a str, got list").
    assert _verify(SIGNED, [OTHER, SECRET]).secret_id == 1
    assert _verify(SIGNED, (SECRET,)).secret_id == 0
    assert _verify(SIGNED, {"new": OTHER, "old": SECRET}).secret_id == "old"
    assert _verify(SIGNED).secret_id == 0


def test_secret_id_never_holds_the_token() -> None:
    event = _verify(SIGNED, [OTHER, SECRET])
    assert SECRET[:8] not in repr(event)
    assert event.secret_id == 1
    with pytest.raises(InvalidWebhookError) as raised:
        _verify(SIGNED, [OTHER, OTHER[::-1]])
    assert raised.value.finding_code is FindingCode.WEBHOOK_SIGNATURE_MISMATCH


@pytest.mark.parametrize(
    ("tokens", "parameter"),
    [
        ([], "secret_token"),
        ([OTHER, " " + SECRET], "secret_token[1]"),
        ([SECRET, SECRET], "secret_token"),
        ({"": SECRET}, "secret_token[0]"),
        ([OTHER, 5], "secret_token[1]"),
        (b"bytes", "secret_token"),
    ],
)
def test_bad_secret_tokens_are_named_by_position(tokens: object, parameter: str) -> None:
    with pytest.raises(InvalidParameterError) as raised:
        _verify(SIGNED, tokens)
    assert raised.value.parameter == parameter
    assert_no_secret(raised.value)
    with pytest.raises(InvalidParameterError):
        check_webhook_settings(tokens)


def test_url_validation_is_answered_with_the_token_that_verified_it() -> None:
    body = b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event":"endpoint.url_validation"}'
    tokens = {"a": OTHER, "b": SECRET}
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    outcome = handle_webhook(headers, body, secret_token=tokens, now=NOW)
    assert outcome.body == url_validation_response(json.loads(body), secret_token=SECRET)
    with pytest.raises(InvalidParameterError):
        url_validation_response(json.loads(body), secret_token=tokens)
    event = verify_webhook(headers, body, secret_token=tokens, now=NOW)
    with pytest.raises(InvalidParameterError):
        url_validation_response(event, secret_token=[OTHER])


# --- 3. typed events and the router ---------------------------------------------------------


def test_typed_accessors_and_item_access() -> None:
    event = _verify(SIGNED)
    assert event.account_id == "AAAAAAAAAAAAAAAAAAAAAA"
    assert event.object_id == 85746065432
    assert event.uuid == "4444AAAiAAAAAiAAAAAiAA=="
    assert event.host_id == "z8yAAAAA8bbbQ"
    assert event.payload_object["topic"] == "Réunion"
    assert event["event"] == "meeting.started"
    assert event.get("missing", 1) == 1
    assert "payload" in event
    assert "nope" not in event


def test_router_dispatches_by_event_name() -> None:
    router = WebhookRouter()
    seen: list[str] = []

    @router.on("meeting.started", "meeting.ended")
    def started(event: WebhookEvent) -> None:
        seen.append("on:" + event.event)

    @router.fallback
    def other(event: WebhookEvent) -> None:
        seen.append("fallback:" + event.event)

    assert router(_verify(SIGNED)) is None
    body = b'{"event":"user.created","payload":{}}'
    router(
        verify_webhook(
            sign_webhook(body, secret_token=SECRET, timestamp=NOW),
            body,
            secret_token=SECRET,
            now=NOW,
        )
    )
    assert seen == ["on:meeting.started", "fallback:user.created"]
    assert router.events == frozenset({"meeting.started", "meeting.ended"})
    assert router.handlers("meeting.ended") == (started,)


def test_router_awaits_async_handlers() -> None:
    router = WebhookRouter()
    seen: list[str] = []

    @router.on("meeting.started")
    async def started(event: WebhookEvent) -> None:
        seen.append(event.event)

    pending = router(_verify(SIGNED))
    assert pending is not None
    assert seen == []
    asyncio.run(pending)  # type: ignore[arg-type]
    assert seen == ["meeting.started"]


def test_router_refuses_what_cannot_work() -> None:
    router = WebhookRouter()
    with pytest.raises(InvalidParameterError):
        router.on()
    with pytest.raises(InvalidParameterError):
        router.on("")
    with pytest.raises(InvalidParameterError):
        router.on("meeting.started")(5)  # type: ignore[type-var]
    with pytest.raises(InvalidParameterError):
        router({"event": "meeting.started"})  # type: ignore[arg-type]


# --- 4. Zoom's other delivery authentications -----------------------------------------------


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_basic_auth() -> None:
    good = {"Authorization": _basic("zoom", SECRET)}
    assert check_basic_auth(good, username="zoom", password=SECRET)
    for given in (_basic("zoom", OTHER), _basic("Zoom", SECRET), "Basic !!", "Bearer x", ""):
        assert not check_basic_auth({"authorization": given}, username="zoom", password=SECRET)
    assert not check_basic_auth({}, username="zoom", password=SECRET)
    twice = [("authorization", _basic("zoom", SECRET)), ("authorization", "Basic eDp5")]
    assert not check_basic_auth(twice, username="zoom", password=SECRET)


def test_bearer_token_and_custom_header() -> None:
    assert check_bearer_token({"HTTP_AUTHORIZATION": "Bearer " + SECRET}, token=SECRET)
    assert not check_bearer_token({"authorization": "Bearer " + OTHER}, token=SECRET)
    assert not check_bearer_token({"authorization": "Basic " + SECRET}, token=SECRET)
    assert check_custom_header({"X-My-Key": SECRET}, name="x-my-key", value=SECRET)
    assert not check_custom_header({"X-My-Key": OTHER}, name="x-my-key", value=SECRET)
    assert not check_custom_header({}, name="x-my-key", value=SECRET)


def test_auth_settings_that_cannot_work_are_refused_without_echo() -> None:
    calls: list[Callable[[], object]] = [
        lambda: check_basic_auth({}, username="", password=SECRET),
        lambda: check_basic_auth({}, username="zoom", password=5),  # type: ignore[arg-type]
        lambda: check_bearer_token({}, token=""),
        lambda: check_custom_header({}, name="bad:name", value=SECRET),
    ]
    for call in calls:
        with pytest.raises(InvalidParameterError) as raised:
            call()
        assert_no_secret(raised.value)
