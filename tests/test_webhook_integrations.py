"""Every webhook integration, as a new user meets it, through each framework's real client.

Django's ``Client``, FastAPI's ``TestClient`` (the router and the ``ZoomWebhook.event``
dependency), Flask's ``test_client``, the ASGI middleware around a Starlette app and the
WSGI middleware around a plain WSGI app (Werkzeug's test client, and a real ``wsgiref``
server on 127.0.0.1): a duplicate delivery does not run the handler again, a failed handler
lets Zoom's retry run it, every 401 is logged with its reason (never the secret, never the
body) and reported to ``on_error``.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Callable, Optional
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from _support import SENTINEL_SECRET
from asgiref.sync import iscoroutinefunction

from zoomsig import InvalidWebhookError, WebhookEvent
from zoomsig.testing.webhooks import (
    WebhookRequest,
    signed_webhook_request,
    url_validation_request,
)
from zoomsig.webhook import DeliveryGuard, MemoryDeliveryStore

pytest.importorskip("django")
pytest.importorskip("fastapi")
pytest.importorskip("flask")

import _django  # noqa: F401 - configures Django once for this process
from django.test import override_settings

SECRET = SENTINEL_SECRET
BODY_SENTINEL = "BODY-SENTINEL-never-logged"
EVENT: dict[str, object] = {
    "event": "meeting.participant_left",
    "payload": {"object": {"uuid": "4444AAAiAAAAAiAAAAAiAA==", "topic": BODY_SENTINEL}},
    "event_ts": 1763899999750,
}
PLAIN = "qgg8vlvZRS6UYooatFL8Aw"
UNAUTHORIZED = {"error": "unauthorized"}
DOCS = Path(__file__).resolve().parent.parent / "docs" / "webhooks.md"

Post = Callable[[WebhookRequest], tuple[int, Any]]
Handler = Callable[[WebhookEvent], None]
urlpatterns: list[object] = []


def signed(event: object = EVENT, *, delay: int = 0, secret: str = SECRET) -> WebhookRequest:
    """``event`` signed at the real time (the integrations read the clock), plus ``delay``."""
    return signed_webhook_request(event, secret_token=secret, timestamp=int(time.time()) + delay)  # type: ignore[arg-type]


def check_no_leak(text: str) -> None:
    assert all(SECRET[i : i + 8] not in text for i in range(len(SECRET) - 7))
    assert BODY_SENTINEL not in text


# --- one poster per integration: make(handler, **settings) -> post(request) ---------------


def _with_secret(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings, with the sentinel secret unless they give ``secret_token``."""
    return {"secret_token": SECRET, **settings}


def _django_view(handler: Handler, **settings: Any) -> Post:
    from django.test import Client

    from zoomsig.contrib.django import webhook_view

    urlpatterns[:] = [_route("zoom/webhook", webhook_view(handler, **_with_secret(settings)))]
    client = Client(raise_request_exception=False)

    def post(request: WebhookRequest) -> tuple[int, Any]:
        with override_settings(ROOT_URLCONF=__name__):
            response = _post_django(client, request)
        return response.status_code, _json(response.content)

    return post


def _post_django(client: Any, request: WebhookRequest) -> Any:
    return client.post(
        "/zoom/webhook",
        data=request.body,
        content_type="application/json",
        headers=request.headers,
    )


def _route(route: str, view: Any) -> object:
    from django.urls import path

    return path(route, view)


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return None


def _starlette_post(app: Any) -> Post:
    from fastapi.testclient import TestClient

    client = TestClient(app, raise_server_exceptions=False)

    def post(request: WebhookRequest) -> tuple[int, Any]:
        response = client.post("/zoom/webhook", content=request.body, headers=request.headers)
        return response.status_code, _json(response.content)

    return post


def _fastapi_router(handler: Handler, **settings: Any) -> Post:
    from fastapi import FastAPI

    from zoomsig.contrib.fastapi import webhook_router

    app = FastAPI()
    app.include_router(webhook_router(handler, **_with_secret(settings)))
    return _starlette_post(app)


def _fastapi_dependency(handler: Handler, **settings: Any) -> Post:
    from fastapi import Depends, FastAPI

    from zoomsig.contrib.fastapi import ZoomWebhook

    zoom = ZoomWebhook(**_with_secret(settings))
    app = FastAPI()

    @app.post("/zoom/webhook")
    async def hook(event: WebhookEvent = Depends(zoom.event)) -> dict[str, str]:  # noqa: B008
        handler(event)
        return {"status": "ok"}

    return _starlette_post(app)


