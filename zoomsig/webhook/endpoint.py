"""The webhook endpoint, framework-free: one raw request in, one status and JSON body out.

The sibling of :mod:`zoomsig.endpoint` (the signature endpoint). The Django, FastAPI and
Flask integrations in :mod:`zoomsig.contrib` only read the request (at most
``max_body_size + 1`` bytes) and write the response; the decisions live here once::

    >>> from zoomsig.webhook.endpoint import check_webhook_settings, handle_webhook
    >>> check_webhook_settings("demoWebhookSecretTok22")     # once, at start-up
    >>> handle_webhook({}, b"{}", secret_token="demoWebhookSecretTok22").status
    401

Nothing here does I/O, reads the environment or logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Optional

from zoomsig._errors import InvalidParameterError
from zoomsig._time import Now
from zoomsig.endpoint import too_large_response
from zoomsig.webhook._core import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    Headers,
    InvalidWebhookError,
    SecretTokens,
    WebhookEvent,
    check_tolerance,
    secret_keys,
    url_validation_response,
    verify_webhook,
)

__all__ = [
    "UNAUTHORIZED",
    "WebhookOutcome",
    "check_max_body_size",
    "check_webhook_limits",
    "check_webhook_settings",
    "handle_webhook",
    "too_large",
]

UNAUTHORIZED: Mapping[str, str] = MappingProxyType({"error": "unauthorized"})
"""What a sender of a bad request learns: nothing more than this."""


@dataclass(frozen=True)
class WebhookOutcome:
    """What to answer, and the event to hand to the application (if any).

    Attributes:
        status: The HTTP status: 200, 400 (a signed URL validation without a usable plain
            token: none, an empty one, or one that is not Unicode text), 401 (not a
            genuine, fresh webhook) or 413 (too big).
        body: The JSON body of the response. A 413 has the signature endpoint's shape,
            ``{"errors": [{"property": "$body", "reason": …}]}``.
        event: The verified event the application should handle; ``None`` for a URL
            validation challenge (already answered) and for rejected requests.
        error: Why a request was rejected (for the server's own log, never for the sender).
    """

    status: int
    body: Mapping[str, object]
    event: Optional[WebhookEvent] = None
    error: Optional[InvalidWebhookError] = None


def too_large(max_body_size: int) -> WebhookOutcome:
    """The 413 outcome: the same body as :func:`zoomsig.endpoint.too_large_response`."""
    return WebhookOutcome(413, too_large_response(max_body_size).to_dict())


def check_max_body_size(max_body_size: object, parameter: str = "max_body_size") -> int:
    """A body cap of an integration: a positive ``int`` number of bytes.

    Raises:
        InvalidParameterError: ``parameter`` is not a positive int.
    """
    if isinstance(max_body_size, bool) or not isinstance(max_body_size, int) or max_body_size < 1:
        raise InvalidParameterError(parameter, "expected a positive int number of bytes")
    return max_body_size


def check_webhook_settings(
    secret_token: object,
    *,
    tolerance: object = DEFAULT_TOLERANCE,
    max_body_size: object = MAX_WEBHOOK_BODY_SIZE,
    parameter: str = "secret_token",
) -> None:
    """Check a webhook integration's settings once, at start-up, as every request would.

    Args:
        secret_token: The Secret Token, or several (a sequence, or a mapping of names to
            tokens); ``parameter`` is the name an error gives it (the setting it was read
            from, such as ``ZOOM_WEBHOOK_SECRET_TOKEN``).
        tolerance: The replay window, 1 to 86400 seconds.
        max_body_size: The body cap, a positive number of bytes.
        parameter: How errors name ``secret_token``.

    Raises:
        InvalidParameterError: naming ``parameter``, ``tolerance`` or ``max_body_size``;
            never holding the secret.
    """
    secret_keys(secret_token, parameter)
    check_webhook_limits(tolerance=tolerance, max_body_size=max_body_size)


def check_webhook_limits(
    *, tolerance: object = DEFAULT_TOLERANCE, max_body_size: object = MAX_WEBHOOK_BODY_SIZE
) -> None:
    """The part of :func:`check_webhook_settings` that needs no secret (for an integration
    that reads the secret later, such as Flask's at registration).

    Raises:
        InvalidParameterError: naming ``tolerance`` or ``max_body_size``.
    """
    check_tolerance(tolerance)
    check_max_body_size(max_body_size)


def handle_webhook(
    headers: Headers,
    body: bytes,
    *,
    secret_token: SecretTokens,
    now: Now = None,
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
) -> WebhookOutcome:
    """Decide the answer to one webhook request.

    Over ``max_body_size`` bytes: 413. Not a genuine, fresh webhook: 401 with no detail.
    A URL validation challenge: 200 with the answer Zoom expects (400 when its plain token
    is missing, empty or not Unicode text, such as a lone surrogate). Any other verified event:
    200, and the event for the application. With several secret tokens, the challenge is
    answered with the one that verified it. Check the settings once with
    :func:`check_webhook_settings` first: here a bad ``tolerance`` or secret raises.
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
        except InvalidParameterError:  # signed, but no plainToken to answer (or a lone surrogate)
            return WebhookOutcome(400, {"error": "bad url validation request"})
        return WebhookOutcome(200, answer)
    return WebhookOutcome(200, {"status": "ok"}, event=event)
