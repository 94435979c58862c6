"""Fuzz cases for the webhook functions: headers and bodies through ``verify_webhook``,
``diagnose_webhook``, ``url_validation_response`` and ``zoomsig.webhook.endpoint.
handle_webhook`` (issue 23).

Headers come as dicts in any case, ``(str, str)`` pairs, ASGI's raw ``(bytes, bytes)`` pairs,
WSGI's ``HTTP_X_ZM_SIGNATURE`` keys, with duplicates, huge values and lone surrogates, or as
something that is not headers at all. Bodies are events (URL validation challenges among
them) as bytes, ``bytearray``, ``memoryview``, ``str``, a parsed ``dict`` or ``None``, in
other encodings, not JSON, or deeply nested. Some requests are signed with ``sign_webhook``
(and the right timestamp), and some of those get one byte of the body changed. The claims
(:func:`check`):

* ``verify_webhook`` raises only ``InvalidWebhookError``, or ``InvalidParameterError`` for a
  body that is not bytes or headers that are not headers; ``url_validation_response`` only
  ``InvalidParameterError``; ``diagnose_webhook`` and ``handle_webhook`` (bytes, real
  headers) never raise, and ``handle_webhook`` answers 200, 400, 401 or 413 in JSON;
* a signed request verifies (or its body is not a JSON object); with one byte of its body
  changed it never verifies, and the diagnosis never calls it ok;
* a request nobody signed never verifies;
* no exception, report or response holds a run of 8 characters of the secret token
  (a verified event and the URL-validation answer hold what the sender sent, not counted).
"""

# zoomsig is imported lazily (atheris instruments it first); invariants are asserts.
# ruff: noqa: S101, PLC0415, PT017
from __future__ import annotations

import hashlib
import hmac
import json
import random
from typing import NamedTuple, Optional

from hostile import hostile_text, leaked

SECRET = "WEBHOOK-t0ken-GUARDIAN-77xQ"
NOW = 1763900000
KNOWN: frozenset[str] = frozenset()
"""Open defects this module tolerates: none. (Issue 23's signed URL-validation challenge whose
``plainToken`` holds a lone surrogate raised ``UnicodeEncodeError``, a 500 through
``handle_webhook``; it is refused now, and ``handle_webhook`` answers 400.)"""
_SIGNATURE = "x-zm-signature"
_TIMESTAMP = "x-zm-request-timestamp"
_EVENTS = ("meeting.started", "endpoint.url_validation", "endpoint.url_validation", "")


class Case(NamedTuple):
    """One request and what is known about it."""

    headers: object
    body: object
    signed: bool
    """Signed by ``sign_webhook`` with the sentinel and sent in a form verify reads."""
    changed: bool
    """One byte of the signed body was changed afterwards."""
    odd_headers: bool
    """``headers`` is not something ``verify_webhook`` reads as headers."""
    max_body_size: int


def _event(rng: random.Random) -> dict[str, object]:
    name: object = rng.choice(_EVENTS) if rng.randrange(4) else hostile_text(rng, SECRET)
    event: dict[str, object] = {"event": name}
    payload: dict[str, object] = {}
    if rng.randrange(3):
        plain = rng.choice(("qgg8vlvZRS6UYooatFL8Aw", "")) if rng.randrange(2) else None
        payload["plainToken"] = plain if plain is not None else hostile_text(rng, SECRET)
    if rng.randrange(3) == 0:
        payload[hostile_text(rng, SECRET)] = hostile_text(rng, SECRET)
    if rng.randrange(5):
        event["payload"] = payload if rng.randrange(8) else hostile_text(rng, SECRET)
    if rng.randrange(2):
        event["event_ts"] = rng.choice((NOW * 1000, NOW, -1, 10**30, 1.5, None, "1"))
    return event


def _raw(rng: random.Random) -> bytes:
    text = json.dumps(_event(rng), ensure_ascii=rng.randrange(3) > 0)
    pick = rng.randrange(12)
    if pick == 0:
        depth = rng.randrange(1, 5000)
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    elif pick == 1:
        text = text[:-1] + ', "event": "endpoint.url_validation"}'  # a duplicate key
    elif pick == 2:
        text = text[:-1] + rng.choice(
            (', "n": NaN}', ', "n": 1e999}', ', "n": ' + "9" * 5000 + "}")
        )
    elif pick == 3:
        text = text[: rng.randrange(len(text))]
    elif pick == 4:
        text = rng.choice(("", " ", "[]", "null", '"x"', "\ufeff{}", "{}\n"))
    encoding = rng.choice(("utf-8", "utf-8", "utf-8", "utf-16", "utf-32", "utf-8-sig", "latin-1"))
    raw = text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")
    if rng.randrange(10) == 0:
        cut = rng.randrange(len(raw) + 1)
        raw = raw[:cut] + rng.choice((b"\xff", b"\xed\xa0\x80", b"\xc3")) + raw[cut:]
    return raw


