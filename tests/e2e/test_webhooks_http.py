"""Zoom's webhook deliveries, over HTTP, to each integration under its real server.

The sender posts what Zoom posts, in Zoom's order: the URL validation challenge first (Zoom
saves the endpoint only after a 200 with the right ``encryptedToken`` within 3 seconds),
then events, then Zoom's retries of one, then the broken and tampered requests of
``zoomsig.testing.webhooks.broken_webhooks``, each of which must get 401.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Mapping

import pytest
from _e2e_env import CREDENTIALS, Server

from zoomsig.testing.webhooks import (
    BrokenWebhook,
    broken_webhooks,
    signed_webhook_request,
    url_validation_request,
)

pytestmark = pytest.mark.e2e

TOKEN = CREDENTIALS["ZOOM_WEBHOOK_SECRET_TOKEN"]
# Zoom's deadline for an answer: the request times out, and fails, after it.
ZOOM_DEADLINE = 3.0
# Mistakes made inside the receiver, not on the wire: the wrong secret, or the body handed
# on as text (over HTTP its UTF-8 bytes are the signed ones). The endpoint's own tests cover
# them; here the request is all there is.
RECEIVER_SIDE = {
    "secret_with_newline",
    "verification_token",
    "str_body",
    "quoted_secret",
    "verification_token_in_request",
}


def post(server: Server, body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
    request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        server.url + "/zoom/webhook", data=body, headers=dict(headers), method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=ZOOM_DEADLINE) as answer:  # noqa: S310
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        with refused:
            return refused.code, refused.read()


def _event(now: int) -> dict[str, object]:
    return {
        "event": "meeting.started",
        "event_ts": now * 1000,
        "payload": {"account_id": "e2eAccount", "object": {"id": "85746065432",
                                                           "topic": "Réunion — Zoom ✓"}},
    }  # fmt: skip


def _wait_for_event(server: Server, count: int) -> list[str]:
    deadline = time.monotonic() + 5
    while len(server.events()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return server.events()


def test_url_validation_is_answered_with_the_encrypted_token(server: Server) -> None:
    plain = "qgg8vlvZRS6UYooatFL8Aw"
    request = url_validation_request(plain, secret_token=TOKEN, timestamp=int(time.time()))
    status, body = post(server, request.body, request.headers)
    assert status == 200
    expected = hmac.new(TOKEN.encode(), plain.encode(), hashlib.sha256).hexdigest()
    assert json.loads(body) == {"plainToken": plain, "encryptedToken": expected}


def test_events_and_zoom_retries_reach_the_handler(server: Server) -> None:
    before = len(server.events())
    now = int(time.time())
    event = _event(now)
    first = signed_webhook_request(event, secret_token=TOKEN, timestamp=now)
    assert post(server, first.body, first.headers)[0] == 200
    # Zoom's retry of an unanswered delivery: the same body, signed again a little later.
    retry = signed_webhook_request(first.body, secret_token=TOKEN, timestamp=now + 1)
    assert post(server, retry.body, retry.headers)[0] == 200
    seen = _wait_for_event(server, before + 2)
    assert seen[before:] == [json.dumps({"event": "meeting.started"})] * 2


def _catalogue(now: int) -> list[BrokenWebhook]:
    """Each mistake, made so that it arrives ``now``: the replayed one an hour late."""
    made = {entry.name: entry for entry in broken_webhooks(secret_token=TOKEN, timestamp=now)}
    late = broken_webhooks(secret_token=TOKEN, timestamp=now - 3600)
    made["replayed"] = next(entry for entry in late if entry.name == "replayed")
    return [entry for name, entry in made.items() if name not in RECEIVER_SIDE]


@pytest.mark.parametrize("name", [entry.name for entry in _catalogue(1763900000)])
def test_broken_or_tampered_webhook_is_refused_with_401(server: Server, name: str) -> None:
    before = len(server.events())
    entry = next(entry for entry in _catalogue(int(time.time())) if entry.name == name)
    body = entry.body
    assert isinstance(body, bytes)
    status, answer = post(server, body, entry.headers)
    assert status == 401, (entry.expected, answer)
    assert b"encryptedToken" not in answer
    assert len(server.events()) == before
