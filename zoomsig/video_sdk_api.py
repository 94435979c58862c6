"""``sign_video_sdk_api``: the Video SDK REST API token (``{iss, iat, exp}``).

A Video SDK account has two pairs of credentials on the same page: the **SDK** key and
secret sign the tokens the SDKs join with (:func:`zoomsig.sign_video_sdk`), the **API** key
and secret sign the token that calls the Video SDK REST API (``api.zoom.us/v2/videosdk``).
The two secrets differ; a token signed with the wrong one is refused with "Invalid access
token" (REST API) or an invalid-signature join error (SDK).
"""

from __future__ import annotations

import math

from zoomsig import _jws
from zoomsig._errors import InvalidParameterError
from zoomsig._params import check_clock_skew, check_key, check_secret
from zoomsig._registry import MAX_LIFETIME
from zoomsig._secrecy import describe
from zoomsig._time import Now, resolve_now

__all__ = ["MIN_API_LIFETIME", "sign_video_sdk_api"]

MIN_API_LIFETIME = 60
"""Shortest lifetime :func:`sign_video_sdk_api` makes (zoomsig's bound: Zoom states none;
under a minute leaves no room for a request to arrive)."""


def _check_api_lifetime(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidParameterError(
            "expires_in", f"expected an int number of seconds, got {describe(value)}"
        )
    if not MIN_API_LIFETIME <= value <= MAX_LIFETIME:
        raise InvalidParameterError(
            "expires_in",
            f"expected {MIN_API_LIFETIME} to {MAX_LIFETIME} (48 hours) seconds, got "
            f"{describe(value)}",
        )
    return value


def sign_video_sdk_api(
    *,
    api_key: str,
    api_secret: str,
    expires_in: int = 1800,
    now: Now = None,
    clock_skew: int = 30,
) -> str:
    """Make a Video SDK REST API token: ``{"iss": api_key, "iat": …, "exp": …}``, HS256.

    Sent as ``Authorization: Bearer <token>`` to the Video SDK REST API. Signed with the
    Video SDK **API** secret, not the SDK secret (those sign the tokens the SDKs join with).

    Args:
        api_key: The Video SDK API key (not the SDK key).
        api_secret: The Video SDK API secret (not the SDK secret). Never logged or shown.
        expires_in: Seconds from ``iat`` to ``exp``, 60 to 172800; 30 minutes by default.
        now: ``None`` reads the clock once; else a Unix time or an aware datetime.
        clock_skew: Seconds to backdate ``iat`` by (0 to 300).

    Returns:
        The whole ``header.payload.signature`` token.

    Raises:
        InvalidParameterError: An argument cannot make a token Zoom accepts.

    >>> from zoomsig import TokenKind, decode_and_validate, sign_video_sdk_api
    >>> token = sign_video_sdk_api(api_key="API_KEY", api_secret="A" * 32, now=1763900000)
    >>> report = decode_and_validate(token, secret="A" * 32, now=1763900000,
    ...     expect=TokenKind.VIDEO_SDK_API)
    >>> report.kind.value, report.ok, sorted(report.claims)
    ('VIDEO_SDK_API', True, ['exp', 'iat', 'iss'])
    """
    key = check_key(api_key, "api_key")
    secret = check_secret(api_secret, "api_secret")
    lifetime = _check_api_lifetime(expires_in)
    skew = check_clock_skew(clock_skew)
    iat = math.floor(resolve_now(now)) - skew
    return _jws.sign({"iss": key, "iat": iat, "exp": iat + lifetime}, secret, "api_secret")
