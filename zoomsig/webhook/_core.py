"""Zoom webhook signatures, the URL-validation answer and the RTMS handshake HMAC.

Pure functions: no I/O, the clock read once per call and only when ``now`` is ``None``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import NoReturn, Optional, Union, cast

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
from zoomsig.webhook._headers import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    HeaderItems,
    HeaderPair,
    Headers,
    header_values,
)

# What the package's other modules import; the public names are re-exported by
# zoomsig.webhook.
__all__ = [
    "DEFAULT_TOLERANCE",
    "MAX_WEBHOOK_BODY_SIZE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "URL_VALIDATION_EVENT",
    "HeaderItems",
    "HeaderPair",
    "Headers",
    "InvalidWebhookError",
    "SecretId",
    "SecretTokens",
    "WebhookEvent",
    "check_tolerance",
    "decode_event",
    "header_values",
    "hex_hmac",
    "named_secrets",
    "parse_timestamp",
    "secret_key",
    "secret_keys",
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

Body = Union[bytes, bytearray, memoryview]
"""What a raw body may be: the bytes as received."""


SecretId = Union[int, str]
"""Which secret token verified a request: its index in a sequence, or its name in a mapping
(``0`` for a single token)."""

SecretTokens = Union[str, Sequence[str], Mapping[str, str]]
"""What ``secret_token=`` takes: one Secret Token, several (a list or tuple, for rotation), or
several by name (a mapping of the caller's names to tokens)."""


@dataclass(frozen=True)
class WebhookEvent:
    """A verified webhook: what :func:`verify_webhook` returns.

    Reads like the event Stripe's ``Webhook.construct_event`` returns: as attributes
    (``event.event``, ``event.account_id``) and as the decoded body
    (``event["payload"]``, ``event.get("event_ts")``, ``event.data``).

    Attributes:
        event: The event name (``"meeting.started"``, ``"endpoint.url_validation"``…);
            always a ``str``: a signed body without one is refused.
        payload: The event's ``payload`` object (empty if it has none).
        event_ts: The event's ``event_ts`` (Unix milliseconds), if it is an integer.
        timestamp: The ``x-zm-request-timestamp`` (Unix seconds) the request was signed at.
        data: The whole decoded body.
        body: The raw body, as verified.
        secret_id: Which secret token matched: ``0`` for a single token, the index in a
            sequence of tokens, or the caller's name in a mapping (never the token).
    """

    event: str
    payload: Mapping[str, object]
    event_ts: Optional[int]
    timestamp: int
    data: Mapping[str, object]
    body: bytes = field(repr=False)
    secret_id: SecretId = 0

    @property
    def is_url_validation(self) -> bool:
        """``True`` for Zoom's ``endpoint.url_validation`` challenge."""
        return self.event == URL_VALIDATION_EVENT

    @property
    def account_id(self) -> Optional[str]:
        """``payload.account_id``: the Zoom account the event is about, if a str."""
        return _str_or_none(self.payload.get("account_id"))

    @property
    def payload_object(self) -> Mapping[str, object]:
        """``payload.object``: the meeting, webinar, recording or user (empty if none)."""
        found = self.payload.get("object")
        return cast("Mapping[str, object]", found) if isinstance(found, Mapping) else _EMPTY

    @property
    def object_id(self) -> Optional[Union[int, str]]:
        """``payload.object.id``: a meeting or webinar number (int), a user ID (str)."""
        found = self.payload_object.get("id")
        return found if type(found) in (int, str) else None  # type: ignore[return-value]  # pyright: ignore[reportReturnType]

    @property
    def uuid(self) -> Optional[str]:
        """``payload.object.uuid``: the meeting or webinar instance, if a str."""
        return _str_or_none(self.payload_object.get("uuid"))

    @property
    def host_id(self) -> Optional[str]:
        """``payload.object.host_id``: the host's user ID, if a str."""
        return _str_or_none(self.payload_object.get("host_id"))

    def __getitem__(self, key: str) -> object:
        """``event["payload"]``: a top-level field of the decoded body (``KeyError`` if absent)."""
        return self.data[key]

    def get(self, key: str, default: object = None) -> object:
        """A top-level field of the decoded body, or ``default``."""
        return self.data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.data


def _str_or_none(value: object) -> Optional[str]:
    return value if isinstance(value, str) else None


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


def secret_keys(
    secret_token: object, parameter: str = "secret_token"
) -> tuple[tuple[SecretId, bytes], ...]:
    """Each secret token as HMAC key bytes, with the id a verified event reports.

    One ``str`` is ``((0, key),)``; a sequence gives each token its index, a mapping its
    name. Each token is checked as :func:`secret_key` checks one; errors name it by
    position (``secret_token[1]``), never by value. Refused: no token, a name that is not a
    non-empty str, the same token twice.
    """
    if isinstance(secret_token, str):
        return ((0, secret_key(secret_token, parameter)),)
    named = named_secrets(secret_token, parameter)
    keys = tuple(
        (name, secret_key(token, f"{parameter}[{index}]"))
        for index, (name, token) in enumerate(named)
    )
    if not keys:
        raise InvalidParameterError(parameter, "is empty: give at least one secret token")
    if len({key for _, key in keys}) != len(keys):
        raise InvalidParameterError(parameter, "holds the same secret token twice")
    return keys


def named_secrets(secret_token: object, parameter: str) -> list[tuple[SecretId, object]]:
    """The (id, token) pairs of a sequence or mapping of tokens; anything else is refused
    as one token would be."""
    if isinstance(secret_token, Mapping):
        pairs = list(cast("Mapping[object, object]", secret_token).items())
        for index, (name, _) in enumerate(pairs):
            if not isinstance(name, str) or not name:
                raise InvalidParameterError(
                    f"{parameter}[{index}]", "the name of a secret token must be a non-empty str"
                )
        return cast("list[tuple[SecretId, object]]", pairs)
    if isinstance(secret_token, (list, tuple)):
        return list(enumerate(cast("Sequence[object]", secret_token)))
    secret_key(secret_token, parameter)  # raises: not a str, nor tokens
    raise AssertionError  # pragma: no cover - secret_key accepts only a str


def hex_hmac(key: bytes, message: bytes) -> str:
    """Lowercase hex HMAC-SHA256."""
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signed_message(timestamp: str, body: bytes) -> bytes:
    """What Zoom signs: ``v0:{timestamp}:{raw body}``."""
    return b"v0:" + timestamp.encode("ascii") + b":" + body


def _two_headers(headers: object) -> Optional[tuple[str, str]]:
    """The timestamp and signature of a plain ``dict`` of headers, each given once as str.

    The common case, answered without building :func:`header_values`, with the same
    result: every name is still lower-cased (all at once, in C) and the two counted, and
    each is read directly when it is there once, under its lower-case or canonical
    (``X-Zm-Signature``) name. ``None`` (the general path decides, and explains) for any
    other form of headers, a name that is not a str, a CGI name (``HTTP_X_ZM_…``), or one
    of the two missing, not a non-empty str, sent more than once or spelt in another case.
    """
    if type(headers) is not dict:
        return None
    mapping = cast("dict[str, str]", headers)
    try:
        # Every name lower-cased at once: the name read below is the only one that holds
        # it, in any case, when it occurs once (no name matches across the newlines).
        names = "\n".join(mapping).lower()  # TypeError: a name that is not a str
    except TypeError:
        return None
    if (
        names.count(TIMESTAMP_HEADER) != 1
        or names.count(SIGNATURE_HEADER) != 1
        or _CGI_X_ZM in names
    ):
        return None
    stamp = mapping.get(TIMESTAMP_HEADER) or mapping.get("X-Zm-Request-Timestamp")
    signature = mapping.get(SIGNATURE_HEADER) or mapping.get("X-Zm-Signature")
    if type(stamp) is str and type(signature) is str and stamp and signature:
        return stamp, signature
    return None  # bytes, a list, "": as the general path


_CGI_X_ZM = "x_zm_"  # HTTP_X_ZM_SIGNATURE…: a CGI name, for the general path
_X_ZM = (
    (TIMESTAMP_HEADER, FindingCode.WEBHOOK_TIMESTAMP_MISSING),
    (SIGNATURE_HEADER, FindingCode.WEBHOOK_SIGNATURE_MISSING),
)


def _x_zm_headers(headers: object) -> tuple[str, str]:
    """The timestamp and signature of any form of headers (the general path)."""
    values = header_values(headers)
    return _x_zm(values, 0), _x_zm(values, 1)


def _x_zm(values: Mapping[str, list[str]], index: int) -> str:
    """The timestamp (``index`` 0) or signature (1) of the general path: required once."""
    name, missing = _X_ZM[index]
    return _one_header(values, name, missing)


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
    secret_token: SecretTokens,
    now: Now = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> WebhookEvent:
    """Check that a request is a genuine, fresh Zoom webhook, and return its event.

    Args:
        headers: The request headers in any form a Python framework gives them (see
            :func:`~zoomsig.webhook.header_values`): ``request.headers`` of Django,
            Starlette/FastAPI or Flask, Django's ``request.META`` or a WSGI ``environ``, a
            plain ``dict`` with names in any case, an ASGI ``scope`` or its raw (name,
            value) pairs of bytes, an ``email.message.Message``.
        body: The **raw** body bytes as received. A ``str`` is refused: it is not what Zoom
            signed.
        secret_token: The Secret Token of the app's event subscription, or several (a list
            or tuple, or a mapping of your names to tokens) while rotating it or when one
            endpoint serves several subscriptions; :attr:`WebhookEvent.secret_id` says which
            one matched. Each is compared in constant time.
        now: The current time (Unix seconds or an aware datetime); ``None`` reads the clock.
        tolerance: How far (seconds) ``x-zm-request-timestamp`` may be from ``now``.

    Returns:
        The verified :class:`WebhookEvent`.

    Raises:
        InvalidWebhookError: a header is missing or malformed, the signature does not match
            (compared in constant time), the timestamp is outside the window, or the signed
            body is not a JSON object with a string ``event``.
            :attr:`~InvalidWebhookError.finding_code` says which.
        InvalidParameterError: an argument cannot work (a ``str`` body, an empty secret).
    """
    raw = body if type(body) is bytes else raw_body(body)
    key = secret_key(secret_token) if type(secret_token) is str else None
    keys = () if key is not None else secret_keys(secret_token)
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
    stamp_text, signature = _two_headers(headers) or _x_zm_headers(headers)
    # _stamp's checks, inlined for the usual 10 digits (below MILLISECONDS by their count)
    stamp = (
        int(stamp_text)
        if len(stamp_text) == 10 and stamp_text.isascii() and stamp_text.isdigit()
        else _stamp(stamp_text)
    )
    message = b"v0:" + stamp_text.encode() + b":" + raw  # the stamp's digits are ASCII
    secret_id: SecretId = 0
    if key is None:
        secret_id = _matching_secret(keys, message, signature)
    # A signature equal to the expected one has its shape; the pattern decides only
    # between a malformed signature and a mismatch (compare_digest needs ASCII text).
    elif not (
        signature.isascii()
        and hmac.compare_digest("v0=" + hmac.digest(key, message, "sha256").hex(), signature)
    ):
        _refuse_signature(signature)
    offset = current - stamp
    if abs(offset) > window:
        _refuse_window(offset, window)
    data = decode_event(raw)
    if data is None:
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_BODY_NOT_JSON, "the signed body is not a JSON object"
        )
    name = data.get("event")
    if type(name) is not str:
        _refuse_event()
    payload = data.get("payload")
    event_ts = data.get("event_ts")
    # What WebhookEvent(...) makes, without its frozen __init__'s seven object.__setattr__
    # calls (a third of the library's own time per verified request).
    event = object.__new__(WebhookEvent)
    object.__setattr__(
        event,
        "__dict__",
        {
            "event": name,
            "payload": payload if type(payload) is dict else _EMPTY,
            "event_ts": event_ts if type(event_ts) is int else None,
            "timestamp": stamp,
            "data": data,
            "body": raw,
            "secret_id": secret_id,
        },
    )
    return event