def _flask(handler: Handler, **settings: Any) -> Post:
    import flask

    from zoomsig.contrib.flask import webhook_blueprint

    app = flask.Flask("integrations")
    app.register_blueprint(webhook_blueprint(handler, **_with_secret(settings)), url_prefix="/zoom")
    client = app.test_client()

    def post(request: WebhookRequest) -> tuple[int, Any]:
        response = client.post("/zoom/webhook", data=request.body, headers=request.headers)
        return response.status_code, _json(response.data)

    return post


def _asgi(handler: Handler, **settings: Any) -> Post:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from zoomsig.contrib.asgi import EVENT_KEY, ZoomWebhookMiddleware

    async def hook(request: Request) -> JSONResponse:
        event: WebhookEvent = request.scope[EVENT_KEY]
        assert await request.body() == event.body  # the body, to read again
        handler(event)
        return JSONResponse({"status": "ok"})

    app = Starlette(routes=[Route("/zoom/webhook", hook, methods=["POST"])])
    return _starlette_post(ZoomWebhookMiddleware(app, **_with_secret(settings)))


def _wsgi_app(handler: Handler) -> Callable[..., Iterable[bytes]]:
    from zoomsig.contrib.wsgi import EVENT_KEY

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        event: WebhookEvent = environ[EVENT_KEY]
        assert environ["wsgi.input"].read(int(environ["CONTENT_LENGTH"])) == event.body
        handler(event)
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b'{"status":"ok"}']

    return app


def _wsgi(handler: Handler, **settings: Any) -> Post:
    from werkzeug.test import Client

    from zoomsig.contrib.wsgi import ZoomWebhookWSGIMiddleware

    client = Client(ZoomWebhookWSGIMiddleware(_wsgi_app(handler), **_with_secret(settings)))

    def post(request: WebhookRequest) -> tuple[int, Any]:
        try:
            response = client.post("/zoom/webhook", data=request.body, headers=request.headers)
        except RuntimeError:  # the app raised: the server answers 500
            return 500, None
        return response.status_code, _json(response.data)

    return post


INTEGRATIONS: dict[str, Callable[..., Post]] = {
    "django": _django_view,
    "fastapi_router": _fastapi_router,
    "fastapi_dependency": _fastapi_dependency,
    "flask": _flask,
    "asgi_middleware": _asgi,
    "wsgi_middleware": _wsgi,
}


@pytest.fixture(params=sorted(INTEGRATIONS))
def integration(request: pytest.FixtureRequest) -> Callable[..., Post]:
    return INTEGRATIONS[request.param]


# --- duplicate deliveries ---------------------------------------------------------------


def test_zoom_retry_of_a_delivery_ran_the_handler_twice(integration: Callable[..., Post]) -> None:
    seen: list[WebhookEvent] = []
    post = integration(seen.append, deliveries=MemoryDeliveryStore())
    first = signed()
    assert post(first) == (200, {"status": "ok"})
    retry = signed(delay=1)  # the same event, signed afresh as Zoom signs each retry
    assert retry.headers != first.headers
    assert post(retry) == (200, {"status": "duplicate"})
    assert post(signed({**EVENT, "event_ts": 1})) == (200, {"status": "ok"})  # another event
    assert [event.event_ts for event in seen] == [1763899999750, 1]
    challenge = url_validation_request(PLAIN, secret_token=SECRET, timestamp=int(time.time()))
    for _ in range(2):  # a challenge is answered every time
        status, body = post(challenge)
        assert (status, sorted(body)) == (200, ["encryptedToken", "plainToken"])


def test_failed_handler_left_the_delivery_claimed_and_zoom_retry_was_dropped(
    integration: Callable[..., Post],
) -> None:
    seen: list[WebhookEvent] = []

    def flaky(event: WebhookEvent) -> None:
        seen.append(event)
        if len(seen) == 1:
            raise RuntimeError("the database is down")

    post = integration(flaky, deliveries=DeliveryGuard(MemoryDeliveryStore(), ttl=3600))
    assert post(signed())[0] == 500  # Zoom retries what was not answered 2xx
    assert post(signed(delay=1)) == (200, {"status": "ok"})
    assert post(signed(delay=2)) == (200, {"status": "duplicate"})
    assert len(seen) == 2


