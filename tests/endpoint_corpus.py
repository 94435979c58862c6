"""The request corpus sent to Zoom's official auth endpoint samples and to zoomsig's.

Data, not code from the samples: each case is a request body (as bytes), its content type
and the endpoint it goes to. ``scripts/parity_official_endpoints.py`` sends every case to
both official samples (run from their checkouts) and to zoomsig, and records the official
answers in ``tests/vectors/official-endpoints.json``; ``tests/test_endpoint_parity.py``
holds zoomsig to those answers, except for the deliberate differences listed here, each
with its reason (also shown in the docs' parity table).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal, Optional

__all__ = ["CASES", "DIFFERENCES", "KEY", "SECRET", "Case", "Difference"]

KEY = "PARITYkey0123"
SECRET = "parity-secret-sentinel-0123456789abcdef"
"""Test credentials only: both servers sign with these."""

MEETING = "85746065432"
JSON = "application/json"


@dataclass(frozen=True)
class Case:
    name: str
    sdk: Literal["meeting", "video"]
    body: bytes
    content_type: Optional[str] = JSON


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


def _m(name: str, body: object, content_type: Optional[str] = JSON) -> Case:
    raw = body if isinstance(body, bytes) else _json(body)
    return Case(name, "meeting", raw, content_type)


def _v(name: str, body: object, content_type: Optional[str] = JSON) -> Case:
    raw = body if isinstance(body, bytes) else _json(body)
    return Case(name, "video", raw, content_type)


WEB = {"meetingNumber": MEETING, "role": 0}
TOPIC = {"sessionName": "team-standup", "role": 0}


def _nested(depth: int) -> bytes:
    return b'{"meetingNumber":"85746065432","role":0,"x":' + b"[" * depth + b"]" * depth + b"}"


CASES: tuple[Case, ...] = (
    # Meeting SDK: the happy paths and the samples' coercions
    _m("meeting: web participant", WEB),
    _m("meeting: web host", {**WEB, "role": 1}),
    _m("meeting: native (empty object)", {}),
    _m("meeting: native with lifetime", {"expirationSeconds": 3600}),
    _m("meeting: role as string '1'", {**WEB, "role": "1"}),
    _m("meeting: role as string '0'", {**WEB, "role": "0"}),
    _m("meeting: role 1.0", b'{"meetingNumber":"85746065432","role":1.0}'),
    _m("meeting: meetingNumber as a number", {"meetingNumber": int(MEETING), "role": 0}),
    _m("meeting: meetingNumber as a float", b'{"meetingNumber":85746065432.0,"role":0}'),
    _m("meeting: expirationSeconds 1800", {**WEB, "expirationSeconds": 1800}),
    _m("meeting: expirationSeconds 172800", {**WEB, "expirationSeconds": 172800}),
    _m("meeting: expirationSeconds as string", {**WEB, "expirationSeconds": "3600"}),
    _m(
        "meeting: expirationSeconds 1e4",
        b'{"meetingNumber":"85746065432","role":0,"expirationSeconds":1e4}',
    ),
    _m("meeting: videoWebRtcMode 1", {**WEB, "videoWebRtcMode": 1}),
    _m("meeting: videoWebRtcMode '0'", {**WEB, "videoWebRtcMode": "0"}),
    _m("meeting: unknown fields", {**WEB, "foo": "bar", "signature": "x", "sdkKey": "y"}),
    _m("meeting: duplicate role key", b'{"meetingNumber":"85746065432","role":1,"role":0}'),
    _m("meeting: empty body", b""),
    _m("meeting: UTF-8 BOM", b"\xef\xbb\xbf" + _json(WEB)),
    # Meeting SDK: invalid fields
    _m("meeting: role 'abc'", {**WEB, "role": "abc"}),
    _m("meeting: role '1abc'", {**WEB, "role": "1abc"}),
    _m("meeting: role ' 1'", {**WEB, "role": " 1"}),
    _m("meeting: role '0x1'", {**WEB, "role": "0x1"}),
    _m("meeting: role 1.5", b'{"meetingNumber":"85746065432","role":1.5}'),
    _m("meeting: role null", {**WEB, "role": None}),
    _m("meeting: role true", {**WEB, "role": True}),
    _m("meeting: role 2", {**WEB, "role": 2}),
    _m("meeting: role -1", {**WEB, "role": -1}),
    _m("meeting: role [0]", {**WEB, "role": [0]}),
    _m("meeting: role huge digit string", {**WEB, "role": "9" * 25}),
    _m("meeting: role without meetingNumber", {"role": 0}),
    _m("meeting: meetingNumber without role", {"meetingNumber": MEETING}),
    _m("meeting: role 5 without meetingNumber", {"role": 5}),
    _m("meeting: meetingNumber with letters", {"meetingNumber": "abc123def", "role": 0}),
    _m("meeting: meetingNumber with spaces", {"meetingNumber": "857 4606 5432", "role": 0}),
    _m("meeting: meetingNumber with dashes", {"meetingNumber": "857-4606-5432", "role": 0}),
    _m("meeting: meetingNumber of 5 digits", {"meetingNumber": "12345", "role": 0}),
    _m("meeting: meetingNumber of 13 digits", {"meetingNumber": "1234567890123", "role": 0}),
    _m("meeting: meetingNumber null", {"meetingNumber": None, "role": 0}),
    _m("meeting: meetingNumber empty", {"meetingNumber": "", "role": 0}),
    _m("meeting: meetingNumber object", {"meetingNumber": {}, "role": 0}),
    _m("meeting: expirationSeconds 1799", {**WEB, "expirationSeconds": 1799}),
    _m("meeting: expirationSeconds 172801", {**WEB, "expirationSeconds": 172801}),
    _m("meeting: expirationSeconds 'abc'", {**WEB, "expirationSeconds": "abc"}),
    _m("meeting: expirationSeconds 1800.5", {**WEB, "expirationSeconds": 1800.5}),
    _m("meeting: expirationSeconds 0", {**WEB, "expirationSeconds": 0}),
    _m("meeting: expirationSeconds null", {**WEB, "expirationSeconds": None}),
    _m("meeting: videoWebRtcMode 2", {**WEB, "videoWebRtcMode": 2}),
    _m(
        "meeting: every field invalid",
        {"meetingNumber": "x", "role": "host", "expirationSeconds": 5, "videoWebRtcMode": 3},
    ),
    # Meeting SDK: the body itself
    _m("meeting: text/plain content type", WEB, "text/plain"),
    _m("meeting: no content type", WEB, None),
    _m(
        "meeting: form-encoded body",
        b"meetingNumber=85746065432&role=0",
        "application/x-www-form-urlencoded",
    ),
    _m("meeting: malformed JSON", b'{"meetingNumber": "85746065432", "role": 0'),
    _m("meeting: JSON array", b"[1, 2]"),
    _m("meeting: JSON string", b'"hello"'),
    _m("meeting: JSON null", b"null"),
    _m("meeting: JSON number", b"42"),
    _m("meeting: NaN literal", b'{"meetingNumber":"85746065432","role":NaN}'),
    _m("meeting: nested 1000 deep", _nested(1000)),
    _m("meeting: invalid UTF-8", b'{"meetingNumber":"85746065432","role":0,"x":"\xff"}'),
    _m("meeting: 20 KB body", {**WEB, "padding": "x" * 20_000}),
    _m("meeting: 200 KB body", {**WEB, "padding": "x" * 200_000}),
    # Video SDK
    _v("video: participant", TOPIC),
    _v("video: host", {**TOPIC, "role": 1}),
    _v("video: role as string '1'", {**TOPIC, "role": "1"}),
    _v("video: missing role", {"sessionName": "team-standup"}),
    _v("video: missing sessionName", {"role": 0}),
    _v("video: empty object", {}),
    _v("video: sessionName empty", {**TOPIC, "sessionName": ""}),
    _v("video: sessionName 200 characters", {**TOPIC, "sessionName": "s" * 200}),
    _v("video: sessionName 201 characters", {**TOPIC, "sessionName": "s" * 201}),
    _v("video: sessionName 150 emoji", {**TOPIC, "sessionName": "\U0001f600" * 150}),
    _v("video: sessionName a number", {**TOPIC, "sessionName": 123}),
    _v("video: sessionName null", {**TOPIC, "sessionName": None}),
    _v("video: userIdentity", {**TOPIC, "userIdentity": "user-42"}),
    _v("video: userIdentity 36 characters", {**TOPIC, "userIdentity": "u" * 36}),
    _v("video: userIdentity empty", {**TOPIC, "userIdentity": ""}),
    _v("video: userIdentity a number", {**TOPIC, "userIdentity": 42}),
    _v("video: sessionKey", {**TOPIC, "sessionKey": "key-1"}),
    _v("video: sessionKey 37 characters", {**TOPIC, "sessionKey": "k" * 37}),
    _v("video: geoRegions array", {**TOPIC, "geoRegions": ["US", "DE"]}),
    _v("video: geoRegions string", {**TOPIC, "geoRegions": "US,DE"}),
    _v("video: geoRegions string with spaces", {**TOPIC, "geoRegions": " US , DE "}),
    _v("video: geoRegions lower case", {**TOPIC, "geoRegions": ["us"]}),
    _v("video: geoRegions unknown", {**TOPIC, "geoRegions": ["XX"]}),
    _v("video: geoRegions empty array", {**TOPIC, "geoRegions": []}),
    _v("video: geoRegions empty string", {**TOPIC, "geoRegions": ""}),
    _v("video: geoRegions a number", {**TOPIC, "geoRegions": 1}),
    _v("video: geoRegions mixed array", {**TOPIC, "geoRegions": ["US", 1]}),
    _v(
        "video: cloud recording flags",
        {**TOPIC, "cloudRecordingOption": 1, "cloudRecordingElection": "1"},
    ),
    _v("video: cloudRecordingOption 2", {**TOPIC, "cloudRecordingOption": 2}),
    _v("video: telemetryTrackingId", {**TOPIC, "telemetryTrackingId": "t-1"}),
    _v("video: telemetryTrackingId a number", {**TOPIC, "telemetryTrackingId": 5}),
    _v("video: audioCompatibleMode 1", {**TOPIC, "audioCompatibleMode": 1}),
    _v(
        "video: audioWebRtcMode wins over audioCompatibleMode",
        {**TOPIC, "audioWebRtcMode": 0, "audioCompatibleMode": 1},
    ),
    _v("video: videoWebRtcMode '0'", {**TOPIC, "videoWebRtcMode": "0"}),
    _v("video: expirationSeconds 3600", {**TOPIC, "expirationSeconds": 3600}),
    _v("video: expirationSeconds 60", {**TOPIC, "expirationSeconds": 60}),
    _v(
        "video: every field invalid",
        {
            "role": 9,
            "sessionName": 5,
            "expirationSeconds": "x",
            "userIdentity": 1,
            "sessionKey": [],
            "geoRegions": "ZZ",
            "cloudRecordingOption": 7,
            "cloudRecordingElection": "y",
            "videoWebRtcMode": 2,
            "audioWebRtcMode": 2,
            "audioCompatibleMode": 3,
        },
    ),
    _v("video: unknown fields", {**TOPIC, "foo": [1, 2]}),
    _v("video: text/plain content type", TOPIC, "text/plain"),
    _v("video: malformed JSON", b'{"sessionName": '),
    _v("video: JSON array", b'["team-standup", 0]'),
)


@dataclass(frozen=True)
class Difference:
    """Where zoomsig answers otherwise than the official sample, and why."""

    status: int
    properties: Optional[tuple[str, ...]]
    """The properties zoomsig's 400/403/413/415 names, sorted; ``None`` for a 200."""
    reason: str
    claims_only: bool = False
    """Both answer 200, and the claims differ as ``reason`` says."""