def _stamp(text: str) -> int:
    """The timestamp header's Unix seconds, or why it is refused."""
    if not (0 < len(text) <= 20 and text.isascii() and text.isdigit()):  # parse_timestamp's
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_TIMESTAMP_INVALID,
            f"{TIMESTAMP_HEADER} is not a Unix time in decimal digits",
        )
    stamp = int(text)
    if stamp >= MILLISECONDS:
        raise InvalidWebhookError(
            FindingCode.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
            f"{TIMESTAMP_HEADER} has {len(text)} digits: milliseconds, not seconds",
        )
    return stamp


def _matching_secret(
    keys: tuple[tuple[SecretId, bytes], ...], message: bytes, signature: str
) -> SecretId:
    """The id of the first secret token whose signature is ``signature``.

    Each comparison is constant-time; a signature that matches none is compared with
    every token, so its refusal takes the same time whatever it holds. A match returns at
    once: its time tells only the holder of that token which position it has.
    """
    if signature.isascii():
        for secret_id, key in keys:
            expected = "v0=" + hmac.digest(key, message, "sha256").hex()
            if hmac.compare_digest(expected, signature):
                return secret_id
    _refuse_signature(signature)


def _refuse_window(offset: float, window: int) -> NoReturn:
    direction = "old" if offset > 0 else "in the future"
    raise InvalidWebhookError(
        FindingCode.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW,
        f"the request timestamp is {int(abs(offset))} s {direction} (tolerance {window} s): "
        "a replay, a delayed request or a clock out of sync",
    )


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


