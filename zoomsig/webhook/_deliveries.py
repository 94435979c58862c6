"""Duplicate deliveries: an idempotency guard over a store the caller passes.

Zoom retries a delivery that was not answered 2xx within about 3 seconds, 5, 20 and 60
minutes after the previous attempt, and signs every attempt afresh (a new
``x-zm-request-timestamp``, so a new ``x-zm-signature``). The signature and the timestamp
therefore cannot tell a retry from a new event; the event itself can. The key is made from
what every attempt of one event carries alike: the event name, its ``event_ts`` (when the
event happened, in milliseconds) and its ``payload``, read as JSON (so a retry whose bytes
differ only in key order or spacing is still the same delivery). Fields beside ``payload``
are left out: ``recording.completed`` carries a ``download_token`` there that Zoom renews.

Nothing here does I/O except through the store, and the clock of :class:`MemoryDeliveryStore`
is a parameter.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from typing import Callable, Optional

from typing_extensions import Protocol, runtime_checkable

from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import describe
from zoomsig.webhook._core import WebhookEvent

__all__ = [
    "DEFAULT_DELIVERY_TTL",
    "DeliveryGuard",
    "DeliveryStore",
    "MemoryDeliveryStore",
    "delivery_key",
]

DEFAULT_DELIVERY_TTL = 86400
"""How long (seconds) a delivery is remembered: a day.

Zoom's last retry comes 85 minutes after the first attempt (5 + 20 + 60), and a replay is
accepted for ``tolerance`` seconds (300 by default) after it was signed; a day covers both
with room for deliveries Zoom itself sends late.
"""

KEY_PREFIX = "zoomsig:webhook:"
"""The prefix of every key :func:`delivery_key` makes (a namespace in a shared store)."""


@runtime_checkable
class DeliveryStore(Protocol):
    """Where a :class:`DeliveryGuard` remembers the deliveries it has seen.

    Implemented by :class:`MemoryDeliveryStore` (one process),
    ``zoomsig.contrib.django.CacheDeliveryStore`` (Django's cache framework) and
    ``zoomsig.contrib.redis.RedisDeliveryStore`` (Redis), for many workers.
    """

    def add(self, key: str, ttl: int) -> bool:
        """Record ``key`` for ``ttl`` seconds if it is absent, atomically.

        Returns ``True`` when it was absent (the first delivery), ``False`` when it is
        there (a duplicate).
        """
        ...  # pragma: no cover - a protocol

    def discard(self, key: str) -> None:
        """Forget ``key`` (the handler failed: let Zoom's retry run it again)."""
        ...  # pragma: no cover - a protocol


class MemoryDeliveryStore:
    """A :class:`DeliveryStore` in this process's memory: thread-safe and bounded.

    For one process only: workers of a server (gunicorn, uvicorn ``--workers``) each have
    their own, and a retry may reach another one. Use Django's cache or Redis there.

    Args:
        max_entries: At most this many keys are kept; the oldest go first.
        clock: Seconds of a monotonic clock (:func:`time.monotonic` by default).
    """

    def __init__(
        self, *, max_entries: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._max_entries = _positive_int(max_entries, "max_entries")
        self._clock = clock
        self._expiries: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many keys are remembered (expired ones included until the next ``add``)."""
        return len(self._expiries)

    def add(self, key: str, ttl: int) -> bool:
        """Record ``key`` for ``ttl`` seconds unless it is there and not expired."""
        now = self._clock()
        with self._lock:
            self._forget_expired(now)
            expiry = self._expiries.get(key)
            if expiry is not None and expiry > now:
                return False
            self._expiries.pop(key, None)
            self._expiries[key] = now + ttl
            while len(self._expiries) > self._max_entries:
                self._expiries.popitem(last=False)
            return True

    def discard(self, key: str) -> None:
        """Forget ``key``."""
        with self._lock:
            self._expiries.pop(key, None)

    def _forget_expired(self, now: float) -> None:
        """Drop expired keys from the oldest on (insertion order: with one ``ttl``, expiry
        order too; a key that outlives an older one waits for it, or for the bound)."""
        while self._expiries:
            key, expiry = next(iter(self._expiries.items()))
            if expiry > now:
                return
            del self._expiries[key]


def _positive_int(value: object, parameter: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidParameterError(parameter, f"expected a positive int, got {describe(value)}")
    return value


def delivery_key(event: WebhookEvent) -> str:
    """The key of ``event``'s delivery: the same for every attempt Zoom makes of it.

    ``"zoomsig:webhook:"`` and the SHA-256 (hex) of the event name, ``event_ts`` and
    ``payload`` as canonical JSON (sorted keys, compact, ASCII). Pass your own function as
    ``DeliveryGuard(key=...)`` to key on something else (such as the payload's ``uuid``).
    """
    identity = json.dumps(
        [event.event, event.event_ts, dict(event.payload)],
        sort_keys=True,
        separators=(",", ":"),
    )
    return KEY_PREFIX + hashlib.sha256(identity.encode("ascii")).hexdigest()


class DeliveryGuard:
    """Run a webhook handler once per delivery, however many times Zoom sends it.

    Claim an event before handling it: :meth:`claim` is ``True`` for its first delivery
    (handle it) and ``False`` for a duplicate (answer 200 and do nothing). If the handler
    fails, :meth:`release` it, so that Zoom's retry (which follows a non-2xx answer) runs
    it again. A URL-validation challenge is never a duplicate.

    Args:
        store: A :class:`DeliveryStore`; a new :class:`MemoryDeliveryStore` if ``None``.
        ttl: How long (seconds) a delivery is remembered.
        key: The key of an event's delivery (:func:`delivery_key`).

    Raises:
        InvalidParameterError: ``store`` is not a store, ``ttl`` not a positive int.
    """

    def __init__(
        self,
        store: Optional[DeliveryStore] = None,
        *,
        ttl: int = DEFAULT_DELIVERY_TTL,
        key: Callable[[WebhookEvent], str] = delivery_key,
    ) -> None:
        if store is not None and not isinstance(store, DeliveryStore):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise InvalidParameterError(
                "store",
                f"expected a DeliveryStore (add(key, ttl) and discard(key)), "
                f"got {type(store).__name__}",
            )
        self.ttl: int = _positive_int(ttl, "ttl")
        self.store: DeliveryStore = store if store is not None else MemoryDeliveryStore()
        self._key = key

    def __repr__(self) -> str:
        return f"DeliveryGuard({type(self.store).__name__}, ttl={self.ttl})"

    def claim(self, event: WebhookEvent) -> bool:
        """``True`` for the first delivery of ``event`` (now remembered), ``False`` for a
        duplicate."""
        if event.is_url_validation:
            return True
        return self.store.add(self._key(event), self.ttl)

    def release(self, event: WebhookEvent) -> None:
        """Forget ``event``'s delivery, so that its next attempt is handled."""
        if not event.is_url_validation:
            self.store.discard(self._key(event))
