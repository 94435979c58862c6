"""``diagnose_webhook``: why a Zoom webhook check fails, named with ``WEBHOOK_*`` codes.

Given the headers, the body the caller verified and the secret token, it recomputes the
HMAC, and when it does not match, tries the mistakes people make (a body re-serialised from
parsed JSON, the verification token, base64 instead of hex, the ``v0=`` prefix, a secret
with whitespace…), each confirmed by the HMAC, never guessed. It never raises for any
headers or body, does bounded work, and never puts the secret token (or 8 characters of
it) in the report.
"""

from __future__ import annotations

import ast
import base64
import binascii
import contextlib
import dataclasses
import email.utils
import hashlib
import hmac
import itertools
import json
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Callable, NamedTuple, Optional, cast

from zoomsig._enums import TokenKind
from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import Redactor, bare, check_secret_text, unwrapped
from zoomsig._time import Now, resolve_now
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._text import duration
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding, Report
from zoomsig.webhook._core import (
    DEFAULT_TOLERANCE,
    MAX_WEBHOOK_BODY_SIZE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    URL_VALIDATION_EVENT,
    SecretId,
    SecretTokens,
    check_tolerance,
    decode_event,
    named_secrets,
    parse_timestamp,
    signed_message,
)
from zoomsig.webhook._headers import header_values

__all__ = [
    "MAX_DIAGNOSED_TOKENS",
    "check_token",
    "diagnose_webhook",
    "other_keys",
    "read_mac",
    "redact_finding",
]

_C = FindingCode
_HEX = frozenset("0123456789abcdef")
_MILLISECONDS = 100_000_000_000
_PERMUTE_LIMIT = 16_384  # bodies up to 16 KiB get their key orders tried…
_MAX_ORDERS = 144  # …at most this many (Zoom's events: 3 top-level keys, 2 or 3 in payload)
_HASH_BUDGET = 4 * 1024 * 1024  # …and at most this many bytes of them hashed in all
# The body is serialised once per escaping (twice at most) and its key orders are put
# together from those pieces: the orders cost concatenation and HMAC, not serialisation.
_ENCODERS = tuple(  # indexed by ensure_ascii; stateless, built once
    json.JSONEncoder(separators=(",", ":"), ensure_ascii=ascii_only) for ascii_only in (False, True)
)
_OTHER_EVENT_AFTER = 6 * 3600  # Zoom's 3 retries come 5, 20 and 60 min apart: 85 min
_SHOWN = 24  # a plainToken (22 characters) is shown whole
_MAX_SCANNED = 4096  # header values longer than this are cut before the secret scan
_REDACTED = "(a value that holds the secret token, not shown)"
_STAMP_BEFORE, _STAMP_AFTER = 60, 300
"""The timestamp search: from 60 s before to 300 s after each anchor (the timestamp given,
the body's event_ts, the Date header, now), nearest first…"""
_STAMP_BUDGET = 2 * 1024 * 1024  # …with at most this many bytes hashed in all
_REPR_LIMIT = 65_536  # a body up to 64 KiB is read as a Python literal when it is not JSON
_OTHER_HEADERS = 16  # at most this many other headers are tried as the signature
_TOKEN_SHAPE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_CHARSETS = ("latin-1", "cp1252")


class _Serialiser(NamedTuple):
    name: str
    dump: Callable[[object], bytes]


def _dumps(**options: object) -> Callable[[object], bytes]:
    def dump(data: object) -> bytes:
        return json.dumps(data, **options).encode("utf-8")  # type: ignore[arg-type]

    return dump


def _with_newline(dump: Callable[[object], bytes]) -> Callable[[object], bytes]:
    def dump_line(data: object) -> bytes:
        return dump(data) + b"\n"

    return dump_line


def _php(data: object) -> bytes:
    # PHP's json_encode(): compact, \uXXXX escapes, and "/" escaped as "\/" ("/" only ever
    # occurs inside strings in JSON, so replacing every one is exact).
    return json.dumps(data, separators=(",", ":")).replace("/", "\\/").encode("ascii")


_COMPACT = (",", ":")
_SERIALISERS = (
    _Serialiser(
        "json.dumps(event): Python's default separators ', ' and ': ' and \\uXXXX escapes "
        "(also Django's JsonResponse, and requests' json=)",
        _dumps(),
    ),
    _Serialiser(
        "json.dumps(event, sort_keys=True): sorted keys, separators ', ' and ': ', \\uXXXX "
        "escapes (also flask.json.dumps)",
        _dumps(sort_keys=True),
    ),
    _Serialiser(
        "json.dumps(event, ensure_ascii=False): separators ', ' and ': '",
        _dumps(ensure_ascii=False),
    ),
    _Serialiser(
        "json.dumps(event, separators=(',', ':')): compact, but non-ASCII characters escaped "
        "as \\uXXXX (ensure_ascii=True)",
        _dumps(separators=_COMPACT),
    ),
    _Serialiser(
        "Flask's jsonify / app.json.response: compact, sorted keys, \\uXXXX escapes and a "
        "trailing newline",
        _with_newline(_dumps(sort_keys=True, separators=_COMPACT)),
    ),
    _Serialiser(
        "Flask's jsonify in debug mode: indent=2, sorted keys, \\uXXXX escapes and a trailing "
        "newline",
        _with_newline(_dumps(sort_keys=True, indent=2)),
    ),
    _Serialiser(
        "json.dumps(event, sort_keys=True, separators=(',', ':'), ensure_ascii=False): "
        "compact with sorted keys",
        _dumps(sort_keys=True, separators=_COMPACT, ensure_ascii=False),
    ),
    _Serialiser(
        "json.dumps(event, sort_keys=True, separators=(',', ':')): sorted keys and \\uXXXX escapes",
        _dumps(sort_keys=True, separators=_COMPACT),
    ),
    _Serialiser("json.dumps(event, indent=2): pretty-printed", _dumps(indent=2)),
    _Serialiser("json.dumps(event, indent=4): pretty-printed", _dumps(indent=4)),
    _Serialiser(
        "json.dumps(event, indent=2, ensure_ascii=False): pretty-printed",
        _dumps(indent=2, ensure_ascii=False),
    ),
    _Serialiser(
        "PHP's json_encode($event): \\uXXXX escapes and '/' escaped as '\\/'",
        _php,
    ),
    _Serialiser(
        "a compact serialiser in another key order (FastAPI's JSONResponse, orjson.dumps)",
        _dumps(separators=_COMPACT, ensure_ascii=False),
    ),
)


