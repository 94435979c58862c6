"""The fast path: a Meeting SDK signature with nothing wrong, in the shape the signers make.

Most signatures a service diagnoses have nothing wrong with them: its own, checked in a
test or a health check. For the one shape that ``sign_meeting_sdk`` and Zoom's official
sample make (Zoom's fixed header; the claims ``appKey``, ``mn``, ``role``, ``iat``,
``exp``, ``tokenExp`` and optionally ``sdkKey`` and ``video_webrtc_mode``), and values that
are nowhere near the edge of a rule, :func:`fast_report` shows that the full
diagnosis would report nothing, and returns what that diagnosis returns, without running
the rules one by one.

It only ever answers "no finding". Any doubt (another claim, another type, a value on the
edge of a rule, an escape in the JSON, a run of the secret, an HMAC that does not match)
returns ``None`` and the full diagnosis runs, so that every message still comes from one
place. ``tests/test_fast_path.py`` checks, token by token, that both paths give the same
report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Optional

from zoomsig import _jws
from zoomsig._params import MEETING_NUMBER_DIGITS
from zoomsig._registry import MAX_LIFETIME, MILLISECONDS, MIN_LIFETIME
from zoomsig._secrecy import Redactor
from zoomsig.diagnose._context import Context
from zoomsig.diagnose._decode import MAC_LENGTH, is_canonical_b64, json_object, loose_b64decode
from zoomsig.diagnose._rules_time import EXPIRES_SOON_SECONDS, FUTURE_TOLERANCE
from zoomsig.diagnose._secret import MIN_SECRET_LENGTH

__all__ = ["fast_report"]

_HEADER_B64 = _jws.HEADER_B64.decode("ascii")
_HEADER_TEXT = _jws.HEADER.decode("ascii")
_REQUIRED = frozenset({"appKey", "mn", "role", "iat", "exp", "tokenExp"})
_ALLOWED = _REQUIRED | {"sdkKey", "video_webrtc_mode"}
_SIGNATURE_CHARS = 43  # base64url of a 32-byte HMAC, unpadded


class FastReport(NamedTuple):
    """What the full diagnosis of a token with nothing wrong returns: no finding, and these."""

    header: dict[str, object]
    claims: dict[str, object]
    verified: Optional[bool]
    expires: int
    json_text: str


def fast_report(
    signature: str,
    secret: Optional[bytes],
    context: Context,
    redactor: Optional[Redactor],
    *,
    other_secrets: bool = False,
) -> Optional[FastReport]:
    """The diagnosis of ``signature`` if it is a Meeting SDK signature with nothing wrong,
    else ``None``.

    ``signature`` has matched ``WELL_FORMED_JWT`` and holds no form of the secret.
    ``other_secrets``: whether the caller named other secrets (they are only tried when the
    secret is not given or does not match, so then the full path runs).
    """
    header_part, _, rest = signature.partition(".")
    if header_part != _HEADER_B64:
        return None
    payload_part, _, mac_part = rest.partition(".")
    if len(mac_part) != _SIGNATURE_CHARS:
        return None
    claims, claims_text = json_object(loose_b64decode(payload_part))
    if claims is None or "\\" in claims_text:
        return None
    exp = _fast_exp(claims, context)
    if exp is None:
        return None
    mac = loose_b64decode(mac_part)  # its form is checked with or without a secret
    if mac is None or len(mac) != MAC_LENGTH or not is_canonical_b64(mac_part, mac):
        return None
    verified: Optional[bool] = None
    if secret is None:
        if other_secrets:
            return None
    else:
        signing_input = signature[: len(header_part) + 1 + len(payload_part)].encode("ascii")
        if len(secret.strip()) < MIN_SECRET_LENGTH or not _jws.verify(signing_input, mac, secret):
            return None
        verified = True
    # After the HMAC, so that only a token the secret's holder made (or, without a secret,
    # one the caller's join tokens are looked for in) meets the quick search, whose cost
    # depends on how much of a secret it holds; the full diagnosis searches any other token
    # at a cost that does not.
    json_text = f"{_HEADER_TEXT}\n{claims_text}"
    if redactor is not None:
        search = redactor.quick_holds if verified else redactor.holds
        if search(json_text):
            return None
    return FastReport({"alg": "HS256", "typ": "JWT"}, claims, verified, exp, json_text)


def _fast_exp(claims: Mapping[str, object], context: Context) -> Optional[int]:
    """``exp`` when no claim rule of the full diagnosis could find anything in ``claims``."""
    keys = claims.keys()
    if (
        _REQUIRED <= keys <= _ALLOWED
        and context.topic is None
        and _fast_key(claims, context.sdk_key)
        and _fast_meeting(claims, context)
    ):
        return _fast_times(claims, context.now)
    return None


def _fast_key(claims: Mapping[str, object], expected: Optional[str]) -> bool:
    """``appKey`` (and ``sdkKey``, if there) a key with nothing around it, the one expected."""
    app_key = claims["appKey"]
    return (
        type(app_key) is str
        and bool(app_key)
        and app_key == app_key.strip()
        and claims.get("sdkKey", app_key) == app_key
        and (expected is None or app_key == expected)
    )


def _fast_meeting(claims: Mapping[str, object], context: Context) -> bool:
    """``mn`` the meeting expected, ``role`` 0 (1 would bring HOST_NEEDS_ZAK), a 0/1 mode."""
    mn, role = claims["mn"], claims["role"]
    mode = claims.get("video_webrtc_mode", 0)
    return (
        type(mn) is str
        and len(mn) in MEETING_NUMBER_DIGITS
        and mn.isascii()
        and mn.isdigit()
        and (context.meeting_number is None or mn == context.meeting_number)
        and type(role) is int
        and role == 0
        and context.role in (None, 0)
        and type(mode) is int
        and mode in (0, 1)
    )


def _fast_times(claims: Mapping[str, object], now: float) -> Optional[int]:
    """``exp``, when ``iat``, ``exp`` and ``tokenExp`` are far from the edge of every rule."""
    iat, exp, token_exp = claims["iat"], claims["exp"], claims["tokenExp"]
    if (
        type(iat) is int
        and type(exp) is int
        and type(token_exp) is int
        and token_exp == exp
        and 0 <= iat <= now + FUTURE_TOLERANCE
        and exp < MILLISECONDS
        and MIN_LIFETIME < exp - iat <= MAX_LIFETIME
        and exp - now > EXPIRES_SOON_SECONDS
    ):
        return exp
    return None