def _refuse_event() -> NoReturn:
    raise InvalidWebhookError(
        FindingCode.WEBHOOK_BODY_NOT_JSON,
        'the signed body is a JSON object without a string "event": not a Zoom event',
    )


def url_validation_response(
    event: Union[WebhookEvent, Mapping[str, object]], *, secret_token: SecretTokens
) -> dict[str, str]:
    """The JSON answer to Zoom's ``endpoint.url_validation`` challenge.

    Verify the request first (Zoom signs the challenge like every event), then answer 200
    with this dict as the JSON body, within about 3 seconds.

    Args:
        event: The verified :class:`WebhookEvent`, or the decoded JSON body.
        secret_token: The Secret Token of the event subscription, or the tokens given to
            :func:`verify_webhook`: the answer uses the one that verified ``event``
            (:attr:`WebhookEvent.secret_id`).

    Returns:
        ``{"plainToken": …, "encryptedToken": hex HMAC-SHA256 of plainToken}``.

    Raises:
        InvalidParameterError: ``event`` is not an ``endpoint.url_validation`` event with a
            non-empty string ``payload.plainToken`` of valid Unicode text (a JSON escape of
            a lone surrogate, such as ``"\\ud800"``, is refused), or the secret token cannot
            be Zoom's, or several tokens are given with a decoded body (which does not
            say which of them signed it) or without the one that verified the event.
    """
    key = _answer_key(event, secret_token)
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


def _answer_key(event: object, secret_token: object) -> bytes:
    """The key of the secret token that verified ``event``, among the ones given."""
    if type(secret_token) is str:
        return secret_key(secret_token)
    keys = dict(secret_keys(secret_token))
    if not isinstance(event, WebhookEvent):
        if len(keys) == 1:
            return next(iter(keys.values()))
        raise InvalidParameterError(
            "secret_token",
            "holds several tokens, and a decoded body does not say which one signed it: "
            "pass the WebhookEvent verify_webhook returned",
        )
    key = keys.get(event.secret_id)
    if key is None:
        raise InvalidParameterError(
            "secret_token",
            f"holds no token with the id {describe(event.secret_id)}, the one that verified "
            "the event: pass the same tokens to both",
        )
    return key


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