def diagnose_webhook(
    headers: object,
    body: object,
    *,
    secret_token: SecretTokens,
    verification_token: Optional[str] = None,
    now: Now = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> Report:
    """Say why a Zoom webhook request fails verification, or confirm that it passes.

    Args:
        headers: The request headers, as given to :func:`verify_webhook` (any mapping; for
            the diagnosis anything is accepted and reported on).
        body: The body the caller verified: ideally the raw bytes; a ``str``, a parsed
            ``dict`` or ``None`` are diagnosed too (that is often the mistake).
        secret_token: The Secret Token the caller verifies with (whitespace is reported,
            not refused), or several, as :func:`verify_webhook` takes them (a sequence, or a
            mapping of names to tokens; at most :data:`MAX_DIAGNOSED_TOKENS`). The report is
            the one of the token that matches, with a ``WEBHOOK_SECRET_MATCHED`` note naming
            it by position or name (never by value); when none matches, the first token's.
        verification_token: The app's retired verification token, if you have it: then a
            mix-up of the two tokens is named (both are 22 characters, so their shape cannot
            tell them apart).
        now: The current time; ``None`` reads the clock.
        tolerance: The replay window, as for :func:`verify_webhook`.

    Returns:
        A :class:`~zoomsig.Report` of kind ``TokenKind.WEBHOOK``: ``signature_verified``
        says whether the HMAC matches the secret as given; ``header`` holds the two
        ``x-zm-*`` values (cut short), ``claims`` the event name and ``event_ts``, and
        ``expires_at`` the end of the replay window.

    Raises:
        InvalidParameterError: only for arguments other than ``headers`` and ``body``
            (a secret token that is not a non-empty str, a bad ``now`` or ``tolerance``).
    """
    tokens = _diagnosed_tokens(secret_token)
    if verification_token is not None:
        check_token(verification_token, "verification_token", "expected a non-empty str or None")
    window = check_tolerance(tolerance)
    current = resolve_now(now)
    reports: list[Report] = []
    for name, token in tokens:
        label = None if len(tokens) == 1 else name
        diagnosis = _Diagnosis(token, verification_token, window, current, Findings(), label=label)
        reports.append(diagnosis.run(headers, body))
        if reports[-1].signature_verified:
            return reports[-1]
    return reports[0]  # none matches: the first token's diagnosis


MAX_DIAGNOSED_TOKENS = 8
"""The most secret tokens :func:`diagnose_webhook` takes at once: each one that does not
match costs a whole diagnosis (its bound in docs/security.md)."""


def _diagnosed_tokens(secret_token: object) -> list[tuple[SecretId, str]]:
    """The (id, token) pairs to diagnose with, each checked as one token is."""
    if isinstance(secret_token, str):
        check_token(secret_token, "secret_token", "expected a non-empty str")
        return [(0, secret_token)]
    if not isinstance(secret_token, (list, tuple, Mapping)):
        raise InvalidParameterError(
            "secret_token", "expected a non-empty str, a sequence of them or a mapping"
        )
    pairs = named_secrets(cast("object", secret_token), "secret_token")
    if not pairs or len(pairs) > MAX_DIAGNOSED_TOKENS:
        raise InvalidParameterError(
            "secret_token",
            f"give 1 to {MAX_DIAGNOSED_TOKENS} secret tokens, got {len(pairs)}",
        )
    for index, (_, token) in enumerate(pairs):
        check_token(token, f"secret_token[{index}]", "expected a non-empty str")
    return cast("list[tuple[SecretId, str]]", pairs)


def check_token(value: object, parameter: str, expected: str) -> None:
    """Refused by type and length first, then lone surrogates; whitespace is reported."""
    if not isinstance(value, str):
        raise InvalidParameterError(parameter, expected)
    check_secret_text(value, parameter, what="the token")
    if not bare(value):
        raise InvalidParameterError(parameter, expected)


class _Diagnosis:
    """One diagnosis: its steps (the methods) write into the one collector, ``found``."""

    def __init__(
        self,
        secret: str,
        verification: Optional[str],
        window: int,
        current: float,
        found: Findings,
        *,
        label: Optional[SecretId] = None,
    ) -> None:
        self.secret = secret
        self.label = label  # the token's position or name, when several were given
        self.verification = verification
        self.window = window
        self.current = current
        self.found = found
        tokens = (secret, verification or "")
        # The same redaction as the token diagnosis (every escaped spelling); a token under
        # 4 characters is still matched whole.
        self.redactor = Redactor(
            *dict.fromkeys(t for token in tokens for t in (token, bare(token)) if t), shortest=1
        )
        self.add = found.add
        self.cached_pieces: Optional[tuple[_Pieces, ...]] = None
        self.values: Mapping[str, list[str]] = {}
        self.python_repr = False  # the body is a Python literal (str() of the parsed event)
        self.not_utf8 = False  # the body reads as JSON only in latin-1
        self.decoded_values: set[bytes] = set()  # originals with a framework's decoding undone

    # --- helpers ---------------------------------------------------------------------------

    def holds_secret(self, text: str) -> bool:
        """Whether ``text`` holds 8 characters in a row of a token, in any spelling."""
        return self.redactor.holds(text)

    def cut(self, text: str) -> str:
        """``text`` cut short, or a redaction note if it holds the secret."""
        if self.holds_secret(text[:_MAX_SCANNED]):
            return _REDACTED
        return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"

    def shown(self, text: str) -> str:
        """``text`` cut short and quoted for a message (or the redaction note)."""
        short = self.cut(text)
        return short if short == _REDACTED else repr(short)

    # --- the run -------------------------------------------------------------------------

    def run(self, headers: object, body: object) -> Report:
        raw = self.body(body)
        data = self.event(raw)
        values = self.values = self.headers(headers)
        stamp_text, stamp = self.timestamp(values)
        digest = self.signature(values)
        verified: Optional[bool] = None
        if not values.get(TIMESTAMP_HEADER):
            self.missing_stamp(raw, data, digest)
        elif raw is not None and digest is not None and stamp_text is not None:
            verified = self.verify(raw, data, stamp_text, stamp, digest)
        elif raw is not None and stamp_text is not None and stamp_text.isascii():
            self.signature_elsewhere(raw, stamp_text)
        if verified is not True:
            self.carried_secret(values, data)
        elif self.label is not None:
            self.add(_C.WEBHOOK_SECRET_MATCHED, _matched(self.label), "signature")
        self.unconfirmed_body()
        if data is not None and data.get("event") == URL_VALIDATION_EVENT:
            payload = data.get("payload")
            plain = payload.get("plainToken") if isinstance(payload, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
            shown = self.shown(plain) if isinstance(plain, str) else "none"
            self.add(
                _C.WEBHOOK_URL_VALIDATION,
                f"an {URL_VALIDATION_EVENT} challenge with plainToken {shown}",
                "event",
            )
        return self.report(values, data, stamp, verified)

    def event(self, raw: Optional[bytes]) -> Optional[dict[str, object]]:
        """The body as an event: JSON, else a Python literal or latin-1 JSON (both named)."""
        if not raw:
            return None
        data = decode_event(raw)
        if data is None:
            data = _python_literal(raw)
            self.python_repr = data is not None
        if data is None and not _is_utf8(raw):
            data = decode_event(raw.decode("latin-1").encode("utf-8"))
            self.not_utf8 = data is not None
        if data is None:
            self.add(
                _C.WEBHOOK_BODY_NOT_JSON,
                "the body is not a JSON object (Zoom sends one with event and payload)",
                "body",
            )
        elif not isinstance(data.get("event"), str):  # verify_webhook refuses it alike
            self.add(
                _C.WEBHOOK_BODY_NOT_JSON,
                "the body is a JSON object without an event name (Zoom's has event and payload)",
                "body",
            )
        return data

    def unconfirmed_body(self) -> None:
        """Name a body that cannot be Zoom's bytes, if the HMAC did not already."""
        if self.python_repr and not self.found.has(_C.WEBHOOK_BODY_PYTHON_REPR):
            self.add(
                _C.WEBHOOK_BODY_PYTHON_REPR,
                "the body is a Python literal (\"{'event': ...}\"): str() or repr() of the "
                "parsed event, never the JSON Zoom sent",
                "body",
            )
        if self.not_utf8 and not self.found.has(_C.WEBHOOK_BODY_WRONG_CHARSET):
            self.add(
                _C.WEBHOOK_BODY_WRONG_CHARSET,
                "the body is not UTF-8 but reads as JSON in latin-1: it was encoded in "
                "another charset on the way (Zoom sends UTF-8)",
                "body",
            )

    def body(self, body: object) -> Optional[bytes]:
        if isinstance(body, (bytes, bytearray, memoryview)):
            raw = bytes(body)  # pyright: ignore[reportUnknownArgumentType]
        elif isinstance(body, str):
            self.add(
                _C.WEBHOOK_BODY_NOT_BYTES,
                "the body is a str: decoded text, maybe re-serialised, not the bytes Zoom "
                "signed (diagnosing its UTF-8 encoding)",
                "body",
            )
            raw = body.encode("utf-8", "surrogatepass")
        else:
            kind = type(body).__name__
            hint = " (the parsed event, not the raw body)" if isinstance(body, (dict, list)) else ""
            self.add(
                _C.WEBHOOK_BODY_NOT_BYTES, f"the body is a {kind}{hint}, not the raw bytes", "body"
            )
            if not isinstance(body, (dict, list)):
                return None
            try:
                raw = json.dumps(body, separators=_COMPACT, ensure_ascii=False).encode("utf-8")
            except (TypeError, ValueError, RecursionError):
                return None
        if len(raw) > MAX_WEBHOOK_BODY_SIZE:
            self.add(
                _C.WEBHOOK_BODY_TOO_LARGE,
                f"the body has {len(raw)} bytes, over the {MAX_WEBHOOK_BODY_SIZE}-byte cap; "
                "not checked further",
                "body",
            )
            return None
        if not raw.strip():
            self.add(
                _C.WEBHOOK_BODY_EMPTY,
                "the body is empty: was the request stream already read?"
                if not raw
                else "the body is only whitespace",
                "body",
            )
            return None
        return raw

    def headers(self, headers: object) -> dict[str, list[str]]:
        """The headers as :func:`verify_webhook` reads them (:func:`header_values`): the two
        cannot disagree on which headers a request has. Anything unreadable counts as no
        headers; the report then says what is missing."""
        try:
            return header_values(headers)
        except Exception:  # any object may come in
            return {}

    def timestamp(self, values: Mapping[str, list[str]]) -> tuple[Optional[str], Optional[float]]:
        given = values.get(TIMESTAMP_HEADER)
        if not given:  # named by run(), with the timestamp found, if any
            return None, None
        if len(set(given)) > 1:
            self.add(
                _C.WEBHOOK_TIMESTAMP_INVALID,
                f"{TIMESTAMP_HEADER} was sent {len(given)} times with different values",
                "timestamp",
            )
            return None, None
        text = given[0]
        stamp = parse_timestamp(text)
        if stamp is None:
            self.add(
                _C.WEBHOOK_TIMESTAMP_INVALID,
                f"{TIMESTAMP_HEADER} is {self.shown(text)}, not decimal digits",
                "timestamp",
            )
            return text, None
        seconds: float = stamp
        if stamp >= _MILLISECONDS:
            seconds = stamp / 1000
            self.add(
                _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
                f"{TIMESTAMP_HEADER} is {stamp}, {len(text)} digits: milliseconds "
                f"(seconds would be {stamp // 1000})",
                "timestamp",
            )
        offset = self.current - seconds
        if abs(offset) > self.window:
            where = (
                f"{duration(offset)} old: a replayed or delayed request, or this server's "
                "clock is ahead"
                if offset > 0
                else f"{duration(offset)} in the future: a clock out of sync"
            )
            self.add(
                _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW,
                f"the request timestamp is {where} (offset {int(offset):+d} s, tolerance "
                f"{self.window} s)",
                "timestamp",
            )
        return text, seconds

    def signature(self, values: Mapping[str, list[str]]) -> Optional[bytes]:
        """The 32-byte MAC the header carries (hex or base64), or ``None``."""
        given = values.get(SIGNATURE_HEADER)
        if not given:
            self.add(_C.WEBHOOK_SIGNATURE_MISSING, f"no {SIGNATURE_HEADER} header", "signature")
            return None
        if len(set(given)) > 1:
            self.add(
                _C.WEBHOOK_SIGNATURE_MALFORMED,
                f"{SIGNATURE_HEADER} was sent {len(given)} times with different values",
                "signature",
            )
            return None
        text = given[0]
        rest, prefixes = text, 0
        while rest[:3].lower() == "v0=" and prefixes < 10:
            rest, prefixes = rest[3:], prefixes + 1
        if self.holds_secret(text[:_MAX_SCANNED]):
            self.add(
                _C.WEBHOOK_SIGNATURE_MALFORMED,
                f"{SIGNATURE_HEADER} holds the secret token itself, not an HMAC made with it",
                "signature",
            )
            return None
        if read_mac(rest)[0] is None and (self.misplaced(values, text) or self.token_shaped(rest)):
            return None
        digest = self.decode_mac(rest)
        if digest is None:
            return None
        if prefixes == 0:
            self.add(
                _C.WEBHOOK_SIGNATURE_PREFIX_MISSING,
                f"{SIGNATURE_HEADER} starts {self.shown(text[:8])} without 'v0='",
                "signature",
            )
        elif prefixes > 1:
            self.add(
                _C.WEBHOOK_SIGNATURE_PREFIX_DOUBLED,
                f"{SIGNATURE_HEADER} starts with 'v0=' {prefixes} times",
                "signature",
            )
        elif not text.startswith("v0="):
            self.add(
                _C.WEBHOOK_SIGNATURE_MALFORMED,
                f"{SIGNATURE_HEADER} starts {self.shown(text[:3])}; Zoom writes 'v0=' in "
                "lower case",
                "signature",
            )
        return digest

    def misplaced(self, values: Mapping[str, list[str]], text: str) -> bool:
        """Whether the signature header holds the value of another header (named)."""
        for name, given in itertools.islice(values.items(), 1000):
            if name != SIGNATURE_HEADER and text in given:
                self.add(
                    _C.WEBHOOK_SIGNATURE_WRONG_HEADER,
                    f"{SIGNATURE_HEADER} holds the value of the {self.shown(name)} header, "
                    "not an HMAC: it was read from the wrong header",
                    "signature",
                )
                return True
        return False

    def token_shaped(self, rest: str) -> bool:
        """Whether the signature is a 22-character Zoom token (named), not an HMAC."""
        if len(rest) != 22 or not set(rest) <= _TOKEN_SHAPE:
            return False
        self.add(
            _C.WEBHOOK_VERIFICATION_TOKEN_USED,
            f"{SIGNATURE_HEADER} holds a 22-character token, not an HMAC: the app's retired "
            "verification token (Zoom's old requests sent it in the authorization header) "
            "where the signature belongs",
            "signature",
        )
        return True

    def decode_mac(self, rest: str) -> Optional[bytes]:
        digest, form = read_mac(rest)
        if form == "upper-case hex":
            self.add(
                _C.WEBHOOK_SIGNATURE_MALFORMED,
                "the HMAC is upper-case hex; Zoom sends lower case, and an exact comparison "
                "(as it should be) fails",
                "signature",
            )
        elif form == "base64":
            self.add(
                _C.WEBHOOK_SIGNATURE_BASE64,
                f"the HMAC is {len(rest)} characters of base64; Zoom's is 64 hex digits",
                "signature",
            )
        if digest is not None:
            return digest
        self.add(
            _C.WEBHOOK_SIGNATURE_MALFORMED,
            f"the HMAC part has {len(rest)} character{'s' * (len(rest) != 1)} and is neither "
            "64 hex digits nor base64 of 32 bytes (cut short, or another algorithm?)",
            "signature",
        )
        return None

    # --- the HMAC and its variants ------------------------------------------------------

    def verify(
        self,
        raw: bytes,
        data: Optional[dict[str, object]],
        stamp_text: str,
        stamp: Optional[float],
        digest: bytes,
    ) -> bool:
        if not stamp_text.isascii():
            return False

        def matches(key: bytes, body: bytes) -> bool:
            mac = hmac.new(key, signed_message(stamp_text, body), hashlib.sha256).digest()
            return hmac.compare_digest(mac, digest)

        key = bare(self.secret).encode("utf-8")
        if key != self.secret.encode("utf-8"):
            if self.padded_secret(matches(key, raw)):
                return False
        elif matches(key, raw):
            return True
        if (
            self.quoted_secret(matches, raw)
            or self.verification_used(matches, raw)
            or self.recoded(matches, key, raw)
            or self.reserialised(matches, key, raw, data)
            or self.retimed(raw, data, stamp_text, digest)
            or self.signature_elsewhere(raw, stamp_text)
        ):
            return False
        self.mismatch(raw, data, stamp)
        return False

    def quoted_secret(self, matches: Callable[[bytes, bytes], bool], raw: bytes) -> bool:
        """Name quotes (or ``;``) around the secret token; whether the rest verifies."""
        inner = unwrapped(self.secret)
        if inner == bare(self.secret):
            return False
        confirmed = matches(inner.encode("utf-8"), raw)
        if confirmed or bare(self.secret)[:1] in "\"'`":
            self.add(
                _C.WEBHOOK_SECRET_QUOTED,
                "the secret token you gave has quotes or other characters around it"
                + ("; the signature matches once they are removed" if confirmed else ""),
                "secret_token",
            )
        return confirmed

    def recoded(self, matches: Callable[[bytes, bytes], bool], key: bytes, raw: bytes) -> bool:
        """Name a body decoded or encoded in another charset, when the HMAC confirms it."""
        for how, original in _recodings(raw):
            if matches(key, original):
                self.add(
                    _C.WEBHOOK_BODY_WRONG_CHARSET,
                    f"the signature matches Zoom's UTF-8 body, not this one: {how}",
                    "body",
                )
                return True
        return False

    def signed_stamp(
        self, raw: bytes, data: Optional[dict[str, object]], given: Optional[str], digest: bytes
    ) -> Optional[str]:
        """The timestamp Zoom signed, found near the evidence (bounded), as a phrase."""
        event_ts = _event_ts(data)
        anchors = _anchors(given, event_ts, self.values.get("date"), self.current)
        key = bare(unwrapped(self.secret)).encode("utf-8")
        signed = _search_stamps(key, raw, digest, anchors)
        if signed is None:
            return None
        after = f", {signed - event_ts // 1000} s after the body's event_ts" if event_ts else ""
        return f"the signature matches the timestamp {signed}{after}"

    def missing_stamp(
        self, raw: Optional[bytes], data: Optional[dict[str, object]], digest: Optional[bytes]
    ) -> None:
        found = None
        if raw is not None and digest is not None:
            found = self.signed_stamp(raw, data, None, digest)
        self.add(
            _C.WEBHOOK_TIMESTAMP_MISSING,
            f"no {TIMESTAMP_HEADER} header"
            + (
                f"; {found}: the header was sent, and dropped on the way (a proxy or a "
                "header allow-list?)"
                if found
                else ""
            ),
            "timestamp",
        )

    def retimed(
        self, raw: bytes, data: Optional[dict[str, object]], given: str, digest: bytes
    ) -> bool:
        """Name a timestamp that Zoom did not sign, when the one it did is found."""
        found = self.signed_stamp(raw, data, given, digest)
        if found is None:
            return False
        self.add(
            _C.WEBHOOK_TIMESTAMP_NOT_SIGNED,
            f"{found}, not {self.stamp_origin(given, _event_ts(data))}: use the "
            f"{TIMESTAMP_HEADER} header of the request",
            "timestamp",
        )
        return True

    def stamp_origin(self, given: str, event_ts: Optional[int]) -> str:
        """What the timestamp the caller used was, as far as the evidence says."""
        shown = self.shown(given)
        if event_ts is not None and given == str(event_ts):
            return f"{shown}, the body's event_ts (milliseconds, when the event happened)"
        if event_ts is not None and given in (str(event_ts // 1000), str(round(event_ts / 1000))):
            return f"{shown}, the body's event_ts in seconds (when the event happened)"
        if given in self.values.get("date", ()):
            return f"{shown}, the Date header"
        stamp = parse_timestamp(given)
        if stamp is not None and abs(stamp - self.current) <= 5:
            return f"{shown}, the clock at the check (time.time()?)"
        return f"{shown}, which Zoom did not sign (from another request?)"

    def signature_elsewhere(self, raw: bytes, stamp_text: str) -> bool:
        """Find Zoom's signature under another header name (a renamed header); name it."""
        key = bare(unwrapped(self.secret)).encode("utf-8")
        expected = _mac(key, stamp_text, raw)
        others = (
            (name, given[0])
            for name, given in self.values.items()
            if name not in (SIGNATURE_HEADER, TIMESTAMP_HEADER)
        )
        for name, value in itertools.islice(others, _OTHER_HEADERS):
            rest = value[3:] if value[:3].lower() == "v0=" else value
            if (
                len(rest) == 64
                and set(rest.lower()) <= _HEX
                and hmac.compare_digest(bytes.fromhex(rest), expected)
            ):
                self.add(
                    _C.WEBHOOK_SIGNATURE_WRONG_HEADER,
                    f"Zoom's signature is in the {self.shown(name)} header, not "
                    f"{SIGNATURE_HEADER}: a proxy renamed it, or the code reads another",
                    "signature",
                )
                return True
        return False

    def carried_secret(
        self, values: Mapping[str, list[str]], data: Optional[dict[str, object]]
    ) -> None:
        """Name a request that carries the token you verify with: it is no secret token."""
        if self.found.has(_C.WEBHOOK_VERIFICATION_TOKEN_USED):
            return
        token = bare(unwrapped(self.secret))
        where = _carrier(values, data, token)
        if where is not None:
            self.add(
                _C.WEBHOOK_VERIFICATION_TOKEN_USED,
                f"the request's {self.cut(where)} carries the very token you verify with: "
                "Zoom sends the app's verification token in requests (its old authorization "
                "header), never the secret token, so your secret_token is the verification "
                "token",
                "secret_token",
            )

    def padded_secret(self, confirmed: bool) -> bool:
        """Name the padding around the secret token; whether the bare token verifies."""
        padding = (
            "surrounding whitespace"
            if self.secret != self.secret.strip()
            else "a byte-order mark (U+FEFF) around it"
        )
        self.add(
            _C.WEBHOOK_SECRET_HAS_WHITESPACE,
            f"the secret token you gave has {padding}"
            + ("; the signature matches once it is stripped" if confirmed else ""),
            "secret_token",
        )
        return confirmed

    def verification_used(self, matches: Callable[[bytes, bytes], bool], raw: bytes) -> bool:
        if self.verification is None:
            return False
        verification = bare(self.verification)
        if verification == bare(self.secret):
            self.add(
                _C.WEBHOOK_VERIFICATION_TOKEN_USED,
                "the secret_token you gave is the app's verification token",
                "secret_token",
            )
            return True
        if matches(verification.encode("utf-8"), raw):
            self.add(
                _C.WEBHOOK_VERIFICATION_TOKEN_USED,
                "the request was signed with the verification token, not the secret token",
                "secret_token",
            )
            return True
        return False

    def reserialised(
        self,
        matches: Callable[[bytes, bytes], bool],
        key: bytes,
        raw: bytes,
        data: Optional[dict[str, object]],
    ) -> bool:
        if data is None and raw == raw.strip():
            return False
        for original in self.originals(raw, data):
            if matches(key, original):
                if self.python_repr:
                    self.add(
                        _C.WEBHOOK_BODY_PYTHON_REPR,
                        "the signature matches the compact JSON Zoom sent, not this body: it "
                        "is Python's str() or repr() of the parsed event (\"{'event': ...}\")",
                        "body",
                    )
                    return True
                how = (
                    "the framework changed values when it decoded the body (empty strings "
                    "became null and {} became [], as Laravel's $request->all() does): hash "
                    "the raw request body instead"
                    if original in self.decoded_values
                    else self.how(raw, original)
                )
                self.add(
                    _C.WEBHOOK_BODY_RESERIALISED,
                    "the signature matches the compact JSON Zoom sent, not this body: " + how,
                    "body",
                )
                return True
        return False

    def mismatch(
        self, raw: bytes, data: Optional[dict[str, object]], stamp: Optional[float]
    ) -> None:
        self.add(
            _C.WEBHOOK_SIGNATURE_MISMATCH,
            "no variant of the body, the secret token or the encoding explains the signature",
            "signature",
        )
        if data is not None and not (self.python_repr or self.compact(raw, data)):
            self.add(
                _C.WEBHOOK_BODY_NOT_COMPACT,
                "the body has whitespace, escapes or a key order that Zoom's compact JSON "
                "does not: it was probably re-serialised (and its original key order could "
                "not be recovered)",
                "body",
            )
        self.other_event(data, stamp)

    def originals(self, raw: bytes, data: Optional[dict[str, object]]) -> Iterator[bytes]:
        """What Zoom may have sent, given what the caller holds (bounded).

        The body as it is trimmed, then its compact JSON in its own key order and, for a
        body of at most 16 KiB, in up to 144 other orders of its top-level and ``payload``
        keys: each with and without ``\\uXXXX`` escapes, all put together from at most two
        serialisations of the body, and no more than 4 MiB of them in all.
        """
        seen = {raw}
        candidates: Iterator[bytes] = iter((raw.strip(), raw.rstrip(b"\r\n")))
        if data is not None:
            orders = _orders(data, len(raw) <= _PERMUTE_LIMIT)
            candidates = itertools.chain(
                candidates, _assembled(self.pieces(data), orders), self.undecoded(data)
            )
        budget = _HASH_BUDGET
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                budget -= len(candidate)
                if budget < 0:
                    return
                yield candidate

    def undecoded(self, data: dict[str, object]) -> Iterator[bytes]:
        """The compact JSON Zoom sent, if a framework's decoding changed values: Laravel's
        ``$request->all()`` holds ``{}`` as ``[]`` and ``""`` as ``null``
        (ConvertEmptyStringsToNull), and ``json_encode`` writes them so (remembered, to name
        it)."""
        try:
            restored = _restored(data)
            if restored == data:
                return
            texts = [
                json.dumps(restored, separators=_COMPACT, ensure_ascii=ensure_ascii)
                for ensure_ascii in (False, True)
            ]
        except RecursionError:  # nested deeper than any event: not Zoom's body
            return
        for text in texts:
            with contextlib.suppress(UnicodeEncodeError):  # a lone surrogate: not Zoom's
                body = text.encode()
                self.decoded_values.add(body)
                yield body

    def pieces(self, data: dict[str, object]) -> tuple[_Pieces, ...]:
        """The body's compact JSON in pieces, once per escaping that changes it (memoised)."""
        if self.cached_pieces is None:
            self.cached_pieces = _compact_pieces(data)
        return self.cached_pieces

    def how(self, raw: bytes, original: bytes) -> str:
        if raw.rstrip(b"\r\n") == original:
            return "a trailing newline was added (an editor, echo, or curl -d @file)"
        if raw.strip() == original:
            return "whitespace was added around it"
        try:
            data = json.loads(original)
        except (ValueError, RecursionError):  # pragma: no cover - originals are JSON
            data = None
        for serialiser in _SERIALISERS:
            if data is not None and _dump(serialiser, data) == raw:
                return f"it was re-serialised with {serialiser.name}"
        return "it was re-serialised from parsed JSON (" + ", ".join(_traits(raw)) + ")"

    def compact(self, raw: bytes, data: dict[str, object]) -> bool:
        """Whether ``raw`` could be Zoom's own JSON: compact, top-level keys not sorted.

        Zoom's top-level order is ``event, payload, event_ts`` (or, for the URL
        validation, ``payload, event_ts, event``): never sorted, as ``sort_keys`` makes it.
        """
        keys = list(data)
        if len(keys) >= 3 and keys == sorted(keys):
            return False
        forms = self.pieces(data)
        if not forms:  # not serialisable again (nested too deeply)
            return True
        return raw in set(_assembled(forms, [(tuple(data), None)]))

    def other_event(self, data: Optional[dict[str, object]], stamp: Optional[float]) -> None:
        event_ts = data.get("event_ts") if data is not None else None
        if stamp is None or isinstance(event_ts, bool) or not isinstance(event_ts, int):
            return
        gap = stamp - event_ts / 1000
        if gap < -60 or gap > _OTHER_EVENT_AFTER:
            when = "before" if gap < 0 else "after"
            self.add(
                _C.WEBHOOK_HEADERS_FROM_OTHER_EVENT,
                f"{TIMESTAMP_HEADER} is {duration(gap)} {when} the body's event_ts: the "
                "headers and the body probably come from different requests",
                "timestamp",
            )

    # --- the report -----------------------------------------------------------------------

    def report(
        self,
        values: Mapping[str, list[str]],
        data: Optional[dict[str, object]],
        stamp: Optional[float],
        verified: Optional[bool],
    ) -> Report:
        header: dict[str, object] = {}
        for name in (TIMESTAMP_HEADER, SIGNATURE_HEADER):
            given = values.get(name)
            if given:
                header[name] = self.cut(given[0])
        claims: dict[str, object] = {}
        if data is not None:
            event = data.get("event")
            if isinstance(event, str):
                claims["event"] = self.cut(event)
            event_ts = data.get("event_ts")
            if isinstance(event_ts, int) and not isinstance(event_ts, bool):
                claims["event_ts"] = event_ts
        expires_at = None
        if stamp is not None and stamp + self.window < 253402300799:  # year 9999
            expires_at = datetime.fromtimestamp(stamp + self.window, tz=timezone.utc)
        findings = self.found.ordered()
        texts = [text for f in findings for text in (f.message, f.claim or "")]
        if self.redactor.holds_any(texts):
            findings = tuple(redact_finding(f, self.redactor) for f in findings)
        return Report(
            kind=TokenKind.WEBHOOK,
            findings=findings,
            header=header,
            claims=claims,
            signature_verified=verified,
            expires_at=expires_at,
        )


def _matched(label: SecretId) -> str:
    """Which of several tokens matched, by position (ordinal) or by the caller's name."""
    if isinstance(label, str):
        return f"the signature matches your secret token named {label!r}"
    ordinals = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    return f"the signature matches your {ordinals[label]} secret token (index {label})"


def read_mac(text: str) -> tuple[Optional[bytes], str]:
    """The 32-byte MAC ``text`` spells, and how: ``"hex"`` (lowercase, as Zoom's),
    ``"upper-case hex"``, ``"base64"`` (standard or URL-safe, padded or not), or
    ``(None, "")`` when it is none of them."""
    if len(text) == 64 and set(text.lower()) <= _HEX:
        return bytes.fromhex(text), "hex" if set(text) <= _HEX else "upper-case hex"
    if 43 <= len(text) <= 44:
        standard = text.replace("-", "+").replace("_", "/")
        try:
            digest = base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
        except (binascii.Error, ValueError):
            digest = b""
        if len(digest) == 32:
            return digest, "base64"
    return None, ""


def other_keys(other_secrets: object) -> dict[str, bytes]:
    """The caller's ``other_secrets`` (at most 16) as HMAC keys, each under the name a
    finding gives it (``your other secret 'NAME'``); refused unless a mapping of str or bytes."""
    if other_secrets is None:
        return {}
    if not isinstance(other_secrets, Mapping):
        raise InvalidParameterError(
            "other_secrets", "expected None or a mapping of names to secrets (str or bytes)"
        )
    keys: dict[str, bytes] = {}
    for name, value in list(cast("Mapping[object, object]", other_secrets).items())[:16]:
        if isinstance(value, str):
            keys[f"your other secret {name!r}"] = bare(value).encode("utf-8")
        elif isinstance(value, bytes):
            keys[f"your other secret {name!r}"] = value
        else:
            raise InvalidParameterError("other_secrets", f"{name!r}: expected a str or bytes")
    return keys


def _mac(key: bytes, stamp: str, body: bytes) -> bytes:
    return hmac.new(key, signed_message(stamp, body), hashlib.sha256).digest()


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _python_literal(raw: bytes) -> Optional[dict[str, object]]:
    """The body read as a Python ``dict`` literal (``str(event)``), if it is one and JSON can
    say it again; ``None`` otherwise. Only bodies up to 64 KiB that start ``{'``."""
    if len(raw) > _REPR_LIMIT or raw.lstrip()[:2] != b"{'":
        return None
    try:
        data = ast.literal_eval(raw.decode("utf-8"))
        json.dumps(data)  # a set, bytes or a complex number: not from JSON
    except Exception:  # any literal_eval error: SyntaxError, ValueError, MemoryError, …
        return None
    if type(data) is not dict:
        return None
    return cast("dict[str, object]", data)


def _recodings(raw: bytes) -> Iterator[tuple[str, bytes]]:
    """What Zoom's UTF-8 body was, if ``raw`` went through another charset on the way."""
    if raw.isascii():
        return
    text = raw.decode("utf-8") if _is_utf8(raw) else None
    for charset in _CHARSETS:
        undone = _recoded(text, charset, "strict") if text is not None else None
        if undone is not None:
            yield (
                f"Zoom's UTF-8 was decoded as {charset} and encoded again as UTF-8 "
                "(mojibake such as 'Ã©' for 'é'; PHP's utf8_encode() does this)",
                undone,
            )
        try:
            original = raw.decode(charset).encode("utf-8")
        except UnicodeDecodeError:
            continue
        yield f"it was encoded in {charset}, not passed on as Zoom's UTF-8 bytes", original


def _recoded(text: str, charset: str, errors: str) -> Optional[bytes]:
    try:
        return text.encode(charset, errors)
    except UnicodeEncodeError:
        return None


def _restored(value: object) -> object:
    """``value`` with a framework's decoding undone: ``null`` as ``""``, ``[]`` as ``{}``."""
    if isinstance(value, dict):
        return {key: _restored(item) for key, item in cast("dict[str, object]", value).items()}
    if isinstance(value, list):
        items = cast("list[object]", value)
        return [_restored(item) for item in items] if items else {}
    return "" if value is None else value


def _event_ts(data: Optional[dict[str, object]]) -> Optional[int]:
    event_ts = data.get("event_ts") if data is not None else None
    if isinstance(event_ts, int) and not isinstance(event_ts, bool) and 0 < event_ts < 10**14:
        return event_ts
    return None


def _anchors(
    given: Optional[str], event_ts: Optional[int], date: Optional[list[str]], current: float
) -> list[int]:
    """Where to look for the timestamp Zoom signed: the evidence, in seconds."""
    anchors: list[int] = []
    stamp = parse_timestamp(given) if given is not None else None
    if stamp is not None:
        anchors.append(stamp // 1000 if stamp >= _MILLISECONDS else stamp)
    if event_ts is not None:
        anchors.append(event_ts // 1000)
    if date:
        with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
            anchors.append(int(email.utils.parsedate_to_datetime(date[0]).timestamp()))
    anchors.append(int(current))
    return [a for a in dict.fromkeys(anchors) if 0 < a < _MILLISECONDS]


def _search_stamps(key: bytes, raw: bytes, digest: bytes, anchors: list[int]) -> Optional[int]:
    """The timestamp, within the window around an anchor, whose HMAC is ``digest``.

    Nearest first: offsets 0, +1, -1, +2… from -60 s to +300 s of each anchor; at most
    2 MiB of messages hashed in all, so the work is bounded for any body.
    """
    seen: set[int] = set()
    budget = _STAMP_BUDGET
    for offset in _offsets():
        for anchor in anchors:
            candidate = anchor + offset
            if candidate in seen:
                continue
            seen.add(candidate)
            budget -= len(raw) + 24
            if budget < 0:
                return None
            if hmac.compare_digest(_mac(key, str(candidate), raw), digest):
                return candidate
    return None


def _offsets() -> Iterator[int]:
    yield 0
    for step in range(1, _STAMP_AFTER + 1):
        yield step
        if step <= _STAMP_BEFORE:
            yield -step


def _carrier(
    values: Mapping[str, list[str]], data: Optional[dict[str, object]], token: str
) -> Optional[str]:
    """Where the request carries ``token`` itself (a header, or a body field), if it does."""
    if len(token) < 8:
        return None
    for name, given in itertools.islice(values.items(), 1000):
        if name != SIGNATURE_HEADER and any(
            value.strip() == token or value.strip().endswith(" " + token) for value in given
        ):
            return f"{name} header"
    payload = data.get("payload") if data is not None else None
    for where, fields in (("body's", data), ("payload's", payload)):
        if isinstance(fields, dict):
            for field_name, value in cast("dict[str, object]", fields).items():
                if value == token:
                    return f"{where} {field_name} field"
    return None


def redact_finding(finding: Finding, redactor: Redactor) -> Finding:
    """``finding`` with every run of a token in its message or claim replaced."""
    if not (redactor.holds(finding.message) or redactor.holds(finding.claim or "")):
        return finding
    claim = redactor.redact(finding.claim) if finding.claim else finding.claim
    return dataclasses.replace(finding, message=redactor.redact(finding.message), claim=claim)


def _dump(serialiser: _Serialiser, data: object) -> Optional[bytes]:
    try:
        return serialiser.dump(data)
    except (ValueError, TypeError, RecursionError):  # pragma: no cover - data came from JSON
        return None


Order = tuple[tuple[str, ...], Optional[tuple[str, ...]]]
"""An order of the top-level keys, and of the payload's (``None``: its own order)."""


class _Pieces(NamedTuple):
    """The compact JSON of a body cut at its top-level and ``payload`` members.

    ``outer`` maps each top-level key to its ``"key":value``; ``inner`` maps each payload
    key to its member, when the payload is an object whose keys may be reordered.
    """

    outer: dict[str, bytes]
    inner: Optional[dict[str, bytes]]


def _compact_pieces(data: dict[str, object]) -> tuple[_Pieces, ...]:
    """The pieces without escapes, and with ``\\uXXXX`` escapes if that changes them.

    Empty when the body cannot be serialised again (nested too deeply for the encoder).
    """
    forms: list[_Pieces] = []
    for ascii_only in (False, True):
        try:
            pieces = _cut(data, _ENCODERS[ascii_only].encode)
        except (ValueError, RecursionError):
            return ()
        forms.append(pieces)
        if _is_ascii(pieces):  # escaping non-ASCII characters would change nothing
            break
    return tuple(forms)


def _cut(data: dict[str, object], encode: Callable[[object], str]) -> _Pieces:
    def member(key: str, value: object) -> bytes:
        return (encode(key) + ":" + encode(value)).encode("utf-8", "surrogatepass")

    payload = data.get("payload")
    inner = None
    if isinstance(payload, dict) and 2 <= len(payload) <= 4:  # pyright: ignore[reportUnknownArgumentType]
        items = cast("dict[str, object]", payload).items()
        inner = {key: member(key, value) for key, value in items}
    outer = {
        key: _payload_member(inner, tuple(inner))
        if key == "payload" and inner is not None
        else member(key, value)
        for key, value in data.items()
    }
    return _Pieces(outer, inner)


def _is_ascii(pieces: _Pieces) -> bool:
    return all(piece.isascii() for piece in pieces.outer.values())


def _orders(data: dict[str, object], reorder: bool) -> list[Order]:
    """The body's own order, then (if ``reorder``) up to ``_MAX_ORDERS`` others."""
    own: Order = (tuple(data), None)
    if not reorder:
        return [own]
    keys = tuple(data)
    payload = data.get("payload")
    inner: list[Optional[tuple[str, ...]]] = [None]
    if isinstance(payload, dict) and 2 <= len(payload) <= 4:  # pyright: ignore[reportUnknownArgumentType]
        inner = list(itertools.permutations(cast("dict[str, object]", payload)))
    outer = list(itertools.permutations(keys)) if 2 <= len(keys) <= 4 else [keys]
    others = itertools.product(outer, inner)
    return [own, *itertools.islice(others, _MAX_ORDERS)]


def _assembled(forms: tuple[_Pieces, ...], orders: list[Order]) -> Iterator[bytes]:
    """The compact JSON of the body in each order, in each escaping, put together."""
    for outer, inner in orders:
        for pieces in forms:
            members = [
                _payload_member(pieces.inner, inner)
                if key == "payload" and inner and pieces.inner
                else pieces.outer[key]
                for key in outer
            ]
            yield b"{" + b",".join(members) + b"}"


def _payload_member(members: dict[str, bytes], order: tuple[str, ...]) -> bytes:
    """The ``"payload":{…}`` member with the payload's members in ``order``."""
    return b'"payload":{' + b",".join(members[key] for key in order) + b"}"


def _traits(raw: bytes) -> list[str]:
    traits: list[str] = []
    text = raw.decode("utf-8", "replace")
    if ", " in text or ": " in text:
        traits.append("spaces after ',' or ':'")
    if "\n" in text.strip():
        traits.append("line breaks")
    if "\\u" in text:
        traits.append("\\uXXXX escapes")
    if "\\/" in text:
        traits.append("'/' escaped")
    if raw.endswith(b"\n"):
        traits.append("a trailing newline")
    return traits or ["another key order or number format"]
