"""Flask integration (``pip install "zoomsig[flask]"``).

Signature endpoints: :func:`meeting_sdk_blueprint` and :func:`video_sdk_blueprint` make a
:class:`flask.Blueprint` with one ``POST`` route that answers as
:func:`zoomsig.endpoint.meeting_sdk_response` / :func:`~zoomsig.endpoint.video_sdk_response`
do. Every argument (key, secret, policy, body cap) is checked when the blueprint is made, so
a broken secret stops the app at start-up, never at the first request; the one start-up
error is :class:`~zoomsig.InvalidParameterError` naming the argument or config key.

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

Both kinds of route read at most ``max_body_size + 1`` bytes of a body, chunked ones (no
``Content-Length``) included, and answer a larger one with the same 413,
``{"errors": [{"property": "$body", "reason": …}]}``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping
from typing import Callable, Optional, TypeVar, Union, cast

from flask import Blueprint, Response, current_app, jsonify, request
from flask.blueprints import BlueprintSetupState

from zoomsig import CredentialType, InvalidParameterError
from zoomsig.contrib._settings import (
    Responder,
    cobrowse_sdk_responder,
    meeting_sdk_responder,
    video_sdk_responder,
)
from zoomsig.contrib._webhooks import (
    Deliveries,
    OnError,
    Receiver,
    as_authentication,
    as_delivery_guard,
)
from zoomsig.endpoint import (
    MAX_BODY_SIZE,
    CobrowseSdkPolicy,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    too_large_response,
)
from zoomsig.webhook import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    Authentication,
    SecretTokens,
    WebhookEvent,
)
from zoomsig.webhook.endpoint import check_webhook_limits

__all__ = [
    "cobrowse_sdk_blueprint",
    "meeting_sdk_blueprint",
    "video_sdk_blueprint",
    "webhook_blueprint",
]

P = TypeVar("P", MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy)
MeetingPolicySource = Union[MeetingSdkPolicy, Callable[[], MeetingSdkPolicy], None]
VideoPolicySource = Union[VideoSdkPolicy, Callable[[], VideoSdkPolicy], None]
CobrowsePolicySource = Union[CobrowseSdkPolicy, Callable[[], CobrowseSdkPolicy], None]


def _read_body(max_body_size: int) -> Optional[bytes]:
    """The body, read at most one byte past the cap; ``None`` if it is over the cap.

    Werkzeug's ``request.stream`` ends at ``Content-Length``, or, for a chunked body, where
    the server ends it; never ``request.get_data()``, which reads it all.
    """
    length = request.content_length
    if length is not None and length > max_body_size:
        return None
    raw = request.stream.read(max_body_size + 1)
    return None if len(raw) > max_body_size else raw


def _to_flask(response: EndpointResponse) -> Response:
    result = jsonify(response.to_dict())
    result.status_code = response.status
    return result


# --------------------------------------------------------------------------------------
# Signature endpoints (Meeting SDK / Video SDK auth endpoints)
# --------------------------------------------------------------------------------------


def _signature_blueprint(
    respond: Responder[P],
    policy: Union[P, Callable[[], P], None],
    max_body_size: int,
    *,
    name: str,
    rule: str,
    endpoint: str,
) -> Blueprint:
    blueprint = Blueprint(name, __name__)

    def signature() -> Response:
        raw = _read_body(max_body_size)
        if raw is None:
            return _to_flask(too_large_response(max_body_size))
        chosen = policy() if callable(policy) else policy
        return _to_flask(respond(raw, policy=chosen, content_type=request.content_type or ""))

    blueprint.add_url_rule(rule, endpoint=endpoint, view_func=signature, methods=["POST"])
    return blueprint


def meeting_sdk_blueprint(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: MeetingPolicySource = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    name: str = "zoomsig_meeting_sdk",
    rule: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
    include_sdk_key: Optional[bool] = None,
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
        include_sdk_key: Whether signatures carry the deprecated ``sdkKey`` claim (see
            :attr:`~zoomsig.endpoint.MeetingSdkPolicy.include_sdk_key`; ``None``: the
            policy's choice, by default none in Web SDK signatures).

    Raises:
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = meeting_sdk_responder(
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        policy=policy,
        credential_type=credential_type,
        max_body_size=max_body_size,
        include_sdk_key=include_sdk_key,
    )
    return _signature_blueprint(
        respond, policy, max_body_size, name=name, rule=rule, endpoint="meeting_sdk_signature"
    )


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
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = video_sdk_responder(
        sdk_key=sdk_key, sdk_secret=sdk_secret, policy=policy, max_body_size=max_body_size
    )
    return _signature_blueprint(
        respond, policy, max_body_size, name=name, rule=rule, endpoint="video_sdk_signature"
    )


def cobrowse_sdk_blueprint(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: CobrowsePolicySource = None,
    name: str = "zoomsig_cobrowse_sdk",
    rule: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
) -> Blueprint:
    """A blueprint serving the Cobrowse SDK token endpoint: ``POST rule`` answers
    ``{"token": …}`` as Zoom's Cobrowse auth endpoint sample does.

    Same arguments as :func:`meeting_sdk_blueprint`, with a
    :class:`~zoomsig.endpoint.CobrowseSdkPolicy` (customer tokens only when ``None``).

    Raises:
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = cobrowse_sdk_responder(
        sdk_key=sdk_key, sdk_secret=sdk_secret, policy=policy, max_body_size=max_body_size
    )
    return _signature_blueprint(
        respond, policy, max_body_size, name=name, rule=rule, endpoint="cobrowse_sdk_token"
    )


