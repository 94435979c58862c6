"""The RTMS handshake: ``sign_rtms_handshake`` and ``diagnose_rtms_handshake``.

Realtime Media Streams span four products, each naming its stream by its own ID: a
meeting's ``meeting_uuid``, a webinar's ``webinar_uuid``, a Video SDK session's
``session_id`` and a Contact Center engagement's ``engagement_id``. The handshake the client
sends (``SIGNALING_HAND_SHAKE_REQ``, msg_type 1, and ``DATA_HAND_SHAKE_REQ``, msg_type 3)
carries the hex HMAC-SHA256 of ``"{client_id},{id},{rtms_stream_id}"`` under the app's
client secret (zoom/rtms ``generateSignature``, zoom/rtms-samples ``generate_signature``).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, Optional, cast

from zoomsig._enums import TokenKind
from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import OtherSecrets, Redactor, bare, is_utf8_encodable, unwrapped
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Report
from zoomsig.webhook._core import WebhookEvent, decode_event, hex_hmac, secret_key
from zoomsig.webhook._diagnose import other_keys, read_mac, redact_finding

__all__ = ["RTMS_ID_FIELDS", "diagnose_rtms_handshake", "sign_rtms_handshake"]

_C = FindingCode
RTMS_ID_FIELDS = ("meeting_uuid", "webinar_uuid", "session_id", "engagement_id")
"""The ID a handshake signs, one per product: meeting, webinar, Video SDK, Contact Center."""
_PRODUCT_ID = MappingProxyType(
    {
        "meeting": "meeting_uuid",
        "webinar": "webinar_uuid",
        "session": "session_id",
        "contact_center": "engagement_id",
    }
)
"""The ID field of each ``{product}.rtms_started`` event."""
_OTHER_IDS = ("meeting_id", "uuid", "id", "webinar_id", "session_key", "account_id")
"""Fields of an event that people sign over by mistake."""
_SHOWN = 24


def sign_rtms_handshake(
    *,
    client_id: str,
    client_secret: str,
    rtms_stream_id: str,
    meeting_uuid: Optional[str] = None,
    webinar_uuid: Optional[str] = None,
    session_id: Optional[str] = None,
    engagement_id: Optional[str] = None,
) -> str:
    """The ``signature`` of a Realtime Media Streams handshake.

    Hex HMAC-SHA256 of ``"{client_id},{id},{rtms_stream_id}"`` under the client secret,
    where ``id`` is the one ID the ``rtms_started`` event gives: ``meeting_uuid``
    (``meeting.rtms_started``), ``webinar_uuid`` (``webinar.rtms_started``), ``session_id``
    (Video SDK, ``session.rtms_started``) or ``engagement_id`` (Contact Center).

    Raises:
        InvalidParameterError: not exactly one of the four IDs is given, a value is not a
            non-empty str, the client ID or secret has surrounding whitespace, or an ID
            contains a comma (the message would be ambiguous).
    """
    _check_rtms_id("client_id", client_id)
    key = secret_key(client_secret, "client_secret", "the client secret")
    field, value = _one_id(
        meeting_uuid=meeting_uuid,
        webinar_uuid=webinar_uuid,
        session_id=session_id,
        engagement_id=engagement_id,
    )
    _check_rtms_id(field, value)
    _check_rtms_id("rtms_stream_id", rtms_stream_id)
    return hex_hmac(key, f"{client_id},{value},{rtms_stream_id}".encode())


def _one_id(**ids: Optional[str]) -> tuple[str, object]:
    given = [(name, value) for name, value in ids.items() if value is not None]
    if not given:
        raise InvalidParameterError(
            "meeting_uuid",
            "one ID is required: meeting_uuid, webinar_uuid, session_id (Video SDK) or "
            "engagement_id (Contact Center), as the rtms_started event gives it",
        )
    if len(given) > 1:
        raise InvalidParameterError(
            given[1][0],
            f"give only one ID: {given[0][0]} is given too, and the handshake signs one "
            "(the one of the product whose rtms_started event you received)",
        )
    return given[0]


def _check_rtms_id(name: str, value: object) -> None:
    if not isinstance(value, str):
        raise InvalidParameterError(name, f"expected a str, got {type(value).__name__}")
    if not value.strip():
        raise InvalidParameterError(name, "is empty")
    if name == "client_id" and value != bare(value):
        raise InvalidParameterError(name, "has surrounding whitespace; strip it where it is read")
    if "," in value:
        raise InvalidParameterError(
            name, "contains a comma, which would make the signed message ambiguous"
        )
    if not is_utf8_encodable(value):
        raise InvalidParameterError(name, "is not valid Unicode text")


# --- the diagnosis --------------------------------------------------------------------------


class _Handshake(NamedTuple):
    """What the handshake carries: its ID field and value, stream ID and signature."""

    field: Optional[str]
    value: Optional[str]
    stream: Optional[str]
    signature: Optional[str]


def diagnose_rtms_handshake(
    handshake: object,
    *,
    client_id: str,
    client_secret: str,
    event: object = None,
    other_secrets: Optional[OtherSecrets] = None,
) -> Report:
    """Say why Zoom refuses an RTMS handshake, or confirm that its signature is right.

    Args:
        handshake: The handshake message the client sent (msg_type 1 or 3), as a ``dict``
            or its JSON (``bytes``/``str``): its ID field (``meeting_uuid``,
            ``webinar_uuid``, ``session_id`` or ``engagement_id``), ``rtms_stream_id`` and
            ``signature``.
        client_id: The app's Client ID.
        client_secret: The app's Client secret.
        event: The ``rtms_started`` webhook the stream came from (a verified
            :class:`WebhookEvent`, its JSON or its ``payload``), if you have it: then an ID
            taken from the wrong field, or from another event, is named.
        other_secrets: Other secrets of the backend (the webhook secret token…), by a name
            you choose: a handshake signed with one is named by that name.

    Returns:
        A :class:`~zoomsig.Report` of kind ``TokenKind.WEBHOOK``; ``signature_verified``
        says whether the signature matches what the handshake carries.

    Raises:
        InvalidParameterError: ``client_id`` or ``client_secret`` is not a non-empty str.
    """
    for name, value in (("client_id", client_id), ("client_secret", client_secret)):
        if not isinstance(value, str) or not bare(value):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise InvalidParameterError(name, "expected a non-empty str")
    keys = _keys(client_secret, other_secrets)
    diagnosis = _Diagnosis(client_id, keys, _payload(event))
    verified = diagnosis.run(_read_handshake(handshake, diagnosis.found))
    return diagnosis.report(verified)


def _keys(secret: str, other_secrets: Optional[OtherSecrets]) -> dict[str, bytes]:
    """The secret first (without whitespace or quotes around it: Zoom's have none), then
    what it may wrongly be: as given, another secret."""
    keys = {"": unwrapped(secret).encode("utf-8")}
    padded = secret.encode("utf-8")
    if padded != keys[""]:
        keys["the client secret with the whitespace or quotes around it that you gave"] = padded
    keys.update(other_keys(other_secrets))
    return keys


def _as_mapping(value: object) -> Optional[Mapping[str, object]]:
    if isinstance(value, WebhookEvent):
        return value.data
    if isinstance(value, (bytes, bytearray, memoryview, str)):
        raw = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else bytes(value)  # pyright: ignore[reportUnknownArgumentType]
        return decode_event(raw[:1_048_576])
    if isinstance(value, Mapping):
        return cast("Mapping[str, object]", value)
    return None


def _payload(event: object) -> Optional[tuple[Optional[str], Mapping[str, object]]]:
    """The event's name (if known) and the fields of its payload, flattened one level."""
    data = _as_mapping(event)
    if data is None:
        return None
    name = data.get("event")
    payload = data.get("payload")
    fields: dict[str, object] = dict(data if not isinstance(payload, Mapping) else payload)  # pyright: ignore[reportUnknownArgumentType]
    inner = fields.get("object")
    if isinstance(inner, Mapping):
        for key, value in cast("Mapping[str, object]", inner).items():
            fields.setdefault(key, value)
    return (name if isinstance(name, str) else None), fields


def _read_handshake(handshake: object, found: Findings) -> _Handshake:
    data = _as_mapping(handshake) or {}
    if not data:
        found.add(
            _C.WEBHOOK_RTMS_FIELD_MISSING,
            "the handshake is not a JSON object (the message the client sent)",
            "handshake",
        )
        return _Handshake(None, None, None, None)
    field = next((name for name in RTMS_ID_FIELDS if isinstance(data.get(name), str)), None)
    stream, signature = data.get("rtms_stream_id"), data.get("signature")
    missing = [
        name
        for name, value in (
            ("meeting_uuid / webinar_uuid / session_id / engagement_id", field),
            ("rtms_stream_id", stream),
            ("signature", signature),
        )
        if not isinstance(value, str) or not value
    ]
    if missing:
        found.add(
            _C.WEBHOOK_RTMS_FIELD_MISSING,
            f"the handshake has no {' and no '.join(missing)}",
            "handshake",
        )
    return _Handshake(
        field,
        cast("str", data[field]) if field else None,
        stream if isinstance(stream, str) and stream else None,
        signature if isinstance(signature, str) and signature else None,
    )


class _Diagnosis:
    """One diagnosis of a handshake; its steps write into ``found``."""

    def __init__(
        self,
        client_id: str,
        keys: dict[str, bytes],
        event: Optional[tuple[Optional[str], Mapping[str, object]]],
    ) -> None:
        self.client_id = bare(client_id)
        self.keys = keys
        self.event = event
        self.found = Findings()
        self.add = self.found.add
        self.redactor = Redactor(*(k.decode("utf-8", "replace") for k in keys.values()))
        self.claims: dict[str, object] = {}

    def cut(self, text: str) -> str:
        if self.redactor.holds(text[:4096]):
            return "(a value that holds a secret, not shown)"
        return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")

    def run(self, shake: _Handshake) -> Optional[bool]:
        if shake.field and shake.value:
            self.claims[shake.field] = shake.value[:64]
        if shake.stream:
            self.claims["rtms_stream_id"] = shake.stream[:64]
        self.against_event(shake)
        if shake.signature is None:
            return None
        mac = self.decode(shake.signature)
        if mac is None or shake.value is None or shake.stream is None:
            return None
        value, stream = shake.value, shake.stream
        if hmac.compare_digest(mac, self.mac(self.keys[""], value, stream)):
            return True
        if not (
            self.wrong_secret(mac, value, stream)
            or self.wrong_id(mac, value, stream, shake.field or "ID")
        ):
            self.add(
                _C.WEBHOOK_RTMS_SIGNATURE_MISMATCH,
                "the signature is not the HMAC of the handshake's client ID, ID and stream ID "
                "under the client secret (another app's secret, or another client ID?)",
                "signature",
            )
        return False

    def mac(self, key: bytes, value: str, stream: str, client_id: Optional[str] = None) -> bytes:
        message = f"{client_id or self.client_id},{value},{stream}".encode("utf-8", "replace")
        return hmac.new(key, message, hashlib.sha256).digest()

    def decode(self, signature: str) -> Optional[bytes]:
        mac, form = read_mac(signature)
        if form != "hex":
            self.add(
                _C.WEBHOOK_RTMS_SIGNATURE_MALFORMED,
                f"the signature is {form}; the SDKs send 64 lowercase hex digits (hexdigest())"
                if mac is not None
                else f"the signature has {len(signature)} characters, not 64 hex digits "
                "(cut short?)",
                "signature",
            )
        return mac

    def against_event(self, shake: _Handshake) -> None:
        """Name a handshake ID or stream ID that is not the event's (when it is given)."""
        if self.event is None:
            return
        name, fields = self.event
        product = (name or "").split(".", 1)[0]
        expected = _PRODUCT_ID.get(product)
        if expected is not None and shake.field is not None and shake.value is not None:
            value = fields.get(expected)
            if isinstance(value, str) and value != shake.value:
                self.add(
                    _C.WEBHOOK_RTMS_WRONG_ID,
                    f"the handshake's {shake.field} is {self.cut(shake.value)}, but the "
                    f"{name} event's {expected} is {self.cut(value)}",
                    shake.field,
                )
        stream = fields.get("rtms_stream_id")
        if isinstance(stream, str) and shake.stream is not None and stream != shake.stream:
            self.add(
                _C.WEBHOOK_RTMS_WRONG_ID,
                f"the handshake's rtms_stream_id is {self.cut(shake.stream)}, the event's "
                f"{self.cut(stream)}: another stream's",
                "rtms_stream_id",
            )

    def wrong_secret(self, mac: bytes, value: str, stream: str) -> bool:
        for name, key in list(self.keys.items())[1:]:
            if hmac.compare_digest(mac, self.mac(key, value, stream)):
                self.add(
                    _C.WEBHOOK_RTMS_WRONG_SECRET,
                    f"the signature was made with {name}, not the client secret",
                    "signature",
                )
                return True
        return False

    def wrong_id(self, mac: bytes, value: str, stream: str, field: str) -> bool:
        """The signature over another ID, or over the two IDs swapped (named)."""
        key = self.keys[""]
        for other, other_value in self.other_ids(value):
            if hmac.compare_digest(mac, self.mac(key, other_value, stream)):
                self.add(
                    _C.WEBHOOK_RTMS_WRONG_ID,
                    f"the signature was made over the event's {other} "
                    f"({self.cut(other_value)}), not the handshake's {field}",
                    "signature",
                )
                return True
        if hmac.compare_digest(mac, self.mac(key, stream, value)):
            self.add(
                _C.WEBHOOK_RTMS_WRONG_ID,
                "the signature was made over the stream ID and the ID swapped: Zoom signs "
                '"{client_id},{id},{rtms_stream_id}"',
                "signature",
            )
            return True
        return False

    def other_ids(self, given: str) -> list[tuple[str, str]]:
        if self.event is None:
            return []
        fields = self.event[1]
        return [
            (field, value)
            for field in (*RTMS_ID_FIELDS, *_OTHER_IDS)
            for value in [fields.get(field)]
            if isinstance(value, str) and value and value != given
        ]

    def report(self, verified: Optional[bool]) -> Report:
        findings = tuple(redact_finding(f, self.redactor) for f in self.found.ordered())
        return Report(
            kind=TokenKind.WEBHOOK,
            findings=findings,
            claims=self.claims,
            signature_verified=verified,
        )
