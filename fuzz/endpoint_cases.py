"""Fuzz cases for the signature endpoint: request bodies through ``meeting_sdk_response`` and
``video_sdk_response`` (issue 23).

Bodies are valid JSON objects of the request fields with hostile values, and the hazards a
parser meets: near-JSON, deep nesting, long runs of quotes and backslashes, huge numbers,
``NaN``/``Infinity``, lone surrogates as ``\\ud800`` escapes or raw, duplicate keys, other
encodings, bodies over the cap, JSON a framework already decoded. The claims (:func:`check`):

* the functions never raise;
* the answer is 200 with exactly the product's keys and a token that
  ``decode_and_validate`` finds ``ok`` under the sentinel secret, or 400, 403, 413 or 415
  with ``{"errors": [{"property": str, "reason": str}, …]}`` (500 means broken server
  credentials, which the sentinel ones are not);
* a body over ``max_body_size`` bytes is a 413, and only such a body; a non-JSON content
  type is a 415;
* no response, repr or exception holds a run of 8 characters of the secret, and no error
  response echoes a string the client sent (:data:`hostile.MARKER`).

Runs of quotes stay under 3,000 characters: near the 16 KiB cap they cost a second each on
the quadratic nesting check issue 23 reports (``benchmarks/`` measures that one).
"""

# zoomsig is imported lazily (atheris instruments it first); invariants are asserts.
# ruff: noqa: S101, PLC0415
from __future__ import annotations

import json
import random
from collections.abc import Mapping
from typing import NamedTuple, Optional

from hostile import MARKER, hostile_text, leaked

SECRET = "SENTINEL-s3cret-NEVER-PRINT-0042x"
KEY = "aBcDeFgHiJkLmNoPqRsT12"
NOW = 1763900000
ERROR_STATUSES = (400, 403, 413, 415)
KNOWN: frozenset[str] = frozenset()
"""Open defects this module tolerates: none. (It found one: ``video_sdk_response`` signed a
request whose ``sessionKey``, ``userIdentity``, ``sessionName`` or ``telemetryTrackingId``
held 16 or more characters of the server's secret; ``sign_video_sdk`` refuses such a claim
now, and the endpoint answers 400 naming the field.)"""


class Case(NamedTuple):
    """One request: the body and what the endpoint is called with."""

    product: str
    """``meeting`` or ``video``."""
    body: object
    content_type: Optional[str]
    max_body_size: int
    permissive: bool
    """With a policy that signs hosts too (more requests get as far as signing)."""


def _fields(product: str) -> tuple[str, ...]:
    from zoomsig.endpoint import MEETING_SDK_FIELDS, VIDEO_SDK_FIELDS

    return MEETING_SDK_FIELDS if product == "meeting" else VIDEO_SDK_FIELDS


def _value(rng: random.Random, depth: int = 0) -> object:
    """A value for a request field: plausible (so some requests sign) or hostile."""
    pick = rng.randrange(14 if depth < 2 else 11)
    if pick < 3:
        return rng.choice(("85746065432", 85746065432, "0", 0, 1, "1", 1.0, 7200, "3600"))
    if pick < 5:
        return rng.choice(("Weekly sync", "US,DE", ["US", "DE"], "user-1", "s-1", "t" * 200))
    if pick == 5:
        return rng.choice((True, False, None, -1, 2, 1.5, -0.0, 1e308, 5e-324, 2**63, -(2**64)))
    if pick == 6:
        return rng.choice((-1, 1)) * 10 ** rng.randrange(12, 4200) + rng.randrange(10)
    if pick < 11:
        return hostile_text(rng, SECRET)
    if pick < 13:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {hostile_text(rng, SECRET): _value(rng, depth + 1) for _ in range(rng.randrange(3))}


def _request(rng: random.Random, product: str) -> dict[str, object]:
    names = _fields(product)
    if product == "meeting":
        request: dict[str, object] = {}
        if rng.randrange(3):
            request.update(meetingNumber="85746065432", role=rng.randrange(2))
    else:
        request = {"sessionName": "Weekly sync", "role": rng.randrange(2)}
    for _ in range(rng.randrange(5)):
        name = rng.choice(names) if rng.randrange(4) else hostile_text(rng, SECRET)
        if rng.randrange(5) == 0:
            request.pop(name, None)
        else:
            request[name] = _value(rng)
    return request


