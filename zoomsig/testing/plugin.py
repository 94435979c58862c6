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
- ``zoom_now``: the Unix time of the clock your service reads (the real one, or the one
  freezegun / time-machine froze before the test asked for it), so that tokens made at it
  are fresh for a check that reads the clock itself. For reproducible tokens pass a fixed
  time such as :data:`~zoomsig.testing.FAKE_NOW` as ``now=`` to the signer *and* the check.
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
from zoomsig._time import resolve_now  # noqa: E402
from zoomsig.testing._credentials import FakeCredentials, fake_credentials  # noqa: E402

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
    """Now, by the clock your service reads: make the tokens of a test at this time.

    The real clock, or a frozen one when freezegun or time-machine froze ``time.time``
    before this fixture was set up. A service that checks tokens against its own clock
    then sees them as fresh, so a test that it rejects a broken token fails when the
    service lets the mistake through, not because the token expired. A fixed time
    (:data:`~zoomsig.testing.FAKE_NOW`) only works when the check takes the same ``now=``.
    """
    return int(resolve_now(None))