def test_deliveries_that_cannot_work_stop_the_app_at_start_up(
    integration: Callable[..., Post],
) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from zoomsig import InvalidParameterError

    with pytest.raises((InvalidParameterError, ImproperlyConfigured), match="deliveries"):
        integration(print, deliveries="redis://localhost")
    with pytest.raises((InvalidParameterError, ImproperlyConfigured), match="on_error"):
        integration(print, on_error="log")


# --- every 401 logged with its reason, and reported -------------------------------------


def test_webhook_401_reason_was_dropped_from_the_log(
    integration: Callable[..., Post], caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[InvalidWebhookError] = []
    post = integration(print, on_error=errors.append)
    caplog.set_level(logging.INFO, logger="zoomsig.webhook")
    stale = signed(delay=-3600)
    cases = [
        (signed(secret="another-apps-secret-token"), "WEBHOOK_SIGNATURE_MISMATCH"),
        (stale, "WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW"),
        (WebhookRequest(stale.body, {"content-type": "application/json"}), "_MISSING"),
    ]
    for request, code in cases:
        caplog.clear()
        assert post(request) == (401, UNAUTHORIZED)
        (record,) = (r for r in caplog.records if r.name == "zoomsig.webhook")
        assert record.levelno == logging.WARNING
        assert "401" in record.getMessage()
        assert code in record.getMessage()
        assert code in errors[-1].finding_code.value
        check_no_leak(caplog.text)
    assert len(errors) == len(cases)


def test_on_error_that_raises_still_answers_401(
    integration: Callable[..., Post], caplog: pytest.LogCaptureFixture
) -> None:
    def broken(error: InvalidWebhookError) -> None:
        raise ValueError("the metrics server is down")

    post = integration(print, on_error=broken)
    assert post(signed(secret="another-apps-secret-token")) == (401, UNAUTHORIZED)
    assert "on_error hook raised" in caplog.text
    check_no_leak(caplog.text)


def test_oversized_body_is_logged_413(
    integration: Callable[..., Post], caplog: pytest.LogCaptureFixture
) -> None:
    post = integration(print, max_body_size=64)
    status, _ = post(signed())
    assert status == 413
    assert "413" in caplog.text
    check_no_leak(caplog.text)


# --- Django: async handlers, the trailing slash --------------------------------------------


def test_django_async_handler_answered_200_and_never_ran() -> None:
    from django.test import AsyncClient, Client

    from zoomsig.contrib.django import webhook_view

    seen: list[WebhookEvent] = []

    async def handler(event: WebhookEvent) -> None:
        await asyncio.sleep(0)
        seen.append(event)

    view = webhook_view(handler, secret_token=SECRET)
    urlpatterns[:] = [_route("zoom/webhook", view)]
    request = signed()
    with override_settings(ROOT_URLCONF=__name__):
        response = _post_django(Client(), request)
        assert response.status_code == 200
        retry = signed({**EVENT, "event_ts": 2})
        answer = asyncio.run(
            AsyncClient().post(
                "/zoom/webhook",
                data=retry.body,
                content_type="application/json",
                headers=retry.headers,
            )
        )
        assert answer.status_code == 200
    assert [event.event_ts for event in seen] == [1763899999750, 2]
    assert iscoroutinefunction(view)  # Django runs it as an async view


def test_django_async_handler_waits_for_a_missing_setting() -> None:
    from django.test import Client

    from zoomsig.contrib.django import webhook_view

    seen: list[WebhookEvent] = []

    async def handler(event: WebhookEvent) -> None:
        seen.append(event)

    with override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=None):
        view = webhook_view(handler)
    assert iscoroutinefunction(view)
    assert view.zoomsig_settings == ("ZOOM_WEBHOOK_SECRET_TOKEN",)  # type: ignore[attr-defined]
    urlpatterns[:] = [_route("zoom/webhook", view)]
    request = signed()
    client = Client(raise_request_exception=False)

    def post() -> int:
        return int(_post_django(client, request).status_code)

    with override_settings(ROOT_URLCONF=__name__, ZOOM_WEBHOOK_SECRET_TOKEN=None):
        assert post() == 500
    with override_settings(ROOT_URLCONF=__name__, ZOOM_WEBHOOK_SECRET_TOKEN=SECRET):
        assert post() == 200
    assert len(seen) == 1


