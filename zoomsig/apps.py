"""``decrypt_app_context``: the ``X-Zoom-App-Context`` header a Zoom App's home URL gets.

The Zoom client sends it with the first request of a Zoom App (the home URL, a deep link).
It is base64 of::

    [1 byte: iv length][iv][2 bytes LE: aad length][aad][4 bytes LE: cipher length][cipher][tag]

AES-256-GCM with a 16-byte tag, the key being SHA-256 of the app's client secret (UTF-8),
as Zoom's Zoom Apps samples (``decryptZoomAppContext``) read it. The plaintext is a JSON
object: ``typ`` (where the app runs: ``panel``, ``meeting``…), ``uid`` (the user), ``mid``
(the meeting UUID, in a meeting), ``aud`` (the app's client ID), ``iss``, ``ts`` (when it was
made, milliseconds), ``act`` (a deep link's action) and ``exp`` (milliseconds).

AES-GCM is not in the standard library: this module needs the ``zoomsig[apps]`` extra
(``cryptography``), imported on first use; the rest of zoomsig does not.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple, Optional, cast

from zoomsig._errors import InvalidParameterError, ZoomSigError
from zoomsig._params import check_secret
from zoomsig._registry import MILLISECONDS
from zoomsig._time import Now, resolve_now

__all__ = [
    "DEFAULT_MAX_AGE",
    "MAX_HEADER_LENGTH",
    "AppContext",
    "AppContextError",
    "AppContextErrorCode",
    "decrypt_app_context",
]

DEFAULT_MAX_AGE = 300
"""Seconds after ``ts`` that :func:`decrypt_app_context` still accepts a context (zoomsig's
choice: the header comes with the request the client makes when the app opens)."""
MAX_HEADER_LENGTH = 16 * 1024
"""Longest header read: a context is a few hundred characters."""
TAG_LENGTH = 16
"""The GCM tag Zoom appends (``authTagLength: 16`` in the samples)."""
_FUTURE_TOLERANCE = 60
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]*={0,2}")


class AppContextErrorCode(str, Enum):
    """Why :func:`decrypt_app_context` refused a header. Values equal names."""

    EMPTY = "EMPTY"
    """No header (is the request the home URL's, with its headers passed on?)."""
    TOO_LONG = "TOO_LONG"
    """Far longer than any context."""
    SPACES_INSTEAD_OF_PLUS = "SPACES_INSTEAD_OF_PLUS"
    """Spaces where base64 has ``+``: the header went through URL-decoding (a query string,
    a form field, ``unquote_plus``)."""
    URL_ENCODED = "URL_ENCODED"
    """``%2B``, ``%2F`` or ``%3D``: the header was URL-encoded on its way."""
    NOT_BASE64 = "NOT_BASE64"
    """Characters base64 does not have."""
    TRUNCATED = "TRUNCATED"
    """Shorter than its own lengths say: cut off (a column, a log line, a cookie limit)."""
    MALFORMED = "MALFORMED"
    """Not the layout Zoom uses (an empty iv, bytes after the tag)."""
    WRONG_SECRET = "WRONG_SECRET"
    """The GCM tag does not match: another client secret (development vs production,
    another app's) or an altered header."""
    NOT_JSON = "NOT_JSON"
    """It decrypted, but not to a JSON object."""
    EXPIRED = "EXPIRED"
    """Its ``exp`` has passed."""
    STALE = "STALE"
    """Its ``ts`` is older than ``max_age`` seconds (or it has neither ``ts`` nor ``exp``)."""


class AppContextError(ZoomSigError, ValueError):
    """The ``X-Zoom-App-Context`` header cannot be trusted; :attr:`code` says why.

    The message says what was found and how to fix it; it never holds the client secret,
    the header or its plaintext.
    """

    __module__ = "zoomsig"
    code: str = "app_context"

    def __init__(self, code: AppContextErrorCode, reason: str) -> None:
        super().__init__(code.value, reason)
        self.code = code.value
        self.error: AppContextErrorCode = code


@dataclass(frozen=True)
class AppContext:
    """A decrypted, fresh ``X-Zoom-App-Context``.

    Attributes:
        typ: Where the app runs (``"panel"``, ``"meeting"``, ``"webinar"``…).
        uid: The Zoom user id.
        mid: The meeting UUID, in a meeting; else ``None``.
        aud: The app's client ID, if present.
        iss: The issuer, if present.
        ts: When Zoom made it, Unix milliseconds, if present.
        act: A deep link's action, if present.
        exp: When it expires, Unix milliseconds, if present.
        claims: Every field, as decrypted.
    """

    typ: str
    uid: str
    mid: Optional[str] = None
    aud: Optional[str] = None
    iss: Optional[str] = None
    ts: Optional[int] = None
    act: Optional[str] = None
    exp: Optional[int] = None
    claims: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def to_dict(self) -> dict[str, object]:
        """Every field, JSON-ready."""
        return dict(self.claims)


class _Parts(NamedTuple):
    iv: bytes
    aad: bytes
    cipher: bytes
    tag: bytes


def _fail(code: AppContextErrorCode, reason: str) -> AppContextError:
    return AppContextError(code, reason)


_C = AppContextErrorCode


def _header_text(header: object) -> str:
    if isinstance(header, bytes):
        try:
            header = header.decode("ascii")
        except UnicodeDecodeError:
            raise _fail(_C.NOT_BASE64, "the header is not ASCII text") from None
    if header is not None and not isinstance(header, str):
        raise InvalidParameterError(
            "header", f"expected the header value as a str, got {type(header).__name__}"
        )
    if not header or not header.strip():
        raise _fail(
            _C.EMPTY,
            "no X-Zoom-App-Context value: Zoom sends it on the request that opens the app "
            "(the home URL); pass that request's header",
        )
    if len(header) > MAX_HEADER_LENGTH:
        raise _fail(
            _C.TOO_LONG,
            f"the header has {len(header)} characters; a context has a few hundred "
            f"(limit {MAX_HEADER_LENGTH})",
        )
    return header.strip()


def _decode(text: str) -> bytes:
    """The header's bytes; refuses, naming it, each way the transport breaks base64."""
    if " " in text and _BASE64.fullmatch(text.replace(" ", "+")):
        raise _fail(
            _C.SPACES_INSTEAD_OF_PLUS,
            f"the header has {text.count(' ')} space(s) where base64 has '+': it was "
            "URL-decoded on its way (a query string, a form field, unquote_plus); read the "
            "HTTP header itself, or put '+' back",
        )
    if re.search(r"%(2[bBfF]|3[dD])", text):
        raise _fail(
            _C.URL_ENCODED,
            "the header holds %2B, %2F or %3D: it was URL-encoded on its way; read the HTTP "
            "header itself, or URL-decode it once (not with unquote_plus)",
        )
    if not _BASE64.fullmatch(text):
        raise _fail(_C.NOT_BASE64, "the header has characters that base64 does not use")
    standard = text.rstrip("=").replace("-", "+").replace("_", "/")
    if len(standard) % 4 == 1:
        raise _fail(
            _C.TRUNCATED, "the header's base64 ends in the middle of a byte: it was cut off"
        )
    try:
        return base64.b64decode(standard + "=" * (-len(standard) % 4))
    except (binascii.Error, ValueError):  # pragma: no cover - the pattern lets none through
        raise _fail(_C.NOT_BASE64, "the header is not base64") from None


def _take(data: bytes, at: int, size: int, what: str, total: int) -> bytes:
    if at + size > len(data):
        raise _fail(
            _C.TRUNCATED,
            f"the header ends inside the {what} ({len(data)} bytes; its lengths say at "
            f"least {total}): it was cut off, e.g. by a column, a log line or a cookie limit",
        )
    return data[at : at + size]


def _unpack(data: bytes) -> _Parts:
    """``[iv len][iv][aad len][aad][cipher len][cipher][tag]``, as Zoom's samples read it."""
    iv_length = _take(data, 0, 1, "iv length", 1)[0]
    if iv_length == 0:
        raise _fail(_C.MALFORMED, "the iv length is 0: this is not a Zoom App context")
    at = 1
    iv = _take(data, at, iv_length, "iv", at + iv_length)
    at += iv_length
    aad_length = int.from_bytes(_take(data, at, 2, "aad length", at + 2), "little")
    at += 2
    aad = _take(data, at, aad_length, "aad", at + aad_length)
    at += aad_length
    cipher_length = int.from_bytes(
        _take(data, at, 4, "cipher length", at + 4), "little", signed=True
    )
    at += 4
    if cipher_length < 0:
        raise _fail(_C.MALFORMED, f"the cipher length is {cipher_length}")
    cipher = _take(data, at, cipher_length, "ciphertext", at + cipher_length + TAG_LENGTH)
    at += cipher_length
    tag = data[at:]
    if len(tag) < TAG_LENGTH:
        raise _fail(
            _C.TRUNCATED,
            f"the {TAG_LENGTH}-byte tag has {len(tag)} bytes: the header was cut off",
        )
    if len(tag) > TAG_LENGTH:
        raise _fail(
            _C.MALFORMED,
            f"{len(tag) - TAG_LENGTH} bytes follow the {TAG_LENGTH}-byte tag: two headers "
            "joined, or not a Zoom App context",
        )
    return _Parts(iv, aad, cipher, tag)


def _decrypt(parts: _Parts, secret: bytes) -> bytes:
    try:
        from cryptography.exceptions import InvalidTag  # noqa: PLC0415
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415
    except ImportError:
        raise ModuleNotFoundError(
            "decrypt_app_context needs AES-GCM from the 'cryptography' package: "
            "pip install 'zoomsig[apps]'",
            name="cryptography",
        ) from None
    key = hashlib.sha256(secret).digest()
    try:
        return AESGCM(key).decrypt(parts.iv, parts.cipher + parts.tag, parts.aad)
    except InvalidTag:
        raise _fail(
            _C.WRONG_SECRET,
            "the AES-GCM tag does not match: the header was encrypted with another client "
            "secret (the app's development and production secrets differ; another app's?) "
            "or altered on its way",
        ) from None


def _claims(plain: bytes) -> dict[str, object]:
    try:
        value: object = json.loads(plain.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        value = None
    if not isinstance(value, dict):
        raise _fail(_C.NOT_JSON, "the header decrypted, but not to a JSON object")
    return cast("dict[str, object]", value)  # JSON object keys are str


def _millis(claims: Mapping[str, object], name: str) -> Optional[int]:
    value = claims.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(_C.NOT_JSON, f"{name} is not a number")
    # Zoom sends milliseconds; a value under MILLISECONDS is read as seconds.
    return int(value if value >= MILLISECONDS else value * 1000)


def _check_fresh(ts: Optional[int], exp: Optional[int], now: float, max_age: int) -> None:
    now_ms = now * 1000
    if exp is not None and exp <= now_ms:
        raise _fail(_C.EXPIRED, f"exp passed {(now_ms - exp) / 1000:.0f} s ago")
    if ts is None:
        if exp is None:
            raise _fail(_C.STALE, "the context has neither ts nor exp: its age is unknown")
        return
    age = (now_ms - ts) / 1000
    if age > max_age:
        raise _fail(
            _C.STALE,
            f"ts is {age:.0f} s old; at most {max_age} s is accepted (a replayed header, or "
            "the server clock is behind)",
        )
    if age < -_FUTURE_TOLERANCE:
        raise _fail(_C.STALE, f"ts is {-age:.0f} s in the future: the server clock is behind")


def _text(claims: Mapping[str, object], name: str) -> Optional[str]:
    value = claims.get(name)
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)  # act can be a JSON object


def _check_max_age(max_age: object) -> int:
    if isinstance(max_age, bool) or not isinstance(max_age, int) or max_age <= 0:
        raise InvalidParameterError("max_age", "expected a positive int number of seconds")
    return max_age


def decrypt_app_context(
    header: str,
    *,
    client_secret: str,
    now: Now = None,
    max_age: int = DEFAULT_MAX_AGE,
) -> AppContext:
    """Decrypt and check the ``X-Zoom-App-Context`` header of a Zoom App request.

    Args:
        header: The header's value, exactly as received (``str`` or ASCII ``bytes``).
        client_secret: The Zoom App's client secret (the one of the environment that sent
            the request: development and production differ). Never shown.
        now: ``None`` reads the clock once; else a Unix time or an aware datetime.
        max_age: Seconds after its ``ts`` that a context is still accepted.

    Returns:
        The context's typed fields (:class:`AppContext`).

    Raises:
        AppContextError: The header cannot be trusted; ``code`` names why
            (:class:`AppContextErrorCode`: ``WRONG_SECRET``, ``SPACES_INSTEAD_OF_PLUS``,
            ``TRUNCATED``, ``EXPIRED``, ``STALE``…).
        InvalidParameterError: ``client_secret``, ``now`` or ``max_age`` is unusable.
        ModuleNotFoundError: ``cryptography`` is not installed (``pip install
            'zoomsig[apps]'``).
    """
    secret = check_secret(client_secret, "client_secret")
    at = resolve_now(now)
    limit = _check_max_age(max_age)
    parts = _unpack(_decode(_header_text(header)))
    claims = _claims(_decrypt(parts, secret))
    ts, exp = _millis(claims, "ts"), _millis(claims, "exp")
    _check_fresh(ts, exp, at, limit)
    typ, uid = claims.get("typ"), claims.get("uid")
    if not isinstance(typ, str) or not isinstance(uid, str):
        raise _fail(_C.NOT_JSON, "the context has no typ and uid strings")
    return AppContext(
        typ=typ,
        uid=uid,
        mid=_text(claims, "mid"),
        aud=_text(claims, "aud"),
        iss=_text(claims, "iss"),
        ts=ts,
        act=_text(claims, "act"),
        exp=exp,
        claims=MappingProxyType(claims),
    )
