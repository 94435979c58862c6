"""A service's own Zoom signer, written with PyJWT the way most backends write it.

zoomsig is not used here: this is the code under test. ``sign_meeting`` is right;
``sign_meeting_v1`` is the old version still used by one client, with the mistakes that
such code often has (``iat`` in milliseconds, no ``role``). The tests in
``test_service.py`` catch them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional

import jwt

LIFETIME = 2 * 60 * 60


@dataclass(frozen=True)
class Settings:
    """Read once at start-up from the environment in the real service."""

    client_id: str
    client_secret: str = field(repr=False)
    app_type: str = "MEETING_SDK"


def sign_meeting(
    settings: Settings, meeting_number: str, role: int, now: Optional[int] = None
) -> str:
    """The Meeting SDK signature for the Web SDK's ``join()``."""
    iat = (int(time.time()) if now is None else now) - 30
    claims = {
        "appKey": settings.client_id,
        "sdkKey": settings.client_id,
        "mn": meeting_number,
        "role": role,
        "iat": iat,
        "exp": iat + LIFETIME,
        "tokenExp": iat + LIFETIME,
    }
    return jwt.encode(claims, settings.client_secret, algorithm="HS256")


def sign_meeting_v1(
    settings: Settings, meeting_number: str, role: int, now: Optional[int] = None
) -> str:
    """The planted mistake: ported from a JavaScript sample, ``Date.now()`` and all."""
    del role  # "the client sends it anyway"
    iat = (int(time.time()) if now is None else now) * 1000  # Date.now(): milliseconds
    claims = {
        "appKey": settings.client_id,
        "mn": meeting_number,
        "iat": iat,
        "exp": iat + LIFETIME * 1000,
        "tokenExp": iat + LIFETIME * 1000,
    }
    return jwt.encode(claims, settings.client_secret, algorithm="HS256")
