"""What every webhook integration does around :func:`zoomsig.webhook.endpoint.handle_webhook`.

One :class:`Receiver` per route, made at start-up (every setting checked then: the secret
token or several tokens, the ``authentication=`` of an event subscription set to Basic auth,
OAuth or a custom header): it decides the answer to a request, logs each refusal with its
reason on the ``zoomsig.webhook`` logger (never the secret, never the body), reports a 401
to the ``on_error`` hook, answers a duplicate delivery 200 without the handler, and runs the
handler so that a failure lets Zoom's retry run it again. The integrations (Django,
FastAPI, Flask, ASGI, WSGI) only read the request and write the response.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Awaitable, Mapping
from types import MappingProxyType
from typing import Callable, Generic, Optional, TypeVar, Union, cast

from typing_extensions import Required, TypedDict, Unpack

from zoomsig import InvalidParameterError, InvalidWebhookError
from zoomsig.webhook import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    Authentication,
    DeliveryGuard,
    DeliveryStore,
    SecretTokens,
    WebhookEvent,
    check_authentication,
)
from zoomsig.webhook.endpoint import (
    UNAUTHORIZED,
    WebhookOutcome,
    check_webhook_settings,
    handle_webhook,
    too_large,
)

__all__ = [
    "DUPLICATE",
    "LOGGER",
    "Deliveries",
    "OnError",
    "PathMiddleware",
    "Receiver",
    "WebhookOptions",
    "WebhookSettings",
    "as_authentication",
    "as_delivery_guard",
    "frozen_tokens",
    "is_async_handler",
    "json_body",
    "same_path",
]

LOGGER = logging.getLogger("zoomsig.webhook")
"""Where the integrations log each refused request (WARNING) and each duplicate (INFO)."""

DUPLICATE: Mapping[str, str] = MappingProxyType({"status": "duplicate"})
"""The body of the 200 that answers a duplicate delivery (the handler did not run)."""

OnError = Callable[[InvalidWebhookError], None]
"""The ``on_error`` hook: called with the reason of every request answered 401."""
Deliveries = Union[DeliveryGuard, DeliveryStore, None]
"""What ``deliveries=`` takes: a guard, a store (guarded with the default expiry), or none."""


def as_delivery_guard(deliveries: object) -> Optional[DeliveryGuard]:
    """The guard of ``deliveries=``; ``None`` for no guard.

    Raises:
        InvalidParameterError: naming ``deliveries``.
    """
    if deliveries is None or isinstance(deliveries, DeliveryGuard):
        return deliveries
    if isinstance(deliveries, DeliveryStore):
        return DeliveryGuard(deliveries)
    raise InvalidParameterError(
        "deliveries",
        f"expected a DeliveryGuard, a DeliveryStore or None, got {type(deliveries).__name__}",
    )


def as_authentication(
    authentication: object, parameter: str = "authentication"
) -> Optional[Authentication]:
    """``authentication=`` checked at start-up: ``None``, or a function of the headers.

    Raises:
        InvalidParameterError: naming ``parameter``.
    """
    if inspect.iscoroutinefunction(authentication):
        raise InvalidParameterError(
            parameter, "is an async function: the check must answer True or False at once"
        )
    if authentication is None or callable(authentication):
        return cast("Optional[Authentication]", authentication)
    raise InvalidParameterError(
        parameter,
        "expected BasicAuth, BearerToken, CustomHeader, a function of the request headers "
        f"that returns a bool, or None; got {type(authentication).__name__}",
    )


def frozen_tokens(secret_token: SecretTokens) -> SecretTokens:
    """A copy of checked secret tokens that the caller's list or dict cannot change."""
    if isinstance(secret_token, str):
        return secret_token
    if isinstance(secret_token, Mapping):
        return MappingProxyType(dict(secret_token))
    return tuple(secret_token)


