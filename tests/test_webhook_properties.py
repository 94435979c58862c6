"""Properties of the webhook functions (hypothesis, modest example counts).

- whatever sign_webhook signs, verify_webhook accepts and diagnose_webhook calls ok;
- a changed byte of the body, the timestamp or the signature is never accepted;
- diagnose_webhook never raises, whatever the headers and the body;
- no run of 8 characters of the secret token is in any output.
"""

from __future__ import annotations

import json

import pytest
from _support import NOW, SENTINEL_SECRET
from hypothesis import given, settings
from hypothesis import strategies as st

from zoomsig import (
    InvalidWebhookError,
    diagnose_webhook,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)

SECRET = SENTINEL_SECRET
FEW = settings(max_examples=40, deadline=None)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
events: st.SearchStrategy[dict[str, object]] = st.fixed_dictionaries(
    {
        "event": st.text(max_size=30),
        "payload": st.dictionaries(st.text(max_size=8), json_values, max_size=4),
    },
    optional={"event_ts": st.integers(min_value=0, max_value=10**13)},
)


def body_of(event: dict[str, object]) -> bytes:
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass"
    )


def leaks(text: str, secret: str = SECRET) -> bool:
    return any(secret[i : i + 8] in text for i in range(len(secret) - 7))


@FEW
@given(events, st.integers(min_value=0, max_value=10**10))
def test_signed_is_accepted_and_diagnosed_ok(event: dict[str, object], stamp: int) -> None:
    body = body_of(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=stamp)
    verified = verify_webhook(headers, body, secret_token=SECRET, now=stamp)
    assert verified.data == json.loads(body)
    report = diagnose_webhook(headers, body, secret_token=SECRET, now=stamp)
    assert report.ok, report
    assert report.signature_verified is True


def _flip(data: bytes, index: int, value: int) -> bytes:
    index %= len(data)
    new = value % 256
    if new == data[index]:
        new = (new + 1) % 256
    return data[:index] + bytes([new]) + data[index + 1 :]


@FEW
@given(events, st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_a_changed_body_byte_is_never_accepted(
    event: dict[str, object], index: int, value: int
) -> None:
    body = body_of(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    with pytest.raises(InvalidWebhookError):
        verify_webhook(headers, _flip(body, index, value), secret_token=SECRET, now=NOW)


@FEW
@given(
    st.sampled_from(["x-zm-request-timestamp", "x-zm-signature"]),
    st.integers(min_value=0),
    st.integers(min_value=0, max_value=127),
)
def test_a_changed_header_character_is_never_accepted(name: str, index: int, value: int) -> None:
    body = body_of({"event": "meeting.started", "payload": {}})
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    changed = _flip(headers[name].encode("ascii"), index, value).decode("latin-1")
    with pytest.raises(InvalidWebhookError):
        verify_webhook(
            {**headers, name: changed}, body, secret_token=SECRET, now=NOW, tolerance=86400
        )


header_values = st.text(max_size=80) | st.binary(max_size=80) | st.none() | st.integers()
headers_strategy = st.one_of(
    st.dictionaries(
        st.sampled_from(
            ["x-zm-signature", "X-Zm-Request-Timestamp", "x-zm-request-timestamp", "other"]
        )
        | st.text(max_size=10),
        header_values,
        max_size=4,
    ),
    st.lists(st.tuples(st.text(max_size=24), header_values), max_size=4),
    st.none(),
    st.integers(),
    st.text(max_size=20),
)
bodies = st.one_of(
    st.binary(max_size=200), st.text(max_size=200), events.map(body_of), st.none(), events
)


@FEW
@given(headers_strategy, bodies)
def test_diagnose_never_raises_and_never_leaks(headers: object, body: object) -> None:
    report = diagnose_webhook(headers, body, secret_token=SECRET, now=NOW)
    text = str(report) + json.dumps(report.to_dict(), ensure_ascii=False) + repr(report)
    assert not leaks(text)


@FEW
@given(events, st.sampled_from(["sig", "ts", "secret-in-body", "plain"]))
def test_the_secret_in_the_input_never_reaches_the_output(
    event: dict[str, object], where: str
) -> None:
    event = {**event, "event": "endpoint.url_validation", "payload": {"plainToken": SECRET}}
    if where == "secret-in-body":
        event["event"] = SECRET
    body = body_of(event)
    headers = sign_webhook(body, secret_token=SECRET, timestamp=NOW)
    if where == "sig":
        headers["x-zm-signature"] = "v0=" + SECRET
    if where == "ts":
        headers["x-zm-request-timestamp"] = SECRET
    report = diagnose_webhook(headers, body, secret_token=SECRET, now=NOW)
    assert not leaks(str(report) + json.dumps(report.to_dict(), ensure_ascii=False))
    for secret in (SECRET + "\n", " " + SECRET):
        report = diagnose_webhook(headers, body, secret_token=secret, now=NOW)
        assert not leaks(str(report) + repr(report))


@FEW
@given(st.text(min_size=1, max_size=64))
def test_url_validation_response_is_deterministic_hex(plain: str) -> None:
    event = {"event": "endpoint.url_validation", "payload": {"plainToken": plain}}
    answer = url_validation_response(event, secret_token=SECRET)
    assert answer["plainToken"] == plain
    assert len(answer["encryptedToken"]) == 64
    assert int(answer["encryptedToken"], 16) >= 0
    assert answer == url_validation_response(dict(event), secret_token=SECRET)
