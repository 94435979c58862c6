"""The fast path: a clean Meeting SDK signature, in the shape the signers make.

Most signatures a service diagnoses have nothing wrong with them: its own, checked in a
test or a health check. For the one shape that ``sign_meeting_sdk`` and Zoom's official
sample make (Zoom's fixed header; the claims ``appKey``, ``mn``, ``role``, ``iat``,
``exp``, ``tokenExp`` and optionally ``sdkKey`` and ``video_webrtc_mode``), and values that
are nowhere near the edge of a rule, :func:`clean_meeting_token` shows that the full
diagnosis would report nothing, and returns what that diagnosis returns, without running
the rules one by one.

It only ever answers "no finding". Any doubt (another claim, another type, a value on the
edge of a rule, an escape in the JSON, a run of the secret, an HMAC that does not match)
returns ``None`` and the full diagnosis runs, so that every message still comes from one
place. ``tests/test_fast_path.py`` checks, token by token, that both paths give the same
report.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import NamedTuple, Optional

from zoomsig import _jws
from zoomsig._params import MEETING_NUMBER_DIGITS
from zoomsig._time import MAX_LIFETIME, MIN_LIFETIME
from zoomsig.diagnose._context import Context
from zoomsig.diagnose._decode import MAC_LENGTH, is_canonical_b64, json_object, loose_b64decode
from zoomsig.diagnose._redact import Redactor
from zoomsig.diagnose._rules_time import EXPIRES_SOON_SECONDS, FUTURE_TOLERANCE, MILLISECONDS
from zoomsig.diagnose._secret import MIN_SECRET_LENGTH

__all__ = ["Clean", "clean_meeting_token"]

_HEADER_B64 = _jws.HEADER_B64.decode("ascii")
_HEADER_TEXT = _jws.HEADER.decode("ascii")
_REQUIRED = frozenset({"appKey", "mn", "role", "iat", "exp", "tokenExp"})
_ALLOWED = _REQUIRED | {"sdkKey", "video_webrtc_mode"}
_SIGNATURE_CHARS = 43  # base64url of a 32-byte HMAC, unpadded


class Clean(NamedTuple):
    """What the full diagnosis of a clean token returns: no finding, and these."""

    header: dict[str, object]
    claims: dict[str, object]
    verified: Optional[bool]
    expires: int
    json_text: str


def clean_meeting_token(
    signature: str,
    secret: Optional[bytes],
    context: Context,
    redactor: Optional[Redactor],
    *,
    other_secrets: bool = False,
) -> Optional[Clean]:
    """The diagnosis of ``signature`` if it is a clean Meeting SDK signature, else ``None``.

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
    exp = _clean_exp(claims, context)
    if exp is None:
        return None
    json_text = f"{_HEADER_TEXT}\n{claims_text}"
    if redactor is not None and redactor.holds(json_text):
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
        if len(secret.strip()) < MIN_SECRET_LENGTH or not hmac.compare_digest(
            _jws.hs256(secret, signing_input), mac
        ):
            return None
        verified = True
    return Clean({"alg": "HS256", "typ": "JWT"}, claims, verified, exp, json_text)


def _clean_exp(claims: Mapping[str, object], context: Context) -> Optional[int]:
    """``exp`` when no claim rule of the full diagnosis could find anything in ``claims``."""
    keys = claims.keys()
    if not (_REQUIRED <= keys <= _ALLOWED) or context.topic is not None:
        return None
    app_key = claims["appKey"]
    if (
        type(app_key) is not str
        or not app_key
        or app_key != app_key.strip()
        or claims.get("sdkKey", app_key) != app_key
        or (context.sdk_key is not None and app_key != context.sdk_key)
    ):
        return None
    mn = claims["mn"]
    if (
        type(mn) is not str
        or not (len(mn) in MEETING_NUMBER_DIGITS and mn.isascii() and mn.isdigit())
        or (context.meeting_number is not None and mn != context.meeting_number)
    ):
        return None
    role = claims["role"]  # 1 would bring HOST_NEEDS_ZAK
    if type(role) is not int or role != 0 or context.role not in (None, 0):
        return None
    mode = claims.get("video_webrtc_mode", 0)
    if type(mode) is not int or mode not in (0, 1):
        return None
    iat, exp, token_exp = claims["iat"], claims["exp"], claims["tokenExp"]
    if type(iat) is not int or type(exp) is not int or type(token_exp) is not int:
        return None
    now = context.now
    if (
        token_exp == exp
        and 0 <= iat <= now + FUTURE_TOLERANCE
        and exp < MILLISECONDS
        and MIN_LIFETIME < exp - iat <= MAX_LIFETIME
        and exp - now > EXPIRES_SOON_SECONDS
    ):
        return exp
    return None