def test_django_handler_returning_a_coroutine_is_refused_not_lost() -> None:
    from django.test import Client

    from zoomsig.contrib.django import webhook_view

    async def handle(event: WebhookEvent) -> None:  # pragma: no cover - never awaited
        raise AssertionError

    store = MemoryDeliveryStore()

    def handler(event: WebhookEvent) -> None:  # not async def: returns the coroutine
        return handle(event)  # type: ignore[return-value]

    view = webhook_view(handler, secret_token=SECRET, deliveries=store)
    urlpatterns[:] = [_route("zoom/webhook", view)]
    request = signed()
    with override_settings(ROOT_URLCONF=__name__):
        client = Client(raise_request_exception=False)
        response = _post_django(client, request)
    assert response.status_code == 500  # not a 200 that drops the event: Zoom retries
    assert len(store) == 0  # released: Zoom's retry runs the handler


def test_flask_async_handler_is_run_as_flask_runs_async_views() -> None:
    seen: list[WebhookEvent] = []

    async def handler(event: WebhookEvent) -> None:
        await asyncio.sleep(0)
        seen.append(event)

    post = _flask(handler)  # type: ignore[arg-type]
    assert post(signed()) == (200, {"status": "ok"})
    assert len(seen) == 1


def _documented_django_route() -> str:
    text = DOCS.read_text(encoding="utf-8")
    route = re.search(r'path\("([^"]+)", webhook_view\(on_zoom_event\)\)', text)
    assert route is not None, "docs/webhooks.md shows no Django route"
    return route.group(1)


def test_django_post_without_the_slash_was_redirected_and_lost_the_body() -> None:
    """The URL entered in Zoom's Marketplace, as the other integrations route it, reaches
    the view documented for Django under APPEND_SLASH (Django's default), not a 301."""
    from django.test import Client

    from zoomsig.contrib.django import webhook_view

    seen: list[WebhookEvent] = []
    urlpatterns[:] = [
        _route(_documented_django_route(), webhook_view(seen.append, secret_token=SECRET))
    ]
    request = signed()
    with override_settings(
        ROOT_URLCONF=__name__,
        APPEND_SLASH=True,
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    ):
        response = _post_django(Client(), request)
    assert response.status_code == 200
    assert len(seen) == 1


# --- FastAPI: a route written from the docs -------------------------------------------------


def _documented_dependency_route(queue: list[WebhookEvent]) -> Any:
    """The route docs/webhooks.md describes: ``Depends(zoom.event)`` gives the verified event;
    the route handles it and answers as a handler does."""
    from fastapi import Depends, FastAPI

    from zoomsig.contrib.fastapi import ZoomWebhook

    zoom = ZoomWebhook(secret_token=SECRET)
    app = FastAPI()

    @app.post("/zoom/webhook")
    async def zoom_webhook(event: WebhookEvent = Depends(zoom.event)) -> dict[str, str]:  # noqa: B008
        queue.append(event)
        return {"status": "ok"}

    return app


def test_fastapi_route_from_the_docs_answered_url_validation_without_encrypted_token() -> None:
    queue: list[WebhookEvent] = []
    post = _starlette_post(_documented_dependency_route(queue))
    challenge = url_validation_request(PLAIN, secret_token=SECRET, timestamp=int(time.time()))
    status, body = post(challenge)
    assert status == 200
    assert body["plainToken"] == PLAIN
    assert re.fullmatch("[0-9a-f]{64}", body["encryptedToken"])
    assert queue == []  # the route never saw the challenge


def test_fastapi_dependency_401_body_differed_from_the_documented_one() -> None:
    post = _starlette_post(_documented_dependency_route([]))
    assert post(signed(delay=-3600)) == (401, UNAUTHORIZED)
    assert post(signed(secret="another-apps-secret-token")) == (401, UNAUTHORIZED)


def test_fastapi_dependency_without_guard_hands_every_delivery_to_the_route() -> None:
    queue: list[WebhookEvent] = []
    post = _starlette_post(_documented_dependency_route(queue))
    assert post(signed()) == (200, {"status": "ok"})
    assert post(signed(delay=1)) == (200, {"status": "ok"})
    assert len(queue) == 2


# --- the ASGI and WSGI middleware ----------------------------------------------------------


