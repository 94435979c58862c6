"""Framework integrations: thin shims over zoomsig's framework-free logic.

Each module imports its framework, so import only the one you installed the extra for
(``pip install "zoomsig[django]"``, ``[fastapi]`` or ``[flask]``).

# Webhooks
``webhook_view`` (Django), ``webhook_router`` / ``ZoomWebhook`` (FastAPI) and
``webhook_blueprint`` (Flask) receive Zoom webhooks: raw body, URL validation, 401 for a
bad signature, 413 for an oversized body, and the verified event to your handler.
"""
