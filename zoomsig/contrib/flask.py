"""Flask integration.

# Webhooks
:func:`webhook_blueprint` makes a blueprint that receives Zoom webhooks::

    from zoomsig.contrib.flask import webhook_blueprint

    def on_event(event):  # a zoomsig.WebhookEvent, already verified
        ...

    app.config["ZOOM_WEBHOOK_SECRET_TOKEN"] = ...  # from your secrets store
    app.register_blueprint(webhook_blueprint(on_event), url_prefix="/zoom")

The secret token comes from ``app.config["ZOOM_WEBHOOK_SECRET_TOKEN"]`` (read once, when
the blueprint is registered) unless ``secret_token=`` is given.
"""

from __future__ import annotations

# Webhooks
from collections.abc import Mapping
from typing import Callable, Optional, cast

from flask import Blueprint, Response, jsonify, request
from flask.blueprints import BlueprintSetupState

from zoomsig._errors import InvalidParameterError
from zoomsig.webhook import DEFAULT_TOLERANCE, MAX_WEBHOOK_BODY_SIZE, WebhookEvent
from zoomsig.webhook._endpoint import check_settings, handle_webhook, too_large

__all__ = ["webhook_blueprint"]

WEBHOOK_CONFIG_KEY = "ZOOM_WEBHOOK_SECRET_TOKEN"


def webhook_blueprint(
    handler: Callable[[WebhookEvent], None],
    *,
    secret_token: Optional[str] = None,
    rule: str = "/webhook",
    name: str = "zoomsig_webhook",
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
) -> Blueprint:
    """A blueprint with one POST route, ``rule``, that verifies Zoom webhooks.

    Reads the raw body with ``request.get_data()`` (never ``request.json`` re-serialised),
    answers URL validation, 401 with no detail to a bad signature or a stale timestamp, 413
    to a body over ``max_body_size`` bytes, and calls ``handler(event)`` with every other
    verified event before answering 200.

    Raises:
        RuntimeError: at registration, when neither ``secret_token`` nor a usable
            ``app.config["ZOOM_WEBHOOK_SECRET_TOKEN"]`` is there.
    """
    blueprint = Blueprint(name, __name__)
    tokens: dict[str, str] = {}

    def configure(state: BlueprintSetupState) -> None:
        given = secret_token is not None
        config = cast("Mapping[str, object]", state.app.config)
        token: object = secret_token if given else config.get(WEBHOOK_CONFIG_KEY)
        try:
            check_settings(token, max_body_size, "secret_token" if given else WEBHOOK_CONFIG_KEY)
        except InvalidParameterError as error:
            raise RuntimeError(str(error)) from None
        assert isinstance(token, str)  # noqa: S101 - check_settings made sure
        tokens["secret"] = token

    blueprint.record_once(configure)

    @blueprint.post(rule)
    def receive() -> tuple[Response, int]:
        length = request.content_length
        if length is not None and length > max_body_size:
            outcome = too_large(max_body_size)
        else:
            outcome = handle_webhook(
                request.headers,
                request.get_data(),
                secret_token=tokens["secret"],
                tolerance=tolerance,
                max_body_size=max_body_size,
            )
        if outcome.event is not None:
            handler(outcome.event)
        return jsonify(dict(outcome.body)), outcome.status

    return blueprint
