"""Signed Zoom webhook requests for tests, and a catalogue of the broken ones people make.

Post a :func:`signed_webhook_request` to your endpoint with your framework's test client::

    from zoomsig.testing.webhooks import signed_webhook_request

    request = signed_webhook_request({"event": "meeting.started", "payload": {}},
                                     secret_token=TEST_TOKEN, timestamp=NOW)
    client.post("/zoom/webhook", content=request.body, headers=request.headers)

:func:`broken_webhooks` lists each real-world mistake, built the way it is made, with the
finding code :func:`zoomsig.diagnose_webhook` names for it (a test keeps the two in step).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional, Union

from zoomsig.diagnose.codes import FindingCode
from zoomsig.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, URL_VALIDATION_EVENT, sign_webhook

__all__ = [
    "BrokenWebhook",
    "WebhookRequest",
    "broken_webhooks",
    "signed_webhook_request",
    "url_validation_request",
    "zoom_json",
]

_C = FindingCode


def zoom_json(event: Mapping[str, object]) -> bytes:
    """``event`` as Zoom sends it: compact JSON, UTF-8, non-ASCII characters unescaped."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class WebhookRequest:
    """A request as Zoom sends it: the raw ``body`` and the ``headers`` to post it with."""

    body: bytes
    headers: dict[str, str]

    @property
    def event(self) -> dict[str, object]:
        """The decoded body."""
        data: dict[str, object] = json.loads(self.body)
        return data


def signed_webhook_request(
    event: Union[Mapping[str, object], bytes],
    *,
    secret_token: str,
    timestamp: Union[int, float, datetime],
) -> WebhookRequest:
    """A correctly signed webhook request for ``event`` (a dict, sent as Zoom's compact JSON,
    or the exact body bytes), with ``content-type: application/json``."""
    body = event if isinstance(event, bytes) else zoom_json(event)
    headers = {"content-type": "application/json; charset=utf-8"}
    headers.update(sign_webhook(body, secret_token=secret_token, timestamp=timestamp))
    return WebhookRequest(body, headers)


def url_validation_request(
    plain_token: str,
    *,
    secret_token: str,
    timestamp: Union[int, float, datetime],
    event_ts: Optional[int] = None,
) -> WebhookRequest:
    """Zoom's signed ``endpoint.url_validation`` challenge for ``plain_token``.

    The key order is that of Zoom's documented example: ``payload``, ``event_ts``,
    ``event``.
    """
    stamp = timestamp.timestamp() if isinstance(timestamp, datetime) else timestamp
    event = {
        "payload": {"plainToken": plain_token},
        "event_ts": int(stamp * 1000) if event_ts is None else event_ts,
        "event": URL_VALIDATION_EVENT,
    }
    return signed_webhook_request(event, secret_token=secret_token, timestamp=timestamp)


@dataclass(frozen=True)
class BrokenWebhook:
    """One real-world mistake: what the checking code ends up holding, and its finding.

    Pass ``headers``, ``body``, ``secret_token`` (and ``verification_token``) to
    :func:`zoomsig.diagnose_webhook` at ``now``: the report names ``expected``.
    """

    name: str
    description: str
    headers: dict[str, str]
    body: object
    expected: FindingCode
    now: int
    secret_token: str = field(repr=False)
    verification_token: Optional[str] = field(default=None, repr=False)


def _sample_event(timestamp: int) -> dict[str, object]:
    return {
        "event": "meeting.started",
        "payload": {
            "account_id": "AAAAAAAAAAAAAAAAAAAAAA",
            "object": {
                "uuid": "4444AAAiAAAAAiAAAAAiAA==",
                "id": 85746065432,
                "host_id": "z8yAAAAA8bbbQ",
                "topic": "Réunion d'équipe 🚀",
                "type": 2,
                "start_time": "2025-11-23T12:13:20Z",
                "timezone": "Europe/Paris",
            },
        },
        "event_ts": timestamp * 1000 - 250,
    }