def test_asgi_middleware_passes_other_requests_on_and_answers_the_webhook_path() -> None:
    from fastapi.testclient import TestClient
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from zoomsig.contrib.asgi import ZoomWebhookMiddleware

    async def home(request: object) -> PlainTextResponse:
        return PlainTextResponse("home")

    app = Starlette(routes=[Route("/", home)])
    middleware = ZoomWebhookMiddleware(app, secret_token=SECRET, max_body_size=256)
    assert SECRET not in repr(middleware)
    client = TestClient(middleware)
    assert client.get("/").text == "home"
    got = client.get("/zoom/webhook")
    assert (got.status_code, got.headers["allow"]) == (405, "POST")
    challenge = url_validation_request(PLAIN, secret_token=SECRET, timestamp=int(time.time()))
    got = client.post("/zoom/webhook/", content=challenge.body, headers=challenge.headers)
    assert (got.status_code, sorted(got.json())) == (200, ["encryptedToken", "plainToken"])

    def chunks() -> Iterator[bytes]:  # no content-length: capped while it is read
        yield b"{" * 200
        yield b"{" * 200

    assert client.post("/zoom/webhook", content=chunks()).status_code == 413


def test_asgi_middleware_releases_a_delivery_the_app_answered_with_an_error() -> None:
    from fastapi.testclient import TestClient
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from zoomsig.contrib.asgi import ZoomWebhookMiddleware

    answers = [503, 200]

    async def hook(request: object) -> JSONResponse:
        return JSONResponse({}, status_code=answers.pop(0))

    app = Starlette(routes=[Route("/zoom/webhook", hook, methods=["POST"])])
    client = TestClient(ZoomWebhookMiddleware(app, secret_token=SECRET, deliveries=DeliveryGuard()))
    assert (
        client.post("/zoom/webhook", content=signed().body, headers=signed().headers).status_code
        == 503
    )
    retry = signed(delay=1)
    assert (
        client.post("/zoom/webhook", content=retry.body, headers=retry.headers).status_code == 200
    )
    again = client.post("/zoom/webhook", content=retry.body, headers=retry.headers)
    assert again.json() == {"status": "duplicate"}


def test_wsgi_middleware_passes_other_requests_on_and_answers_the_webhook_path() -> None:
    from werkzeug.test import Client

    from zoomsig.contrib.wsgi import ZoomWebhookWSGIMiddleware

    def home(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"home"]

    middleware = ZoomWebhookWSGIMiddleware(home, secret_token=SECRET, max_body_size=64)
    assert SECRET not in repr(middleware)
    client = Client(middleware)
    assert client.get("/").data == b"home"
    got = client.get("/zoom/webhook")
    assert (got.status_code, got.headers["Allow"]) == (405, "POST")
    assert client.post("/zoom/webhook", data=b"{" * 65).status_code == 413
    assert (
        _chunked(middleware, b"{" * 100, terminated=True) == "413 Content Too Large"
    )  # on every Python (RFC 9110)
    # no Content-Length and a stream the server does not end: no body read, so no signature
    assert _chunked(middleware, b"{}", terminated=False) == "401 Unauthorized"


def _chunked(app: Any, body: bytes, *, terminated: bool) -> str:
    """The status line ``app`` answers to a chunked POST (no Content-Length)."""
    from werkzeug.test import EnvironBuilder

    environ = EnvironBuilder("/zoom/webhook", method="POST", data=body).get_environ()
    del environ["CONTENT_LENGTH"]
    environ["wsgi.input_terminated"] = terminated
    statuses: list[str] = []
    b"".join(app(environ, lambda status, headers: statuses.append(status)))
    return statuses[0]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_wsgi_middleware_behind_a_real_server() -> None:
    """wsgiref's server on 127.0.0.1, a real socket: verified, handled once, the retry 200."""
    from zoomsig.contrib.wsgi import ZoomWebhookWSGIMiddleware

    seen: list[WebhookEvent] = []
    app = ZoomWebhookWSGIMiddleware(
        _wsgi_app(seen.append), secret_token=SECRET, deliveries=DeliveryGuard()
    )
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        answers = [
            _http_post(server.server_port, request) for request in (signed(), signed(delay=1))
        ]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert answers == [(200, {"status": "ok"}), (200, {"status": "duplicate"})]
    assert len(seen) == 1


