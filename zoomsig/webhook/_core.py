"""Zoom webhook signatures, the URL-validation answer and the RTMS handshake HMAC.

Pure functions: no I/O, the clock read once per call and only when ``now`` is ``None``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import NoReturn, Optional, Union, cast

from typing_extensions import Protocol

from zoomsig._errors import InvalidParameterError, ZoomSigError
from zoomsig._registry import MILLISECONDS
from zoomsig._secrecy import (
    MAX_SECRET_LENGTH,
    bare,
    check_secret_text,
    describe,
    is_utf8_encodable,
)
from zoomsig._time import Now, resolve_now
from zoomsig.diagnose.codes import FindingCode

# What the package's other modules import; the public names are re-exported by
# zoomsig.webhook.
__all__ = [
    "DEFAULT_TOLERANCE",
    "MAX_WEBHOOK_BODY_SIZE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "URL_VALIDATION_EVENT",
    "Headers",
    "InvalidWebhookError",
    "WebhookEvent",
    "check_tolerance",
    "decode_event",
    "hex_hmac",
    "parse_timestamp",
    "secret_key",
    "sign_webhook",
    "signed_message",
    "url_validation_response",
    "verify_webhook",
]


class InvalidWebhookError(ZoomSigError):
    """Raised by :func:`zoomsig.verify_webhook` when a request is not a genuine, fresh webhook.

    :attr:`finding_code` is the :class:`~zoomsig.FindingCode` (a ``WEBHOOK_*`` code) that
    :func:`zoomsig.diagnose_webhook` reports for the same problem, and :attr:`reason` says
    what was received and what was expected. Neither ever contains the secret token, and
    neither belongs in the response to the sender: answer 401 with no detail.
    """

    __module__ = "zoomsig"
    code = "invalid_webhook"

    def __init__(self, finding_code: FindingCode, message: str) -> None:
        super().__init__(finding_code.value, message)
        self.finding_code: FindingCode = finding_code


SIGNATURE_HEADER = "x-zm-signature"
"""The header that carries ``v0=`` and the hex HMAC-SHA256 of the request."""
TIMESTAMP_HEADER = "x-zm-request-timestamp"
"""The header that carries the Unix time (seconds) the request was signed at."""
URL_VALIDATION_EVENT = "endpoint.url_validation"
"""The event Zoom sends to check that the endpoint holds the secret token."""
DEFAULT_TOLERANCE = 300
"""How far (seconds) a request's timestamp may be from now: 5 minutes, either way."""
MAX_WEBHOOK_BODY_SIZE = 1_048_576
"""The body cap (bytes) of the framework integrations and of the diagnosis: 1 MiB.

Zoom's events are a few kilobytes; the cap bounds the work an unauthenticated sender can
cause before the signature is checked.
"""

_SIGNATURE_RE = re.compile(r"v0=[0-9a-f]{64}")
_EMPTY: Mapping[str, object] = MappingProxyType({})
_EMPTY_VALUES: Mapping[str, list[str]] = MappingProxyType({})

Body = Union[bytes, bytearray, memoryview]
"""What a raw body may be: the bytes as received."""


class HeaderItems(Protocol):
    """Anything with ``items()`` of (name, value) pairs: a dict, Django's, Starlette's or
    Werkzeug's (Flask's) ``request.headers``."""

    def items(self) -> Iterable[tuple[str, str]]: ...  # pragma: no cover - a protocol


HeaderPair = tuple[Union[str, bytes], Union[str, bytes]]
"""One header as a (name, value) pair; bytes as in ASGI's raw headers (read as latin-1)."""

Headers = Union[Mapping[str, str], HeaderItems, Sequence[HeaderPair]]
"""What ``headers=`` takes: a mapping, anything with ``items()``, or (name, value) pairs."""