def broken_webhooks(
    *,
    secret_token: str,
    timestamp: int,
    verification_token: str = "VerificationTokenOld22",  # noqa: S107 - a fake, for tests
) -> tuple[BrokenWebhook, ...]:
    """The catalogue: each mistake made the way people make it, at ``timestamp``."""
    event = _sample_event(timestamp)
    good = signed_webhook_request(event, secret_token=secret_token, timestamp=timestamp)
    hex_mac = good.headers[SIGNATURE_HEADER].removeprefix("v0=")
    parsed = json.loads(good.body)

    def entry(
        name: str,
        description: str,
        expected: FindingCode,
        *,
        body: object = good.body,
        headers: Optional[Mapping[str, str]] = None,
        checker_secret: str = secret_token,
        now: int = timestamp + 2,
        verification: Optional[str] = None,
    ) -> BrokenWebhook:
        return BrokenWebhook(
            name,
            description,
            dict(good.headers if headers is None else headers),
            body,
            expected,
            now,
            checker_secret,
            verification,
        )

    def with_signature(value: str) -> dict[str, str]:
        return {**good.headers, SIGNATURE_HEADER: value}

    ms = str(timestamp * 1000)
    # sign_webhook refuses a millisecond timestamp; this mistake signs one as Zoom would.
    ms_mac = hmac.new(
        secret_token.encode("utf-8"), b"v0:%s:%s" % (ms.encode(), good.body), hashlib.sha256
    )
    other = signed_webhook_request(
        {**event, "event": "meeting.ended", "event_ts": (timestamp - 86400) * 1000},
        secret_token=secret_token,
        timestamp=timestamp,
    )
    challenge = url_validation_request(
        "qgg8vlvZRS6UYooatFL8Aw", secret_token=secret_token, timestamp=timestamp
    )
    return (
        entry(
            "json_dumps_default",
            "json.dumps(json.loads(body)): Python's default separators and ASCII escapes",
            _C.WEBHOOK_BODY_RESERIALISED,
            body=json.dumps(parsed).encode(),
        ),
        entry(
            "json_dumps_compact_ascii",
            "json.dumps(event, separators=(',', ':')): compact, but the topic's accents escaped",
            _C.WEBHOOK_BODY_RESERIALISED,
            body=json.dumps(parsed, separators=(",", ":")).encode(),
        ),
        entry(
            "flask_jsonify",
            "the body re-made with Flask's JSON provider (sorted keys, trailing newline)",
            _C.WEBHOOK_BODY_NOT_COMPACT,
            body=json.dumps(parsed, sort_keys=True, separators=(",", ":")).encode() + b"\n",
        ),
        entry(
            "flask_jsonify_url_validation",
            "Zoom's URL validation challenge re-made with Flask's JSON provider (sorted keys, "
            "trailing newline): small enough to recover Zoom's key order",
            _C.WEBHOOK_BODY_RESERIALISED,
            body=json.dumps(challenge.event, sort_keys=True, separators=(",", ":")).encode()
            + b"\n",
            headers=challenge.headers,
        ),
        entry(
            "json_dumps_indent",
            "the body pretty-printed (json.dumps(event, indent=2)) before the check",
            _C.WEBHOOK_BODY_RESERIALISED,
            body=json.dumps(parsed, indent=2).encode(),
        ),
        entry(
            "trailing_newline",
            "the body saved to a file by an editor, or sent with curl -d @file",
            _C.WEBHOOK_BODY_RESERIALISED,
            body=good.body + b"\n",
        ),
        entry(
            "str_body",
            "request.body.decode() / request.get_data(as_text=True) given to the check",
            _C.WEBHOOK_BODY_NOT_BYTES,
            body=good.body.decode("utf-8"),
        ),
        entry(
            "tampered_body",
            "one byte of the body changed after signing",
            _C.WEBHOOK_SIGNATURE_MISMATCH,
            body=good.body.replace(b"85746065432", b"85746065433"),
        ),
        entry(
            "base64_signature",
            "a test harness that signs with base64 (digest('base64')) instead of hex",
            _C.WEBHOOK_SIGNATURE_BASE64,
            headers=with_signature("v0=" + base64.b64encode(bytes.fromhex(hex_mac)).decode()),
        ),
        entry(
            "prefix_missing",
            "a harness that sends the bare hex HMAC, without 'v0='",
            _C.WEBHOOK_SIGNATURE_PREFIX_MISSING,
            headers=with_signature(hex_mac),
        ),
        entry(
            "prefix_doubled",
            "'v0=' added to a value that already had it",
            _C.WEBHOOK_SIGNATURE_PREFIX_DOUBLED,
            headers=with_signature("v0=v0=" + hex_mac),
        ),
        entry(
            "timestamp_in_milliseconds",
            "a harness that signs with Date.now() (milliseconds)",
            _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS,
            headers={
                **good.headers,
                TIMESTAMP_HEADER: ms,
                SIGNATURE_HEADER: "v0=" + ms_mac.hexdigest(),
            },
        ),
        entry(
            "timestamp_missing",
            "a proxy or a header allow-list that drops x-zm-request-timestamp",
            _C.WEBHOOK_TIMESTAMP_MISSING,
            headers={k: v for k, v in good.headers.items() if k != TIMESTAMP_HEADER},
        ),
        entry(
            "signature_missing",
            "a proxy or a header allow-list that drops x-zm-signature",
            _C.WEBHOOK_SIGNATURE_MISSING,
            headers={k: v for k, v in good.headers.items() if k != SIGNATURE_HEADER},
        ),
        entry(
            "replayed",
            "a captured request sent again an hour later",
            _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW,
            now=timestamp + 3600,
        ),
        entry(
            "secret_with_newline",
            "the secret token read from a file or a secrets manager with its newline",
            _C.WEBHOOK_SECRET_HAS_WHITESPACE,
            checker_secret=secret_token + "\n",
        ),
        entry(
            "verification_token",
            "the retired verification token configured instead of the secret token",
            _C.WEBHOOK_VERIFICATION_TOKEN_USED,
            checker_secret=verification_token,
            verification=verification_token,
        ),
        entry(
            "quoted_secret",
            'a .env line ZOOM_WEBHOOK_SECRET_TOKEN="..." read by a loader that keeps the '
            "quotes (Docker's --env-file)",
            _C.WEBHOOK_SECRET_QUOTED,
            checker_secret=f'"{secret_token}"',
        ),
        entry(
            "verification_token_in_request",
            "old code's settings hold the verification token, which Zoom still sends in the "
            "authorization header of its requests (no verification_token= given)",
            _C.WEBHOOK_VERIFICATION_TOKEN_USED,
            headers={**good.headers, "authorization": verification_token},
            checker_secret=verification_token,
        ),
        entry(
            "signature_from_timestamp_header",
            "signature = request.headers['x-zm-request-timestamp']: a copy-pasted line that "
            "reads the wrong header",
            _C.WEBHOOK_SIGNATURE_WRONG_HEADER,
            headers=with_signature(good.headers[TIMESTAMP_HEADER]),
        ),
        entry(
            "timestamp_from_event_ts",
            "the timestamp taken from the body's event_ts // 1000 (a proxy dropped "
            "x-zm-request-timestamp), not the one Zoom signed",
            _C.WEBHOOK_TIMESTAMP_NOT_SIGNED,
            headers={**good.headers, TIMESTAMP_HEADER: str(int(str(event["event_ts"])) // 1000)},
        ),
        entry(
            "python_repr_body",
            "str(payload) of the parsed event verified, as Zoom's RTMS Python docs do",
            _C.WEBHOOK_BODY_PYTHON_REPR,
            body=str(parsed).encode("utf-8"),
        ),
        entry(
            "reencoded_charset",
            "PHP's utf8_encode(file_get_contents('php://input')): Zoom's UTF-8 decoded as "
            "latin-1 and encoded again",
            _C.WEBHOOK_BODY_WRONG_CHARSET,
            body=good.body.decode("latin-1").encode("utf-8"),
        ),
        entry(
            "headers_of_another_event",
            "a test fixture that pairs one request's body with another's headers",
            _C.WEBHOOK_HEADERS_FROM_OTHER_EVENT,
            body=other.body,
            headers=good.headers,
        ),
    )
