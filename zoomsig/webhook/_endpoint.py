"""The framework-free webhook endpoint: raw request in, status and JSON out.

The Django, FastAPI and Flask integrations in :mod:`zoomsig.contrib` only adapt their
request and response objects to :func:`handle_webhook`; the decisions live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Optional, Union

from zoomsig._errors import InvalidParameterError, InvalidWebhookError
from zoomsig.webhook._core import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    Headers,
    WebhookEvent,
    secret_key,
    url_validation_response,
    verify_webhook,
)

__all__ = ["UNAUTHORIZED", "WebhookOutcome", "check_settings", "handle_webhook", "too_large"]

UNAUTHORIZED: Mapping[str, str] = MappingProxyType({"error": "unauthorized"})
"""What a sender of a bad request learns: nothing more than this."""


@dataclass(frozen=True)
class WebhookOutcome:
    """What to answer, and the event to hand to the application (if any).

    Attributes:
        status: The HTTP status: 200, 401 (not a genuine, fresh webhook) or 413 (too big).
        body: The JSON body of the response.
        event: The verified event the application should handle; ``None`` for a URL
            validation challenge (already answered) and for rejected requests.
        error: Why a request was rejected (for the server's own log, never for the sender).
    """

    status: int
    body: Mapping[str, str]
    event: Optional[WebhookEvent] = None
    error: Optional[InvalidWebhookError] = None


def too_large(max_body_size: int) -> WebhookOutcome:
    """The 413 outcome."""
    return WebhookOutcome(413, {"error": f"body over {max_body_size} bytes"})


def check_settings(secret_token: object, max_body_size: object, parameter: str) -> None:
    """Validate an integration's settings once, at start-up."""
    secret_key(secret_token, parameter)
    if isinstance(max_body_size, bool) or not isinstance(max_body_size, int) or max_body_size < 1:
        raise InvalidParameterError("max_body_size", "expected a positive int number of bytes")


def handle_webhook(
    headers: Headers,
    body: bytes,
    *,
    secret_token: str,
    now: Union[int, float, datetime, None] = None,
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
) -> WebhookOutcome:
    """Decide the answer to one webhook request.

    Over ``max_body_size`` bytes: 413. Not a genuine, fresh webhook: 401 with no detail.
    A URL validation challenge: 200 with the answer Zoom expects. Any other verified event:
    200, and the event for the application.
    """
    if len(body) > max_body_size:
        return too_large(max_body_size)
    try:
        event = verify_webhook(
            headers, body, secret_token=secret_token, now=now, tolerance=tolerance
        )
    except InvalidWebhookError as error:
        return WebhookOutcome(401, UNAUTHORIZED, error=error)
    if event.is_url_validation:
        try:
            answer = url_validation_response(event, secret_token=secret_token)
        except InvalidParameterError:  # signed, but no plainToken: nothing to answer
            return WebhookOutcome(400, {"error": "bad url validation request"})
        return WebhookOutcome(200, answer)
    return WebhookOutcome(200, {"status": "ok"}, event=event)
