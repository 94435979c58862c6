"""Zoom webhooks: verify a request, answer URL validation, sign the RTMS handshake, diagnose.

Everything here is re-exported from :mod:`zoomsig`::

    from zoomsig import verify_webhook, url_validation_response, diagnose_webhook

and, from here only: the header reader both use (:func:`header_values`), the event router
(:class:`WebhookRouter`) and the checks of Zoom's other delivery authentications
(:func:`check_basic_auth`, :func:`check_bearer_token`, :func:`check_custom_header`).
"""

from __future__ import annotations

from zoomsig.webhook._auth import (
    CUSTOM_HEADER_TYPES,
    check_basic_auth,
    check_bearer_token,
    check_custom_header,
)
from zoomsig.webhook._core import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    URL_VALIDATION_EVENT,
    InvalidWebhookError,
    SecretId,
    SecretTokens,
    WebhookEvent,
    header_values,
    sign_rtms_handshake,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)
from zoomsig.webhook._diagnose import diagnose_webhook
from zoomsig.webhook._router import WebhookRouter

__all__ = [
    "CUSTOM_HEADER_TYPES",
    "DEFAULT_TOLERANCE",
    "MAX_WEBHOOK_BODY_SIZE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "URL_VALIDATION_EVENT",
    "InvalidWebhookError",
    "SecretId",
    "SecretTokens",
    "WebhookEvent",
    "WebhookRouter",
    "check_basic_auth",
    "check_bearer_token",
    "check_custom_header",
    "diagnose_webhook",
    "header_values",
    "sign_rtms_handshake",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
]
