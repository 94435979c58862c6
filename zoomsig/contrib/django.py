"""Django integration (``pip install "zoomsig[django]"``).

Signature endpoints
-------------------
:func:`meeting_sdk_view` and :func:`video_sdk_view` make views that answer as
:func:`zoomsig.endpoint.meeting_sdk_response` / :func:`~zoomsig.endpoint.video_sdk_response`:

.. code-block:: python

    # urls.py
    from django.urls import path
    from zoomsig.contrib.django import meeting_sdk_view

    urlpatterns = [path("zoom/signature", meeting_sdk_view())]

Settings (read when the view is made, i.e. when the URLconf is imported):

- ``ZOOM_SDK_KEY``, ``ZOOM_SDK_SECRET``: the Meeting SDK app's Client ID and secret;
- ``ZOOM_VIDEO_SDK_KEY``, ``ZOOM_VIDEO_SDK_SECRET``: the Video SDK key and secret.

Add ``"zoomsig.contrib.django.ZoomSigConfig"`` to ``INSTALLED_APPS`` and the settings are
checked by ``django.setup()``, before any request: a missing or broken key or secret raises
:class:`~django.core.exceptions.ImproperlyConfigured` naming the setting (never its value).

Methods and CSRF: the views answer ``POST`` only (405 with ``Allow: POST`` otherwise) and
are exempt from Django's CSRF check, because they change nothing on the server and accept
only ``Content-Type: application/json`` (415 otherwise), which a page on another site cannot
send without a CORS preflight that this view does not answer. Require a login in front of
them as the rest of your site does, and decide the role with ``policy=``.

Webhooks
--------
:func:`webhook_view` makes a view that receives Zoom webhooks::

    # urls.py
    from zoomsig.contrib.django import webhook_view

    def on_event(event):  # a zoomsig.WebhookEvent, already verified
        ...

    urlpatterns = [path("zoom/webhook/", webhook_view(on_event))]

The secret token comes from ``settings.ZOOM_WEBHOOK_SECRET_TOKEN`` (read once, when the
view is made) unless ``secret_token=`` is given.
"""

from __future__ import annotations

# pyright: reportMissingTypeStubs=false, reportUnknownMemberType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false
# pyright: reportArgumentType=false, reportUnnecessaryComparison=false
from typing import Any, Callable, Optional, Union, cast

import django.conf
from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

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
from zoomsig.webhook._endpoint import check_settings as check_webhook_settings
from zoomsig.webhook._endpoint import handle_webhook, too_large

__all__ = ["ZoomSigConfig", "check_settings", "meeting_sdk_view", "video_sdk_view", "webhook_view"]

# --------------------------------------------------------------------------------------
# Signature endpoints (Meeting SDK / Video SDK auth endpoints)
# --------------------------------------------------------------------------------------

MEETING_SDK_SETTINGS = ("ZOOM_SDK_KEY", "ZOOM_SDK_SECRET")
VIDEO_SDK_SETTINGS = ("ZOOM_VIDEO_SDK_KEY", "ZOOM_VIDEO_SDK_SECRET")

View = Callable[[HttpRequest], HttpResponse]
MeetingPolicySource = Union[MeetingSdkPolicy, Callable[[HttpRequest], MeetingSdkPolicy], None]
VideoPolicySource = Union[VideoSdkPolicy, Callable[[HttpRequest], VideoSdkPolicy], None]


def _setting(name: str, given: Optional[str]) -> str:
    if given is not None:
        return given
    value: Any = getattr(django.conf.settings, name, None)
    if value is None or value == "":
        raise ImproperlyConfigured(f"zoomsig: set {name} in your Django settings")
    if not isinstance(value, str):
        raise ImproperlyConfigured(f"zoomsig: {name} must be a str, not {type(value).__name__}")
    return value


def _improperly_configured(
    exc: InvalidParameterError, key_setting: str, secret_setting: str
) -> ImproperlyConfigured:
    setting = {"sdk_key": key_setting, "sdk_secret": secret_setting}.get(exc.parameter)
    where = setting or exc.parameter
    return ImproperlyConfigured(f"zoomsig: {where}: {exc.reason}")