def is_async_handler(handler: object) -> bool:
    """Whether calling ``handler`` returns a coroutine: an ``async def`` function, a partial
    of one, or an object whose ``__call__`` is one."""
    return inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(
        getattr(handler, "__call__", None)  # noqa: B004 - the method, not callable()
    )


def same_path(given: str, path: str) -> bool:
    """Whether the request's path ``given`` is ``path``, with or without a trailing slash."""
    return given.rstrip("/") == path.rstrip("/")


def json_body(body: object) -> bytes:
    """An answer's JSON bytes (compact, as the frameworks' JSON responses)."""
    return json.dumps(body, separators=(",", ":")).encode()


class Receiver:
    """A webhook route's settings, checked now, and what it does with each request.

    Args:
        secret_token: The Secret Token, or several (a list or tuple, for rotation; a dict of
            names to tokens): checked now, ``parameter`` names it in errors; the event's
            :attr:`~zoomsig.WebhookEvent.secret_id` says which one verified it.
        tolerance: The replay window in seconds.
        max_body_size: The body cap in bytes.
        deliveries: A :class:`~zoomsig.webhook.DeliveryGuard` or store, or ``None``.
        on_error: Called with the :class:`~zoomsig.InvalidWebhookError` of each 401.
        authentication: The event subscription's other credential
            (:class:`~zoomsig.webhook.BasicAuth`, :class:`~zoomsig.webhook.BearerToken`,
            :class:`~zoomsig.webhook.CustomHeader` or a function of the headers), checked
            on every request before the signature; ``None`` for none.
        parameter: How errors name ``secret_token``.

    Raises:
        InvalidParameterError: a setting cannot work.
    """

    def __init__(
        self,
        *,
        secret_token: object,
        tolerance: int = DEFAULT_TOLERANCE,
        max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
        deliveries: object = None,
        on_error: Optional[OnError] = None,
        authentication: Optional[Authentication] = None,
        parameter: str = "secret_token",
    ) -> None:
        check_webhook_settings(
            secret_token, tolerance=tolerance, max_body_size=max_body_size, parameter=parameter
        )
        if on_error is not None and not callable(on_error):
            raise InvalidParameterError("on_error", "expected a function of the error, or None")
        self.authentication = as_authentication(authentication)
        self.secret_token: SecretTokens = frozen_tokens(secret_token)  # type: ignore[arg-type]
        self.tolerance = tolerance
        self.max_body_size = max_body_size
        self.deliveries = as_delivery_guard(deliveries)
        self.on_error = on_error

    def decide(self, headers: object, body: Optional[bytes]) -> WebhookOutcome:
        """The answer to a request; ``body`` is ``None`` when it was over the cap.

        An outcome with an ``event`` is a first delivery: run the handler with
        :meth:`run` or :meth:`run_async` (which release the claim if it fails).
        """
        if body is None:
            LOGGER.warning(
                "zoomsig: webhook refused (413): the body is over %d bytes", self.max_body_size
            )
            return too_large(self.max_body_size)
        refused = self._unauthenticated(headers)
        if refused is not None:
            return refused
        outcome = handle_webhook(
            headers,  # type: ignore[arg-type]  # handle_webhook refuses what is not headers
            body,
            secret_token=self.secret_token,
            tolerance=self.tolerance,
            max_body_size=self.max_body_size,
        )
        if outcome.error is not None:
            self._refused(outcome.error)
        elif outcome.status == 400:
            LOGGER.warning("zoomsig: webhook refused (400): a URL validation without a plainToken")
        elif outcome.event is not None and not self._first(outcome.event):
            return WebhookOutcome(200, DUPLICATE)
        return outcome

    def _unauthenticated(self, headers: object) -> Optional[WebhookOutcome]:
        """The 401 of a request without the subscription's credential; ``None`` if it has it
        (or no ``authentication`` is set)."""
        if self.authentication is None:
            return None
        try:
            check_authentication(headers, self.authentication)  # type: ignore[arg-type]
        except InvalidWebhookError as error:
            self._refused(error)
            return WebhookOutcome(401, UNAUTHORIZED, error=error)
        return None

    def _refused(self, error: InvalidWebhookError) -> None:
        LOGGER.warning("zoomsig: webhook refused (401): %s", error)
        if self.on_error is None:
            return
        try:
            self.on_error(error)
        except Exception:  # the 401 stands; the hook's failure is the server's to see
            LOGGER.exception("zoomsig: the webhook on_error hook raised")

    def _first(self, event: WebhookEvent) -> bool:
        if self.deliveries is None or self.deliveries.claim(event):
            return True
        LOGGER.info(
            "zoomsig: duplicate delivery of %s (event_ts %s) answered 200; the handler did "
            "not run again",
            event.event,
            event.event_ts,
        )
        return False

    def release(self, event: WebhookEvent) -> None:
        """Forget ``event``'s delivery (its handler failed), so that Zoom's retry runs it."""
        if self.deliveries is not None:
            self.deliveries.release(event)

    def run(self, handler: Callable[[WebhookEvent], object], event: WebhookEvent) -> None:
        """Call a synchronous ``handler``; release the delivery if it raises.

        Raises:
            TypeError: ``handler`` returned an awaitable (an ``async`` handler where a
                synchronous one is called): never awaited, the event would be lost.
        """
        try:
            result = handler(event)
        except BaseException:
            self.release(event)
            raise
        if inspect.isawaitable(result):
            self.release(event)
            if inspect.iscoroutine(result):
                result.close()  # no "coroutine was never awaited" warning on top of this
            raise TypeError(
                "zoomsig: the webhook handler returned an awaitable, which this integration "
                "cannot await: the event was not handled (answered 500, so Zoom retries)"
            )

    async def run_async(
        self, handler: Callable[[WebhookEvent], object], event: WebhookEvent
    ) -> None:
        """Call ``handler`` and await what it returns, if awaitable; release if it raises."""
        try:
            result = handler(event)
            if inspect.isawaitable(result):
                await _awaited(result)
        except BaseException:
            self.release(event)
            raise


