"""Zoom webhooks: verify a request, answer URL validation, sign the RTMS handshake, diagnose.

Everything here is re-exported from :mod:`zoomsig`::

    from zoomsig import verify_webhook, url_validation_response, diagnose_webhook

and, from here only: the header reader both use (:func:`header_values`), the event router
(:class:`WebhookRouter`) and the checks of Zoom's other delivery authentications
(:func:`check_basic_auth`, :func:`check_bearer_token`, :func:`check_custom_header`, and
for the integrations' ``authentication=``: :class:`BasicAuth`, :class:`BearerToken`,
:class:`CustomHeader`, :func:`check_authentication`).
"""

from __future__ import annotations

from zoomsig.webhook._auth import (
    CUSTOM_HEADER_TYPES,
    Authentication,
    BasicAuth,
    BearerToken,
    CustomHeader,
    check_authentication,
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
    sign_webhook,
    url_validation_response,
    verify_webhook,
)
from zoomsig.webhook._deliveries import (
    DEFAULT_DELIVERY_TTL,
    DeliveryGuard,
    DeliveryStore,
    MemoryDeliveryStore,
    delivery_key,
)
from zoomsig.webhook._diagnose import diagnose_webhook
from zoomsig.webhook._router import WebhookRouter
from zoomsig.webhook._rtms import RTMS_ID_FIELDS, diagnose_rtms_handshake, sign_rtms_handshake
from zoomsig.webhook._url_validation import RESPONSE_DEADLINE, diagnose_url_validation

__all__ = [
    "CUSTOM_HEADER_TYPES",
    "DEFAULT_DELIVERY_TTL",
    "DEFAULT_TOLERANCE",
    "MAX_WEBHOOK_BODY_SIZE",
    "RESPONSE_DEADLINE",
    "RTMS_ID_FIELDS",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "URL_VALIDATION_EVENT",
    "Authentication",
    "BasicAuth",
    "BearerToken",
    "CustomHeader",
    "DeliveryGuard",
    "DeliveryStore",
    "InvalidWebhookError",
    "MemoryDeliveryStore",
    "SecretId",
    "SecretTokens",
    "WebhookEvent",
    "WebhookRouter",
    "check_authentication",
    "check_basic_auth",
    "check_bearer_token",
    "check_custom_header",
    "delivery_key",
    "diagnose_rtms_handshake",
    "diagnose_url_validation",
    "diagnose_webhook",
    "header_values",
    "sign_rtms_handshake",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
]
