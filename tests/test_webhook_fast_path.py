"""verify_webhook's fast path (a plain dict of str headers, a body that starts with ``{``)
gives the answer of its general path for every input.

The general path is reached with the same headers as (name, value) pairs, and the JSON
reading is compared with ``json.loads``'s (hypothesis, bounded).
"""

from __future__ import annotations

import json
from typing import Optional, Union, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zoomsig
from zoomsig import InvalidWebhookError, sign_webhook, verify_webhook
from zoomsig._errors import ZoomSigError
from zoomsig.webhook._core import decode_event

TOKEN = "fastPathWebhookSecret22"
NOW = 1_763_900_000

_NAMES = st.sampled_from(
    [
        "x-zm-signature",
        "X-Zm-Signature",
        "X-ZM-SIGNATURE",
        "x-zm-request-timestamp",
        "X-Zm-Request-Timestamp",
        "x-zm-request-timestamp\n",
        "host",
        "Content-Type",
        "\u0130",
    ]
)
_VALUES = st.one_of(
    st.sampled_from(["", "v0=", "1763900000", "1763900000000", "٣", "v0=" + "a" * 64]),
    st.text(max_size=8),
    st.binary(max_size=4),
    st.integers(0, 3),
)
_BODIES = st.one_of(
    st.sampled_from([b"{}", b'{"event":"x"}', b"[]", b"{", b"{\x00", b"\xef\xbb\xbf{}"]),
    st.binary(max_size=12),
    st.builds(lambda s: s.encode("utf-16-le"), st.sampled_from(['{"a":1}', "{}"])),
)


def _outcome(headers: object, body: bytes, token: object, now: object) -> object:
    try:
        event = verify_webhook(headers, body, secret_token=token, now=now)  # type: ignore[arg-type]
    except InvalidWebhookError as error:
        return ("webhook", error.finding_code, str(error))
    except ZoomSigError as error:
        return (type(error).__name__, str(error))
    return (event.event, dict(event.payload), event.event_ts, event.timestamp, event.data)


@settings(max_examples=300, deadline=None)
@given(
    extra=st.dictionaries(_NAMES, _VALUES, max_size=4),
    body=_BODIES,
    sign=st.booleans(),
    token=st.sampled_from([TOKEN, " " + TOKEN, "", "t\u00e9" * 8, 7]),
    now=st.sampled_from([None, NOW, NOW + 301, 2**70, -1, True, 1.5e9]),
)
def test_fast_path_answers_as_the_general_path(
    extra: dict[str, Union[str, bytes, int]],
    body: bytes,
    sign: bool,
    token: object,
    now: object,
) -> None:
    headers: dict[str, object] = {}
    if sign:
        headers.update(sign_webhook(body, secret_token=TOKEN, timestamp=NOW))
    headers.update(extra)
    pairs = list(headers.items())
    fast = _outcome(headers, body, token, now)
    general = _outcome(pairs, body, token, now)
    if now is None and fast != general:  # the clock moved between the two calls
        return
    assert fast == general


@settings(max_examples=300, deadline=None)
@given(body=_BODIES)
def test_fast_json_reading_is_json_loads(body: bytes) -> None:
    assert decode_event(body) == _loads(body)


def _loads(body: bytes) -> Optional[dict[str, object]]:
    """What decode_event did before its fast path: json.loads, a JSON object or None."""
    try:
        data: object = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return cast("dict[str, object]", data) if isinstance(data, dict) else None


def test_signed_request_is_accepted_as_a_dict_and_a_copy() -> None:
    body = b'{"event":"meeting.started","payload":{}}'
    headers = sign_webhook(body, secret_token=TOKEN, timestamp=NOW)
    first = verify_webhook(headers, body, secret_token=TOKEN, now=NOW)
    second = verify_webhook(dict(headers), body, secret_token=TOKEN, now=NOW)
    assert first == second
    assert first.event == "meeting.started"
    with pytest.raises(InvalidWebhookError) as raised:
        verify_webhook(headers, body, secret_token=TOKEN[:-1] + "X", now=NOW)
    assert raised.value.finding_code is zoomsig.FindingCode.WEBHOOK_SIGNATURE_MISMATCH


def test_json_reading_keeps_loads_encoding_detection() -> None:
    assert decode_event('{"a":1}'.encode("utf-16-le")) == json.loads('{"a":1}'.encode("utf-16-le"))
