"""The integration snippets of docs/webhooks.md run as written.

The page's ``>>>`` examples are doctests; its framework snippets (a Django URLconf, a FastAPI
app, a Flask blueprint, the duplicate-delivery stores, the ASGI and WSGI middleware) are plain
code blocks, since each belongs in a project of its own. Each is taken from the page here,
given the names it takes from that project (``settings``, ``app``, ``token``, ...), executed,
and then sent a signed request and its retry: the Django cache store over Django's local-memory
cache, the Redis store against a ``redis-server`` started for the module (skipped, saying so,
where none is installed). Every plain block of the page must have a runner here.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from test_webhook_deliveries import redis_url  # noqa: F401  (the redis-server fixture)

from zoomsig import WebhookEvent, sign_webhook
from zoomsig.testing.webhooks import zoom_json
from zoomsig.webhook import MemoryDeliveryStore

PAGE = Path(__file__).resolve().parent.parent / "docs" / "webhooks.md"
TOKEN = "snippetWebhookSecret22"
EVENT = {"event": "meeting.started", "payload": {"object": {"id": 85746065432}}, "event_ts": 17}
BODY = zoom_json(EVENT)
CHALLENGE = zoom_json({"event": "endpoint.url_validation", "payload": {"plainToken": "abc"}})


def _snippets() -> dict[str, str]:
    """First line -> code of every ``python`` block of the page that is not a doctest."""
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.MULTILINE | re.S)
    plain = [block for block in blocks if not block.lstrip().startswith(">>>")]
    return {block.splitlines()[0]: block for block in plain}


def _run(first_line: str, namespace: dict[str, Any]) -> dict[str, Any]:
    code = _snippets()[first_line]
    exec(compile(code, f"{PAGE.name}: {first_line}", "exec"), namespace)  # noqa: S102
    return namespace


def _challenge() -> dict[str, str]:
    return sign_webhook(CHALLENGE, secret_token=TOKEN, timestamp=int(time.time()))


def _signed(timestamp: float | None = None) -> dict[str, str]:
    """The headers of EVENT signed now (the integrations check the clock), or a retry's."""
    return sign_webhook(BODY, secret_token=TOKEN, timestamp=int(timestamp or time.time()))


class Handled:
    """A handler that keeps what it is given (the snippets' on_zoom_event)."""

    def __init__(self) -> None:
        self.events: list[WebhookEvent] = []

    def __call__(self, event: WebhookEvent) -> None:
        self.events.append(event)

    async def put(self, event: WebhookEvent) -> None:  # the FastAPI snippet's queue
        self.events.append(event)


def _django_post(view: Callable[..., Any], headers: dict[str, str], body: bytes) -> Any:
    from django.test import RequestFactory

    meta: dict[str, Any] = {
        "HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()
    }
    request = RequestFactory().post(
        "/zoom/webhook", data=body, content_type="application/json", **meta
    )
    return view(request)


# --- Django ------------------------------------------------------------------------------------


@pytest.fixture
def django_settings() -> Iterator[None]:
    pytest.importorskip("django")
    import _django  # noqa: F401  (the tests' Django settings, configured once)
    from django.test import override_settings

    caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=TOKEN, CACHES=caches):
        yield
    from django.core.cache import cache

    cache.clear()


def test_django_webhook_view_snippet(django_settings: None) -> None:
    namespace = _run("from django.urls import path", {})
    view = namespace["urlpatterns"][0].callback
    assert namespace["urlpatterns"][0].pattern.match("zoom/webhook")
    answer = _django_post(view, _signed(), BODY)
    assert answer.status_code == 200
    challenge = _django_post(view, _challenge(), CHALLENGE)
    assert set(json.loads(challenge.content)) == {"plainToken", "encryptedToken"}
    assert _django_post(view, {**_signed(), "x-zm-signature": "v0=00"}, BODY).status_code == 401


def test_django_cache_store_snippet_skips_the_retry(django_settings: None) -> None:
    from django.urls import path

    handled = Handled()
    namespace = _run(
        "from zoomsig.contrib.django import CacheDeliveryStore, webhook_view",
        {"path": path, "on_zoom_event": handled},
    )
    view = namespace["urlpatterns"][0].callback
    first = _django_post(view, _signed(), BODY)
    retry = _django_post(view, _signed(time.time() + 5), BODY)
    assert (first.status_code, retry.status_code) == (200, 200)
    assert json.loads(retry.content) == {"status": "duplicate"}
    assert [event.object_id for event in handled.events] == [85746065432]