def _http_post(port: int, request: WebhookRequest) -> tuple[int, Optional[object]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/zoom/webhook", body=request.body, headers=request.headers)
        response = connection.getresponse()
        return response.status, _json(response.read())
    finally:
        connection.close()


# --- the middleware and the runner, at the edges -------------------------------------------


def _asgi_call(app: Any, messages: list[dict[str, Any]], request: WebhookRequest) -> list[Any]:
    """``app``'s answer to a POST whose body arrives as ``messages``; what it sent."""
    sent: list[Any] = []
    incoming = list(messages)

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: Any) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/zoom/webhook",
        "headers": [(k.encode(), v.encode()) for k, v in request.headers.items()],
    }
    asyncio.run(app(scope, receive, send))
    return sent


def test_asgi_middleware_reads_a_body_in_parts_and_lets_the_app_read_it_twice() -> None:
    from zoomsig.contrib.asgi import EVENT_KEY, ZoomWebhookMiddleware

    bodies: list[bytes] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        bodies.append((await receive())["body"])
        assert (await receive())["type"] == "http.disconnect"  # then the server's messages
        assert scope[EVENT_KEY].body == bodies[0]
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    request = signed()
    half = len(request.body) // 2
    parts = [
        {"type": "http.request", "body": request.body[:half], "more_body": True},
        {"type": "http.request", "body": request.body[half:], "more_body": False},
    ]
    sent = _asgi_call(ZoomWebhookMiddleware(app, secret_token=SECRET), parts, request)
    assert sent[0]["status"] == 204
    assert bodies == [request.body]
    # the client went away half-way: what arrived is not Zoom's body
    sent = _asgi_call(ZoomWebhookMiddleware(app, secret_token=SECRET), parts[:1], request)
    assert sent[0]["status"] == 401


def test_wsgi_middleware_releases_a_delivery_the_app_answered_with_an_error() -> None:
    from werkzeug.test import Client

    from zoomsig.contrib.wsgi import ZoomWebhookWSGIMiddleware

    answers = ["503 Service Unavailable", "200 OK"]

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response(answers.pop(0), [("Content-Type", "application/json")])
        return [b"{}"]

    client = Client(ZoomWebhookWSGIMiddleware(app, secret_token=SECRET, deliveries=DeliveryGuard()))
    for expected, delay in ((503, 0), (200, 1)):
        request = signed(delay=delay)
        assert (
            client.post("/zoom/webhook", data=request.body, headers=request.headers).status_code
            == expected
        )
    request = signed(delay=2)
    again = client.post("/zoom/webhook", data=request.body, headers=request.headers)
    assert again.json == {"status": "duplicate"}


def test_django_async_view_answers_405_and_releases_a_failed_delivery() -> None:
    from django.test import Client

    from zoomsig.contrib.django import webhook_view

    calls: list[WebhookEvent] = []

    async def flaky(event: WebhookEvent) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("the queue is down")

    view = webhook_view(flaky, secret_token=SECRET, deliveries=DeliveryGuard())
    urlpatterns[:] = [_route("zoom/webhook", view)]
    client = Client(raise_request_exception=False)
    with override_settings(ROOT_URLCONF=__name__):
        assert client.get("/zoom/webhook").status_code == 405
        assert _post_django(client, signed()).status_code == 500
        assert _post_django(client, signed(delay=1)).status_code == 200
    assert len(calls) == 2


def test_handler_returning_another_awaitable_is_refused_too() -> None:
    from zoomsig.contrib._webhooks import Receiver

    class Pending:
        def __await__(self) -> Iterator[None]:  # pragma: no cover - never awaited
            yield None

    receiver = Receiver(secret_token=SECRET)
    request = signed()
    outcome = receiver.decide(request.headers, request.body)
    assert outcome.event is not None
    with pytest.raises(TypeError, match="awaitable"):
        receiver.run(lambda event: Pending(), outcome.event)
    receiver.release(outcome.event)  # no guard: nothing to forget


# --- several secret tokens (rotation) in every integration ---------------------------------

NEW_SECRET = "ROTATED-s3cret-NEVER-PRINT-0077y"


def _leaks(text: str, *secrets: str) -> bool:
    return any(s[i : i + 8] in text for s in secrets for i in range(len(s) - 7))


