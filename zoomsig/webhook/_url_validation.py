"""``diagnose_url_validation``: why Zoom says "URL validation failed" about an answer.

Given the challenge (the ``endpoint.url_validation`` event) and the answer the endpoint
sent, it checks what Zoom checks: status 200, a JSON body, the same ``plainToken``, and an
``encryptedToken`` that is the lowercase hex HMAC-SHA256 of it under the secret token, sent
within about 3 seconds. A wrong ``encryptedToken`` is explained where the HMAC can confirm
it: base64 instead of hex, the verification token or another secret as the key, a plain
SHA-256. Bounded work (a handful of HMACs over a 22-character token); never the secret in
the report.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import timedelta
from typing import NamedTuple, Optional, Union, cast

from zoomsig._enums import TokenKind
from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import OtherSecrets, Redactor, bare, describe
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Report
from zoomsig.webhook._core import URL_VALIDATION_EVENT, WebhookEvent, decode_event
from zoomsig.webhook._diagnose import check_token, other_keys, read_mac, redact_finding

__all__ = ["RESPONSE_DEADLINE", "diagnose_url_validation"]

_C = FindingCode
RESPONSE_DEADLINE = 3.0
"""Seconds within which Zoom expects the answer to a URL validation (about 3 s)."""
_MAX_RESPONSE = 65_536  # an answer is ~120 bytes; larger bodies are read no further
_SHOWN = 24
_NOT_SHOWN = "(a value that holds a secret, not shown)"

Elapsed = Union[float, int, timedelta, None]
"""How long the answer took: seconds, or a ``timedelta``; ``None`` when not measured."""


class _Answer(NamedTuple):
    """What was read from the response: its status, content type and body (as given)."""

    status: Optional[int]
    content_type: Optional[str]
    has_headers: bool
    body: object


def diagnose_url_validation(
    event_or_body: object,
    response: object,
    *,
    secret_token: str,
    elapsed: Elapsed = None,
    verification_token: Optional[str] = None,
    other_secrets: Optional[OtherSecrets] = None,
) -> Report:
    """Say why Zoom refuses the answer to its URL-validation challenge, or confirm it.

    Args:
        event_or_body: The challenge: the verified :class:`WebhookEvent`, its decoded JSON
            (a ``dict``) or the raw request body (``bytes`` or ``str``).
        response: The answer as captured: its body (``bytes``, ``str`` or the ``dict`` the
            handler returned), the text of a whole HTTP response (``curl -i``: status line,
            headers, blank line, body), or a response object of requests, httpx, Django,
            Flask/Werkzeug, Starlette or a test client (``status_code`` or ``status``,
            ``headers``, ``content``/``body``/``get_data()``). Status and content type are
            checked when the response says them.
        secret_token: The Secret Token of the event subscription.
        elapsed: How long the endpoint took to answer (seconds or a ``timedelta``), if
            measured: over 3 s Zoom gives up.
        verification_token: The app's retired verification token, if you have it: an
            answer made with it is named.
        other_secrets: Other secrets of the backend, each under a name you choose (the
            Client secret, another subscription's token): an answer made with one is named
            by that name, never its value.

    Returns:
        A :class:`~zoomsig.Report` of kind ``TokenKind.WEBHOOK``: ``signature_verified``
        says whether ``encryptedToken`` is right; ``claims`` holds the event and its
        ``plainToken``, ``header`` the status and content type read from the response.

    Raises:
        InvalidParameterError: ``event_or_body`` is not an ``endpoint.url_validation``
            challenge with a ``plainToken``, or another argument cannot work.
    """
    check_token(secret_token, "secret_token", "expected a non-empty str")
    if verification_token is not None:
        check_token(verification_token, "verification_token", "expected a non-empty str or None")
    keys = _other_keys(verification_token, other_secrets)
    plain = _plain_token(event_or_body)
    seconds = _seconds(elapsed)
    answer = _read_response(response)
    check = _Check(bare(secret_token), keys, plain)
    verified = check.run(answer, seconds)
    return check.report(answer, verified)


def _other_keys(
    verification_token: Optional[str], other_secrets: Optional[OtherSecrets]
) -> dict[str, bytes]:
    """The keys an answer may wrongly be made with, by the name a finding gives them."""
    keys = other_keys(other_secrets)
    if verification_token is not None:
        keys = {"the verification token": bare(verification_token).encode("utf-8"), **keys}
    return keys


def _plain_token(event_or_body: object) -> str:
    """The challenge's ``payload.plainToken``; refused when it is not a challenge."""
    data: object = event_or_body
    if isinstance(event_or_body, WebhookEvent):
        data = event_or_body.data
    elif isinstance(event_or_body, (bytes, bytearray, memoryview, str)):
        text = event_or_body if isinstance(event_or_body, str) else None
        raw = text.encode("utf-8") if text is not None else bytes(event_or_body)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType, reportUnknownArgumentType]
        data = decode_event(raw)
    if not isinstance(data, Mapping):
        raise InvalidParameterError(
            "event_or_body",
            f"expected the challenge (a WebhookEvent, its JSON or the raw body), got "
            f"{describe(event_or_body)}",  # pyright: ignore[reportUnknownArgumentType]
        )
    mapping = cast("Mapping[str, object]", data)
    if mapping.get("event") != URL_VALIDATION_EVENT:
        raise InvalidParameterError(
            "event_or_body",
            f"expected an {URL_VALIDATION_EVENT!r} event, got {describe(mapping.get('event'))}",
        )
    payload = mapping.get("payload")
    plain = payload.get("plainToken") if isinstance(payload, Mapping) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    if not isinstance(plain, str) or not plain:
        raise InvalidParameterError(
            "event_or_body", "payload.plainToken is missing or not a non-empty string"
        )
    return plain


