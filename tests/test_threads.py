"""Thread safety: no mutable module state, and concurrent calls give single-thread results.

Web backends call the signers from many worker threads at once. zoomsig keeps no state
between calls, so 16 threads doing the same work must get exactly what one thread gets.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import types
from collections.abc import MutableMapping, MutableSequence, MutableSet
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from _support import NOW, SDK_KEY, SDK_SECRET

import zoomsig
from zoomsig import (
    LegacyEncoding,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)

THREADS = 16
OPS_PER_THREAD = 200

# Mutable objects at module level that are constants in practice (never written after
# import). Each entry is module -> names. Prefer MappingProxyType / frozenset / tuple.
ALLOWED_MUTABLE_GLOBALS: dict[str, frozenset[str]] = {}


def zoomsig_modules() -> list[types.ModuleType]:
    """zoomsig and every submodule, imported (``__main__`` would run the CLI: skipped)."""
    modules = [zoomsig]
    for info in pkgutil.walk_packages(zoomsig.__path__, prefix="zoomsig."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def is_mutable(value: object) -> bool:
    if isinstance(value, (types.MappingProxyType, frozenset, tuple, str, bytes)):
        return False
    return isinstance(value, (MutableMapping, MutableSequence, MutableSet, bytearray))


def test_no_mutable_module_state() -> None:
    allowed = {
        id(getattr(importlib.import_module(module), name))
        for module, names in ALLOWED_MUTABLE_GLOBALS.items()
        for name in names
        if hasattr(importlib.import_module(module), name)
    }
    unexpected = sorted(
        f"{module.__name__}.{name}"
        for module in zoomsig_modules()
        for name, value in vars(module).items()
        if not name.startswith("__") and is_mutable(value) and id(value) not in allowed
    )
    assert not unexpected, f"mutable module-level objects: {unexpected}"


def test_no_mutable_default_arguments() -> None:
    """A list or dict default is shared by every call on every thread."""
    offenders = []
    for module in zoomsig_modules():
        for name, value in vars(module).items():
            functions: list[Callable[..., object]] = []
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                functions.append(value)
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                functions.extend(
                    member for member in vars(value).values() if inspect.isfunction(member)
                )
            for function in functions:
                defaults = [
                    *(function.__defaults__ or ()),
                    *(function.__kwdefaults__ or {}).values(),
                ]
                if any(is_mutable(default) for default in defaults):
                    offenders.append(f"{module.__name__}.{name}")
    assert not offenders


def test_module_globals_unchanged_by_calls() -> None:
    """Signing and diagnosing leave every module's globals exactly as they were."""

    def snapshot() -> dict[str, str]:
        return {
            f"{module.__name__}.{name}": repr(value)
            for module in zoomsig_modules()
            for name, value in vars(module).items()
            if is_mutable(value) and not name.startswith("__")
        }

    before = snapshot()
    for index in range(20):
        work(index)
    assert snapshot() == before


def work(index: int) -> tuple[str, ...]:
    """A deterministic mix of every public operation, varied by ``index``."""
    role = index % 2
    meeting = str(100_000_000 + index * 7919)
    secret = SDK_SECRET if index % 3 else SDK_SECRET[::-1]
    now = NOW + index
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=secret,
        meeting_number=meeting,
        role=role,
        now=now,
        expires_in=1800 + index,
    )
    native = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=secret, now=now)
    video = sign_video_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=secret,
        topic=f"session {index}",
        role=role,
        now=now,
        geo_regions=["US", "DE"] if index % 2 else None,
    )
    legacy = sign_legacy_web_sdk(
        api_key=SDK_KEY,
        api_secret=secret,
        meeting_number=meeting,
        role=role,
        now=now,
        encoding=LegacyEncoding.STANDARD if index % 2 else LegacyEncoding.URL_SAFE,
    )
    broken = token.replace("-", "+").replace("_", "/") + "=="
    reports = [
        decode_and_validate(token, secret=SDK_SECRET, meeting_number=meeting, role=role, now=now),
        decode_and_validate(native, secret=secret, now=now + 10_000),
        decode_and_validate(video, secret=secret, topic=f"Session {index}", now=now),
        decode_and_validate(legacy, secret=secret, sdk_key=SDK_KEY, now=now),
        decode_and_validate(broken, secret=SDK_SECRET, now=now),
        decode_and_validate(token[: 20 + index % 50], now=now),
    ]
    return (
        token,
        native,
        video,
        legacy,
        *(json.dumps(report.to_dict(), sort_keys=True) for report in reports),
        *(str(report) for report in reports),
    )


def test_concurrent_calls_match_one_thread() -> None:
    total = THREADS * OPS_PER_THREAD
    expected = [work(index) for index in range(total)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        got = list(pool.map(work, range(total), chunksize=1))
    assert got == expected


def test_concurrent_calls_with_shuffled_order() -> None:
    """Threads start on different inputs at once (reverse order), still the same answers."""
    indices = list(range(THREADS * 20))[::-1]
    expected = {index: work(index) for index in indices}
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        got = dict(zip(indices, pool.map(work, indices)))
    assert got == expected
