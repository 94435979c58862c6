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

A view checks every argument and every setting it uses when it is made: a key or secret
set to what cannot work (surrounding whitespace, not a str…), a policy or a body cap that
cannot work raises :class:`~django.core.exceptions.ImproperlyConfigured` naming the
setting, never its value, so ``runserver``, ``check`` and ``migrate``, which import the
URLconf, stop before any request. A setting that is *missing* (not set, or set to an empty
string) waits instead, as Django's own ``SECRET_KEY`` does: the view is made when it is
first called, so a build step without secrets (``migrate``, ``collectstatic`` in a Docker
build) runs, and until the setting is there every request is answered with the endpoint's
500 (``$server``), and the error Django logs for it (logger ``django.request``) names the
setting.

Add ``"zoomsig.contrib.django.ZoomSigConfig"`` to ``INSTALLED_APPS`` and ``manage.py
check`` also reports the settings through Django's system checks: :func:`check_settings`
gives errors for a value that cannot work and a warning for a pair that is half set;
:func:`check_routed_views` a warning for each routed view whose settings are missing, an
error under ``manage.py check --deploy``. Nothing is required: a webhook-only project sets
only ``ZOOM_WEBHOOK_SECRET_TOKEN``.

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

    urlpatterns = [path("zoom/webhook", webhook_view(on_event))]

No trailing slash, as the URL entered in Zoom's Marketplace: under ``APPEND_SLASH`` a POST
without the slash to a route with one is redirected (301), losing the body. An ``async
def`` handler makes an async view.