def _seconds(elapsed: object) -> Optional[float]:
    if elapsed is None:
        return None
    if isinstance(elapsed, timedelta):
        seconds = elapsed.total_seconds()
    elif isinstance(elapsed, (int, float)) and not isinstance(elapsed, bool):
        seconds = float(elapsed)
    else:
        raise InvalidParameterError(
            "elapsed", f"expected seconds (a number) or a timedelta, got {describe(elapsed)}"
        )
    if not 0 <= seconds < 86400:
        raise InvalidParameterError("elapsed", "expected 0 to 86400 seconds")
    return seconds


# --- reading the response -------------------------------------------------------------------


def _read_response(response: object) -> _Answer:
    if response is None or isinstance(response, (dict, list, int, float)):
        return _Answer(None, None, False, response)
    if isinstance(response, (bytes, bytearray, memoryview, str)):
        text = response if isinstance(response, str) else bytes(response).decode("latin-1")  # pyright: ignore[reportUnknownArgumentType]
        if text.startswith("HTTP/"):
            return _http_text(text)
        return _Answer(None, None, False, response)
    return _response_object(response)


def _http_text(text: str) -> _Answer:
    """A whole HTTP response as text (``curl -i``); the last one after a ``100 Continue``."""
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    while head.startswith("HTTP/") and " 100 " in head.split("\n", 1)[0] and body:
        head, _, body = body.partition("\n\n")
    lines = head.split("\n")
    parts = lines[0].split()
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    content_type = None
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() == "content-type":
            content_type = value.strip()
    body_bytes = body.encode("latin-1", "replace")
    return _Answer(status, content_type, True, body_bytes)


def _attribute(response: object, *names: str) -> object:
    """The first of ``names`` that ``response`` has (``get_data`` called), else ``None``."""
    for name in names:
        value = _read_attribute(response, name)
        if value is not None:
            return value
    return None


def _read_attribute(response: object, name: str) -> object:
    try:
        value = getattr(response, name, None)
        return value() if callable(value) and name == "get_data" else value
    except Exception:  # an unrendered response (DRF), a consumed stream: not readable
        return None


def _response_object(response: object) -> _Answer:
    status = _attribute(response, "status_code", "status")
    headers = _attribute(response, "headers")
    content_type: Optional[str] = None
    if headers is not None:
        content_type = _content_type(headers)
    body = _attribute(response, "content", "body", "get_data", "text", "data")
    return _Answer(
        status if isinstance(status, int) and not isinstance(status, bool) else None,
        content_type,
        headers is not None,
        body,
    )


def _content_type(headers: object) -> Optional[str]:
    try:
        items = list(headers.items())[:200]  # type: ignore[attr-defined]  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType, reportAttributeAccessIssue, reportUnknownArgumentType]
    except Exception:  # not a mapping of headers
        return None
    for item in items:  # pyright: ignore[reportUnknownVariableType]
        if isinstance(item, tuple) and len(item) == 2:  # pyright: ignore[reportUnknownArgumentType]
            name, value = item  # pyright: ignore[reportUnknownVariableType]
            if isinstance(name, str) and name.lower() == "content-type" and isinstance(value, str):
                return value
    return None


# --- the checks -----------------------------------------------------------------------------


