"""The request corpus sent to Zoom's official Cobrowse auth endpoint sample and to zoomsig's.

Data, not code from the sample: each case is a request body (as bytes) and its content type.
``scripts/parity_official_endpoints.py --cobrowse-sample`` sends every case to the sample
(run from its checkout) and to zoomsig, and records the sample's answers in
``tests/vectors/official-cobrowse-endpoint.json``; ``tests/test_cobrowse_endpoint.py``
holds zoomsig to those answers, except for the deliberate differences listed here, each
with its reason (also shown in the docs' parity table).
"""

from __future__ import annotations

import json
from typing import Optional

from endpoint_corpus import JSON, KEY, SECRET, Case, Difference

__all__ = ["CASES", "DIFFERENCES", "KEY", "RANDOM", "SECRET"]

RANDOM = "<random>"
"""Where the sample (and zoomsig) make a random user_id, the parity table compares this."""


def _c(name: str, body: object, content_type: Optional[str] = JSON) -> Case:
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return Case(f"cobrowse: {name}", "cobrowse", raw, content_type)  # type: ignore[arg-type]


CUSTOMER = {"role": 1, "userId": "user123", "userName": "ekaansh"}

CASES: tuple[Case, ...] = (
    _c("customer", CUSTOMER),
    _c("agent", {**CUSTOMER, "role": 2}),
    _c("role as string '2'", {**CUSTOMER, "role": "2"}),
    _c("role 0", {**CUSTOMER, "role": 0}),
    _c("role 3", {**CUSTOMER, "role": 3}),
    _c("role null", {**CUSTOMER, "role": None}),
    _c("role true", {**CUSTOMER, "role": True}),
    _c("role 'abc'", {**CUSTOMER, "role": "abc"}),
    _c("role '1abc'", {**CUSTOMER, "role": "1abc"}),
    _c("missing role", {"userId": "user123"}),
    _c("empty object", {}),
    _c("role only", {"role": 1}),
    _c("without userName", {"role": 1, "userId": "user123"}),
    _c("expirationSeconds 3600", {**CUSTOMER, "expirationSeconds": 3600}),
    _c("expirationSeconds as string", {**CUSTOMER, "expirationSeconds": "3600"}),
    _c("expirationSeconds 1800", {**CUSTOMER, "expirationSeconds": 1800}),
    _c("expirationSeconds 172800", {**CUSTOMER, "expirationSeconds": 172800}),
    _c("expirationSeconds 1799", {**CUSTOMER, "expirationSeconds": 1799}),
    _c("expirationSeconds 172801", {**CUSTOMER, "expirationSeconds": 172801}),
    _c("expirationSeconds 1800.5", {**CUSTOMER, "expirationSeconds": 1800.5}),
    _c("expirationSeconds null", {**CUSTOMER, "expirationSeconds": None}),
    _c("userId 35 characters", {**CUSTOMER, "userId": "u" * 35}),
    _c("userId 36 characters", {**CUSTOMER, "userId": "u" * 36}),
    _c("userId a number", {**CUSTOMER, "userId": 4711}),
    _c("userId empty", {**CUSTOMER, "userId": ""}),
    _c("userId null", {**CUSTOMER, "userId": None}),
    _c("userName 35 characters", {**CUSTOMER, "userName": "n" * 35}),
    _c("userName 36 characters", {**CUSTOMER, "userName": "n" * 36}),
    _c("userName 80 characters", {**CUSTOMER, "userName": "n" * 80}),
    _c("userName 81 characters", {**CUSTOMER, "userName": "n" * 81}),
    _c("userName non-ASCII", {**CUSTOMER, "userName": "Zoë 🎉 Agent"}),
    _c("userName a number", {**CUSTOMER, "userName": 7}),
    _c("unknown fields", {**CUSTOMER, "enable_byop": 1, "sessionName": "x"}),
    _c("every field invalid", {"role": 5, "expirationSeconds": 5, "userId": 5, "userName": 5}),
    _c("malformed JSON", b'{"role": 1,'),
    _c("JSON array", b"[1]"),
    _c("text/plain content type", json.dumps(CUSTOMER).encode(), "text/plain"),
)

_PARSE_INT = (
    "the sample's parseInt reads a prefix ('1abc' gives 1); zoomsig takes a string only when "
    "it is all digits, so a typo is reported, not guessed at"
)
_USER_NAME = (
    "the sample allows a userName of at most 35 characters; Zoom's Cobrowse authorize page "
    "allows user_name up to 80, and zoomsig follows Zoom"
)
_CONTENT_TYPE = (
    "zoomsig requires Content-Type: application/json (415): the sample ignores such a body "
    "and answers as if it were {}"
)

DIFFERENCES: dict[str, Difference] = {
    "cobrowse: role '1abc'": Difference(400, ("role",), _PARSE_INT),
    "cobrowse: userName 36 characters": Difference(200, None, _USER_NAME),
    "cobrowse: userName 80 characters": Difference(200, None, _USER_NAME),
    "cobrowse: userId empty": Difference(
        400,
        ("userId",),
        "the sample signs an empty user_id (?? keeps an empty string); zoomsig refuses it: "
        "leave the field out for a random id",
    ),
    "cobrowse: expirationSeconds 1800.5": Difference(
        400,
        ("expirationSeconds",),
        "the sample signs exp = iat + 1800.5, a fractional exp; JWT times are whole seconds",
    ),
    "cobrowse: JSON array": Difference(
        400,
        ("$body",),
        "zoomsig refuses a body that is not a JSON object; the sample reads the array's "
        "(absent) fields and names role",
    ),
    "cobrowse: text/plain content type": Difference(415, ("$body",), _CONTENT_TYPE),
}
