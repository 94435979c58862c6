"""The webhook integrations, through each framework's real test client.

Django's ``Client`` (settings configured here, URLconf overridden per test), FastAPI's
``TestClient`` and Flask's ``test_client``: a signed event reaches the handler, URL
validation is answered, a bad signature gets 401 with no detail, an oversized body 413.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from typing import TypedDict

import pytest
from _support import SENTINEL_SECRET

from zoomsig import WebhookEvent
from zoomsig.testing.webhooks import (
    WebhookRequest,
    signed_webhook_request,
    url_validation_request,
)

SECRET = SENTINEL_SECRET
EVENT: dict[str, object] = {
    "event": "meeting.started",
    "payload": {"object": {"id": 85746065432, "topic": "Réunion"}},
    "event_ts": 1,
}
PLAIN = "qgg8vlvZRS6UYooatFL8Aw"
ANSWER = {
    "plainToken": PLAIN,
    "encryptedToken": hmac.new(SECRET.encode(), PLAIN.encode(), hashlib.sha256).hexdigest(),
}
CAP = 4096


class Requests(TypedDict):
    good: WebhookRequest
    challenge: WebhookRequest
    reserialised: tuple[bytes, dict[str, str]]
    stale: WebhookRequest
    wrong_secret: WebhookRequest
    big: WebhookRequest


def requests_now() -> Requests:
    """Requests signed at the real time: the integrations read the clock, as in production."""
    now = int(time.time())
    good = signed_webhook_request(EVENT, secret_token=SECRET, timestamp=now)
    reserialised = json.dumps(json.loads(good.body)).encode()
    return {
        "good": good,
        "challenge": url_validation_request(PLAIN, secret_token=SECRET, timestamp=now),
        "reserialised": (reserialised, good.headers),
        "stale": signed_webhook_request(EVENT, secret_token=SECRET, timestamp=now - 3600),
        "wrong_secret": signed_webhook_request(EVENT, secret_token="other-token", timestamp=now),
        "big": signed_webhook_request(
            {**EVENT, "pad": "x" * CAP}, secret_token=SECRET, timestamp=now
        ),
    }


def check_no_leak(text: str) -> None:
    assert all(SECRET[i : i + 8] not in text for i in range(len(SECRET) - 7))


# --- Django ------------------------------------------------------------------------------

received_django: list[WebhookEvent] = []
urlpatterns: list[object] = []


@pytest.fixture
def django_client() -> object:
    pytest.importorskip("django")
    import django
    from django.conf import settings
    from django.test import Client, override_settings
    from django.urls import path

    from zoomsig.contrib.django import webhook_view

    if not settings.configured:
        settings.configure(SECRET_KEY="test-only-not-a-secret", DEBUG=False)
        django.setup()
    urlpatterns[:] = [
        path(
            "zoom/webhook/",
            webhook_view(received_django.append, secret_token=SECRET, max_body_size=CAP),
        )
    ]
    received_django.clear()
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]):
        yield Client()


def _django_post(client: object, body: bytes, headers: dict[str, str]) -> object:
    meta = {
        "HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items() if k != "content-type"
    }
    return client.post("/zoom/webhook/", data=body, content_type="application/json", **meta)  # type: ignore[attr-defined]


def test_django_webhook_view(django_client: object) -> None:
    r = requests_now()
    good, challenge = r["good"], r["challenge"]
    response = _django_post(django_client, good.body, good.headers)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert [e.event for e in received_django] == ["meeting.started"]
    response = _django_post(django_client, challenge.body, challenge.headers)
    assert (response.status_code, response.json()) == (200, ANSWER)  # type: ignore[attr-defined]
    for body, headers in (
        r["reserialised"],
        (r["stale"].body, r["stale"].headers),
        (r["wrong_secret"].body, r["wrong_secret"].headers),
    ):
        response = _django_post(django_client, body, headers)
        assert (response.status_code, response.json()) == (401, {"error": "unauthorized"})  # type: ignore[attr-defined]
    response = _django_post(django_client, r["big"].body, r["big"].headers)
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert django_client.get("/zoom/webhook/").status_code == 405  # type: ignore[attr-defined]
    assert len(received_django) == 1


def test_django_reads_the_secret_from_settings_once() -> None:
    pytest.importorskip("django")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.test import override_settings

    from zoomsig.contrib.django import webhook_view

    if not settings.configured:
        settings.configure(SECRET_KEY="test-only-not-a-secret")
    with override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=SECRET):
        assert callable(webhook_view(received_django.append))
    with (
        override_settings(ZOOM_WEBHOOK_SECRET_TOKEN=SECRET + "\n"),
        pytest.raises(ImproperlyConfigured) as info,
    ):
        webhook_view(received_django.append)
    assert "ZOOM_WEBHOOK_SECRET_TOKEN" in str(info.value)
    check_no_leak(str(info.value))
    from django.test import RequestFactory

    waiting = webhook_view(received_django.append)  # no setting at all: 500 until it is set
    assert (
        waiting(RequestFactory().post("/", b"{}", content_type="application/json")).status_code
        == 500
    )


# --- FastAPI -----------------------------------------------------------------------------


def test_fastapi_webhook_router() -> None:
    pytest.importorskip("fastapi")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from zoomsig.contrib.fastapi import webhook_router

    received: list[WebhookEvent] = []

    async def handler(event: WebhookEvent) -> None:
        received.append(event)

    app = FastAPI()
    app.include_router(webhook_router(handler, secret_token=SECRET, max_body_size=CAP))
    client = TestClient(app)
    r = requests_now()
    response = client.post("/zoom/webhook", content=r["good"].body, headers=r["good"].headers)
    assert response.status_code == 200
    assert [e.payload for e in received] == [EVENT["payload"]]
    response = client.post(
        "/zoom/webhook", content=r["challenge"].body, headers=r["challenge"].headers
    )
    assert (response.status_code, response.json()) == (200, ANSWER)
    body, headers = r["reserialised"]
    response = client.post("/zoom/webhook", content=body, headers=headers)
    assert (response.status_code, response.json()) == (401, {"error": "unauthorized"})
    response = client.post("/zoom/webhook", content=r["big"].body, headers=r["big"].headers)
    assert response.status_code == 413

    # A body without content-length (chunked) is capped while it is read.
    def chunks() -> Iterator[bytes]:
        yield r["big"].body[:CAP]
        yield r["big"].body[CAP:]

    response = client.post("/zoom/webhook", content=chunks(), headers=r["big"].headers)
    assert response.status_code == 413
    assert len(received) == 1


def test_fastapi_dependency_gives_the_verified_event() -> None:
    pytest.importorskip("fastapi")
    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient

    from zoomsig import url_validation_response
    from zoomsig.contrib.fastapi import ZoomWebhook

    zoom = ZoomWebhook(secret_token=SECRET, max_body_size=CAP)
    assert SECRET not in repr(zoom)
    app = FastAPI()

    @app.post("/hook")
    async def hook(event: WebhookEvent = Depends(zoom.event)) -> dict[str, str]:  # noqa: B008
        if event.is_url_validation:
            return url_validation_response(event, secret_token=SECRET)
        return {"got": event.event or ""}

    client = TestClient(app)
    r = requests_now()
    assert client.post("/hook", content=r["good"].body, headers=r["good"].headers).json() == {
        "got": "meeting.started"
    }
    assert (
        client.post("/hook", content=r["challenge"].body, headers=r["challenge"].headers).json()
        == ANSWER
    )
    bad = client.post("/hook", content=r["stale"].body, headers=r["stale"].headers)
    assert (bad.status_code, bad.json()) == (401, {"error": "unauthorized"})
    assert client.post("/hook", content=r["big"].body, headers=r["big"].headers).status_code == 413


# --- Flask -------------------------------------------------------------------------------


def test_flask_webhook_blueprint() -> None:
    flask = pytest.importorskip("flask")
    from zoomsig.contrib.flask import webhook_blueprint

    received: list[WebhookEvent] = []
    app = flask.Flask("webhook_test")
    app.config["ZOOM_WEBHOOK_SECRET_TOKEN"] = SECRET
    app.register_blueprint(
        webhook_blueprint(received.append, max_body_size=CAP), url_prefix="/zoom"
    )
    client = app.test_client()
    r = requests_now()
    response = client.post("/zoom/webhook", data=r["good"].body, headers=r["good"].headers)
    assert response.status_code == 200
    assert received[0].body == r["good"].body
    response = client.post(
        "/zoom/webhook", data=r["challenge"].body, headers=r["challenge"].headers
    )
    assert (response.status_code, response.get_json()) == (200, ANSWER)
    body, headers = r["reserialised"]
    response = client.post("/zoom/webhook", data=body, headers=headers)
    assert (response.status_code, response.get_json()) == (401, {"error": "unauthorized"})
    response = client.post("/zoom/webhook", data=r["big"].body, headers=r["big"].headers)
    assert response.status_code == 413
    assert client.get("/zoom/webhook").status_code == 405
    assert len(received) == 1


def test_flask_refuses_a_missing_or_padded_secret_at_registration() -> None:
    flask = pytest.importorskip("flask")
    from zoomsig import InvalidParameterError
    from zoomsig.contrib.flask import webhook_blueprint

    app = flask.Flask("webhook_test_missing")
    with pytest.raises(InvalidParameterError, match="ZOOM_WEBHOOK_SECRET_TOKEN"):
        app.register_blueprint(webhook_blueprint(print))
    app = flask.Flask("webhook_test_padded")
    app.config["ZOOM_WEBHOOK_SECRET_TOKEN"] = SECRET + "\n"
    with pytest.raises(InvalidParameterError, match="whitespace") as info:
        app.register_blueprint(webhook_blueprint(print))
    check_no_leak(str(info.value))