class _Check:
    """One diagnosis of an answer: its steps write into ``found``."""

    def __init__(self, secret: str, others: dict[str, bytes], plain: str) -> None:
        self.key = secret.encode("utf-8")
        self.others = others
        self.plain = plain
        self.found = Findings()
        self.add = self.found.add
        self.redactor = Redactor(secret, *(k.decode("utf-8", "replace") for k in others.values()))

    def shown(self, text: str, limit: int = _SHOWN) -> str:
        if self.redactor.holds(text[:4096]):
            return _NOT_SHOWN
        return repr(text if len(text) <= limit else text[: limit - 1] + "…")

    def run(self, answer: _Answer, seconds: Optional[float]) -> Optional[bool]:
        self.status(answer)
        self.content_type(answer)
        if seconds is not None and seconds > RESPONSE_DEADLINE:
            self.add(
                _C.WEBHOOK_RESPONSE_TOO_SLOW,
                f"the answer took {seconds:.1f} s; Zoom waits about {RESPONSE_DEADLINE:.0f} s",
                "response",
            )
        data = self.json(answer.body)
        if data is None:
            return None
        self.plain_token(data)
        return self.encrypted_token(data)

    def status(self, answer: _Answer) -> None:
        if answer.status is None or answer.status == 200:
            return
        why = ""
        if 300 <= answer.status < 400:
            why = ": a redirect, which Zoom does not follow (a missing trailing slash?)"
        elif answer.status in (401, 403):
            why = ": the challenge itself was refused (it is signed like every event)"
        self.add(
            _C.WEBHOOK_RESPONSE_STATUS, f"the status is {answer.status}, not 200{why}", "status"
        )

    def content_type(self, answer: _Answer) -> None:
        if not answer.has_headers:
            return
        given = answer.content_type or ""
        media = given.split(";")[0].strip().lower()
        if media == "application/json" or media.endswith("+json"):
            return
        said = f"Content-Type is {self.shown(given, 80)}" if media else "no Content-Type"
        self.add(
            _C.WEBHOOK_RESPONSE_CONTENT_TYPE,
            f"{said}, not application/json",
            "content-type",
        )

    def json(self, body: object) -> Optional[Mapping[str, object]]:
        """The answer as a JSON object (unwrapped when it is nested), or ``None`` (named)."""
        data, problem = _json_object(body)
        if data is not None and "plainToken" not in data and "encryptedToken" not in data:
            inner = _wrapped(data)
            if inner is not None:
                name, data = inner
                problem = (
                    f"the answer is wrapped in {self.shown(name)} (as Frappe's return values "
                    "are): Zoom reads plainToken and encryptedToken at the top level"
                )
        if problem is not None:
            self.add(_C.WEBHOOK_RESPONSE_NOT_JSON, problem, "response")
        return data

    def plain_token(self, data: Mapping[str, object]) -> None:
        given = data.get("plainToken")
        if given == self.plain:
            return
        if given is None:
            message = "the answer has no plainToken"
        elif not isinstance(given, str):
            message = f"plainToken is a {type(given).__name__}, not the string Zoom sent"
        elif given.strip() == self.plain:
            message = "plainToken has whitespace around it"
        else:
            message = f"plainToken is {self.shown(given)}, Zoom sent {self.shown(self.plain)}"
        self.add(_C.WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG, message, "plainToken")

    def encrypted_token(self, data: Mapping[str, object]) -> Optional[bool]:
        given = data.get("encryptedToken")
        if given is None:
            near = [k for k in data if k.lower().replace("_", "") == "encryptedtoken"]
            where = (
                f" (it is under {self.shown(near[0])}: the key is encryptedToken)" if near else ""
            )
            self.add(
                _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING,
                f"the answer has no encryptedToken{where}",
                "encryptedToken",
            )
            return None
        if not isinstance(given, str):
            self.add(
                _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH,
                f"encryptedToken is a {type(given).__name__}, not a hex string",
                "encryptedToken",
            )
            return False
        mac = self.decode(given)
        if mac is None:
            return False
        expected = hmac.new(self.key, self.plain.encode("utf-8"), hashlib.sha256).digest()
        if hmac.compare_digest(mac, expected):
            return True
        self.mismatch(given, mac)
        return False

    def decode(self, given: str) -> Optional[bytes]:
        """The 32 bytes ``encryptedToken`` carries (hex, or base64: named), or ``None``."""
        mac, form = read_mac(given)
        if mac is None:
            self.mismatch(given, None)
        elif form != "hex":
            how = "" if form == "upper-case hex" else f"{len(given)} characters of "
            self.add(
                _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX,
                f"encryptedToken is {how}{form}; Zoom expects 64 lowercase hex digits "
                "(digest('hex') / hexdigest())",
                "encryptedToken",
            )
        return mac

    def mismatch(self, given: str, mac: Optional[bytes]) -> None:
        """Name the key (or the recipe) an ``encryptedToken`` was made with, if known."""
        for name, key in self.wrong_keys():
            if mac is not None and hmac.compare_digest(
                mac, hmac.new(key, self.plain.encode("utf-8"), hashlib.sha256).digest()
            ):
                self.add(
                    _C.WEBHOOK_RESPONSE_WRONG_KEY,
                    f"encryptedToken is the HMAC of plainToken under {name}",
                    "encryptedToken",
                )
                return
        self.add(
            _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH, self.recipe(given, mac), "encryptedToken"
        )

    def wrong_keys(self) -> list[tuple[str, bytes]]:
        secret = self.key
        return [
            *self.others.items(),
            ("the secret token with a trailing newline", secret + b"\n"),
            ("the secret token with a trailing \\r\\n", secret + b"\r\n"),
            ("the secret token in double quotes", b'"' + secret + b'"'),
            ("the secret token in single quotes", b"'" + secret + b"'"),
            ("the plainToken itself", self.plain.encode("utf-8")),
        ]

    def recipe(self, given: str, mac: Optional[bytes]) -> str:
        plain = self.plain.encode("utf-8")
        if given == self.plain:
            return "encryptedToken is the plainToken itself, not its HMAC"
        if self.redactor.holds(given[:4096]):
            return "encryptedToken holds the secret token itself, not an HMAC made with it"
        if mac is not None and mac == hashlib.sha256(plain).digest():
            return (
                "encryptedToken is a plain SHA-256 of plainToken, not an HMAC with the secret token"
            )
        if mac is None:
            return (
                f"encryptedToken has {len(given)} characters and is neither 64 hex digits nor "
                "base64 of 32 bytes"
            )
        return (
            "encryptedToken is not the HMAC of plainToken under the secret token you gave "
            "(another subscription's or app's token?)"
        )

    def report(self, answer: _Answer, verified: Optional[bool]) -> Report:
        header: dict[str, object] = {}
        if answer.status is not None:
            header["status"] = answer.status
        if answer.content_type is not None:
            header["content-type"] = self.shown(answer.content_type, 80).strip("'")
        findings = tuple(redact_finding(f, self.redactor) for f in self.found.ordered())
        return Report(
            kind=TokenKind.WEBHOOK,
            findings=findings,
            header=header,
            claims={"event": URL_VALIDATION_EVENT, "plainToken": self.shown(self.plain).strip("'")},
            signature_verified=verified,
        )


