"""HS256 JSON Web Signatures (RFC 7515) for the token shapes Zoom uses, made by PyJWT.

PyJWT is the JWT layer: every token zoomsig signs comes out of one cached
:class:`jwt.api_jws.PyJWS` that knows only HS256, and every signing key goes through
PyJWT's :class:`~jwt.algorithms.HMACAlgorithm` ``prepare_key``, so a PEM key, an SSH public
key, a DER key or a JWK passed as a secret is refused exactly where PyJWT refuses it.

zoomsig serialises the payload itself (compact JSON, claims in insertion order, non-ASCII
text as UTF-8, as Zoom's samples do) and hands PyJWS the bytes, so the tokens match Zoom's
official samples byte for byte. PyJWS writes the header ``{"alg":"HS256","typ":"JWT"}``
(sorted keys), the header every Zoom sample sends.

Diagnosis keeps its own tolerant decoder (``zoomsig.diagnose._decode``) and the
constant-time checks below (:func:`verify`, :func:`same_mac`), the one way every part of
the diagnosis compares an HMAC: it must read tokens PyJWT refuses to parse, and try
several forms of a secret without raising.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from typing import Callable, Optional

from jwt.algorithms import HMACAlgorithm
from jwt.api_jws import PyJWS
from jwt.exceptions import InvalidKeyError

from zoomsig._errors import InvalidParameterError

__all__ = [
    "HEADER",
    "HEADER_B64",
    "b64url_decode",
    "hs256",
    "mac",
    "same_mac",
    "sign",
    "sign_json",
    "verify",
]

HEADER = b'{"alg":"HS256","typ":"JWT"}'
"""The JOSE header of every Zoom SDK token, as PyJWS writes it (sorted keys, compact)."""
HEADER_B64 = base64.urlsafe_b64encode(HEADER).rstrip(b"=")
""":data:`HEADER` in base64url: the first part of every token zoomsig signs."""


class _ZoomHS256(HMACAlgorithm):
    """PyJWT's HS256, without its warning about keys under 32 bytes.

    Zoom generates the secrets (32 characters or more for every current app type); the
    caller cannot choose a longer one, so a warning on each signature would be noise they
    cannot act on. Key preparation and signing are PyJWT's, unchanged.
    """

    def check_key_length(self, key: bytes) -> Optional[str]:  # PyJWT >= 2.10 calls this
        return None


HS256 = _ZoomHS256(HMACAlgorithm.SHA256)
"""The HS256 algorithm object that signs every zoomsig token (PyJWT's HMAC)."""

# One encoder, built once: json.dumps with non-default options builds a new one per call.
_PAYLOAD_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def _payload_encoder() -> Callable[[dict[str, object]], str]:
    """``_PAYLOAD_JSON.encode``, with the C encoder it makes on every call made once.

    ``JSONEncoder.encode`` builds a ``c_make_encoder`` for each payload; that costs as much
    as the encoding of a token's few claims. Without the C accelerator (PyPy, or CPython
    built without ``_json``) this is ``_PAYLOAD_JSON.encode`` itself. Markers are off (no
    circular-reference check): the payloads are flat dicts the signers build.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _PAYLOAD_JSON.encode
    encode = make(
        None,  # markers
        _PAYLOAD_JSON.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # indent
        ":",
        ",",
        False,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan (the payloads hold no floats)
    )
    return lambda payload: "".join(encode(payload, 0))


payload_json = _payload_encoder()
"""Compact JSON of a payload, claims in insertion order, non-ASCII text as is."""

JWS = PyJWS(algorithms=[])
"""The one PyJWS that encodes every zoomsig token; it knows HS256 only."""
JWS.register_algorithm("HS256", HS256)


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
    """HMAC-SHA256 of ``message`` under ``key`` (the diagnosis side: no key checks)."""
    return hmac.digest(key, message, "sha256")


def _refuse(parameter: str, error: InvalidKeyError) -> InvalidParameterError:
    # PyJWT's message describes the kind of key, never the key itself.
    return InvalidParameterError(
        parameter,
        f"this is not an HMAC secret: {error} Pass the app's secret from the Zoom App "
        "Marketplace, not a key file",
    )


def prepare_key(key: bytes, parameter: str) -> bytes:
    """``key`` through PyJWT's HMAC key preparation; asymmetric keys are refused."""
    try:
        return HS256.prepare_key(key)
    except InvalidKeyError as error:
        raise _refuse(parameter, error) from None


def mac(key: bytes, message: bytes, parameter: str) -> bytes:
    """HMAC-SHA256 by PyJWT's HS256 with a prepared ``key`` (the legacy signature)."""
    return HS256.sign(message, prepare_key(key, parameter))


def signing_input(payload_json: bytes) -> bytes:
    """``BASE64URL(header) || '.' || BASE64URL(payload)`` for Zoom's fixed header."""
    return HEADER_B64 + b"." + b64url_encode(payload_json)


def sign(payload: dict[str, object], key: bytes, parameter: str = "secret") -> str:
    """Serialise ``payload`` as Zoom's samples do and sign it with PyJWT (HS256).

    Compact JSON (no spaces), claims in insertion order, non-ASCII text as UTF-8 (as
    ``JSON.stringify`` + jsrsasign produce), header ``{"alg":"HS256","typ":"JWT"}``. A key
    PyJWT refuses raises :class:`InvalidParameterError` naming ``parameter``.
    """
    return sign_json(payload_json(payload), key, parameter)


def sign_json(payload: str, key: bytes, parameter: str = "secret") -> str:
    """Sign the payload JSON text ``payload`` (already serialised as :func:`sign` does)."""
    try:
        return JWS.encode(payload.encode("utf-8"), key, algorithm="HS256")
    except InvalidKeyError as error:
        raise _refuse(parameter, error) from None


def same_mac(expected: bytes, mac: bytes) -> bool:
    """Constant-time check that ``mac`` is ``expected`` (an HMAC recomputed by the caller)."""
    return hmac.compare_digest(expected, mac)


def verify(message: bytes, mac: bytes, key: bytes) -> bool:
    """Constant-time check that ``mac`` is the HS256 of ``message`` under ``key``."""
    return same_mac(hs256(key, message), mac)