def test_secret_token_list_was_turned_into_its_str_and_every_request_refused(
    integration: Callable[..., Post], caplog: pytest.LogCaptureFixture
) -> None:
    # Rotation as the docs describe it: the old token and the new one, both accepted.
    seen: list[WebhookEvent] = []
    post = integration(seen.append, secret_token=[SECRET, NEW_SECRET])
    assert post(signed(secret=SECRET)) == (200, {"status": "ok"})
    assert post(signed(secret=NEW_SECRET)) == (200, {"status": "ok"})
    assert [event.secret_id for event in seen] == [0, 1]
    assert post(signed(secret="another-apps-secret-token")) == (401, UNAUTHORIZED)
    now = int(time.time())
    status, answer = post(url_validation_request(PLAIN, secret_token=NEW_SECRET, timestamp=now))
    assert status == 200  # answered with the token that verified the challenge
    assert answer["encryptedToken"] == _encrypted(PLAIN, NEW_SECRET)
    assert not _leaks(caplog.text, SECRET, NEW_SECRET)


def _encrypted(plain: str, secret: str) -> str:
    import hashlib
    import hmac

    return hmac.new(secret.encode(), plain.encode(), hashlib.sha256).hexdigest()


def test_named_secret_tokens_tell_the_handler_which_subscription_sent_the_event(
    integration: Callable[..., Post],
) -> None:
    seen: list[WebhookEvent] = []
    post = integration(seen.append, secret_token={"meetings": SECRET, "recordings": NEW_SECRET})
    assert post(signed(secret=NEW_SECRET)) == (200, {"status": "ok"})
    assert [event.secret_id for event in seen] == ["recordings"]


def test_secret_tokens_that_cannot_work_stop_the_app_at_start_up(
    integration: Callable[..., Post],
) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from zoomsig import InvalidParameterError

    bad = (InvalidParameterError, ImproperlyConfigured)
    with pytest.raises(bad, match="twice") as twice:
        integration(print, secret_token=[SECRET, SECRET])
    with pytest.raises(bad, match="empty"):
        integration(print, secret_token=[])
    with pytest.raises(bad, match=r"secret_token\[1\]") as second:
        integration(print, secret_token=[SECRET, NEW_SECRET + " "])
    assert not _leaks(str(twice.value) + str(second.value), SECRET, NEW_SECRET)


def test_caller_changing_its_token_list_after_start_up_does_not_change_the_receiver() -> None:
    from zoomsig.contrib._webhooks import Receiver

    tokens = [SECRET]
    receiver = Receiver(secret_token=tokens)
    tokens.append("not-checked at start-up ")
    assert receiver.secret_token == (SECRET,)


def test_django_setting_holding_a_list_of_tokens_was_refused_as_not_a_str() -> None:
    from django.test import Client

    from zoomsig.contrib.django import check_settings, webhook_view

    seen: list[WebhookEvent] = []
    urlpatterns[:] = [_route("zoom/webhook", webhook_view(seen.append))]
    for tokens in ([SECRET, NEW_SECRET], (SECRET, NEW_SECRET), {"old": SECRET, "new": NEW_SECRET}):
        with override_settings(ROOT_URLCONF=__name__, ZOOM_WEBHOOK_SECRET_TOKEN=tokens):
            assert check_settings() == []
            response = _post_django(Client(), signed(secret=NEW_SECRET))
        assert response.status_code == 200
    assert [event.secret_id for event in seen] == [1, 1, "new"]


def test_django_system_checks_name_the_token_of_a_list_that_cannot_work() -> None:
    from zoomsig.contrib.django import check_settings

    with override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=[SECRET, NEW_SECRET + "\n"]):
        (message,) = check_settings()
    assert message.id == "zoomsig.E003"
    assert "ZOOM_WEBHOOK_SECRET_TOKEN[1]" in message.msg
    with override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=42):
        (message,) = check_settings()
    assert message.id == "zoomsig.E001"
    assert message.msg == (
        "zoomsig: ZOOM_WEBHOOK_SECRET_TOKEN must be a str, or a list, tuple or dict of str, not int"
    )
    with override_settings(ZOOM_SDK_KEY=["a"], ZOOM_SDK_SECRET="b"):  # still one str
        assert "ZOOM_SDK_KEY must be a str, not list" in check_settings()[0].msg
    assert not _leaks(message.msg, SECRET, NEW_SECRET)


def test_flask_config_holding_a_list_of_tokens_verifies_with_each() -> None:
    import flask

    from zoomsig.contrib.flask import webhook_blueprint

    seen: list[WebhookEvent] = []
    app = flask.Flask("rotation")
    app.config["ZOOM_WEBHOOK_SECRET_TOKEN"] = [SECRET, NEW_SECRET]
    app.register_blueprint(webhook_blueprint(seen.append), url_prefix="/zoom")
    request = signed(secret=NEW_SECRET)
    response = app.test_client().post("/zoom/webhook", data=request.body, headers=request.headers)
    assert response.status_code == 200
    assert [event.secret_id for event in seen] == [1]


