"""HS256 JSON Web Signatures (RFC 7515) for the token shapes Zoom uses.

The standard library does the work here rather than PyJWT: Zoom tokens are one fixed
header and a small payload, and calling ``hmac.digest`` directly is several times faster
than ``jwt.encode`` (see the performance page). The test suite checks every token against
PyJWT and against RFC 7515 Appendix A.1.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from typing import Optional

__all__ = ["b64url_decode", "b64url_encode", "hs256", "sign", "signing_input", "verify"]

_HEADER = b'{"alg":"HS256","typ":"JWT"}'
_HEADER_B64 = base64.urlsafe_b64encode(_HEADER).rstrip(b"=")


def b64url_encode(data: bytes) -> bytes:
    """Base64url without padding (RFC 7515 section 2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def b64url_decode(data: str) -> Optional[bytes]:
    """Strict base64url without padding; ``None`` when ``data`` is not exactly that."""
    if len(data) % 4 == 1:
        return None
    try:
        raw = base64.b64decode(data + "=" * (-len(data) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return None
    # Reject non-canonical encodings (stray bits in the last character) and the
    # standard alphabet, which ``altchars`` does not refuse on every Python version.
    if "+" in data or "/" in data or b64url_encode(raw).decode("ascii") != data:
        return None
    return raw


def hs256(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 of ``message`` under ``key``."""
    return hmac.digest(key, message, "sha256")


def signing_input(payload_json: bytes) -> bytes:
    """``BASE64URL(header) || '.' || BASE64URL(payload)`` for Zoom's fixed header."""
    return _HEADER_B64 + b"." + b64url_encode(payload_json)


def sign(payload: dict[str, object], key: bytes) -> str:
    """Serialise ``payload`` as Zoom's samples do and sign it with HS256.

    Compact JSON (no spaces), claims in insertion order, non-ASCII text as UTF-8 (as
    ``JSON.stringify`` + jsrsasign produce), header ``{"alg":"HS256","typ":"JWT"}``.
    """
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    message = signing_input(body)
    return (message + b"." + b64url_encode(hs256(key, message))).decode("ascii")


def verify(message: bytes, mac: bytes, key: bytes) -> bool:
    """Constant-time check that ``mac`` is the HS256 of ``message`` under ``key``."""
    return hmac.compare_digest(hs256(key, message), mac)
