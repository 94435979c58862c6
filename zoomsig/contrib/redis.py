"""A Redis store for the duplicate-delivery guard (``pip install "zoomsig[redis]"``).

Every worker that shares the Redis server sees the same deliveries::

    from zoomsig.contrib.redis import RedisDeliveryStore
    from zoomsig.webhook import DeliveryGuard

    deliveries = DeliveryGuard(RedisDeliveryStore.from_url("redis://localhost:6379/0"))

then ``deliveries=deliveries`` in any integration. One delivery is one key, ``SET key 1 NX EX
ttl``: atomic, so of two workers that receive the same delivery at once, one runs the
handler.
"""

from __future__ import annotations

from typing import Any, Optional

from typing_extensions import Protocol

__all__ = ["RedisClient", "RedisDeliveryStore"]


class RedisClient(Protocol):
    """What the store needs of a client: ``redis.Redis`` (or a cluster client)."""

    def set(self, name: str, value: str, *, nx: bool, ex: int) -> Any: ...  # pragma: no cover

    def delete(self, *names: str) -> Any: ...  # pragma: no cover


class RedisDeliveryStore:
    """A :class:`~zoomsig.webhook.DeliveryStore` in Redis.

    Args:
        client: A synchronous client, such as ``redis.Redis(...)``; its errors (the server
            is down) propagate, so the request is answered 500 and Zoom retries it.
    """

    def __init__(self, client: RedisClient) -> None:
        self.client = client

    def __repr__(self) -> str:
        return "RedisDeliveryStore(...)"  # the client's repr may hold a password

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisDeliveryStore:
        """A store over ``redis.Redis.from_url(url, **options)``."""
        import redis  # noqa: PLC0415 - the optional extra, imported when it is used

        client: Any = redis.Redis.from_url(url, **options)  # pyright: ignore[reportUnknownMemberType]
        return cls(client)

    def add(self, key: str, ttl: int) -> bool:
        """``SET key 1 NX EX ttl``: ``True`` if the key was absent."""
        answer: Optional[object] = self.client.set(key, "1", nx=True, ex=ttl)
        return bool(answer)

    def discard(self, key: str) -> None:
        """``DEL key``."""
        self.client.delete(key)
