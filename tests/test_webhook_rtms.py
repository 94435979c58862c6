"""The RTMS handshake for the four products (zoom/rtms's join(): meeting_uuid, webinar_uuid,
session_id, engagement_id) and its diagnosis."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from _support import SENTINEL_SECRET, assert_no_secret

from zoomsig import FindingCode, InvalidParameterError, Report
from zoomsig.webhook import RTMS_ID_FIELDS, diagnose_rtms_handshake, sign_rtms_handshake

SECRET = SENTINEL_SECRET
CLIENT_ID = "demoClientId123"
STREAM = "609340fb8d5a4e3e9fd4c6b4a7e2b1c0"
WEBHOOK_TOKEN = "demoWebhookSecretTok22"
_C = FindingCode
EVENTS = {
    "meeting_uuid": ("meeting.rtms_started", "4444AAAiAAAAAiAAAAAiAA=="),
    "webinar_uuid": ("webinar.rtms_started", "WebinarUuidAAAAAAAAAAA=="),
    "session_id": ("session.rtms_started", "S3ss10nIdOfAVideoSdkSess"),
    "engagement_id": ("contact_center.rtms_started", "eng_0123456789abcdef"),
}


def hex_mac(key: str, *parts: str) -> str:
    return hmac.new(key.encode(), ",".join(parts).encode(), hashlib.sha256).hexdigest()


def event(field: str, **extra: str) -> dict[str, object]:
    name, value = EVENTS[field]
    payload = {field: value, "rtms_stream_id": STREAM, "server_urls": "wss://rtms.zoom.us", **extra}
    return {"event": name, "event_ts": 1763900000000, "payload": payload}


def handshake(field: str, signature: str, value: str = "") -> dict[str, object]:
    return {
        "msg_type": 1,
        "protocol_version": 1,
        field: value or EVENTS[field][1],
        "rtms_stream_id": STREAM,
        "sequence": 1,
        "signature": signature,
    }


def diagnose(shake: object, **options: object) -> Report:
    report = diagnose_rtms_handshake(shake, client_id=CLIENT_ID, client_secret=SECRET, **options)  # type: ignore[arg-type]
    text = str(report) + json.dumps(report.to_dict())
    for start in range(len(SECRET) - 7):
        assert SECRET[start : start + 8] not in text
    return report


@pytest.mark.parametrize("field", RTMS_ID_FIELDS)
def test_each_product_signs_its_own_id(field: str) -> None:
    value = EVENTS[field][1]
    signature = sign_rtms_handshake(
        client_id=CLIENT_ID, client_secret=SECRET, rtms_stream_id=STREAM, **{field: value}
    )
    assert signature == hex_mac(SECRET, CLIENT_ID, value, STREAM)  # zoom/rtms generateSignature
    report = diagnose(handshake(field, signature), event=event(field))
    assert report.ok
    assert report.findings == ()
    assert report.signature_verified is True


def test_exactly_one_id() -> None:
    with pytest.raises(InvalidParameterError, match=r"^meeting_uuid: one ID is required"):
        sign_rtms_handshake(client_id=CLIENT_ID, client_secret=SECRET, rtms_stream_id=STREAM)
    with pytest.raises(InvalidParameterError, match=r"^session_id: give only one ID"):
        sign_rtms_handshake(
            client_id=CLIENT_ID,
            client_secret=SECRET,
            rtms_stream_id=STREAM,
            meeting_uuid="m",
            session_id="s",
        )
    with pytest.raises(InvalidParameterError, match=r"^engagement_id: contains a comma") as info:
        sign_rtms_handshake(
            client_id=CLIENT_ID, client_secret=SECRET, rtms_stream_id=STREAM, engagement_id="a,b"
        )
    assert_no_secret(info.value)


def test_webinar_signed_over_the_meeting_uuid() -> None:
    webinar = event("webinar_uuid", meeting_uuid="MeetingUuidOfTheWebinar==")
    signature = hex_mac(SECRET, CLIENT_ID, "MeetingUuidOfTheWebinar==", STREAM)
    report = diagnose(handshake("webinar_uuid", signature), event=webinar)
    assert report.codes == {_C.WEBHOOK_RTMS_WRONG_ID}
    assert "over the event's meeting_uuid" in str(report)


def test_handshake_carries_another_field_than_the_event_gave() -> None:
    value = EVENTS["session_id"][1]
    signature = hex_mac(SECRET, CLIENT_ID, value, STREAM)
    shake = handshake("meeting_uuid", signature, value=value)
    report = diagnose(shake, event=event("webinar_uuid"))
    assert report.codes == {_C.WEBHOOK_RTMS_WRONG_ID}
    assert "webinar.rtms_started event's webinar_uuid" in str(report)


def test_signed_with_the_webhook_secret_token() -> None:
    signature = hex_mac(WEBHOOK_TOKEN, CLIENT_ID, EVENTS["meeting_uuid"][1], STREAM)
    report = diagnose(
        handshake("meeting_uuid", signature),
        other_secrets={"ZOOM_SECRET_TOKEN": WEBHOOK_TOKEN},
    )
    assert report.codes == {_C.WEBHOOK_RTMS_WRONG_SECRET}
    assert "'ZOOM_SECRET_TOKEN'" in str(report)
    assert WEBHOOK_TOKEN[:8] not in str(report)


def test_signed_with_the_secret_as_an_env_file_left_it() -> None:
    signature = hex_mac(SECRET + "\n", CLIENT_ID, EVENTS["meeting_uuid"][1], STREAM)
    report = diagnose_rtms_handshake(
        handshake("meeting_uuid", signature), client_id=CLIENT_ID, client_secret=SECRET + "\n"
    )
    assert report.codes == {_C.WEBHOOK_RTMS_WRONG_SECRET}


def test_ids_swapped_and_other_mistakes() -> None:
    uuid = EVENTS["meeting_uuid"][1]
    swapped = diagnose(handshake("meeting_uuid", hex_mac(SECRET, CLIENT_ID, STREAM, uuid)))
    assert swapped.codes == {_C.WEBHOOK_RTMS_WRONG_ID}
    assert "swapped" in str(swapped)
    other_stream = diagnose(
        handshake("meeting_uuid", hex_mac(SECRET, CLIENT_ID, uuid, STREAM)),
        event=event("meeting_uuid", rtms_stream_id="another-stream"),
    )
    assert other_stream.codes == {_C.WEBHOOK_RTMS_WRONG_ID}
    assert other_stream.signature_verified is True
    wrong = diagnose(handshake("meeting_uuid", hex_mac("another app", CLIENT_ID, uuid, STREAM)))
    assert wrong.codes == {_C.WEBHOOK_RTMS_SIGNATURE_MISMATCH}
    upper = diagnose(handshake("meeting_uuid", hex_mac(SECRET, CLIENT_ID, uuid, STREAM).upper()))
    assert upper.codes == {_C.WEBHOOK_RTMS_SIGNATURE_MALFORMED}
    assert upper.signature_verified is True
    cut = diagnose(handshake("meeting_uuid", "abc"))
    assert cut.codes == {_C.WEBHOOK_RTMS_SIGNATURE_MALFORMED}


@pytest.mark.parametrize(
    ("shake", "needle"),
    [
        ({"msg_type": 1, "rtms_stream_id": STREAM, "signature": "a" * 64}, "no meeting_uuid"),
        ({"msg_type": 1, "meeting_uuid": "m", "signature": "a" * 64}, "no rtms_stream_id"),
        ({"msg_type": 1, "meeting_uuid": "m", "rtms_stream_id": STREAM}, "no signature"),
        (b"not json", "not a JSON object"),
        (None, "not a JSON object"),
    ],
)
def test_missing_fields(shake: object, needle: str) -> None:
    report = diagnose(shake)
    assert _C.WEBHOOK_RTMS_FIELD_MISSING in report.codes
    assert needle in str(report)


def test_handshake_as_json_text() -> None:
    signature = hex_mac(SECRET, CLIENT_ID, EVENTS["session_id"][1], STREAM)
    text = json.dumps(handshake("session_id", signature))
    assert diagnose(text, event=json.dumps(event("session_id"))).ok