def _body(rng: random.Random) -> object:
    raw = _raw(rng)
    pick = rng.randrange(12)
    if pick == 0:
        return raw.decode("utf-8", "surrogateescape")
    if pick == 1:
        return rng.choice((_event(rng), None, [1], 1, object()))
    if pick == 2:
        return bytearray(raw)
    if pick == 3:
        return memoryview(raw)
    return raw


def _header_value(rng: random.Random, name: str) -> str:
    pick = rng.randrange(10)
    if pick == 0:
        return "v0=" + "".join(rng.choice("0123456789abcdef") for _ in range(64))
    if pick == 1:
        return rng.choice(("V0=", "v1=", "", "v0=" + "A" * 64, "v0=" + "0" * 65))
    if pick == 2:
        return str(rng.choice((NOW, NOW * 1000, -NOW, 10**30, 0)))
    if pick == 3:
        return rng.choice(("١٧٦٣٩٠٠٠٠٠", " 1763900000", "1763900000.0", "1e9"))
    if pick == 4:
        return rng.choice(("x", "v0=", "9")) * rng.randrange(1000, 70000)
    if pick == 5:
        return "v0=" + hmac.new(SECRET.encode(), name.encode(), hashlib.sha256).hexdigest()
    return hostile_text(rng, SECRET)


def _name(rng: random.Random, name: str) -> str:
    pick = rng.randrange(6)
    if pick == 0:
        return name.upper()
    if pick == 1:
        return name.title()
    if pick == 2:
        return "".join(rng.choice((c.lower(), c.upper())) for c in name)
    return name


def _pairs(rng: random.Random, headers: dict[str, str], *, raw: bool) -> list[object]:
    pairs: list[object] = []
    for name, value in headers.items():
        pairs.append((_name(rng, name), value))
        if rng.randrange(6) == 0:  # the same header again, with the same value
            pairs.append((_name(rng, name), value))
    if raw:
        pairs = [
            (n.encode("utf-8", "surrogatepass"), v.encode("utf-8", "surrogatepass"))
            for n, v in pairs  # type: ignore[misc]
        ]
    rng.shuffle(pairs)
    return pairs


def _form(rng: random.Random, headers: dict[str, str]) -> object:
    """``headers`` in one of the forms verify_webhook reads."""
    pick = rng.randrange(4)
    if pick == 0:
        return {_name(rng, n): v for n, v in headers.items()}
    if pick == 1:
        return _pairs(rng, headers, raw=True)
    if pick == 2:
        return tuple(_pairs(rng, headers, raw=False))
    return dict(headers)


def _odd_headers(rng: random.Random, headers: dict[str, str]) -> object:
    """Something that is not headers, or headers with a pair verify cannot read."""
    pick = rng.randrange(6)
    if pick == 0:
        return {"HTTP_" + n.upper().replace("-", "_"): v for n, v in headers.items()}
    if pick == 1:
        return rng.choice((None, 1, "x-zm-signature: v0=00", b"", object()))
    if pick == 2:
        return [*headers.items(), ("x-extra", "a", "b")]
    if pick == 3:
        return [*headers.items(), (_SIGNATURE, 1)]
    if pick == 4:
        return [*headers.items(), "x-zm-signature"]
    return {**headers, 1: "x"}


def _unsigned(rng: random.Random) -> dict[str, str]:
    headers = {
        name: _header_value(rng, name)
        for name in (_TIMESTAMP, _SIGNATURE, "content-type")
        if rng.randrange(5)
    }
    if rng.randrange(3) == 0:
        headers[hostile_text(rng, SECRET)] = _header_value(rng, "x")
    return headers


def build(rng: random.Random) -> Case:
    """One fuzz case: a request, signed or not, maybe changed, in some form of headers."""
    from zoomsig import sign_webhook

    body = _body(rng)
    max_body_size = rng.choice((1_048_576, 1_048_576, 16, rng.randrange(1, 2000)))
    signable = isinstance(body, (bytes, bytearray, memoryview))
    if signable and rng.randrange(2):
        raw = bytes(body)  # type: ignore[arg-type]
        headers = sign_webhook(raw, secret_token=SECRET, timestamp=NOW - rng.randrange(-200, 200))
        changed = bool(raw) and rng.randrange(3) == 0
        if changed:
            at = rng.randrange(len(raw))
            raw = raw[:at] + bytes([(raw[at] + rng.randrange(1, 256)) % 256]) + raw[at + 1 :]
            body = raw
        return Case(_form(rng, headers), body, True, changed, False, max_body_size)
    unsigned = _unsigned(rng)
    if rng.randrange(5) == 0:
        return Case(_odd_headers(rng, unsigned), body, False, False, True, max_body_size)
    return Case(_form(rng, unsigned), body, False, False, False, max_body_size)


# -- The claims -------------------------------------------------------------------------------


def _no_leak(text: str, where: str) -> None:
    run = leaked(text, SECRET)
    assert run is None, f"{run!r} of the secret token in {where}: {text[:200]!r}"


def _unexpected(exc: Exception, where: str) -> AssertionError:
    run = leaked(f"{exc!s}{exc!r}", SECRET)
    return AssertionError(f"{where} raised {type(exc).__name__} (leaks: {run is not None})")


