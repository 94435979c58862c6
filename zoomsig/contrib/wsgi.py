"""WSGI middleware for Zoom webhooks, for any WSGI app (Falcon, Bottle, Pyramid, plain WSGI).

No framework is imported. Wrap the app; the middleware answers the webhook path itself
and passes every other request on untouched::

    from zoomsig.contrib.wsgi import ZoomWebhookWSGIMiddleware

    app = ZoomWebhookWSGIMiddleware(app, secret_token=os.environ["ZOOM_WEBHOOK_SECRET_TOKEN"])

The answers are those of :class:`zoomsig.contrib.asgi.ZoomWebhookMiddleware`. A verified
event goes on to the app with the event in ``environ["zoomsig.webhook_event"]`` and the same
body in ``environ["wsgi.input"]``; if the app raises or answers other than 2xx, the
delivery is released, so that Zoom's retry reaches the app again. A chunked body (no
``Content-Length``) is read where the server ends it (``wsgi.input_terminated``, as gunicorn
and Werkzeug set it), at most ``max_body_size + 1`` bytes of it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from http import HTTPStatus
from types import MappingProxyType
from typing import Any, Callable, Optional

from zoomsig.contrib._webhooks import PathMiddleware, json_body
from zoomsig.webhook import WebhookEvent

__all__ = ["EVENT_KEY", "ZoomWebhookWSGIMiddleware"]

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[Environ, StartResponse], Iterable[bytes]]

EVENT_KEY = "zoomsig.webhook_event"
"""The key of the verified :class:`~zoomsig.WebhookEvent` in the environ the app receives."""


class ZoomWebhookWSGIMiddleware(PathMiddleware[WSGIApp]):
    """Verify Zoom webhooks posted to ``path``; every other request goes to ``app`` as is.

    Same arguments as :class:`zoomsig.contrib.asgi.ZoomWebhookMiddleware`, for a WSGI app.

    Raises:
        InvalidParameterError: an argument cannot work (at start-up).
    """

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if not self.handles(str(environ.get("PATH_INFO", ""))):
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST":
            return _answer(start_response, 405, {"error": "method not allowed"})
        body = _read_body(environ, self._receiver.max_body_size)
        outcome = self._receiver.decide(_headers(environ), body)
        if outcome.event is None or body is None:
            return _answer(start_response, outcome.status, dict(outcome.body))
        return self._pass_on(environ, start_response, body, outcome.event)

    def _pass_on(
        self, environ: Environ, start_response: StartResponse, body: bytes, event: WebhookEvent
    ) -> Iterable[bytes]:
        status = [0]

        def watch(line: str, headers: object, *exc_info: object) -> Any:
            status[0] = int(line.split(" ", 1)[0])
            return start_response(line, headers, *exc_info)

        environ = {
            **environ,
            EVENT_KEY: event,
            "wsgi.input": io.BytesIO(body),
            "CONTENT_LENGTH": str(len(body)),
        }
        try:
            result = self.app(environ, watch)
        except BaseException:
            self._receiver.release(event)
            raise
        if status[0] and not 200 <= status[0] < 300:  # 0: the app answers as it iterates
            self._receiver.release(event)
        return result


def _headers(environ: Environ) -> list[tuple[str, str]]:
    """The request headers from the ``HTTP_*`` keys (``HTTP_X_ZM_SIGNATURE`` is
    ``x-zm-signature``) and ``CONTENT_TYPE``."""
    headers = [
        (key[5:].replace("_", "-").lower(), str(value))
        for key, value in environ.items()
        if key.startswith("HTTP_")
    ]
    if environ.get("CONTENT_TYPE"):
        headers.append(("content-type", str(environ["CONTENT_TYPE"])))
    return headers


def _read_body(environ: Environ, max_body_size: int) -> Optional[bytes]:
    """The body, read at most one byte past the cap; ``None`` if it is over the cap."""
    length_text = str(environ.get("CONTENT_LENGTH") or "")
    length = int(length_text) if length_text.isdigit() else 0
    if length > max_body_size:
        return None
    if not length_text and not environ.get("wsgi.input_terminated"):
        return b""  # no Content-Length and a stream that may not end: nothing to read
    limit = length if length_text else max_body_size + 1
    raw = bytes(environ["wsgi.input"].read(limit))
    return None if len(raw) > max_body_size else raw


# RFC 9110's reason phrases, the same on every Python (http.HTTPStatus says "Request Entity
# Too Large" for 413 before Python 3.13 and "Content Too Large" from 3.13 on).
_REASONS = MappingProxyType(
    {
        200: "OK",
        400: "Bad Request",
        401: "Unauthorized",
        405: "Method Not Allowed",
        413: "Content Too Large",
        415: "Unsupported Media Type",
        500: "Internal Server Error",
    }
)


def _answer(start_response: StartResponse, status: int, body: object) -> list[bytes]:
    data = json_body(body)
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    if status == 405:
        headers.append(("Allow", "POST"))
    reason = _REASONS.get(status) or HTTPStatus(status).phrase
    start_response(f"{status} {reason}", headers)
    return [data]