# --- Zoom's other delivery authentications in every integration ----------------------------

PASSWORD = "PASSWORD-sentinel-NEVER-LOG-0099"


def _with(request: WebhookRequest, **headers: str) -> WebhookRequest:
    return WebhookRequest(request.body, {**request.headers, **headers})


def _basic(username: str, password: str) -> str:
    import base64

    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_basic_auth_subscription_had_no_way_to_be_checked_by_the_integration(
    integration: Callable[..., Post], caplog: pytest.LogCaptureFixture
) -> None:
    from zoomsig.webhook import BasicAuth

    errors: list[InvalidWebhookError] = []
    seen: list[WebhookEvent] = []
    post = integration(
        seen.append, authentication=BasicAuth("zoom", PASSWORD), on_error=errors.append
    )
    caplog.set_level(logging.INFO, logger="zoomsig.webhook")
    good = _with(signed(), Authorization=_basic("zoom", PASSWORD))
    assert post(good) == (200, {"status": "ok"})
    assert post(signed()) == (401, UNAUTHORIZED)
    assert "authorization header is missing" in str(errors[-1])
    assert post(_with(signed(), Authorization=_basic("zoom", PASSWORD[:-1]))) == (401, UNAUTHORIZED)
    assert "does not hold" in str(errors[-1])
    # The credential is checked as well as the signature, not instead of it.
    forged = _with(
        signed(secret="another-apps-secret-token"), Authorization=_basic("zoom", PASSWORD)
    )
    assert post(forged) == (401, UNAUTHORIZED)
    assert errors[-1].finding_code.value == "WEBHOOK_SIGNATURE_MISMATCH"
    assert [error.finding_code.value for error in errors[:2]] == [
        "WEBHOOK_AUTHENTICATION_FAILED"
    ] * 2
    assert "WEBHOOK_AUTHENTICATION_FAILED" in caplog.text
    assert len(seen) == 1
    assert not _leaks(caplog.text + repr(errors), PASSWORD, SECRET)


def test_custom_header_and_oauth_subscriptions_are_checked_by_the_integration(
    integration: Callable[..., Post],
) -> None:
    from zoomsig.webhook import BearerToken, CustomHeader

    post = integration(print, authentication=CustomHeader("X-My-Key", PASSWORD))
    assert post(_with(signed(), **{"x-my-key": PASSWORD})) == (200, {"status": "ok"})
    assert post(_with(signed(), **{"x-my-key": "nope"})) == (401, UNAUTHORIZED)
    post = integration(print, authentication=BearerToken(PASSWORD))
    assert post(_with(signed(), Authorization=f"Bearer {PASSWORD}")) == (200, {"status": "ok"})
    assert post(_with(signed(), Authorization=_basic("zoom", PASSWORD))) == (401, UNAUTHORIZED)
    challenge = url_validation_request(PLAIN, secret_token=SECRET, timestamp=int(time.time()))
    assert post(challenge) == (401, UNAUTHORIZED)  # every delivery carries the credential
    status, _ = post(_with(challenge, Authorization=f"Bearer {PASSWORD}"))
    assert status == 200


def test_authentication_function_of_the_headers(integration: Callable[..., Post]) -> None:
    from zoomsig.webhook import header_values

    def from_our_gateway(headers: Any) -> bool:
        return header_values(headers).get("x-gateway") == ["zoom"]

    errors: list[InvalidWebhookError] = []
    post = integration(print, authentication=from_our_gateway, on_error=errors.append)
    assert post(_with(signed(), **{"X-Gateway": "zoom"})) == (200, {"status": "ok"})
    assert post(signed()) == (401, UNAUTHORIZED)
    assert "from_our_gateway refused the request" in str(errors[-1])


def test_authentication_that_cannot_work_stops_the_app_at_start_up(
    integration: Callable[..., Post],
) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from zoomsig import InvalidParameterError

    async def later(headers: object) -> bool:  # pragma: no cover - never called
        return True

    bad = (InvalidParameterError, ImproperlyConfigured)
    with pytest.raises(bad, match="authentication"):
        integration(print, authentication=_basic("zoom", PASSWORD))  # the header, not a check
    with pytest.raises(bad, match=r"authentication.*async"):
        integration(print, authentication=later)