def _read_body(request: HttpRequest, max_body_size: int) -> Optional[bytes]:
    """The body, read at most one byte past the cap; ``None`` if it is over the cap."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > max_body_size:
        return None
    raw = request.read(max_body_size + 1)
    return None if len(raw) > max_body_size else raw


def _to_django(response: EndpointResponse) -> JsonResponse:
    return JsonResponse(response.to_dict(), status=response.status)


def meeting_sdk_view(
    *,
    sdk_key: Optional[str] = None,
    sdk_secret: Optional[str] = None,
    policy: MeetingPolicySource = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    max_body_size: int = MAX_BODY_SIZE,
) -> View:
    """A view serving the Meeting SDK signature endpoint.

    Args:
        sdk_key: The Client ID; ``settings.ZOOM_SDK_KEY`` when ``None``.
        sdk_secret: The Client secret; ``settings.ZOOM_SDK_SECRET`` when ``None``.
        policy: A :class:`~zoomsig.endpoint.MeetingSdkPolicy`, or a function of the request
            (``request.user`` is there) that returns one. Participant signatures only when
            ``None``.
        credential_type: Where the key comes from.
        max_body_size: Bodies larger than this many bytes get 413, unread.

    Raises:
        ImproperlyConfigured: The settings are missing or cannot sign.
    """
    key = _setting(MEETING_SDK_SETTINGS[0], sdk_key)
    secret = _setting(MEETING_SDK_SETTINGS[1], sdk_secret)
    try:
        check_meeting_sdk_credentials(
            sdk_key=key, sdk_secret=secret, credential_type=credential_type
        )
    except InvalidParameterError as exc:
        raise _improperly_configured(exc, *MEETING_SDK_SETTINGS) from None

    @csrf_exempt
    @require_POST
    def meeting_sdk_signature(request: HttpRequest) -> HttpResponse:
        raw = _read_body(request, max_body_size)
        if raw is None:
            return _to_django(too_large_response(max_body_size))
        chosen = policy(request) if callable(policy) else policy
        return _to_django(
            meeting_sdk_response(
                raw,
                sdk_key=key,
                sdk_secret=secret,
                policy=chosen,
                content_type=request.META.get("CONTENT_TYPE", ""),
                max_body_size=max_body_size,
                credential_type=credential_type,
            )
        )

    return meeting_sdk_signature


def video_sdk_view(
    *,
    sdk_key: Optional[str] = None,
    sdk_secret: Optional[str] = None,
    policy: VideoPolicySource = None,
    max_body_size: int = MAX_BODY_SIZE,
) -> View:
    """A view serving the Video SDK signature endpoint.

    Same arguments as :func:`meeting_sdk_view`; the settings are ``ZOOM_VIDEO_SDK_KEY``
    and ``ZOOM_VIDEO_SDK_SECRET``.

    Raises:
        ImproperlyConfigured: The settings are missing or cannot sign.
    """
    key = _setting(VIDEO_SDK_SETTINGS[0], sdk_key)
    secret = _setting(VIDEO_SDK_SETTINGS[1], sdk_secret)
    try:
        check_video_sdk_credentials(sdk_key=key, sdk_secret=secret)
    except InvalidParameterError as exc:
        raise _improperly_configured(exc, *VIDEO_SDK_SETTINGS) from None

    @csrf_exempt
    @require_POST
    def video_sdk_signature(request: HttpRequest) -> HttpResponse:
        raw = _read_body(request, max_body_size)
        if raw is None:
            return _to_django(too_large_response(max_body_size))
        chosen = policy(request) if callable(policy) else policy
        return _to_django(
            video_sdk_response(
                raw,
                sdk_key=key,
                sdk_secret=secret,
                policy=chosen,
                content_type=request.META.get("CONTENT_TYPE", ""),
                max_body_size=max_body_size,
            )
        )

    return video_sdk_signature


def check_settings() -> None:
    """Check every zoomsig setting pair that is set; at least one pair must be.

    Raises:
        ImproperlyConfigured: A pair is half set, or its credentials cannot sign.
    """
    checked = 0
    for (key_name, secret_name), check in (
        (MEETING_SDK_SETTINGS, meeting_sdk_view),
        (VIDEO_SDK_SETTINGS, video_sdk_view),
    ):
        if (
            getattr(django.conf.settings, key_name, None) is None
            and getattr(django.conf.settings, secret_name, None) is None
        ):
            continue
        check()  # reads both settings, raises ImproperlyConfigured
        checked += 1
    if not checked:
        raise ImproperlyConfigured(
            "zoomsig: set ZOOM_SDK_KEY and ZOOM_SDK_SECRET (Meeting SDK) or "
            "ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET (Video SDK) in your Django settings"
        )


class ZoomSigConfig(AppConfig):
    """Checks the zoomsig settings once, when Django starts (``django.setup()``)."""

    name: str = "zoomsig.contrib.django"
    label: str = "zoomsig"

    def ready(self) -> None:
        check_settings()


# --------------------------------------------------------------------------------------
# Webhooks
# --------------------------------------------------------------------------------------
WEBHOOK_SETTING = "ZOOM_WEBHOOK_SECRET_TOKEN"


def webhook_view(
    handler: Callable[[WebhookEvent], None],
    *,
    secret_token: Optional[str] = None,
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
) -> Callable[[HttpRequest], HttpResponse]:
    """A CSRF-exempt, POST-only view that verifies Zoom webhooks and calls ``handler``.

    Reads the raw ``request.body`` (never re-serialised JSON), answers URL validation,
    answers 401 with no detail to a bad signature or a stale timestamp, 413 to a body over
    ``max_body_size`` bytes, and calls ``handler(event)`` with every other verified event
    before answering 200.

    Raises:
        ImproperlyConfigured: no ``secret_token`` and no usable
            ``settings.ZOOM_WEBHOOK_SECRET_TOKEN``.
    """
    # Imported here: a module-level ``settings`` (a lazy object) breaks doctest collection
    # and any tool that inspects this module before Django is configured.
    from django.conf import settings  # noqa: PLC0415

    token = secret_token if secret_token is not None else getattr(settings, WEBHOOK_SETTING, None)
    try:
        check_webhook_settings(
            token, max_body_size, "secret_token" if secret_token else WEBHOOK_SETTING
        )
    except InvalidParameterError as error:
        raise ImproperlyConfigured(str(error)) from None
    assert isinstance(token, str)  # noqa: S101 - check_settings made sure

    def view(request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdigit() and int(length) > max_body_size:
            outcome = too_large(max_body_size)
        else:
            try:
                body = request.body
            except RequestDataTooBig:
                outcome = too_large(max_body_size)
            else:
                outcome = handle_webhook(
                    request.headers,
                    body,
                    secret_token=token,
                    tolerance=tolerance,
                    max_body_size=max_body_size,
                )
        if outcome.event is not None:
            handler(outcome.event)
        return JsonResponse(dict(outcome.body), status=outcome.status)

    # Zoom cannot send a CSRF token; the signature is what authenticates the request.
    return cast("Callable[[HttpRequest], HttpResponse]", csrf_exempt(view))