@dataclass(frozen=True)
class WebhookEvent:
    """A verified webhook: what :func:`verify_webhook` returns.

    Attributes:
        event: The event name (``"meeting.started"``, ``"endpoint.url_validation"``…), or
            ``None`` if the body has none.
        payload: The event's ``payload`` object (empty if it has none).
        event_ts: The event's ``event_ts`` (Unix milliseconds), if it is an integer.
        timestamp: The ``x-zm-request-timestamp`` (Unix seconds) the request was signed at.
        data: The whole decoded body.
        body: The raw body, as verified.
    """

    event: Optional[str]
    payload: Mapping[str, object]
    event_ts: Optional[int]
    timestamp: int
    data: Mapping[str, object]
    body: bytes = field(repr=False)

    @property
    def is_url_validation(self) -> bool:
        """``True`` for Zoom's ``endpoint.url_validation`` challenge."""
        return self.event == URL_VALIDATION_EVENT


def raw_body(body: object, parameter: str = "body") -> bytes:
    """The body as bytes; a ``str`` (already decoded, maybe re-encoded) is refused."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, (bytearray, memoryview)):
        return bytes(body)  # pyright: ignore[reportUnknownArgumentType]
    if isinstance(body, str):
        raise InvalidParameterError(
            parameter,
            "got a str, which is not the raw body: Zoom signs the bytes it sent, and text "
            "that was decoded (or re-serialised from parsed JSON) may differ from them; pass "
            "request.body (Django), await request.body() (Starlette/FastAPI) or "
            "request.get_data() (Flask)",
        )
    raise InvalidParameterError(
        parameter, f"expected the raw body as bytes, got {type(body).__name__}"
    )


def secret_key(
    secret_token: object, parameter: str = "secret_token", what: str = "the secret token"
) -> bytes:
    """The secret token as HMAC key bytes, refusing what cannot be Zoom's token.

    Refused by type and length first, then lone surrogates (a non-UTF-8 byte in an
    environment variable), emptiness and padding (whitespace, a no-break space or a
    byte-order mark), as the SDK signers refuse them; never echoed.
    """
    if (
        type(secret_token) is str
        and 0 < len(secret_token) <= MAX_SECRET_LENGTH
        and secret_token.isascii()
        and secret_token == secret_token.strip()
    ):
        return secret_token.encode("ascii")  # the usual token: nothing to refuse
    return _secret_key(secret_token, parameter, what)


def _secret_key(value: object, parameter: str, what: str) -> bytes:
    text = check_secret_text(value, parameter, what=what)
    stripped = bare(text)
    if not stripped:
        raise InvalidParameterError(parameter, "is empty")
    if len(stripped) != len(text):
        raise InvalidParameterError(
            parameter,
            "has surrounding whitespace or a byte-order mark (a trailing newline from a .env "
            "file, a secrets manager or echo?): Zoom's have none; strip it where it is read",
        )
    return text.encode("utf-8")


def hex_hmac(key: bytes, message: bytes) -> str:
    """Lowercase hex HMAC-SHA256."""
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signed_message(timestamp: str, body: bytes) -> bytes:
    """What Zoom signs: ``v0:{timestamp}:{raw body}``."""
    return b"v0:" + timestamp.encode("ascii") + b":" + body


def header_values(headers: object) -> dict[str, list[str]]:
    """Lower-cased header name -> every value given for it, from any mapping of headers.

    Works with dicts in any case, Django's ``request.headers``, Starlette's and Werkzeug's
    ``Headers`` (which list repeated headers in ``items()``), and pairs of str or bytes.
    Raises ``InvalidParameterError`` for anything else.
    """
    items: Iterable[object]
    if callable(getattr(headers, "items", None)):
        items = headers.items()  # type: ignore[attr-defined]  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType, reportAttributeAccessIssue]
    elif _is_sequence(headers):
        items = cast("Sequence[object]", headers)
    else:
        raise InvalidParameterError(
            "headers",
            f"expected a mapping of header names to values, got {type(headers).__name__}",
        )
    found: dict[str, list[str]] = {}
    for item in items:  # pyright: ignore[reportUnknownVariableType]
        if not isinstance(item, tuple) or len(item) != 2:  # pyright: ignore[reportUnknownArgumentType]
            raise InvalidParameterError("headers", "expected (name, value) pairs")
        name, value = _text(item[0]), _text(item[1])  # pyright: ignore[reportUnknownArgumentType]
        if name is None or value is None:
            raise InvalidParameterError("headers", "header names and values must be str or bytes")
        found.setdefault(name.lower(), []).append(value)
    return found


def _two_headers(headers: object) -> Optional[tuple[str, str]]:
    """The timestamp and signature of a plain ``dict`` of str headers, each given once.

    The common case, answered without building :func:`header_values`, with the same
    result: every name is still lower-cased (all at once, in C) and the two counted, and
    each is read directly when it is there once, under its lower-case or canonical
    (``X-Zm-Signature``) name. ``None`` (the general path decides, and explains) for any
    other form of headers, a name or value that is not a str, or a header missing, sent
    more than once or spelt in another case.
    """
    if type(headers) is not dict:
        return None
    mapping = cast("dict[str, str]", headers)
    try:
        # Every name lower-cased at once, each between two blank lines: a name that is
        # one of the two in lower case is counted (a newline inside a name can only add
        # a count, and then the general path decides).
        names = "\n\n" + "\n\n".join(mapping).lower() + "\n\n"  # TypeError: not a str
        "".join(mapping.values())  # TypeError: a value that is not a str
    except TypeError:
        return None
    if names.count(_TIMESTAMP_LINE) != 1 or names.count(_SIGNATURE_LINE) != 1:
        return None
    stamp = mapping.get(TIMESTAMP_HEADER) or mapping.get("X-Zm-Request-Timestamp")
    signature = mapping.get(SIGNATURE_HEADER) or mapping.get("X-Zm-Signature")
    return (stamp, signature) if stamp and signature else None  # "" as the general path


_TIMESTAMP_LINE = f"\n{TIMESTAMP_HEADER}\n"
_SIGNATURE_LINE = f"\n{SIGNATURE_HEADER}\n"
_X_ZM = (
    (TIMESTAMP_HEADER, FindingCode.WEBHOOK_TIMESTAMP_MISSING),
    (SIGNATURE_HEADER, FindingCode.WEBHOOK_SIGNATURE_MISSING),
)


def _x_zm(values: Mapping[str, list[str]], index: int) -> str:
    """The timestamp (``index`` 0) or signature (1) of the general path: required once."""
    name, missing = _X_ZM[index]
    return _one_header(values, name, missing)


def _is_sequence(value: object) -> bool:
    """A list, a tuple or another sequence, but not text or bytes (not pairs, but letters)."""
    return not isinstance(value, (str, bytes, bytearray, memoryview)) and isinstance(
        value, Sequence
    )


def _text(value: object) -> Optional[str]:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")  # HTTP header bytes: latin-1 by definition
    return None


def _one_header(values: Mapping[str, list[str]], name: str, missing: FindingCode) -> str:
    given = values.get(name)
    if not given:
        raise InvalidWebhookError(missing, f"the {name} header is missing")
    if len(set(given)) > 1:
        code = (
            FindingCode.WEBHOOK_TIMESTAMP_INVALID
            if name == TIMESTAMP_HEADER
            else FindingCode.WEBHOOK_SIGNATURE_MALFORMED
        )
        raise InvalidWebhookError(code, f"the {name} header was sent {len(given)} times")
    return given[0]


def parse_timestamp(text: str) -> Optional[int]:
    """The header's Unix time, or ``None`` when it is not plain ASCII digits."""
    if not text or len(text) > 20 or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def check_tolerance(tolerance: object) -> int:
    """The replay window in seconds: a positive int, refused with the parameter named."""
    if isinstance(tolerance, bool) or not isinstance(tolerance, int):
        raise InvalidParameterError(
            "tolerance", f"expected an int number of seconds, got {describe(tolerance)}"
        )
    if not 0 < tolerance <= 86400:
        shown = tolerance if abs(tolerance) < 10**12 else "a larger number"
        raise InvalidParameterError(
            "tolerance",
            f"expected 1..86400 seconds, got {shown}: a replay window is needed, and Zoom "
            f"sends fresh requests; {DEFAULT_TOLERANCE} is the default",
        )
    return tolerance


