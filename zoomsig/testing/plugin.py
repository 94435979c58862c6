"""The zoomsig pytest plugin (``pytest11`` entry point ``zoomsig``): fake Zoom credentials.

Inert unless a test asks for one of its fixtures: it defines no hooks, imports nothing
optional (hypothesis is imported only by :mod:`zoomsig.testing.strategies`), and only
registers zoomsig's testing helpers for pytest's assertion rewriting. Disable it with
``-p no:zoomsig``.

Fixtures (each a :class:`~zoomsig.testing.FakeCredentials`, the same every time):

- ``zoom_meeting_sdk_credentials``, ``zoom_general_app_credentials``: can sign Meeting SDK
  signatures;
- ``zoom_video_sdk_credentials``: can sign Video SDK tokens;
- ``zoom_jwt_app_credentials``, ``zoom_server_to_server_oauth_credentials``,
  ``zoom_oauth_credentials``: the kinds that cannot sign an SDK signature, for tests that
  your service refuses them;
- ``zoom_credentials``: all of them by :class:`~zoomsig.CredentialType`;
- ``zoom_now``: a fixed Unix time (:data:`~zoomsig.testing.FAKE_NOW`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Callable, TypeVar, cast

import pytest

# Before the helpers are imported (zoomsig.testing imports them lazily).
pytest.register_assert_rewrite(
    "zoomsig.testing._assertions", "zoomsig.testing.mistakes", "zoomsig.testing.strategies"
)

from zoomsig._enums import CredentialType  # noqa: E402
from zoomsig.testing._credentials import FAKE_NOW, FakeCredentials, fake_credentials  # noqa: E402

_F = TypeVar("_F", bound=Callable[..., object])


def fixture(function: _F) -> _F:
    """``pytest.fixture``, typed for mypy (which cannot read pytest 9's source for 3.9)."""
    return cast("_F", pytest.fixture(function))


__all__ = [
    "zoom_credentials",
    "zoom_general_app_credentials",
    "zoom_jwt_app_credentials",
    "zoom_meeting_sdk_credentials",
    "zoom_now",
    "zoom_oauth_credentials",
    "zoom_server_to_server_oauth_credentials",
    "zoom_video_sdk_credentials",
]


@fixture
def zoom_meeting_sdk_credentials() -> FakeCredentials:
    """Fake Meeting SDK app credentials (Client ID and secret): they can sign."""
    return fake_credentials(CredentialType.MEETING_SDK)


@fixture
def zoom_general_app_credentials() -> FakeCredentials:
    """Fake General app credentials with Meeting SDK enabled: they can sign."""
    return fake_credentials(CredentialType.GENERAL_APP)


@fixture
def zoom_video_sdk_credentials() -> FakeCredentials:
    """Fake Video SDK credentials: they sign Video SDK tokens, not Meeting SDK ones."""
    return fake_credentials(CredentialType.VIDEO_SDK)


@fixture
def zoom_jwt_app_credentials() -> FakeCredentials:
    """Fake JWT app API key and secret (JWT apps were deactivated in 2023): cannot sign."""
    return fake_credentials(CredentialType.JWT_APP)


@fixture
def zoom_server_to_server_oauth_credentials() -> FakeCredentials:
    """Fake Server-to-Server OAuth Client ID and secret (REST API only): cannot sign."""
    return fake_credentials(CredentialType.SERVER_TO_SERVER_OAUTH)


@fixture
def zoom_oauth_credentials() -> FakeCredentials:
    """Fake OAuth app credentials without Meeting SDK: cannot sign."""
    return fake_credentials(CredentialType.OAUTH)


@fixture
def zoom_credentials() -> Mapping[CredentialType, FakeCredentials]:
    """Fake credentials of every app type, by :class:`~zoomsig.CredentialType`."""
    return MappingProxyType({kind: fake_credentials(kind) for kind in CredentialType})


@fixture
def zoom_now() -> int:
    """A fixed Unix time for reproducible tokens: pass it as ``now=`` to signer and check."""
    return FAKE_NOW
