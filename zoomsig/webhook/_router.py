"""Dispatch verified webhook events to handlers by event name: pure, no I/O."""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from typing import Callable, Optional, TypeVar

from zoomsig._errors import InvalidParameterError
from zoomsig.webhook._core import WebhookEvent

__all__ = ["WebhookRouter"]

EventHandler = Callable[[WebhookEvent], object]
_H = TypeVar("_H", bound=EventHandler)


class WebhookRouter:
    """Calls the handlers registered for a verified event's name.

    A router is itself a handler (``router(event)``), so it goes wherever an integration
    takes one: ``webhook_view(router)``, ``webhook_router(router, …)``,
    ``webhook_blueprint(router)``, or your own code after :func:`~zoomsig.verify_webhook`::

        router = WebhookRouter()

        @router.on("meeting.started", "meeting.ended")
        def on_meeting(event): ...

    Handlers run in the order they were registered; an event with no handler of its own
    goes to the :meth:`fallback` handlers, or to none (Zoom only needs the 200). A handler
    may be ``async def``: then calling the router returns an awaitable that awaits those
    handlers in order, which only an async integration (FastAPI) awaits; register async
    handlers only there.
    """

    def __init__(self) -> None:
        self._routes: dict[str, list[EventHandler]] = {}
        self._fallback: list[EventHandler] = []

    def on(self, *events: str) -> Callable[[_H], _H]:
        """A decorator that registers a handler for each of ``events`` (event names).

        Raises:
            InvalidParameterError: no event name, or one that is not a non-empty str; the
                decorated object is not callable.
        """
        names = _check_events(events)

        def register(handler: _H) -> _H:
            for name in names:
                self._routes.setdefault(name, []).append(_check_handler(handler))
            return handler

        return register

    def fallback(self, handler: _H) -> _H:
        """A decorator that registers a handler for the events no :meth:`on` handler takes."""
        self._fallback.append(_check_handler(handler))
        return handler

    def handlers(self, event: str) -> tuple[EventHandler, ...]:
        """The handlers an event named ``event`` goes to, in order."""
        return tuple(self._routes.get(event) or self._fallback)

    @property
    def events(self) -> frozenset[str]:
        """The event names with a handler of their own."""
        return frozenset(self._routes)

    def __call__(self, event: WebhookEvent) -> Optional[Awaitable[None]]:
        """Run the handlers of ``event``; an awaitable if any of them was ``async``."""
        if not isinstance(event, WebhookEvent):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise InvalidParameterError(
                "event", f"expected the verified WebhookEvent, got {type(event).__name__}"
            )
        pending: list[Awaitable[object]] = []
        for handler in self.handlers(event.event):
            result = handler(event)
            if hasattr(result, "__await__"):
                pending.append(result)  # pyright: ignore[reportArgumentType]
        return _await_all(pending) if pending else None


async def _await_all(pending: Iterable[Awaitable[object]]) -> None:
    for awaitable in pending:
        await awaitable


def _check_events(events: tuple[object, ...]) -> tuple[str, ...]:
    if not events:
        raise InvalidParameterError("events", 'name at least one event, e.g. "meeting.started"')
    for name in events:
        if not isinstance(name, str) or not name.strip():
            raise InvalidParameterError("events", "event names must be non-empty str")
    return events  # type: ignore[return-value]  # pyright: ignore[reportReturnType]


def _check_handler(handler: _H) -> _H:
    if not callable(handler):
        raise InvalidParameterError("handler", f"expected a callable, got {type(handler).__name__}")
    return handler