_DECODER = json.JSONDecoder()  # what json.loads uses when given no options


def decode_event(body: bytes) -> Optional[dict[str, object]]:
    """The body as a JSON object, or ``None`` (never raises): ``json.loads(body)``, with its
    encoding detection skipped where it can only say UTF-8 (a body that starts with ``{``
    then a byte that is not NUL), which is every Zoom webhook."""
    try:
        if body[:1] == b"{" and body[1:2] != b"\x00":
            data: object = _DECODER.decode(body.decode("utf-8", "surrogatepass"))
        else:
            data = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return data if type(data) is dict else None  # pyright: ignore[reportUnknownVariableType]


def verify_webhook(
    headers: Headers,
    body: Body,
    *,
    secret_token: str,
    now: Now = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> WebhookEvent:
    """Check that a request is a genuine, fresh Zoom webhook, and return its event.

    Args:
        headers: The request headers, names in any case: ``request.headers`` of Django,
            Starlette/FastAPI or Flask, a plain ``dict``, or (name, value) pairs of str or
            bytes (ASGI's raw headers).
        body: The **raw** body bytes as received. A ``str`` is refused: it is not what Zoom
            signed.
        secret_token: The Secret Token of the app's event subscription.
        now: The current time (Unix seconds or an aware datetime); ``None`` reads the clock.
        tolerance: How far (seconds) ``x-zm-request-timestamp`` may be from ``now``.

    Returns:
        The verified :class:`WebhookEvent`.

    Raises:
        InvalidWebhookError: a header is missing or malformed, the signature does not match
            (compared in constant time), the timestamp is outside the window, or the signed
            body is not a JSON object. :attr:`~InvalidWebhookError.finding_code` says which.
        InvalidParameterError: an argument cannot work (a ``str`` body, an empty secret).
    """
    raw = body if type(body) is bytes else raw_body(body)
    key = secret_key(secret_token)
    window = (
        tolerance
        if type(tolerance) is int and 0 < tolerance <= 86400
        else check_tolerance(tolerance)
    )
    current = (
        float(now)  # resolve_now's fast path, inlined: an int Unix time in seconds
        if type(now) is int and 0 <= now < MILLISECONDS
        else resolve_now(now)  # reads the clock when now is None
    )
    given = _two_headers(headers)
    values = _EMPTY_VALUES if given is not None else header_values(headers)
    stamp_text = given[0] if given is not None else _x_zm(values, 0)
    stamp = (
        int(stamp_text)  # parse_timestamp's test, inlined: the digits of a Unix time
        if 0 < len(stamp_text) <= 20 and stamp_text.isascii() and stamp_text.isdigit()
        else None
    )
    if stamp is None:
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_TIMESTAMP_INVALID,
            f"{TIMESTAMP_HEADER} is not a Unix time in decimal digits",
        )
    if stamp >= MILLISECONDS:
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
            f"{TIMESTAMP_HEADER} has {len(stamp_text)} digits: milliseconds, not seconds",
        )
    signature = given[1] if given is not None else _x_zm(values, 1)
    expected = "v0=" + hmac.digest(key, b"v0:" + stamp_text.encode() + b":" + raw, "sha256").hex()
    # A signature equal to the expected one has its shape; the pattern decides only
    # between a malformed signature and a mismatch (compare_digest needs ASCII text).
    if not (signature.isascii() and hmac.compare_digest(expected, signature)):
        _refuse_signature(signature)
    offset = current - stamp
    if abs(offset) > window:
        direction = "old" if offset > 0 else "in the future"
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW,
            f"the request timestamp is {int(abs(offset))} s {direction} (tolerance {window} s): "
            "a replay, a delayed request or a clock out of sync",
        )
    data = decode_event(raw)
    if data is None:
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_BODY_NOT_JSON, "the signed body is not a JSON object"
        )
    return _event(data, stamp, raw)