def _hazard(rng: random.Random, text: str, product: str) -> str:
    """JSON text with a hazard ``json.dumps`` cannot make, or made invalid."""
    pick = rng.randrange(14)
    inner = text[1:-1]
    comma = ", " if inner else ""
    if pick == 0:  # deep nesting, around the 32-level limit and far past it
        depth = rng.choice((rng.randrange(28, 36), rng.randrange(1, 3000)))
        return "{" + inner + comma + '"x": ' + "[" * depth + "]" * depth + "}"
    if pick == 1:  # duplicate keys: Python keeps the last one, as JavaScript does
        name = rng.choice(_fields(product))
        first = json.dumps(_value(rng))
        return "{" + f'"{name}": {first}{comma}{inner}, "{name}": {json.dumps(_value(rng))}' + "}"
    if pick == 2:
        constant = rng.choice(("NaN", "Infinity", "-Infinity", "nan", "1e999", "-1e400"))
        return "{" + inner + comma + f'"{rng.choice(_fields(product))}": {constant}' + "}"
    if pick == 3:  # past Python's 4,300-digit int limit
        return "{" + inner + comma + '"role": ' + "9" * rng.randrange(4290, 5000) + "}"
    if pick == 4:
        return "{" + inner + comma + '"sessionName": "' + "\\ud800" * rng.randrange(1, 4) + '"}'
    if pick == 5:  # a string of quotes and backslashes
        return '"' + rng.choice(('\\"', "\\\\", '"', "\\")) * rng.randrange(1, 1500)
    if pick == 6 and text:  # cut short
        return text[: rng.randrange(len(text))]
    if pick == 7:
        return text.replace(rng.choice(('"', ":", ",", "{")), rng.choice(("'", "", ";", "[")), 1)
    if pick == 8:
        return rng.choice(("[", "]", "{", "}", '"', "\\", ",")) * rng.randrange(1, 2500)
    if pick == 9:
        return text + rng.choice((",", " x", "}", "\x00", "\n" * 10))
    return text


def _encode(rng: random.Random, text: str) -> bytes:
    pick = rng.randrange(10)
    if pick == 0:
        return text.encode("utf-16", "surrogatepass")
    if pick == 1:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if pick == 2:  # raw lone surrogates, or a byte that is not UTF-8
        raw = text.encode("utf-8", "surrogatepass")
        cut = rng.randrange(len(raw) + 1)
        return raw[:cut] + rng.choice((b"\xed\xa0\x80", b"\xff", b"\xc3", b"\x80")) + raw[cut:]
    return text.encode("utf-8", "surrogatepass")


def _body(rng: random.Random, product: str, max_body_size: int) -> object:
    request = _request(rng, product)
    pick = rng.randrange(16)
    if pick == 0:  # the framework decoded the JSON already (maybe into something else)
        return rng.choice((request, [request], None, "text", 1, {1: 2, "role": 0}))
    if pick == 1:  # past the cap, or right at it
        size = max_body_size + rng.choice((0, 1, rng.randrange(1, 5000)))
        return (b'{"role": 0, "x": "' + b"a" * size)[:size] + b'"}'[: rng.randrange(3)]
    if pick == 2:
        return rng.choice((b"", b"   ", b"\r\n", b"null", b"[]", b"0", b'""', b"\xef\xbb\xbf"))
    try:
        text = json.dumps(request, ensure_ascii=rng.randrange(3) > 0)
    except ValueError:  # a float nan/inf from _value cannot be written
        text = "{}"
    if rng.randrange(2):
        text = _hazard(rng, text, product)
    raw = _encode(rng, text)
    return rng.choice((raw, raw, bytearray(raw), memoryview(raw)))