# --- FastAPI and Flask -------------------------------------------------------------------------

SETTINGS = SimpleNamespace(zoom_secret_token=TOKEN)


def test_fastapi_router_snippet() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    namespace = _run("from fastapi import FastAPI", {"settings": SETTINGS})
    client = TestClient(namespace["app"])
    assert client.post("/zoom/webhook", content=BODY, headers=_signed()).status_code == 200
    challenge = client.post(
        "/zoom/webhook",
        content=CHALLENGE,
        headers=_challenge(),
    )
    assert set(challenge.json()) == {"plainToken", "encryptedToken"}


def test_fastapi_dependency_snippet_queues_the_event() -> None:
    pytest.importorskip("fastapi")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    queue = Handled()
    namespace = _run(
        "from fastapi import Depends", {"settings": SETTINGS, "app": FastAPI(), "queue": queue}
    )
    client = TestClient(namespace["app"])
    answer = client.post("/zoom/webhook", content=BODY, headers=_signed())
    assert answer.json() == {"status": "ok"}
    assert [event.event for event in queue.events] == ["meeting.started"]
    refused = client.post(
        "/zoom/webhook", content=BODY, headers={**_signed(), "x-zm-signature": ""}
    )
    assert refused.status_code == 401


def test_flask_blueprint_snippet() -> None:
    flask = pytest.importorskip("flask")
    app = flask.Flask("snippet")
    app.config["ZOOM_WEBHOOK_SECRET_TOKEN"] = TOKEN
    handled = Handled()
    _run(
        "from zoomsig.contrib.flask import webhook_blueprint",
        {"app": app, "on_zoom_event": handled},
    )
    answer = app.test_client().post("/zoom/webhook", data=BODY, headers=_signed())
    assert answer.status_code == 200
    assert len(handled.events) == 1


def test_redis_store_snippet_shares_deliveries_between_apps(
    redis_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("fastapi")
    flask = pytest.importorskip("flask")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    monkeypatch.setenv("REDIS_URL", redis_url)
    handled = Handled()
    fastapi_app, flask_app = FastAPI(), flask.Flask("snippet")
    namespace = {"fastapi_app": fastapi_app, "flask_app": flask_app}
    _run("import os", {**namespace, "token": TOKEN, "on_zoom_event": handled})
    first = TestClient(fastapi_app).post("/zoom/webhook", content=BODY, headers=_signed())
    retry = flask_app.test_client().post(
        "/zoom/webhook", data=BODY, headers=_signed(time.time() + 5)
    )
    assert first.json() == {"status": "ok"}
    assert retry.get_json() == {"status": "duplicate"}
    assert len(handled.events) == 1


# --- ASGI and WSGI middleware ------------------------------------------------------------------


def test_asgi_and_wsgi_middleware_snippet() -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    seen: list[object] = []

    async def asgi_app(scope: Any, receive: Any, send: Any) -> None:
        seen.append(scope.get("zoomsig.webhook_event"))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    def wsgi_app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.append(environ.get("zoomsig.webhook_event"))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    namespace = _run(
        "from zoomsig.contrib.asgi import ZoomWebhookMiddleware  # any ASGI app",
        {
            "app": asgi_app,
            "wsgi_app": wsgi_app,
            "token": TOKEN,
            "deliveries": MemoryDeliveryStore(),
        },
    )
    client = TestClient(namespace["app"])
    assert client.post("/zoom/webhook", content=BODY, headers=_signed()).text == "ok"
    assert client.post("/zoom/webhook", content=BODY).status_code == 401
    assert client.get("/elsewhere").text == "ok"  # passes through
    environ = {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/zoom/webhook", "CONTENT_LENGTH": str(len(BODY)),
        "wsgi.input": io.BytesIO(BODY), "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in _signed().items()},
    }  # fmt: skip
    statuses: list[str] = []
    body = b"".join(namespace["wsgi_app"](environ, lambda s, h: statuses.append(s)))
    assert (statuses, body) == (["200 OK"], b"ok")
    assert [type(event) for event in seen] == [WebhookEvent, type(None), WebhookEvent]


def test_every_plain_snippet_of_the_page_is_run_here() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    assert _snippets()
    for first_line in _snippets():
        assert json.dumps(first_line)[1:-1] in source, first_line