async def _awaited(result: Awaitable[object]) -> None:
    await result


class WebhookOptions(TypedDict, total=False):
    """The settings every webhook route takes, as keywords (see :class:`WebhookSettings`)."""

    secret_token: Required[SecretTokens]
    tolerance: int
    max_body_size: int
    deliveries: Deliveries
    on_error: Optional[OnError]
    authentication: Optional[Authentication]


class WebhookSettings:
    """A webhook route's settings, checked now, and its :class:`Receiver`: what
    ``ZoomWebhook`` (FastAPI) and the ASGI and WSGI middleware take, and document."""

    def __init__(
        self,
        *,
        secret_token: SecretTokens,
        tolerance: int = DEFAULT_TOLERANCE,
        max_body_size: int = MAX_WEBHOOK_BODY_SIZE,
        deliveries: Deliveries = None,
        on_error: Optional[OnError] = None,
        authentication: Optional[Authentication] = None,
    ) -> None:
        self._receiver = Receiver(
            secret_token=secret_token,
            tolerance=tolerance,
            max_body_size=max_body_size,
            deliveries=deliveries,
            on_error=on_error,
            authentication=authentication,
        )
        self.max_body_size: int = max_body_size


A = TypeVar("A")


class PathMiddleware(WebhookSettings, Generic[A]):
    """A middleware around ``app`` that answers Zoom webhooks posted to ``path`` (with or
    without a trailing slash); the other settings are :class:`WebhookSettings`'."""

    def __init__(
        self, app: A, *, path: str = "/zoom/webhook", **settings: Unpack[WebhookOptions]
    ) -> None:
        super().__init__(**settings)
        self.app = app
        self.path = path

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r})"

    def handles(self, path: str) -> bool:
        """Whether a request for ``path`` is the webhook's."""
        return same_path(path, self.path)
