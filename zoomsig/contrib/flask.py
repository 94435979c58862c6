"""Flask integration (``pip install "zoomsig[flask]"``).

Signature endpoints: :func:`meeting_sdk_blueprint` and :func:`video_sdk_blueprint` make a
:class:`flask.Blueprint` with one ``POST`` route that answers as
:func:`zoomsig.endpoint.meeting_sdk_response` / :func:`~zoomsig.endpoint.video_sdk_response`
do. The credentials are checked when the blueprint is made, so a broken secret stops the
app at start-up, never at the first request.

Webhooks
--------
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

from collections.abc import Mapping
from typing import Callable, Optional, Union, cast

from flask import Blueprint, Response, jsonify, request
from flask.blueprints import BlueprintSetupState

from zoomsig._enums import CredentialType
from zoomsig._errors import InvalidParameterError
from zoomsig.endpoint import (
    MAX_BODY_SIZE,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    check_meeting_sdk_credentials,
    check_video_sdk_credentials,
    meeting_sdk_response,
    too_large_response,
    video_sdk_response,
)
from zoomsig.webhook import DEFAULT_TOLERANCE, MAX_WEBHOOK_BODY_SIZE, WebhookEvent
from zoomsig.webhook._endpoint import check_settings, handle_webhook, too_large

__all__ = ["meeting_sdk_blueprint", "video_sdk_blueprint", "webhook_blueprint"]

# --------------------------------------------------------------------------------------
# Signature endpoints (Meeting SDK / Video SDK auth endpoints)
# --------------------------------------------------------------------------------------

MeetingPolicySource = Union[MeetingSdkPolicy, Callable[[], MeetingSdkPolicy], None]
VideoPolicySource = Union[VideoSdkPolicy, Callable[[], VideoSdkPolicy], None]


def _read_body(max_body_size: int) -> Optional[bytes]:
    """The body, read at most one byte past the cap; ``None`` if it is over the cap."""
    length = request.content_length
    if length is not None and length > max_body_size:
        return None
    raw = request.stream.read(max_body_size + 1)
    return None if len(raw) > max_body_size else raw


def _to_flask(response: EndpointResponse) -> Response:
    result = jsonify(response.to_dict())
    result.status_code = response.status
    return result


def meeting_sdk_blueprint(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: MeetingPolicySource = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    name: str = "zoomsig_meeting_sdk",
    rule: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
) -> Blueprint:
    """A blueprint serving the Meeting SDK signature endpoint: ``POST rule``.

    Args:
        sdk_key: The Meeting SDK app's Client ID.
        sdk_secret: Its Client secret; checked here, never in a response.
        policy: A :class:`~zoomsig.endpoint.MeetingSdkPolicy`, or a function called in each
            request (``flask.request``, ``flask.g`` and your login are available in it) that
            returns one. Participant signatures only when ``None``.
        credential_type: Where the key comes from.
        name: The blueprint's name.
        rule: The URL rule inside the blueprint (register it with ``url_prefix``).
        max_body_size: Bodies larger than this many bytes get 413.

    Raises:
        InvalidParameterError: The key or secret cannot sign (at start-up).
    """
    check_meeting_sdk_credentials(
        sdk_key=sdk_key, sdk_secret=sdk_secret, credential_type=credential_type
    )
    blueprint = Blueprint(name, __name__)

    @blueprint.post(rule)
    def meeting_sdk_signature() -> Response:
        raw = _read_body(max_body_size)
        if raw is None:
            return _to_flask(too_large_response(max_body_size))
        chosen = policy() if callable(policy) else policy
        return _to_flask(
            meeting_sdk_response(
                raw,
                sdk_key=sdk_key,
                sdk_secret=sdk_secret,
                policy=chosen,
                content_type=request.content_type or "",
                max_body_size=max_body_size,
                credential_type=credential_type,
            )
        )

    return blueprint


def video_sdk_blueprint(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: VideoPolicySource = None,
    name: str = "zoomsig_video_sdk",
    rule: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
) -> Blueprint:
    """A blueprint serving the Video SDK signature endpoint: ``POST rule``.

    Same arguments as :func:`meeting_sdk_blueprint`, with a
    :class:`~zoomsig.endpoint.VideoSdkPolicy`.

    Raises:
        InvalidParameterError: The key or secret cannot sign (at start-up).
    """
    check_video_sdk_credentials(sdk_key=sdk_key, sdk_secret=sdk_secret)
    blueprint = Blueprint(name, __name__)

    @blueprint.post(rule)
    def video_sdk_signature() -> Response:
        raw = _read_body(max_body_size)
        if raw is None:
            return _to_flask(too_large_response(max_body_size))
        chosen = policy() if callable(policy) else policy
        return _to_flask(
            video_sdk_response(
                raw,
                sdk_key=sdk_key,
                sdk_secret=sdk_secret,
                policy=chosen,
                content_type=request.content_type or "",
                max_body_size=max_body_size,
            )
        )

    return blueprint


# --------------------------------------------------------------------------------------
# Webhooks
# --------------------------------------------------------------------------------------
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