The secret token comes from ``settings.ZOOM_WEBHOOK_SECRET_TOKEN`` (read once, when the
view is made, or when it is first called if the setting is missing then) unless
``secret_token=`` is given.
"""

from __future__ import annotations

# pyright: reportMissingTypeStubs=false, reportUnknownMemberType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false
# pyright: reportArgumentType=false, reportUnnecessaryComparison=false
import inspect
from collections.abc import Awaitable, Iterator, Mapping, Sequence
from functools import partial
from types import MappingProxyType
from typing import Any, Callable, Optional, TypeVar, Union, cast

import django.conf
from asgiref.sync import sync_to_async
from django.apps import AppConfig
from django.core import checks
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import URLResolver, get_resolver
from django.utils.log import log_response
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zoomsig import CredentialType, InvalidParameterError
from zoomsig.contrib._settings import (
    Responder,
    cobrowse_sdk_responder,
    meeting_sdk_responder,
    video_sdk_responder,
)
from zoomsig.contrib._webhooks import Deliveries, OnError, Receiver, is_async_handler
from zoomsig.endpoint import (
    MAX_BODY_SIZE,
    CobrowseSdkPolicy,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    check_cobrowse_sdk_credentials,
    check_meeting_sdk_credentials,
    check_video_sdk_credentials,
    meeting_sdk_response,
    too_large_response,
)
from zoomsig.webhook import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    Authentication,
    SecretTokens,
    WebhookEvent,
)
from zoomsig.webhook.endpoint import WebhookOutcome, check_webhook_settings

__all__ = [
    "CacheDeliveryStore",
    "ZoomSigConfig",
    "check_routed_views",
    "check_settings",
    "cobrowse_sdk_view",
    "meeting_sdk_view",
    "video_sdk_view",
    "webhook_view",
]

MEETING_SDK_SETTINGS = ("ZOOM_SDK_KEY", "ZOOM_SDK_SECRET")
VIDEO_SDK_SETTINGS = ("ZOOM_VIDEO_SDK_KEY", "ZOOM_VIDEO_SDK_SECRET")
COBROWSE_SDK_SETTINGS = ("ZOOM_COBROWSE_SDK_KEY", "ZOOM_COBROWSE_SDK_SECRET")
WEBHOOK_SETTING = "ZOOM_WEBHOOK_SECRET_TOKEN"

_STAND_INS: Mapping[str, str] = MappingProxyType(
    {
        "ZOOM_SDK_KEY": "zoomsigStandInKey",
        "ZOOM_SDK_SECRET": "zoomsig-stand-in-secret-0123456789",
        "ZOOM_VIDEO_SDK_KEY": "zoomsigStandInKey",
        "ZOOM_VIDEO_SDK_SECRET": "zoomsig-stand-in-secret-0123456789",
        "ZOOM_COBROWSE_SDK_KEY": "zoomsigStandInKey",
        "ZOOM_COBROWSE_SDK_SECRET": "zoomsig-stand-in-secret-0123456789",
        WEBHOOK_SETTING: "zoomsigStandInToken012",
    }
)
"""Valid values put in place of a missing setting when a view is made, so that its arguments
and its other settings are checked then; that view is thrown away, it never answers."""

_SERVER_ERROR = meeting_sdk_response(
    b"{}", sdk_key="", sdk_secret="", content_type="application/json"
)
"""The endpoint's own 500 (``$server``) when the server's credentials are missing."""

_READS = "zoomsig_settings"
"""The attribute that marks a zoomsig view: the settings it reads (see check_routed_views)."""

View = Callable[[HttpRequest], HttpResponse]
P = TypeVar("P", MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy)
S = TypeVar("S")  # a setting's type: str, or SecretTokens for the webhook's token(s)
MeetingPolicySource = Union[MeetingSdkPolicy, Callable[[HttpRequest], MeetingSdkPolicy], None]
VideoPolicySource = Union[VideoSdkPolicy, Callable[[HttpRequest], VideoSdkPolicy], None]
CobrowsePolicySource = Union[CobrowseSdkPolicy, Callable[[HttpRequest], CobrowseSdkPolicy], None]


# --------------------------------------------------------------------------------------
# Settings: read when a view is made; reported by the system checks
# --------------------------------------------------------------------------------------


def _kinds(name: str) -> str:
    """What the setting ``name`` may hold, as its messages say it."""
    return "a str, or a list, tuple or dict of str" if name == WEBHOOK_SETTING else "a str"


def _typed_value(name: str, value: object) -> bool:
    """Whether ``value`` has a type the setting ``name`` takes (the webhook token's: one
    token or several, for rotation)."""
    if name == WEBHOOK_SETTING:
        return isinstance(value, (str, list, tuple, Mapping))
    return isinstance(value, str)


def _missing(name: str, value: object) -> Optional[str]:
    """Why the setting ``name`` holds no usable value, or ``None`` when its type is right."""
    if value is None:
        return f"{name} is not set"
    if not _typed_value(name, value):
        return f"{name} must be {_kinds(name)}, not {type(value).__name__}"
    if value == "":
        return f"{name} is set to an empty string"
    return None


def _absent(value: object) -> bool:
    """Whether a setting is missing: not set, or set to an empty string."""
    return value is None or (isinstance(value, str) and not value)


def _absent_settings(names: Sequence[str]) -> list[str]:
    return [name for name in names if _absent(getattr(django.conf.settings, name, None))]


def _setting(name: str, given: Optional[S], stand_in: bool = False) -> S:
    """``given``, else the setting ``name`` (its stand-in if it is missing and ``stand_in``)."""
    if given is not None:
        return given
    value: Any = getattr(django.conf.settings, name, None)
    if stand_in and _absent(value):
        return cast("S", _STAND_INS[name])
    problem = _missing(name, value)
    if problem is not None:
        raise ImproperlyConfigured(f"zoomsig: {problem} in your Django settings")
    return cast("S", value)


def _improperly_configured(
    exc: InvalidParameterError, settings: Mapping[str, str]
) -> ImproperlyConfigured:
    """The error of a view factory: the setting a value came from, and the reason."""
    return ImproperlyConfigured(
        f"zoomsig: {settings.get(exc.parameter, exc.parameter)}: {exc.reason}"
    )


def _pair_names(
    given: tuple[Optional[str], Optional[str]], names: tuple[str, str]
) -> dict[str, str]:
    """How errors name sdk_key/sdk_secret: the setting each was read from, or the argument."""
    return {
        parameter: parameter if value is not None else name
        for parameter, value, name in zip(("sdk_key", "sdk_secret"), given, names)
    }


def check_settings(
    app_configs: Optional[Sequence[object]] = None, **kwargs: object
) -> list[checks.CheckMessage]:
    """The system check of zoomsig's settings, registered by :class:`ZoomSigConfig`.

    ``manage.py check`` (and ``runserver``, ``migrate``, the test runner) show:

    - ``zoomsig.E001``: a setting is not a str;
    - ``zoomsig.E002``: a key and secret pair is set, but cannot sign (surrounding
      whitespace, a key that is not a Client ID…);
    - ``zoomsig.E003``: ``ZOOM_WEBHOOK_SECRET_TOKEN`` is set, but cannot be Zoom's token;
    - ``zoomsig.W001``: a pair is half set: one of the two is set, the other not or to an
      empty string.

    A pair (or the webhook token) that is not set at all, or set to empty strings, is not
    reported here: nothing is required, and :func:`check_routed_views` names the views that
    need it. Messages name the setting, never its value.
    """
    messages: list[checks.CheckMessage] = []
    for names, check in (
        (MEETING_SDK_SETTINGS, check_meeting_sdk_credentials),
        (VIDEO_SDK_SETTINGS, check_video_sdk_credentials),
        (COBROWSE_SDK_SETTINGS, check_cobrowse_sdk_credentials),
    ):
        messages += _check_pair(names, check)
    messages += _check_webhook_setting()
    return messages


def _typed(names: Sequence[str]) -> tuple[list[checks.CheckMessage], list[object]]:
    """E001 for each setting that is neither unset nor a str, and the values."""
    values: list[object] = [getattr(django.conf.settings, name, None) for name in names]
    errors: list[checks.CheckMessage] = [
        checks.Error(
            f"zoomsig: {name} must be {_kinds(name)}, not {type(value).__name__}",
            id="zoomsig.E001",
        )
        for name, value in zip(names, values)
        if value is not None and not _typed_value(name, value)
    ]
    return errors, values


def _check_pair(names: tuple[str, str], check: Callable[..., None]) -> list[checks.CheckMessage]:
    errors, (key, secret) = _typed(names)
    if errors:
        return errors
    problems = [_missing(name, value) for name, value in zip(names, (key, secret))]
    if all(problems):
        return []  # not set: nothing to check
    if any(problems):
        set_name = names[0] if problems[1] else names[1]
        return [
            checks.Warning(
                f"zoomsig: {set_name} is set but {next(p for p in problems if p)}",
                hint=f"Set both {names[0]} and {names[1]}, or neither.",
                id="zoomsig.W001",
            )
        ]
    try:
        check(sdk_key=key, sdk_secret=secret)
    except InvalidParameterError as exc:
        return [
            checks.Error(
                str(_improperly_configured(exc, dict(zip(("sdk_key", "sdk_secret"), names)))),
                id="zoomsig.E002",
            )
        ]
    return []


def _check_webhook_setting() -> list[checks.CheckMessage]:
    errors, (token,) = _typed([WEBHOOK_SETTING])
    if errors or token is None or token == "":
        return errors
    try:
        check_webhook_settings(token, parameter=WEBHOOK_SETTING)
    except InvalidParameterError as exc:
        return [checks.Error(f"zoomsig: {exc}", id="zoomsig.E003")]
    return []


def check_routed_views(
    app_configs: Optional[Sequence[object]] = None, *, deploy: bool = False, **kwargs: object
) -> list[checks.CheckMessage]:
    """The system check of the routed zoomsig views, registered by :class:`ZoomSigConfig`.

    A view whose settings are missing when the URLconf is imported answers 500 until they
    are set (see :func:`meeting_sdk_view`). For each such view in the URLconf,
    ``manage.py check`` (and ``migrate``, ``runserver``) shows the warning ``zoomsig.W002``,
    which stops no command, and ``manage.py check --deploy`` the error ``zoomsig.E004``
    as well, which does.
    """
    if not getattr(django.conf.settings, "ROOT_URLCONF", None):
        return []
    level, check_id = (checks.Error, "zoomsig.E004") if deploy else (checks.Warning, "zoomsig.W002")
    try:
        routed = list(_routed_views(get_resolver()))
    except ImproperlyConfigured:
        # A set-but-broken setting stops the URLconf's import (as it should): check_settings
        # names it (zoomsig.E001-E003), and Django's own URL check shows the exception.
        return []
    messages: list[checks.CheckMessage] = []
    for route, view in routed:
        missing = _absent_settings(getattr(view, _READS, ()))
        if missing:
            messages.append(level(_unusable(route, missing), hint=_HINTS[deploy], id=check_id))
    return messages


_HINTS: Mapping[bool, str] = MappingProxyType(
    {
        False: "Set them where the server runs. A build step without secrets (collectstatic, "
        "migrate) can ignore this; `manage.py check --deploy` reports it as zoomsig.E004.",
        True: "Set them in the deployment's environment.",
    }
)


def _check_deployment(
    app_configs: Optional[Sequence[object]] = None, **kwargs: object
) -> list[checks.CheckMessage]:
    return check_routed_views(app_configs, deploy=True)


def _routed_views(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, object]]:
    """Every view of the URLconf, with its route."""
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routed_views(entry, route)
        else:
            yield route, entry.callback


def _unusable(route: str, missing: Sequence[str]) -> str:
    problems = "; ".join(
        cast("str", _missing(name, getattr(django.conf.settings, name, None))) for name in missing
    )
    return f"zoomsig: {problems}: the view at {route!r} answers every request with 500"


class ZoomSigConfig(AppConfig):
    """Registers :func:`check_settings` and :func:`check_routed_views` with Django's system
    checks; raises nothing."""

    name: str = "zoomsig.contrib.django"
    label: str = "zoomsig"

    def ready(self) -> None:
        checks.register(check_settings, "zoomsig")
        checks.register(check_routed_views, "zoomsig", checks.Tags.urls)
        checks.register(_check_deployment, "zoomsig", checks.Tags.urls, deploy=True)


# --------------------------------------------------------------------------------------
# One body reader, one response writer
# --------------------------------------------------------------------------------------


def _read_body(request: HttpRequest, max_body_size: int) -> Optional[bytes]:
    """The body, read at most one byte past the cap; ``None`` if it is over the cap.

    A chunked body (no ``Content-Length``) is read from the server's stream when the server
    terminates it (``wsgi.input_terminated``, as gunicorn does), where Django itself would
    read nothing.
    """
    length_header = request.META.get("CONTENT_LENGTH") or ""
    try:
        length = int(length_header or 0)
    except ValueError:
        length = 0
    if length > max_body_size:
        return None
    stream: Any = request
    if not length_header and request.META.get("wsgi.input_terminated"):
        stream = request.META["wsgi.input"]
    raw = cast("bytes", stream.read(max_body_size + 1))
    return None if len(raw) > max_body_size else raw


def _body_announced(request: HttpRequest) -> bool:
    """Whether the request announced a body (``Transfer-Encoding`` or a ``Content-Length``).

    Django reads a body without ``Content-Length`` as empty unless the server sets
    ``wsgi.input_terminated``; the endpoint answers such a body 400 (``body_sent``) rather
    than as a native (no meeting) request, so no client silently gets a token for no meeting.
    """
    meta = request.META
    return bool(meta.get("HTTP_TRANSFER_ENCODING")) or bool(meta.get("CONTENT_LENGTH"))


def _to_django(response: EndpointResponse) -> JsonResponse:
    return JsonResponse(response.to_dict(), status=response.status)


# --------------------------------------------------------------------------------------
# Signature endpoints (Meeting SDK / Video SDK auth endpoints)
# --------------------------------------------------------------------------------------


def _signature_view(
    respond: Responder[P],
    policy: Union[P, Callable[[HttpRequest], P], None],
    max_body_size: int,
    name: str,
) -> View:
    @csrf_exempt
    @require_POST
    def signature(request: HttpRequest) -> HttpResponse:
        raw = _read_body(request, max_body_size)
        if raw is None:
            return _to_django(too_large_response(max_body_size))
        chosen = policy(request) if callable(policy) else policy
        content_type = request.META.get("CONTENT_TYPE", "")
        answer = respond(
            raw, policy=chosen, content_type=content_type, body_sent=_body_announced(request)
        )
        return _to_django(answer)

    signature.__name__ = signature.__qualname__ = name
    return cast("View", signature)


def _responder(
    make: Callable[..., Responder[P]],
    given: tuple[Optional[str], Optional[str]],
    names: tuple[str, str],
    stand_in: bool,
    **settings: object,
) -> Responder[P]:
    """``make`` with the key and secret given or read from ``names``; errors name them."""
    try:
        return make(
            sdk_key=_setting(names[0], given[0], stand_in),
            sdk_secret=_setting(names[1], given[1], stand_in),
            **settings,
        )
    except InvalidParameterError as exc:
        raise _improperly_configured(exc, _pair_names(given, names)) from None


def _sdk_view(
    make_responder: Callable[..., Responder[P]],
    given: tuple[Optional[str], Optional[str]],
    names: tuple[str, str],
    *,
    policy: Union[P, Callable[[HttpRequest], P], None],
    max_body_size: int,
    name: str,
) -> View:
    """A signature view, made now or, while its key or secret is missing, when called."""

    def make(stand_in: bool) -> View:
        respond = _responder(
            make_responder, given, names, stand_in, policy=policy, max_body_size=max_body_size
        )
        return _signature_view(respond, policy, max_body_size, name)

    return _settings_view(make, names, given)


# --------------------------------------------------------------------------------------
# Views made from settings: now if they are there, when first called if they are missing
# --------------------------------------------------------------------------------------


def _settings_view(
    make: Callable[[bool], View], names: Sequence[str], given: Sequence[object]
) -> View:
    """The view ``make`` returns; while a setting it reads is missing, one that makes it later.

    ``make(stand_in)`` reads the settings (a missing one replaced by its stand-in if
    ``stand_in``) and raises :class:`ImproperlyConfigured` for what cannot work. It runs now
    in any case: arguments, and settings that are set but broken, fail when the URLconf is
    imported; only a missing setting waits, as Django's own ``SECRET_KEY`` does.
    """
    reads = tuple(name for name, value in zip(names, given) if value is None)
    missing = _absent_settings(reads)
    view = make(bool(missing))
    if missing:
        view = _lazy_view(partial(make, False), reads, view.__name__)
    setattr(view, _READS, reads)
    return view


def _lazy_view(make: Callable[[], View], reads: tuple[str, ...], name: str) -> View:
    """A view that makes the real one from the settings ``reads`` when called.

    Made again whenever those settings change (``override_settings``); while one cannot
    work, every request is answered with the endpoint's 500, and the line Django logs for
    it (``django.request``, level ERROR) names the setting, never its value.
    """
    made: list[tuple[tuple[object, ...], View]] = []

    def view(request: HttpRequest) -> HttpResponse:
        values = tuple(getattr(django.conf.settings, setting, None) for setting in reads)
        current = made[0] if made else None
        if current is None or current[0] != values:
            try:
                current = (values, make())
            except ImproperlyConfigured as exc:
                response = _to_django(_SERVER_ERROR)
                message = f"{exc}; the view {name} answered 500".replace("%", "%%")
                log_response(message, response=response, request=request)
                return response
            made[:] = [current]
        return current[1](request)

    view.__name__ = view.__qualname__ = name
    return cast("View", csrf_exempt(view))


def meeting_sdk_view(
    *,
    sdk_key: Optional[str] = None,
    sdk_secret: Optional[str] = None,
    policy: MeetingPolicySource = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    max_body_size: int = MAX_BODY_SIZE,
    include_sdk_key: Optional[bool] = None,
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
        include_sdk_key: Whether signatures carry the deprecated ``sdkKey`` claim (see
            :attr:`~zoomsig.endpoint.MeetingSdkPolicy.include_sdk_key`; ``None``: the
            policy's choice, by default none in Web SDK signatures).

    Raises:
        ImproperlyConfigured: A setting or argument is set to what cannot work. A
            missing setting raises nothing: the view answers 500 until it is set.
    """
    return _sdk_view(
        partial(
            meeting_sdk_responder, credential_type=credential_type, include_sdk_key=include_sdk_key
        ),
        (sdk_key, sdk_secret),
        MEETING_SDK_SETTINGS,
        policy=policy,
        max_body_size=max_body_size,
        name="meeting_sdk_signature",
    )


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
        ImproperlyConfigured: A setting or argument is set to what cannot work. A
            missing setting raises nothing: the view answers 500 until it is set.
    """
    return _sdk_view(
        video_sdk_responder,
        (sdk_key, sdk_secret),
        VIDEO_SDK_SETTINGS,
        policy=policy,
        max_body_size=max_body_size,
        name="video_sdk_signature",
    )


def cobrowse_sdk_view(
    *,
    sdk_key: Optional[str] = None,
    sdk_secret: Optional[str] = None,
    policy: CobrowsePolicySource = None,
    max_body_size: int = MAX_BODY_SIZE,
) -> View:
    """A view serving the Cobrowse SDK token endpoint (``{"token": …}``, as Zoom's Cobrowse
    auth endpoint sample answers).

    Same arguments as :func:`meeting_sdk_view`, with a
    :class:`~zoomsig.endpoint.CobrowseSdkPolicy` (customer tokens only when ``None``); the
    settings are ``ZOOM_COBROWSE_SDK_KEY`` and ``ZOOM_COBROWSE_SDK_SECRET``.

    Raises:
        ImproperlyConfigured: A setting or argument is set to what cannot work. A
            missing setting raises nothing: the view answers 500 until it is set.
    """
    return _sdk_view(
        cobrowse_sdk_responder,
        (sdk_key, sdk_secret),
        COBROWSE_SDK_SETTINGS,
        policy=policy,
        max_body_size=max_body_size,
        name="cobrowse_sdk_token",
    )


# --------------------------------------------------------------------------------------
# Webhooks
# --------------------------------------------------------------------------------------


def webhook_view(
    handler: Callable[[WebhookEvent], Union[Awaitable[None], None]],
    *,
    secret_token: Optional[SecretTokens] = None,
    tolerance: int = DEFAULT_TOLERANCE,
    max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
    deliveries: Deliveries = None,
    on_error: Optional[OnError] = None,
    authentication: Optional[Authentication] = None,
) -> Callable[[HttpRequest], Any]:
    """A CSRF-exempt, POST-only view that verifies Zoom webhooks and calls ``handler``.

    Reads the raw body (never re-serialised JSON), at most ``max_body_size + 1`` bytes of
    it, answers URL validation, answers 401 with no detail to a bad signature or a stale
    timestamp, 413 to a body over ``max_body_size`` bytes (the signature endpoint's 413),
    and calls ``handler(event)`` with every other verified event before answering 200.

    An ``async def`` handler makes an async view (Django runs it natively under ASGI, and
    in a thread under WSGI), which awaits it before answering.

    Args:
        handler: Called (or awaited) with each verified :class:`~zoomsig.WebhookEvent`;
            if it raises, the request gets Django's 500 and Zoom retries it.
        secret_token: The Secret Token, or several (a list or tuple while you rotate it:
            a request signed with any is accepted, and ``event.secret_id`` is the index of
            the one that matched; a dict of names to tokens: its name);
            ``settings.ZOOM_WEBHOOK_SECRET_TOKEN`` (the same forms) if ``None``.
        tolerance: The replay window in seconds.
        max_body_size: The body cap in bytes.
        deliveries: A :class:`~zoomsig.webhook.DeliveryGuard` or a store
            (:class:`CacheDeliveryStore` for Django's cache): a duplicate delivery is
            answered 200 without calling ``handler``.
        on_error: Called with the :class:`~zoomsig.InvalidWebhookError` of each request
            answered 401 (each is also logged on the ``zoomsig.webhook`` logger).
        authentication: For an event subscription set to Basic auth, OAuth or a custom
            header: :class:`~zoomsig.webhook.BasicAuth`,
            :class:`~zoomsig.webhook.BearerToken`, :class:`~zoomsig.webhook.CustomHeader`
            or a function of the headers; a request without it is answered 401.

    While ``settings.ZOOM_WEBHOOK_SECRET_TOKEN`` is missing (and no ``secret_token`` is
    given), the view answers 500, as :func:`meeting_sdk_view` does.

    Raises:
        ImproperlyConfigured: a ``secret_token`` or ``settings.ZOOM_WEBHOOK_SECRET_TOKEN``
            that is set but cannot be Zoom's token, or another argument that cannot work.
    """
    is_async = is_async_handler(handler)

    def make(stand_in: bool) -> View:
        token = _setting(WEBHOOK_SETTING, secret_token, stand_in)
        try:
            receiver = Receiver(
                secret_token=token,
                tolerance=tolerance,
                max_body_size=max_body_size,
                deliveries=deliveries,
                on_error=on_error,
                authentication=authentication,
                parameter="secret_token" if secret_token is not None else WEBHOOK_SETTING,
            )
        except InvalidParameterError as error:
            raise ImproperlyConfigured(f"zoomsig: {error}") from None
        if is_async:
            return _async_webhook_view(handler, receiver)
        return _webhook_view(handler, receiver)

    view = _settings_view(make, (WEBHOOK_SETTING,), (secret_token,))
    if is_async and not inspect.iscoroutinefunction(view):
        view = _awaiting(view)  # the view that waits for the setting: async as well
    return view


def _webhook_outcome(
    request: HttpRequest, receiver: Receiver
) -> Union[WebhookOutcome, HttpResponse]:
    """The outcome of a webhook request; a 405 response for a method other than POST."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return receiver.decide(request.headers, _read_body(request, receiver.max_body_size))


def _webhook_response(outcome: WebhookOutcome) -> HttpResponse:
    return JsonResponse(dict(outcome.body), status=outcome.status)


def _webhook_view(handler: Callable[[WebhookEvent], object], receiver: Receiver) -> View:
    def view(request: HttpRequest) -> HttpResponse:
        outcome = _webhook_outcome(request, receiver)
        if isinstance(outcome, HttpResponse):
            return outcome
        if outcome.event is not None:
            receiver.run(handler, outcome.event)
        return _webhook_response(outcome)

    return _csrf_exempt(view)


def _async_webhook_view(handler: Callable[[WebhookEvent], object], receiver: Receiver) -> View:
    # The store (Django's cache, Redis) is called from a thread: it may block.
    decide = sync_to_async(_webhook_outcome)

    async def view(request: HttpRequest) -> HttpResponse:
        outcome = await decide(request, receiver)
        if isinstance(outcome, HttpResponse):
            return outcome
        if outcome.event is not None:
            await receiver.run_async(handler, outcome.event)
        return _webhook_response(outcome)

    return _csrf_exempt(view)


def _awaiting(view: View) -> View:
    """An async view around ``view``, which returns a response or an awaitable of one."""

    async def awaiting(request: HttpRequest) -> HttpResponse:
        response: Any = view(request)
        return cast("HttpResponse", await response if inspect.isawaitable(response) else response)

    setattr(awaiting, _READS, getattr(view, _READS, ()))
    return _csrf_exempt(awaiting)


def _csrf_exempt(view: Callable[[HttpRequest], Any]) -> View:
    """``view`` named ``zoom_webhook`` and exempt from CSRF (Zoom cannot send a CSRF token;
    the signature is what authenticates the request). Set as ``csrf_exempt`` does, without
    a wrapper, so that an async view stays one on every Django version."""
    view.__name__ = view.__qualname__ = "zoom_webhook"
    view.csrf_exempt = True  # type: ignore[attr-defined]
    return cast("View", view)


class CacheDeliveryStore:
    """A :class:`~zoomsig.webhook.DeliveryStore` in Django's cache framework, for many
    workers: ``cache.add`` (atomic in Redis, Memcached and the database cache; the local
    memory cache is per process).

    Args:
        alias: The cache to use, a key of ``settings.CACHES`` (read at each call, as
            ``django.core.cache.caches[alias]`` gives one connection per thread).
    """

    def __init__(self, alias: str = "default") -> None:
        self.alias = alias

    def __repr__(self) -> str:
        return f"CacheDeliveryStore({self.alias!r})"

    def add(self, key: str, ttl: int) -> bool:
        """``cache.add(key, 1, timeout=ttl)``: ``True`` if the key was absent."""
        return bool(caches[self.alias].add(key, 1, timeout=ttl))

    def discard(self, key: str) -> None:
        """``cache.delete(key)``."""
        caches[self.alias].delete(key)