def _refuse_signature(signature: str) -> NoReturn:
    """Why a signature that is not the expected one is refused: its shape, or a mismatch."""
    if not _SIGNATURE_RE.fullmatch(signature):
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_SIGNATURE_MALFORMED,
            f"{SIGNATURE_HEADER} is not 'v0=' and 64 lowercase hex digits "
            f"({len(signature)} character{'s' * (len(signature) != 1)})",
        )
    raise InvalidWebhookError(
        FindingCode.WEBHOOK_SIGNATURE_MISMATCH,
        "the signature does not match the raw body and timestamp under the secret token "
        "(zoomsig.diagnose_webhook says why)",
    )


def _event(data: dict[str, object], stamp: int, raw: bytes) -> WebhookEvent:
    name = data.get("event")
    payload = data.get("payload")
    event_ts = data.get("event_ts")
    # What WebhookEvent(...) makes, without its frozen __init__'s six object.__setattr__
    # calls (a third of the library's own time per verified request).
    event = object.__new__(WebhookEvent)
    event.__dict__.update(
        event=name if isinstance(name, str) else None,
        payload=payload if isinstance(payload, dict) else _EMPTY,  # pyright: ignore[reportUnknownArgumentType]
        event_ts=event_ts if isinstance(event_ts, int) and not isinstance(event_ts, bool) else None,
        timestamp=stamp,
        data=data,
        body=raw,
    )
    return event


