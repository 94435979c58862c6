"""FastAPI integration.

# Webhooks
:func:`webhook_router` makes a router that receives Zoom webhooks, and :class:`ZoomWebhook`
is the dependency underneath, for routes of your own::

    from fastapi import FastAPI
    from zoomsig.contrib.fastapi import webhook_router

    async def on_event(event):  # a zoomsig.WebhookEvent, already verified
        ...

    app = FastAPI()
    app.include_router(webhook_router(on_event, secret_token=settings.zoom_secret_token))
"""

from __future__ import annotations

# Webhooks
import inspect
from collections.abc import Awaitable
from typing import Callable, Optional, Union

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from zoomsig._errors import InvalidWebhookError
from zoomsig.webhook import DEFAULT_TOLERANCE, MAX_WEBHOOK_BODY_SIZE, WebhookEvent, verify_webhook
from zoomsig.webhook._endpoint import WebhookOutcome, check_settings, handle_webhook, too_large

__all__ = ["ZoomWebhook", "webhook_router"]

Handler = Callable[[WebhookEvent], Union[Awaitable[None], None]]


class ZoomWebhook:
    """A dependency that reads the raw body, verifies it and returns the outcome.

    ``Depends(ZoomWebhook(secret_token=...))`` gives a route the decided
    :class:`~zoomsig.webhook._endpoint.WebhookOutcome`; :meth:`event` is the dependency that
    gives the verified :class:`~zoomsig.WebhookEvent` instead, raising ``HTTPException`` 401
    (no detail) or 413, and answering a URL validation challenge is then the route's job
    (:func:`zoomsig.url_validation_response`).
    """

    def __init__(
        self,
        *,
        secret_token: str,
        tolerance: int = DEFAULT_TOLERANCE,
        max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
    ) -> None:
        check_settings(secret_token, max_body_size, "secret_token")
        self._secret_token = secret_token
        self._tolerance = tolerance
        self.max_body_size = max_body_size

    def __repr__(self) -> str:
        return f"ZoomWebhook(max_body_size={self.max_body_size})"

    async def read(self, request: Request) -> Optional[bytes]:
        """The raw body, or ``None`` when it is over ``max_body_size`` (read no further)."""
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body_size:
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body_size:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def __call__(self, request: Request) -> WebhookOutcome:
        """Read at most ``max_body_size`` bytes of the raw body and decide the answer."""
        body = await self.read(request)
        if body is None:
            return too_large(self.max_body_size)
        return handle_webhook(
            request.headers,
            body,
            secret_token=self._secret_token,
            tolerance=self._tolerance,
            max_body_size=self.max_body_size,
        )

    async def event(self, request: Request) -> WebhookEvent:
        """The verified event (URL validation included), or ``HTTPException`` 401 / 413."""
        body = await self.read(request)
        if body is None:
            raise HTTPException(status_code=413, detail="body too large")
        try:
            return verify_webhook(
                request.headers,
                body,
                secret_token=self._secret_token,
                tolerance=self._tolerance,
            )
        except InvalidWebhookError:
            raise HTTPException(status_code=401, detail="unauthorized") from None


def webhook_router(
    handler: Handler,
    *,
    secret_token: str,
    path: str = "/zoom/webhook",
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
) -> APIRouter:
    """A router with one POST route at ``path`` that verifies Zoom webhooks.

    Answers URL validation, 401 with no detail to a bad signature or a stale timestamp, 413
    to a body over ``max_body_size`` bytes, and awaits (or calls) ``handler(event)`` with
    every other verified event before answering 200.
    """
    webhook = ZoomWebhook(
        secret_token=secret_token, tolerance=tolerance, max_body_size=max_body_size
    )
    router = APIRouter()

    @router.post(path, include_in_schema=False)
    async def receive(request: Request) -> JSONResponse:
        outcome = await webhook(request)
        if outcome.event is not None:
            result = handler(outcome.event)
            if inspect.isawaitable(result):
                await result
        return JSONResponse(dict(outcome.body), status_code=outcome.status)

    return router
