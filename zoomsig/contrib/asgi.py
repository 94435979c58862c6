"""ASGI middleware for Zoom webhooks, for any ASGI app (Starlette, Litestar, Quart…).

No framework is imported. Wrap the app; the middleware answers the webhook path itself
and passes every other request on untouched::

    from zoomsig.contrib.asgi import ZoomWebhookMiddleware

    app = ZoomWebhookMiddleware(app, secret_token=os.environ["ZOOM_WEBHOOK_SECRET_TOKEN"])

A ``POST`` to ``path`` (with or without a trailing slash) is read (at most
``max_body_size + 1`` bytes) and verified: URL validation is answered (200 with
``plainToken`` and ``encryptedToken``), a bad signature or a stale timestamp 401
``{"error": "unauthorized"}``, an oversized body 413, a duplicate delivery 200
``{"status": "duplicate"}`` (with ``deliveries=``), another method 405. A verified event goes
on to the app, with the event in ``scope["zoomsig.webhook_event"]`` and the same body to
read again; if the app raises or answers other than 2xx, the delivery is released, so that
Zoom's retry reaches the app again.
"""

from __future__ import annotations

from collections.abc import Awaitable, MutableMapping
from typing import Any, Callable, Optional, cast

from zoomsig.contrib._webhooks import PathMiddleware, json_body
from zoomsig.webhook import WebhookEvent
from zoomsig.webhook.endpoint import WebhookOutcome

__all__ = ["EVENT_KEY", "ZoomWebhookMiddleware"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

EVENT_KEY = "zoomsig.webhook_event"
"""The key of the verified :class:`~zoomsig.WebhookEvent` in the scope the app receives."""


class ZoomWebhookMiddleware(PathMiddleware[ASGIApp]):
    """Verify Zoom webhooks posted to ``path``; every other request goes to ``app`` as is.

    Args:
        app: The ASGI application.
        secret_token: The Secret Token of the event subscription, or several (a list or
            tuple while you rotate it, a dict of names to tokens: ``event.secret_id`` says
            which one matched), checked now.
        path: The webhook's path; a trailing slash is ignored.
        tolerance: The replay window in seconds.
        max_body_size: The body cap in bytes.
        deliveries: A :class:`~zoomsig.webhook.DeliveryGuard` or store: a duplicate
            delivery is answered 200 without reaching ``app``.
        on_error: Called with the :class:`~zoomsig.InvalidWebhookError` of each 401 (each is
            also logged on the ``zoomsig.webhook`` logger).
        authentication: For an event subscription set to Basic auth, OAuth or a custom
            header: :class:`~zoomsig.webhook.BasicAuth`,
            :class:`~zoomsig.webhook.BearerToken`, :class:`~zoomsig.webhook.CustomHeader`
            or a function of the headers; a request without it is answered 401.

    Raises:
        InvalidParameterError: an argument cannot work (at start-up).
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("type") != "http" or not self.handles(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return
        if scope.get("method") != "POST":
            await _send_json(send, 405, {"error": "method not allowed"}, allow=True)
            return
        body = await _read_body(scope, receive, self._receiver.max_body_size)
        outcome = self._receiver.decide(scope.get("headers", []), body)
        if outcome.event is None or body is None:
            await _send_json(send, outcome.status, dict(outcome.body))
            return
        await self._pass_on(scope, receive, send, (body, outcome))

    async def _pass_on(
        self, scope: Scope, receive: Receive, send: Send, read: tuple[bytes, WebhookOutcome]
    ) -> None:
        body, outcome = read
        event = cast("WebhookEvent", outcome.event)  # not None: checked by the caller
        replayed = [False]
        status = [0]

        async def replay() -> Message:
            if replayed[0]:  # the body was read again: what follows is the server's
                return await receive()
            replayed[0] = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def watch(message: Message) -> None:
            if message.get("type") == "http.response.start":
                status[0] = int(message.get("status", 500))
            await send(message)

        try:
            await self.app({**scope, EVENT_KEY: event}, replay, watch)
        except BaseException:
            self._receiver.release(event)
            raise
        if not 200 <= status[0] < 300:
            self._receiver.release(event)


async def _read_body(scope: Scope, receive: Receive, max_body_size: int) -> Optional[bytes]:
    """The body, read at most one message past the cap; ``None`` if it is over the cap."""
    for name, value in scope.get("headers", []):
        length = bytes(value) if bytes(name).lower() == b"content-length" else b""
        if length.isdigit() and int(length) > max_body_size:
            return None
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message.get("type") != "http.request":
            break  # http.disconnect: what arrived is all there is
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > max_body_size:
            return None
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _send_json(send: Send, status: int, body: object, *, allow: bool = False) -> None:
    data = json_body(body)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    if allow:
        headers.append((b"allow", b"POST"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
