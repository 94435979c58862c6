"""Thin framework integrations over :mod:`zoomsig.endpoint` and :mod:`zoomsig.webhook`.

- :mod:`zoomsig.contrib.django` (``pip install "zoomsig[django]"``): views, and an app
  config that adds the settings to Django's system checks (``manage.py check``).
- :mod:`zoomsig.contrib.fastapi` (``pip install "zoomsig[fastapi]"``): routers with
  Pydantic models for the OpenAPI schema.
- :mod:`zoomsig.contrib.flask` (``pip install "zoomsig[flask]"``): blueprints.

Signature endpoints: ``meeting_sdk_view`` / ``video_sdk_view`` (Django),
``meeting_sdk_router`` / ``video_sdk_router`` (FastAPI), ``meeting_sdk_blueprint`` /
``video_sdk_blueprint`` (Flask).

Webhooks: ``webhook_view`` (Django), ``webhook_router`` / ``ZoomWebhook`` (FastAPI) and
``webhook_blueprint`` (Flask) receive Zoom webhooks: raw body, URL validation, 401 for a
bad signature, 413 for an oversized body, and the verified event to your handler.

For any other ASGI or WSGI app: :mod:`zoomsig.contrib.asgi` (``ZoomWebhookMiddleware``) and
:mod:`zoomsig.contrib.wsgi` (``ZoomWebhookWSGIMiddleware``), which import no framework.
Duplicate deliveries across workers: :class:`zoomsig.contrib.django.CacheDeliveryStore` and
:mod:`zoomsig.contrib.redis` (``pip install "zoomsig[redis]"``), for ``deliveries=``.

Importing ``zoomsig`` or this package imports no framework; only importing one of the
modules above imports its framework.
"""

from __future__ import annotations

__all__: list[str] = []