_MN = (
    "Zoom's meeting number is 9 to 12 digits and must equal the one passed to join(); the "
    "sample signs any value, and the join then fails (3706 / 3712)"
)
_PARSE_INT = (
    "the sample's parseInt reads a prefix ('1abc' and ' 1' give 1, '0x1' gives 1); zoomsig "
    "takes a string only when it is all digits, so a typo is reported, not guessed at"
)
_CONTENT_TYPE = (
    "zoomsig requires Content-Type: application/json (415): the sample ignores such a body "
    "and signs as if it were {}; a JSON-only endpoint is also one that another site's form "
    "cannot call without a CORS preflight"
)
_EMPTY_OPTIONAL = (
    "an empty string for an optional claim is what an unset form field sends; zoomsig "
    "refuses it (leave the field out) rather than sign an empty identity"
)

DIFFERENCES: dict[str, Difference] = {
    "meeting: role '1abc'": Difference(400, ("role",), _PARSE_INT),
    "meeting: role ' 1'": Difference(400, ("role",), _PARSE_INT),
    "meeting: role '0x1'": Difference(400, ("role",), _PARSE_INT),
    "meeting: meetingNumber as a number": Difference(
        200,
        None,
        "zoomsig sends mn as the digit string Zoom's docs show; the sample passes the JSON "
        "number through (Zoom accepts both)",
        claims_only=True,
    ),
    "meeting: meetingNumber as a float": Difference(
        200,
        None,
        "as for a number: zoomsig sends mn as a digit string",
        claims_only=True,
    ),
    "meeting: meetingNumber with letters": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber with spaces": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber with dashes": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber of 5 digits": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber of 13 digits": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber null": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber empty": Difference(400, ("meetingNumber",), _MN),
    "meeting: meetingNumber object": Difference(400, ("meetingNumber",), _MN),
    "meeting: expirationSeconds 1800.5": Difference(
        400,
        ("expirationSeconds",),
        "the sample signs exp = iat + 1800.5, a fractional exp; JWT times are whole seconds",
    ),
    "meeting: every field invalid": Difference(
        400,
        ("expirationSeconds", "meetingNumber", "role", "videoWebRtcMode"),
        "zoomsig also checks meetingNumber (see above); the other three are the sample's",
    ),
    "meeting: text/plain content type": Difference(415, ("$body",), _CONTENT_TYPE),
    "meeting: no content type": Difference(415, ("$body",), _CONTENT_TYPE),
    "meeting: form-encoded body": Difference(415, ("$body",), _CONTENT_TYPE),
    "meeting: JSON array": Difference(
        400,
        ("$body",),
        "the sample spreads an array into an object and signs a native token; zoomsig "
        "expects a JSON object",
    ),
    "meeting: nested 1000 deep": Difference(
        400,
        ("$body",),
        "zoomsig reads at most 32 levels of nesting (MAX_JSON_DEPTH), the same on every "
        "Python; no real request nests",
    ),
    "meeting: invalid UTF-8": Difference(
        400,
        ("$body",),
        "the sample replaces invalid bytes with U+FFFD; zoomsig refuses a body that is not UTF-8",
    ),
    "meeting: 20 KB body": Difference(
        413,
        ("$body",),
        "zoomsig caps bodies at 16 KiB (MAX_BODY_SIZE), the sample at Express's 100 kB; a real "
        "request is under 1 KiB",
    ),
    "video: sessionName empty": Difference(
        400,
        ("sessionName",),
        'the Video SDK client refuses an empty topic; the sample signs tpc ""',
    ),
    "video: userIdentity empty": Difference(400, ("userIdentity",), _EMPTY_OPTIONAL),
    "video: telemetryTrackingId a number": Difference(
        400,
        ("telemetryTrackingId",),
        "the sample does not check telemetryTrackingId at all and signs any JSON value; "
        "zoomsig takes a string of 1 to 200 characters",
    ),
    "video: text/plain content type": Difference(415, ("$body",), _CONTENT_TYPE),
    "video: JSON array": Difference(
        400,
        ("$body",),
        "the sample treats an array as an object without fields (role, sessionName missing); "
        "zoomsig says the body is not an object",
    ),
}