def _json_object(body: object) -> tuple[Optional[Mapping[str, object]], Optional[str]]:
    """The answer body as a JSON object, or ``None`` and what it is instead."""
    if isinstance(body, Mapping):
        return cast("Mapping[str, object]", body), None
    if isinstance(body, str):
        body = body.encode("utf-8", "surrogatepass")
    if not isinstance(body, (bytes, bytearray, memoryview)):
        return None, f"the answer is a {type(body).__name__}, not a JSON object"
    raw = bytes(body)  # pyright: ignore[reportUnknownArgumentType]
    if not raw.strip():
        return None, "the answer's body is empty"
    if len(raw) > _MAX_RESPONSE:
        return None, f"the answer's body has {len(raw)} bytes: not an answer to the challenge"
    data = decode_event(raw)
    if data is not None:
        return data, None
    return _not_json(raw)


def _not_json(raw: bytes) -> tuple[Optional[Mapping[str, object]], str]:
    text = raw.decode("utf-8", "replace").strip()
    if text.startswith("<"):
        return None, "the answer is HTML or XML, not JSON (an error page, or a template?)"
    if text.startswith("{'"):
        return None, "the answer is Python's str() of a dict (single quotes), not JSON"
    try:
        inner = json.loads(text)
    except (ValueError, RecursionError):
        return None, "the answer's body is not JSON"
    if isinstance(inner, str):
        data = decode_event(inner.encode("utf-8", "surrogatepass"))
        if data is not None:
            return data, (
                "the answer is a JSON string holding the object: it was serialised twice "
                "(json.dumps() of a dict returned through a JSON response)"
            )
    return None, f"the answer's body is JSON, but a {type(inner).__name__}, not an object"


def _wrapped(data: Mapping[str, object]) -> Optional[tuple[str, Mapping[str, object]]]:
    """The object nested one level down that holds the answer (``{"message": {...}}``)."""
    for name, value in list(data.items())[:16]:
        if isinstance(value, Mapping) and ("plainToken" in value or "encryptedToken" in value):
            return name, cast("Mapping[str, object]", value)
    return None
