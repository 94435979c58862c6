"""Zoom webhooks: verify a request, answer URL validation, sign the RTMS handshake, diagnose.

Everything here is re-exported from :mod:`zoomsig`::

    from zoomsig import verify_webhook, url_validation_response, diagnose_webhook
"""

from __future__ import annotations

from zoomsig.webhook._core import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    URL_VALIDATION_EVENT,
    InvalidWebhookError,
    WebhookEvent,
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
from zoomsig.webhook._rtms import RTMS_ID_FIELDS, diagnose_rtms_handshake, sign_rtms_handshake
from zoomsig.webhook._url_validation import RESPONSE_DEADLINE, diagnose_url_validation

__all__ = [
    "DEFAULT_DELIVERY_TTL",
    "DEFAULT_TOLERANCE",
    "MAX_WEBHOOK_BODY_SIZE",
    "RESPONSE_DEADLINE",
    "RTMS_ID_FIELDS",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "URL_VALIDATION_EVENT",
    "DeliveryGuard",
    "DeliveryStore",
    "InvalidWebhookError",
    "MemoryDeliveryStore",
    "WebhookEvent",
    "delivery_key",
    "diagnose_rtms_handshake",
    "diagnose_url_validation",
    "diagnose_webhook",
    "sign_rtms_handshake",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
]