def build(rng: random.Random) -> Case:
    """One fuzz case: a request body for one of the two endpoints."""
    product = rng.choice(("meeting", "video"))
    max_body_size = 16 * 1024 if rng.randrange(4) else rng.choice((64, rng.randrange(1, 4096)))
    content_type = None
    if rng.randrange(3) == 0:
        content_type = rng.choice(
            ("application/json", "application/json; charset=utf-8", " APPLICATION/JSON ",
             "text/plain", "application/x-www-form-urlencoded", "", "json", "\x00")
        )  # fmt: skip
    body = _body(rng, product, max_body_size)
    return Case(product, body, content_type, max_body_size, rng.randrange(2) == 0)


def respond(case: Case) -> object:
    """Call the endpoint function the case is for."""
    from zoomsig import Role
    from zoomsig.endpoint import (
        MeetingSdkPolicy,
        VideoSdkPolicy,
        meeting_sdk_response,
        video_sdk_response,
    )

    roles = {Role.PARTICIPANT, Role.HOST}
    if case.product == "meeting":
        return meeting_sdk_response(
            case.body,
            sdk_key=KEY,
            sdk_secret=SECRET,
            policy=MeetingSdkPolicy(roles=roles) if case.permissive else None,
            content_type=case.content_type,
            max_body_size=case.max_body_size,
            now=NOW,
        )
    return video_sdk_response(
        case.body,
        sdk_key=KEY,
        sdk_secret=SECRET,
        policy=VideoSdkPolicy(roles=roles) if case.permissive else None,
        content_type=case.content_type,
        max_body_size=case.max_body_size,
        now=NOW,
    )


def _is_bytes(body: object) -> bool:
    return isinstance(body, (bytes, bytearray, memoryview))


def _size(body: object) -> int:
    return len(bytes(body)) if isinstance(body, (bytes, bytearray, memoryview)) else 0


def check(case: Case) -> None:
    """Every claim of one case; raises AssertionError when one breaks."""
    from zoomsig.endpoint import EndpointResponse, is_json_content_type

    try:
        response = respond(case)
    except Exception as exc:
        run = leaked(f"{exc!s}{exc!r}", SECRET)
        raise AssertionError(f"raised {type(exc).__name__} (leaks: {run is not None})") from None
    assert isinstance(response, EndpointResponse), type(response)
    text = response.to_json()
    json.loads(text, parse_constant=_refuse)  # strict JSON
    for shown in (text, repr(response), str(response.to_dict())):
        run = leaked(shown, SECRET)
        assert run is None, f"{run!r} of the secret in the response"
    wrong_type = case.content_type is not None and not is_json_content_type(case.content_type)
    too_large = not wrong_type and _is_bytes(case.body) and _size(case.body) > case.max_body_size
    assert (response.status == 415) == wrong_type, (response.status, case.content_type)
    assert (response.status == 413) == too_large, (response.status, _size(case.body))
    if response.status == 200:
        _check_token(case, response.to_dict())
    else:
        _check_errors(response.status, response.to_dict())


def _refuse(constant: str) -> object:
    raise AssertionError(f"{constant} in a response")


def _check_errors(status: int, body: Mapping[str, object]) -> None:
    assert status in ERROR_STATUSES, status
    assert list(body) == ["errors"], list(body)
    errors = body["errors"]
    assert isinstance(errors, list), type(errors)
    assert errors, "an error response without errors"
    for error in errors:
        assert isinstance(error, dict), type(error)
        assert sorted(error) == ["property", "reason"], sorted(error)
        assert all(isinstance(v, str) and v for v in error.values()), error
        assert len(error["reason"]) <= 300, "an unbounded reason"
    assert MARKER not in json.dumps(body, ensure_ascii=False), "a client's string echoed"


def _check_token(case: Case, body: Mapping[str, object]) -> None:
    from zoomsig import decode_and_validate

    expected = ["sdkKey", "signature"] if case.product == "meeting" else ["signature"]
    assert sorted(body) == expected, sorted(body)
    if case.product == "meeting":
        assert body["sdkKey"] == KEY
    token = body["signature"]
    assert isinstance(token, str), type(token)
    report = decode_and_validate(token, secret=SECRET, now=NOW)
    assert report.ok, f"a 200's token does not pass: {report.codes}"
    assert report.signature_verified is True
