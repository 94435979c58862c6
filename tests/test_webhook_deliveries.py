"""The duplicate-delivery guard (zoomsig.webhook.DeliveryGuard) and its stores.

The key is checked against what Zoom does on a retry (the same event, signed afresh with a
new timestamp); the stores against real backends: a redis-server started here on a free
127.0.0.1 port (Debian's ``redis-server``; skipped, saying so, where it is not installed),
and Django's cache framework, its local-memory cache and its Redis cache on that server.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _support import SENTINEL_SECRET

from zoomsig import InvalidParameterError, verify_webhook
from zoomsig.testing.webhooks import signed_webhook_request
from zoomsig.webhook import (
    DEFAULT_DELIVERY_TTL,
    DeliveryGuard,
    DeliveryStore,
    MemoryDeliveryStore,
    WebhookEvent,
    delivery_key,
)

SECRET = SENTINEL_SECRET
NOW = 1763900000
EVENT: dict[str, object] = {
    "event": "meeting.participant_left",
    "payload": {
        "account_id": "AAAAAAAAAAAAAAAAAAAAAA",
        "object": {"uuid": "4444AAAiAAAAAiAAAAAiAA==", "participant": {"user_id": "16778240"}},
    },
    "event_ts": 1763899999750,
}


def received(event: object, timestamp: int = NOW) -> WebhookEvent:
    """``event`` as a receiver gets it: signed at ``timestamp`` and verified then."""
    request = signed_webhook_request(event, secret_token=SECRET, timestamp=timestamp)  # type: ignore[arg-type]
    return verify_webhook(request.headers, request.body, secret_token=SECRET, now=timestamp)


# --- the key ---------------------------------------------------------------------------


def test_a_retry_signed_afresh_is_the_same_delivery() -> None:
    first = received(EVENT)
    retry = received(EVENT, NOW + 5 * 60)  # Zoom's first retry: a new timestamp and signature
    assert first.timestamp != retry.timestamp
    assert delivery_key(first) == delivery_key(retry)
    assert delivery_key(first).startswith("zoomsig:webhook:")


def test_the_key_reads_the_event_not_its_bytes() -> None:
    reordered = json.dumps(dict(reversed(list(EVENT.items())))).encode()  # spaces, key order
    assert delivery_key(received(reordered)) == delivery_key(received(EVENT))
    # recording.completed's download_token (beside payload) is renewed on a retry
    token = received({**EVENT, "download_token": "abc"})
    assert delivery_key(token) == delivery_key(received({**EVENT, "download_token": "xyz"}))


@pytest.mark.parametrize(
    "other",
    [
        {**EVENT, "event_ts": 1763899999751},  # the same change a millisecond later
        {**EVENT, "event": "meeting.participant_joined"},
        {**EVENT, "payload": {"object": {"uuid": "5555AAAiAAAAAiAAAAAiAA=="}}},
    ],
)
def test_another_event_is_another_delivery(other: dict[str, object]) -> None:
    assert delivery_key(received(other)) != delivery_key(received(EVENT))


# --- the guard and the in-memory store --------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_memory_store_remembers_for_ttl_seconds() -> None:
    clock = Clock()
    store = MemoryDeliveryStore(clock=clock)
    assert isinstance(store, DeliveryStore)
    assert store.add("k", 60)
    assert not store.add("k", 60)
    clock.now += 59.5
    assert not store.add("k", 60)
    clock.now += 1
    assert store.add("k", 60)  # expired: a new delivery
    store.discard("k")
    assert store.add("k", 60)


def test_memory_store_is_bounded_and_forgets_the_oldest() -> None:
    clock = Clock()
    store = MemoryDeliveryStore(max_entries=3, clock=clock)
    for key in "abcd":
        assert store.add(key, 60)
    assert len(store) == 3
    assert store.add("a", 60)  # forgotten to keep the bound
    assert not store.add("d", 60)
    clock.now += 61
    assert store.add("e", 60)
    assert len(store) == 1  # the expired ones went on the way


def test_memory_store_lets_one_of_many_threads_claim_a_delivery() -> None:
    store = MemoryDeliveryStore()
    results: list[bool] = []
    barrier = threading.Barrier(16)

    def claim() -> None:
        barrier.wait()
        results.append(store.add("same", 60))

    threads = [threading.Thread(target=claim) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 15 + [True]


def test_guard_claims_once_releases_and_never_holds_a_url_validation() -> None:
    guard = DeliveryGuard()
    assert guard.ttl == DEFAULT_DELIVERY_TTL
    assert isinstance(guard.store, MemoryDeliveryStore)
    event = received(EVENT)
    assert guard.claim(event)
    assert not guard.claim(received(EVENT, NOW + 300))
    guard.release(event)
    assert guard.claim(event)
    challenge = received({"event": "endpoint.url_validation", "payload": {"plainToken": "x"}})
    assert guard.claim(challenge)
    assert guard.claim(challenge)
    guard.release(challenge)
    assert "MemoryDeliveryStore" in repr(guard)


def test_guard_takes_a_key_function() -> None:
    def by_uuid(event: WebhookEvent) -> str:
        return str(event.event) + str(event.payload["object"])

    guard = DeliveryGuard(key=by_uuid, ttl=60)
    assert guard.claim(received(EVENT))
    assert not guard.claim(received({**EVENT, "event_ts": 1}))


@pytest.mark.parametrize(
    ("make", "parameter"),
    [
        (lambda: DeliveryGuard(ttl=0), "ttl"),
        (lambda: DeliveryGuard(ttl=True), "ttl"),
        (lambda: DeliveryGuard(object()), "store"),  # type: ignore[arg-type]
        (lambda: MemoryDeliveryStore(max_entries=0), "max_entries"),
    ],
)
def test_guard_refuses_what_cannot_work(make: Any, parameter: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        make()
    assert info.value.parameter == parameter


# --- Redis: a real server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of its own on 127.0.0.1, no persistence, stopped after the module."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    redis = pytest.importorskip("redis")
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir"]
    server = subprocess.Popen(
        [*command, str(workdir), "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        for _ in range(200):  # up to 10 s for the server to listen
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if server.poll() is not None:
                    pytest.fail(f"redis-server exited with {server.returncode}")
                time.sleep(0.05)
        else:
            pytest.fail("redis-server did not answer PING")
        client.close()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_redis_store_sets_one_key_with_its_expiry(redis_url: str) -> None:
    import redis

    from zoomsig.contrib.redis import RedisDeliveryStore

    store = RedisDeliveryStore.from_url(redis_url)
    assert isinstance(store, DeliveryStore)
    guard = DeliveryGuard(store, ttl=600)
    event = received(EVENT)
    assert guard.claim(event)
    assert not guard.claim(received(EVENT, NOW + 20 * 60))
    client = redis.Redis.from_url(redis_url)
    key = delivery_key(event)
    assert client.get(key) == b"1"
    remaining: Any = client.ttl(key)
    assert 0 < remaining <= 600  # SET NX EX: it expires
    guard.release(event)
    assert client.exists(key) == 0
    assert guard.claim(event)
    assert "127.0.0.1" not in repr(store)
    client.flushdb()
    client.close()


def test_redis_store_lets_one_of_many_workers_claim_a_delivery(redis_url: str) -> None:
    """Workers of their own (one client each, as processes have) receive one delivery."""
    from zoomsig.contrib.redis import RedisDeliveryStore

    guards = [DeliveryGuard(RedisDeliveryStore.from_url(redis_url)) for _ in range(8)]
    event = received({**EVENT, "event_ts": 42})
    results: list[bool] = []
    barrier = threading.Barrier(len(guards))

    def deliver(guard: DeliveryGuard) -> None:
        barrier.wait()
        results.append(guard.claim(event))

    threads = [threading.Thread(target=deliver, args=(guard,)) for guard in guards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


# --- Django's cache framework --------------------------------------------------------------


def test_django_cache_store_over_local_memory_and_redis(redis_url: str) -> None:
    pytest.importorskip("django")
    import _django  # noqa: F401 - configures Django once for this process
    from django.core.cache import caches
    from django.test import override_settings

    from zoomsig.contrib.django import CacheDeliveryStore

    caches_setting = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    with override_settings(CACHES=caches_setting):
        for alias in ("default", "shared"):
            guard = DeliveryGuard(CacheDeliveryStore(alias), ttl=600)
            event = received({**EVENT, "event_ts": 7})
            assert guard.claim(event), alias
            assert not guard.claim(received({**EVENT, "event_ts": 7}, NOW + 60)), alias
            guard.release(event)
            assert guard.claim(event), alias
            assert caches[alias].get(delivery_key(event)) == 1
        caches["shared"].clear()
    assert repr(CacheDeliveryStore("shared")) == "CacheDeliveryStore('shared')"
