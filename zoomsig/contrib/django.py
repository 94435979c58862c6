"""Django integration.

# Webhooks
:func:`webhook_view` makes a view that receives Zoom webhooks::

    # urls.py
    from zoomsig.contrib.django import webhook_view

    def on_event(event):  # a zoomsig.WebhookEvent, already verified
        ...

    urlpatterns = [path("zoom/webhook/", webhook_view(on_event))]

The secret token comes from ``settings.ZOOM_WEBHOOK_SECRET_TOKEN`` (read once, when the
view is made) unless ``secret_token=`` is given.
"""

# Django ships no type information: strict mode's "unknown type" reports say nothing here.
# pyright: reportMissingTypeStubs=false, reportUnknownMemberType=false
# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false
# pyright: reportArgumentType=false, reportUnnecessaryComparison=false

from __future__ import annotations

# Webhooks
from typing import Callable, Optional, cast

from django.core.exceptions import ImproperlyConfigured, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from zoomsig._errors import InvalidParameterError
from zoomsig.webhook import DEFAULT_TOLERANCE, MAX_WEBHOOK_BODY_SIZE, WebhookEvent
from zoomsig.webhook._endpoint import check_settings, handle_webhook, too_large

__all__ = ["webhook_view"]

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
        check_settings(token, max_body_size, "secret_token" if secret_token else WEBHOOK_SETTING)
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