# --------------------------------------------------------------------------------------
# Webhooks
# --------------------------------------------------------------------------------------
WEBHOOK_CONFIG_KEY = "ZOOM_WEBHOOK_SECRET_TOKEN"


def webhook_blueprint(
    handler: Callable[[WebhookEvent], Union[Awaitable[None], None]],
    *,
    secret_token: Optional[SecretTokens] = None,
    rule: str = "/webhook",
    name: str = "zoomsig_webhook",
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
    deliveries: Deliveries = None,
    on_error: Optional[OnError] = None,
    authentication: Optional[Authentication] = None,
) -> Blueprint:
    """A blueprint with one POST route, ``rule``, that verifies Zoom webhooks.

    Reads at most ``max_body_size + 1`` bytes of the raw body (never ``request.json``
    re-serialised), answers URL validation, 401 with no detail to a bad signature or a
    stale timestamp, 413 to a body over ``max_body_size`` bytes (the signature endpoint's
    413), and calls ``handler(event)`` with every other verified event before answering 200
    (an ``async def`` handler through ``app.ensure_sync``, as Flask runs async views:
    ``pip install "flask[async]"``).

    Args:
        secret_token: The Secret Token, or several (a list or tuple while you rotate it, a
            dict of names to tokens: ``event.secret_id`` says which one matched);
            ``app.config["ZOOM_WEBHOOK_SECRET_TOKEN"]`` (the same forms) if ``None``.
        deliveries: A :class:`~zoomsig.webhook.DeliveryGuard` or store: a duplicate
            delivery is answered 200 without calling ``handler``.
        on_error: Called with the :class:`~zoomsig.InvalidWebhookError` of each request
            answered 401 (each is also logged on the ``zoomsig.webhook`` logger).
        authentication: For an event subscription set to Basic auth, OAuth or a custom
            header: :class:`~zoomsig.webhook.BasicAuth`,
            :class:`~zoomsig.webhook.BearerToken`, :class:`~zoomsig.webhook.CustomHeader`
            or a function of the headers; a request without it is answered 401.

    Raises:
        InvalidParameterError: here, for a ``secret_token``, ``tolerance``,
            ``max_body_size``, ``deliveries`` or ``on_error`` that cannot work; at
            registration, when neither ``secret_token`` nor a usable
            ``app.config["ZOOM_WEBHOOK_SECRET_TOKEN"]`` is there.
    """
    check_webhook_limits(tolerance=tolerance, max_body_size=max_body_size)
    settings = {
        "tolerance": tolerance,
        "max_body_size": max_body_size,
        "deliveries": as_delivery_guard(deliveries),
        "on_error": on_error,
        "authentication": as_authentication(authentication),
    }
    receivers: list[Receiver] = []
    if secret_token is not None:
        receivers.append(Receiver(secret_token=secret_token, **settings))  # type: ignore[arg-type]
    blueprint = Blueprint(name, __name__)

    def configure(state: BlueprintSetupState) -> None:
        if secret_token is not None:
            return
        config = cast("Mapping[str, object]", state.app.config)
        token = config.get(WEBHOOK_CONFIG_KEY)
        if token is None:
            raise InvalidParameterError(WEBHOOK_CONFIG_KEY, "is not set in app.config")
        receivers.append(Receiver(secret_token=token, parameter=WEBHOOK_CONFIG_KEY, **settings))  # type: ignore[arg-type]

    blueprint.record_once(configure)

    @blueprint.post(rule)
    def receive() -> tuple[Response, int]:
        receiver = receivers[0]
        outcome = receiver.decide(request.headers, _read_body(max_body_size))
        if outcome.event is not None:
            receiver.run(current_app.ensure_sync(handler), outcome.event)
        return jsonify(dict(outcome.body)), outcome.status

    return blueprint