def _is_bytes(body: object) -> bool:
    return isinstance(body, (bytes, bytearray, memoryview))


def check_verify(case: Case) -> Optional[object]:
    """``verify_webhook``: the event when it verifies, else ``None``."""
    from zoomsig import FindingCode, InvalidParameterError, InvalidWebhookError, verify_webhook

    try:
        event = verify_webhook(case.headers, case.body, secret_token=SECRET, now=NOW)  # type: ignore[arg-type]
    except InvalidWebhookError as exc:
        _no_leak(f"{exc!s}{exc!r}{exc.reason}", "InvalidWebhookError")
        if case.changed:
            assert exc.finding_code is FindingCode.WEBHOOK_SIGNATURE_MISMATCH, exc.finding_code
        elif case.signed:
            assert exc.finding_code is FindingCode.WEBHOOK_BODY_NOT_JSON, exc.finding_code
            data = _json_object(bytes(case.body))  # type: ignore[arg-type]
            assert data is None or not isinstance(data.get("event"), str)  # not a Zoom event
        return None
    except InvalidParameterError as exc:
        _no_leak(f"{exc!s}{exc!r}", "InvalidParameterError")
        assert case.odd_headers or not _is_bytes(case.body), f"InvalidParameterError: {exc}"
        return None
    except Exception as exc:
        raise _unexpected(exc, "verify_webhook") from None
    assert case.signed, "a request nobody signed verifies"
    assert not case.changed, "a request with a changed body verifies"
    return event


def _json_object(raw: bytes) -> Optional[dict[str, object]]:
    try:
        data: object = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def check_diagnose(case: Case) -> None:
    from zoomsig import Report, diagnose_webhook

    try:
        report = diagnose_webhook(case.headers, case.body, secret_token=SECRET, now=NOW)
    except Exception as exc:
        raise _unexpected(exc, "diagnose_webhook") from None
    assert isinstance(report, Report), type(report)
    shown = report.to_dict()
    for text in (str(report), repr(report), json.dumps(shown, allow_nan=False)):
        _no_leak(text, "the diagnosis")
    if case.changed:
        assert not report.ok, "the diagnosis calls a changed body ok"
        assert report.signature_verified is not True
    elif case.signed:  # an empty or too large body is reported, not checked
        raw = bytes(case.body)  # type: ignore[arg-type]
        if raw.strip() and len(raw) <= 1_048_576:
            assert report.signature_verified is True, report.codes


def check_url_validation(data: object) -> None:
    """``url_validation_response`` with the decoded body, as an application would call it."""
    from zoomsig import InvalidParameterError, url_validation_response

    try:
        answer = url_validation_response(data, secret_token=SECRET)  # type: ignore[arg-type]
    except InvalidParameterError as exc:
        _no_leak(f"{exc!s}{exc!r}", "url_validation_response's error")
        return
    except Exception as exc:
        raise _unexpected(exc, "url_validation_response") from None
    assert isinstance(data, dict)
    assert answer["plainToken"] == data["payload"]["plainToken"]
    assert len(answer["encryptedToken"]) == 64
    _no_leak(answer["encryptedToken"], "the URL-validation answer")


def check_handle(case: Case) -> None:
    """``handle_webhook`` with the bytes, as the framework integrations call it."""
    from zoomsig import InvalidParameterError
    from zoomsig.webhook.endpoint import handle_webhook

    if not _is_bytes(case.body):
        return
    raw = bytes(case.body)  # type: ignore[arg-type]
    try:
        outcome = handle_webhook(
            case.headers,  # type: ignore[arg-type]
            raw,
            secret_token=SECRET,
            now=NOW,
            max_body_size=case.max_body_size,
        )
    except InvalidParameterError as exc:
        _no_leak(f"{exc!s}{exc!r}", "handle_webhook's error")
        assert case.odd_headers, f"InvalidParameterError: {exc}"
        return
    except Exception as exc:
        raise _unexpected(exc, "handle_webhook") from None
    assert outcome.status in (200, 400, 401, 413), outcome.status
    assert (outcome.status == 413) == (len(raw) > case.max_body_size), outcome.status
    body = dict(outcome.body)
    text = json.dumps(body, ensure_ascii=False, allow_nan=False)
    shown = {k: v for k, v in body.items() if k != "plainToken"}  # the sender's own value
    _no_leak(json.dumps(shown, ensure_ascii=False) + repr(outcome.error), "handle_webhook")
    if outcome.status == 200:
        assert case.signed, "a request nobody signed gets 200"
        assert not case.changed, "a request with a changed body gets 200"
    elif case.changed:
        assert outcome.status in (401, 413), outcome.status
    assert text


def check(case: Case) -> None:
    """Every claim of one case; raises AssertionError (or :class:`KnownDefect`)."""
    event = check_verify(case)
    check_diagnose(case)
    if event is not None:
        check_url_validation(event.data)  # type: ignore[attr-defined]
    elif _is_bytes(case.body):
        data = _json_object(bytes(case.body))  # type: ignore[arg-type]
        if data is not None:
            check_url_validation(data)
    check_handle(case)
