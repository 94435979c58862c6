"""``sign_legacy_web_sdk``: the pre-2.7.0 Web SDK signature ``key.mn.ts.role.hash``.

Web SDK 2.7.0 and later reject this format, and Zoom's quarterly minimum SDK versions are
far above 2.7.0: no SDK that Zoom still lets connect accepts it, and
:func:`~zoomsig.decode_and_validate` reports every legacy signature as an error
(``LEGACY_FORMAT``). It is here for old deployments and tests only: so that pasted legacy code
can be checked against a reference.
"""

from __future__ import annotations

import base64
import math
from typing import Union

from zoomsig import _jws
from zoomsig._enums import CredentialType, LegacyEncoding, Role
from zoomsig._errors import InvalidParameterError
from zoomsig._params import (
    check_credential,
    check_key,
    check_meeting_number,
    check_role,
    check_secret,
)
from zoomsig._time import Now, resolve_now

__all__ = ["LEGACY_BACKDATE_MS", "sign_legacy_web_sdk"]

LEGACY_BACKDATE_MS = 30000
"""The legacy samples backdated the millisecond timestamp by 30 seconds."""


def sign_legacy_web_sdk(
    *,
    api_key: str,
    api_secret: str,
    meeting_number: Union[int, str],
    role: Union[Role, int],
    now: Now = None,
    credential_type: CredentialType = CredentialType.JWT_APP,
    encoding: LegacyEncoding = LegacyEncoding.URL_SAFE,
) -> str:
    """Make a legacy Web SDK signature as Zoom's pre-2.7.0 samples did (for old deployments
    and tests only: no SDK Zoom still lets connect accepts it).

    ``timestamp`` is the time in milliseconds minus 30000; the hash is the standard-base64
    HMAC-SHA256 of ``base64(api_key + meeting_number + timestamp + role)``; the signature is
    the base64 of ``api_key.meeting_number.timestamp.role.hash``.

    Args:
        api_key: The JWT app's API key.
        api_secret: The JWT app's API secret. Never logged, never in an error.
        meeting_number: An int or a str of 9 to 12 digits.
        role: :attr:`Role.PARTICIPANT` (0) or :attr:`Role.HOST` (1).
        now: ``None`` reads the clock once; else a Unix time (seconds) or an aware datetime.
        credential_type: Only :attr:`CredentialType.JWT_APP` made legacy signatures; for
            Meeting SDK credentials use :func:`sign_meeting_sdk`.
        encoding: :attr:`LegacyEncoding.URL_SAFE` (default; no ``=``) or
            :attr:`LegacyEncoding.STANDARD` (``=`` padding, as Zoom's Node.js sample).

    Raises:
        InvalidParameterError: An argument cannot make a valid legacy signature.
        UnsupportedCredentialError: ``credential_type`` is not ``JWT_APP``.
    """
    check_credential(
        credential_type, "credential_type", (CredentialType.JWT_APP,), "legacy Web SDK signature"
    )
    try:
        dialect = LegacyEncoding(encoding)
    except ValueError:
        raise InvalidParameterError(
            "encoding", "expected LegacyEncoding.URL_SAFE or LegacyEncoding.STANDARD"
        ) from None
    key = check_key(api_key, "api_key")
    secret = check_secret(api_secret, "api_secret")
    mn = check_meeting_number(meeting_number)
    checked_role = int(check_role(role))
    # round() first: 1763900000.123 * 1000 is 1763900000122.9998 in binary floating point.
    timestamp = math.floor(round(resolve_now(now) * 1000, 3)) - LEGACY_BACKDATE_MS
    message = base64.b64encode(f"{key}{mn}{timestamp}{checked_role}".encode())
    digest = base64.b64encode(_jws.mac(secret, message, "api_secret")).decode("ascii")
    outer = base64.b64encode(f"{key}.{mn}.{timestamp}.{checked_role}.{digest}".encode())
    if dialect is LegacyEncoding.URL_SAFE:
        outer = outer.translate(bytes.maketrans(b"+/", b"-_")).rstrip(b"=")
    return outer.decode("ascii")