def url_validation_response(
    event: Union[WebhookEvent, Mapping[str, object]], *, secret_token: str
) -> dict[str, str]:
    """The JSON answer to Zoom's ``endpoint.url_validation`` challenge.

    Verify the request first (Zoom signs the challenge like every event), then answer 200
    with this dict as the JSON body, within about 3 seconds.

    Args:
        event: The verified :class:`WebhookEvent`, or the decoded JSON body.
        secret_token: The Secret Token of the event subscription.

    Returns:
        ``{"plainToken": …, "encryptedToken": hex HMAC-SHA256 of plainToken}``.

    Raises:
        InvalidParameterError: ``event`` is not an ``endpoint.url_validation`` event with a
            non-empty string ``payload.plainToken`` of valid Unicode text (a JSON escape of
            a lone surrogate, such as ``"\\ud800"``, is refused), or the secret token cannot
            be Zoom's.
    """
    key = secret_key(secret_token)
    data = event.data if isinstance(event, WebhookEvent) else event
    if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise InvalidParameterError("event", f"expected a mapping, got {type(data).__name__}")
    name = data.get("event")
    if name != URL_VALIDATION_EVENT:
        raise InvalidParameterError(
            "event", f"expected an {URL_VALIDATION_EVENT!r} event, got {describe(name)}"
        )
    payload = data.get("payload")
    plain = payload.get("plainToken") if isinstance(payload, Mapping) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    if not isinstance(plain, str) or not plain:
        raise InvalidParameterError(
            "event", "payload.plainToken is missing or not a non-empty string"
        )
    if not is_utf8_encodable(plain):
        # A JSON escape of a lone surrogate (\ud800): not Unicode text, so it has no UTF-8
        # to sign. Zoom's plain tokens are 22 ASCII characters; its Node sample would sign
        # U+FFFD instead, answering two different challenges alike. Refused, as every
        # other non-Unicode value the library is given.
        raise InvalidParameterError(
            "event", "payload.plainToken is not valid Unicode text (a lone surrogate)"
        )
    return {"plainToken": plain, "encryptedToken": hex_hmac(key, plain.encode("utf-8"))}


def sign_webhook(
    body: Body, *, secret_token: str, timestamp: Union[int, float, datetime]
) -> dict[str, str]:
    """The ``x-zm-*`` headers Zoom would send with ``body``, for tests and local development.

    Args:
        body: The raw body bytes to sign (send exactly these bytes).
        secret_token: The Secret Token to sign with.
        timestamp: When the request is signed: Unix seconds or an aware datetime (no
            default, so tests stay reproducible; pass ``time.time()`` for "now").

    Returns:
        ``{"x-zm-request-timestamp": "…", "x-zm-signature": "v0=…"}``.
    """
    raw = raw_body(body)
    key = secret_key(secret_token)
    if timestamp is None:  # pyright: ignore[reportUnnecessaryComparison]
        raise InvalidParameterError("timestamp", "is required (Unix seconds or aware datetime)")
    stamp = str(int(resolve_now(timestamp, "timestamp")))
    return {
        TIMESTAMP_HEADER: stamp,
        SIGNATURE_HEADER: "v0=" + hex_hmac(key, signed_message(stamp, raw)),
    }
