"""The signature endpoint, framework-free: one request body in, one response out.

Zoom's official auth endpoint samples (``zoom/meetingsdk-auth-endpoint-sample`` and
``zoom/videosdk-auth-endpoint-sample``) define the contract a browser expects:
``POST`` a JSON object, get ``200 {"signature": …, "sdkKey": …}`` (Meeting SDK) or
``200 {"signature": …}`` (Video SDK), or ``400 {"errors": [{"property", "reason"}, …]}``.
:func:`meeting_sdk_response` and :func:`video_sdk_response` answer that contract, with the
samples' field names and string-to-number coercions, and add what the samples lack:

- **every** field error at once, in the samples' shape;
- a token Zoom would refuse (a meeting number with letters, a float lifetime, an empty
  session name) is a 400, not a signature that fails later as 3712;
- a server-side :class:`MeetingSdkPolicy` / :class:`VideoSdkPolicy` whose default signs
  only participant (role 0) tokens, so a browser cannot make itself host unless the server
  allows it (403 otherwise);
- a body cap (:data:`MAX_BODY_SIZE`, 413 past it) and a JSON-only content type (415).

Nothing here does I/O, reads the environment or logs: the framework integrations in
:mod:`zoomsig.contrib` read the request and write the response. No response ever contains
the secret or echoes a string the client sent.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Optional, Union, cast

from zoomsig._enums import CredentialType, Role
from zoomsig._errors import InvalidParameterError
from zoomsig._params import MEETING_NUMBER_DIGITS, check_lifetime, check_role
from zoomsig._time import MAX_LIFETIME, MIN_LIFETIME, Now
from zoomsig.meeting_sdk import sign_meeting_sdk
from zoomsig.video_sdk import (
    GEO_REGIONS,
    MAX_SESSION_KEY,
    MAX_TOPIC,
    MAX_USER_IDENTITY,
    sign_video_sdk,
)

__all__ = [
    "DEFAULT_LIFETIME",
    "MAX_BODY_SIZE",
    "MAX_JSON_DEPTH",
    "MEETING_SDK_FIELDS",
    "VIDEO_SDK_FIELDS",
    "EndpointResponse",
    "MeetingSdkPolicy",
    "VideoSdkPolicy",
    "check_meeting_sdk_credentials",
    "check_video_sdk_credentials",
    "is_json_content_type",
    "meeting_sdk_response",
    "too_large_response",
    "video_sdk_response",
]

MAX_BODY_SIZE = 16 * 1024
"""Largest request body, in bytes, that the endpoint reads (16 KiB; 413 past it).

A real request is under 1 KiB: a 200-character session name and every optional field fit
many times over. Zoom's samples use Express's 100 kB default."""

MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays and objects the endpoint reads (400 past it). A real request
is one object of scalars; the bound makes the answer the same on every Python (3.11's
parser stops at its recursion limit near 1,000 levels, 3.12's parses much deeper)."""

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(rb"[\[\]{}]")

DEFAULT_LIFETIME = 7200
"""Seconds from ``iat`` to ``exp`` when the request sends no ``expirationSeconds``, as the
samples do (2 hours)."""

MEETING_SDK_FIELDS = (
    "meetingNumber",
    "role",
    "expirationSeconds",
    "videoWebRtcMode",
)
"""The request fields of the Meeting SDK endpoint (the official sample's); others are ignored."""

VIDEO_SDK_FIELDS = (
    "sessionName",
    "role",
    "expirationSeconds",
    "userIdentity",
    "sessionKey",
    "geoRegions",
    "cloudRecordingOption",
    "cloudRecordingElection",
    "telemetryTrackingId",
    "videoWebRtcMode",
    "audioWebRtcMode",
    "audioCompatibleMode",
)
"""The request fields of the Video SDK endpoint (the official sample's); others are ignored.
``audioCompatibleMode`` is the deprecated name of ``audioWebRtcMode``."""

_DIGITS = re.compile(r"[+-]?[0-9]{1,18}")
_MAX_TELEMETRY_ID = 200
_SERVER_PARAMETERS = frozenset({"sdk_key", "sdk_secret", "credential_type"})
_SERVER_REASON = "the server's Zoom SDK credentials are missing or invalid"

Errors = list[dict[str, str]]
JsonBody = Union[bytes, bytearray, memoryview, Mapping[str, object], object]
"""What the response functions take: the raw body, or JSON the framework already decoded."""


@dataclass(frozen=True)
class EndpointResponse:
    """The answer to one request: an HTTP status and a JSON-ready body.

    ``body`` is ``{"signature": …}`` (and ``"sdkKey"`` for the Meeting SDK) when
    ``status`` is 200, else ``{"errors": [{"property": …, "reason": …}, …]}``.
    """

    status: int
    body: Mapping[str, object]

    def __repr__(self) -> str:
        # Never a whole token in a repr (a log line of it would be a working signature).
        shown = self.to_dict()
        if isinstance(shown.get("signature"), str):
            shown["signature"] = str(shown["signature"])[:12] + "…"
        return f"EndpointResponse(status={self.status}, body={shown!r})"

    @property
    def ok(self) -> bool:
        """Whether a signature was made (``status == 200``)."""
        return self.status == 200

    def to_dict(self) -> dict[str, object]:
        """The body as a new plain ``dict`` (lists for the errors), ready for any JSON encoder."""
        errors = self.body.get("errors")
        if errors is None:
            return dict(self.body)
        return {
            "errors": [
                dict(cast("Mapping[str, str]", e)) for e in cast("tuple[object, ...]", errors)
            ]
        }

    def to_json(self) -> str:
        """The body as compact JSON text."""
        return json.dumps(self.to_dict(), separators=(",", ":"))


def _error(prop: str, reason: str) -> dict[str, str]:
    return {"property": prop, "reason": reason}


def _errors(status: int, errors: Errors) -> EndpointResponse:
    frozen = tuple(MappingProxyType(dict(e)) for e in errors)
    return EndpointResponse(status, MappingProxyType({"errors": frozen}))


def _type_name(value: object) -> str:
    """A JSON type name for a reason: never the value itself (it could be anything)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    return "an object"


def too_large_response(max_body_size: int = MAX_BODY_SIZE) -> EndpointResponse:
    """The 413 answer, for integrations that refuse a body before reading all of it."""
    return _errors(413, [_error("$body", f"the body is larger than {max_body_size} bytes")])


def is_json_content_type(value: Optional[str]) -> bool:
    """Whether a ``Content-Type`` header says ``application/json`` (parameters allowed)."""
    if value is None:
        return False
    return value.split(";", 1)[0].strip().lower() == "application/json"


def _decode(
    body: JsonBody, content_type: Optional[str], max_body_size: int
) -> Union[dict[str, object], EndpointResponse]:
    if content_type is not None and not is_json_content_type(content_type):
        return _errors(
            415, [_error("$body", "send the request as JSON (Content-Type: application/json)")]
        )
    if isinstance(body, (bytes, bytearray, memoryview)):
        raw = bytes(cast("bytes", body))
        if len(raw) > max_body_size:
            return too_large_response(max_body_size)
        if not raw.strip():
            return {}  # as Express's json() parser: an empty body is an empty object

        def refuse(constant: str) -> object:
            raise ValueError(constant)

        if _depth(raw) > MAX_JSON_DEPTH:
            return _errors(
                400, [_error("$body", f"the body nests deeper than {MAX_JSON_DEPTH} levels")]
            )

        try:
            body = json.loads(raw.decode("utf-8-sig"), parse_constant=refuse)
        except (ValueError, RecursionError):
            return _errors(400, [_error("$body", "the body is not valid JSON")])
    if not isinstance(body, Mapping):
        return _errors(400, [_error("$body", f"expected a JSON object, got {_type_name(body)}")])
    mapping = cast("Mapping[object, object]", body)
    return {k: v for k, v in mapping.items() if isinstance(k, str)}


def _depth(raw: bytes) -> int:
    """How deep arrays and objects nest in ``raw``, brackets in strings left out."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub(b"", raw)):
        depth += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


def _integer(body: Mapping[str, object], prop: str, errors: Errors) -> Optional[int]:
    """A number field, with the samples' coercion: a string of digits counts as its number.

    Integral floats (``1.0``) count too, as in JavaScript. Strings that JavaScript's
    ``parseInt`` would read only a prefix of (``"1abc"``, ``"0x1"``, ``"1.5"``) are refused.
    """
    if prop not in body:
        return None
    value = body[prop]
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        reason = "expected a number or a string of digits, got a string that is not a number"
    else:
        reason = f"expected a number or a string of digits, got {_type_name(value)}"
    errors.append(_error(prop, reason))
    return None


def _in_range(value: Optional[int], prop: str, low: int, high: int, errors: Errors) -> None:
    if value is not None and not low <= value <= high:
        shown = value if abs(value) < 10**12 else "a larger number"
        if (low, high) == (0, 1):
            errors.append(_error(prop, f"expected 0 or 1, got {shown}"))
        else:
            errors.append(_error(prop, f"expected {low} to {high} seconds, got {shown}"))


def _flag(body: Mapping[str, object], prop: str, errors: Errors) -> Optional[int]:
    value = _integer(body, prop, errors)
    _in_range(value, prop, 0, 1, errors)
    return value if value in (0, 1) else None


def _lifetime(body: Mapping[str, object], errors: Errors) -> Optional[int]:
    value = _integer(body, "expirationSeconds", errors)
    _in_range(value, "expirationSeconds", MIN_LIFETIME, MAX_LIFETIME, errors)
    return value if value is not None and MIN_LIFETIME <= value <= MAX_LIFETIME else None


def _utf16_length(text: str) -> int:
    """The length JavaScript's ``String.length`` gives, which the Video SDK sample checks."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _text(
    body: Mapping[str, object],
    prop: str,
    max_length: int,
    errors: Errors,
    *,
    required: bool = False,
) -> Optional[str]:
    if prop not in body:
        if required:
            errors.append(_error(prop, "required, but not in the request body"))
        return None
    value = body[prop]
    if not isinstance(value, str):
        errors.append(_error(prop, f"expected a string, got {_type_name(value)}"))
        return None
    if not value:
        leave_out = "" if required else "; leave the field out instead"
        errors.append(_error(prop, f"must not be empty{leave_out}"))
        return None
    length = _utf16_length(value)
    if length > max_length:
        errors.append(_error(prop, f"at most {max_length} characters, got {length}"))
        return None
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        errors.append(_error(prop, "is not valid Unicode text (a lone surrogate)"))
        return None
    return value


def _meeting_number(body: Mapping[str, object], errors: Errors) -> Optional[str]:
    if "meetingNumber" not in body:
        return None
    value = body["meetingNumber"]
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**12:
        value = str(value)
    if not isinstance(value, str):
        errors.append(
            _error("meetingNumber", f"expected a string of digits, got {_type_name(value)}")
        )
        return None
    if not (value.isascii() and value.isdigit()):
        hint = ""
        if set(value) <= set("0123456789 -") and any(ch.isdigit() for ch in value):
            hint = "; remove the spaces and dashes here and in the client's join()"
        errors.append(_error("meetingNumber", f"expected digits only{hint}"))
        return None
    if len(value) not in MEETING_NUMBER_DIGITS:
        errors.append(
            _error("meetingNumber", f"a Zoom meeting number has 9 to 12 digits, got {len(value)}")
        )
        return None
    return value


def _geo_regions(body: Mapping[str, object], errors: Errors) -> Optional[list[str]]:
    """The sample's rule: a comma-separated string or an array of strings, whitespace removed."""
    if "geoRegions" not in body:
        return None
    value = body["geoRegions"]
    if isinstance(value, str):
        parts: list[object] = list(value.split(","))
    elif isinstance(value, list):
        parts = list(cast("list[object]", value))
    else:
        parts = []
    if not (isinstance(value, (str, list)) and all(isinstance(p, str) for p in parts)):
        errors.append(
            _error(
                "geoRegions",
                f"expected a string or an array of strings, got {_type_name(body['geoRegions'])}",
            )
        )
        return None
    regions = ["".join(cast("str", p).split()) for p in parts]
    regions = [r for r in regions if r]
    if not regions:
        errors.append(_error("geoRegions", "present, but holds no region"))
        return None
    unknown = [r for r in regions if r not in GEO_REGIONS]
    if unknown:
        errors.append(
            _error(
                "geoRegions",
                f"{len(unknown)} unknown region code(s); Zoom knows "
                f"{' '.join(sorted(GEO_REGIONS))}",
            )
        )
        return None
    return regions


def _all_or_none(body: Mapping[str, object], errors: Errors) -> None:
    if ("meetingNumber" in body) != ("role" in body):
        errors.append(
            _error(
                "$schema",
                "meetingNumber and role go together: both for a Web SDK signature, "
                "neither for a native SDK signature",
            )
        )


def _roles(roles: Collection[Union[Role, int]]) -> frozenset[Role]:
    return frozenset(check_role(r, "roles") for r in roles)


@dataclass(frozen=True)
class MeetingSdkPolicy:
    """What this server agrees to sign, whatever the browser asks for.

    The default is the secure one: participant (role 0) signatures only, for any meeting,
    with the lifetime the request asks for (1800 to 172800 s, 2 hours if it asks none).
    A request outside the policy gets ``403`` naming the field.

    Attributes:
        roles: Roles the request may ask for. Add :attr:`Role.HOST` only where the server
            has checked that this user is the meeting's host (decide per request with the
            integrations' ``policy=`` callable).
        meeting_numbers: If set, the only meetings to sign for (digit strings); native
            tokens (no ``meetingNumber``) are then refused, since they name no meeting.
        expires_in: If set, the lifetime every signature gets; a request that sends a
            different ``expirationSeconds`` is refused, not silently changed.
        allow_native: Whether a request without ``meetingNumber`` and ``role`` (a native
            SDK token) is signed.
    """

    roles: Collection[Union[Role, int]] = frozenset({Role.PARTICIPANT})
    meeting_numbers: Optional[Collection[str]] = None
    expires_in: Optional[int] = None
    allow_native: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _roles(self.roles))
        if self.meeting_numbers is not None:
            if isinstance(self.meeting_numbers, str):
                raise InvalidParameterError(
                    "meeting_numbers", "expected a collection of meeting numbers, got a str"
                )
            object.__setattr__(
                self, "meeting_numbers", frozenset(str(n) for n in self.meeting_numbers)
            )
        if self.expires_in is not None:
            check_lifetime(self.expires_in)


@dataclass(frozen=True)
class VideoSdkPolicy:
    """What this server agrees to sign for the Video SDK (see :class:`MeetingSdkPolicy`).

    Attributes:
        roles: Roles the request may ask for; participant (0) only by default.
        session_names: If set, the only session names to sign for, compared ignoring case
            as Zoom compares them.
        expires_in: If set, the lifetime every token gets; a different
            ``expirationSeconds`` in the request is refused.
    """

    roles: Collection[Union[Role, int]] = frozenset({Role.PARTICIPANT})
    session_names: Optional[Collection[str]] = None
    expires_in: Optional[int] = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _roles(self.roles))
        if self.session_names is not None:
            if isinstance(self.session_names, str):
                raise InvalidParameterError(
                    "session_names", "expected a collection of session names, got a str"
                )
            object.__setattr__(
                self, "session_names", frozenset(n.lower() for n in self.session_names)
            )
        if self.expires_in is not None:
            check_lifetime(self.expires_in)


def _policy_lifetime(
    requested: Optional[int], pinned: Optional[int], errors: Errors
) -> Optional[int]:
    if pinned is None:
        return requested
    if requested is not None and requested != pinned:
        errors.append(_error("expirationSeconds", f"this server signs for {pinned} seconds only"))
    return pinned


def _role_policy(role: Optional[int], allowed: Collection[object], errors: Errors) -> None:
    if role is not None and role not in allowed:
        name = "host" if role == Role.HOST else "participant"
        errors.append(_error("role", f"this server does not sign {name} (role {role}) signatures"))


def _server_error(exc: InvalidParameterError, fields: Mapping[str, str]) -> EndpointResponse:
    if exc.parameter in _SERVER_PARAMETERS:
        return _errors(500, [_error("$server", _SERVER_REASON)])
    # Not reached for a request the checks above accepted; kept so that a future signer
    # rule still names the field rather than crashing.
    return _errors(400, [_error(fields.get(exc.parameter, "$body"), "refused by the signer")])


_MEETING_PARAMETERS = MappingProxyType(
    {
        "meeting_number": "meetingNumber",
        "role": "role",
        "expires_in": "expirationSeconds",
        "video_webrtc_mode": "videoWebRtcMode",
    }
)


def meeting_sdk_response(
    body: JsonBody,
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: Optional[MeetingSdkPolicy] = None,
    content_type: Optional[str] = None,
    max_body_size: int = MAX_BODY_SIZE,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    now: Now = None,
    clock_skew: int = 30,
) -> EndpointResponse:
    """The Meeting SDK endpoint's answer to one request body.

    Args:
        body: The raw request body (``bytes``; refused with 413 past ``max_body_size``) or
            the JSON the framework already decoded.
        sdk_key: The Meeting SDK app's Client ID.
        sdk_secret: Its Client secret. Never in a response.
        policy: What the server signs; :class:`MeetingSdkPolicy` ``()`` (participant only)
            when ``None``.
        content_type: The request's ``Content-Type`` header, if the caller has one: anything
            but ``application/json`` gets 415. ``None`` skips the check.
        max_body_size: The body cap in bytes.
        credential_type: Passed to :func:`~zoomsig.sign_meeting_sdk`.
        now: Passed to :func:`~zoomsig.sign_meeting_sdk`.
        clock_skew: Passed to :func:`~zoomsig.sign_meeting_sdk`.

    Returns:
        200 ``{"signature", "sdkKey"}``; 400 (field errors, all of them), 403 (outside the
        policy), 413, 415 or 500 (the server's credentials are broken) with
        ``{"errors": [{"property", "reason"}]}``.
    """
    decoded = _decode(body, content_type, max_body_size)
    if isinstance(decoded, EndpointResponse):
        return decoded
    policy = MeetingSdkPolicy() if policy is None else policy
    errors: Errors = []
    _all_or_none(decoded, errors)
    mn = _meeting_number(decoded, errors)
    role_value = _integer(decoded, "role", errors)
    _in_range(role_value, "role", 0, 1, errors)
    lifetime = _lifetime(decoded, errors)
    webrtc = _flag(decoded, "videoWebRtcMode", errors)
    if errors:
        return _errors(400, errors)
    role = role_value
    _role_policy(role, policy.roles, errors)
    if policy.meeting_numbers is not None:
        if mn is None:
            errors.append(_error("meetingNumber", "this server signs only for given meetings"))
        elif mn not in policy.meeting_numbers:
            errors.append(_error("meetingNumber", "this server does not sign for this meeting"))
    elif mn is None and not policy.allow_native:
        errors.append(_error("meetingNumber", "this server does not sign native SDK tokens"))
    lifetime = _policy_lifetime(lifetime, policy.expires_in, errors)
    if errors:
        return _errors(403, errors)
    try:
        signature = sign_meeting_sdk(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            meeting_number=mn,
            role=role,
            expires_in=DEFAULT_LIFETIME if lifetime is None else lifetime,
            video_webrtc_mode=webrtc,
            credential_type=credential_type,
            now=now,
            clock_skew=clock_skew,
        )
    except InvalidParameterError as exc:
        return _server_error(exc, _MEETING_PARAMETERS)
    return EndpointResponse(200, MappingProxyType({"signature": signature, "sdkKey": sdk_key}))


_VIDEO_PARAMETERS = MappingProxyType(
    {
        "topic": "sessionName",
        "role": "role",
        "expires_in": "expirationSeconds",
        "user_identity": "userIdentity",
        "session_key": "sessionKey",
        "geo_regions": "geoRegions",
        "cloud_recording_option": "cloudRecordingOption",
        "cloud_recording_election": "cloudRecordingElection",
        "telemetry_tracking_id": "telemetryTrackingId",
        "video_webrtc_mode": "videoWebRtcMode",
        "audio_webrtc_mode": "audioWebRtcMode",
    }
)


def video_sdk_response(
    body: JsonBody,
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: Optional[VideoSdkPolicy] = None,
    content_type: Optional[str] = None,
    max_body_size: int = MAX_BODY_SIZE,
    now: Now = None,
    clock_skew: int = 30,
) -> EndpointResponse:
    """The Video SDK endpoint's answer to one request body.

    Same arguments as :func:`meeting_sdk_response`, with a :class:`VideoSdkPolicy`.
    ``sessionName`` and ``role`` are required, as in the official sample.

    Returns:
        200 ``{"signature"}``; 400, 403, 413, 415 or 500 with
        ``{"errors": [{"property", "reason"}]}``.
    """
    decoded = _decode(body, content_type, max_body_size)
    if isinstance(decoded, EndpointResponse):
        return decoded
    policy = VideoSdkPolicy() if policy is None else policy
    errors: Errors = []
    role = _integer(decoded, "role", errors)
    _in_range(role, "role", 0, 1, errors)
    if "role" not in decoded:
        errors.append(_error("role", "required, but not in the request body"))
    topic = _text(decoded, "sessionName", MAX_TOPIC, errors, required=True)
    lifetime = _lifetime(decoded, errors)
    user_identity = _text(decoded, "userIdentity", MAX_USER_IDENTITY, errors)
    session_key = _text(decoded, "sessionKey", MAX_SESSION_KEY, errors)
    geo_regions = _geo_regions(decoded, errors)
    recording_option = _flag(decoded, "cloudRecordingOption", errors)
    recording_election = _flag(decoded, "cloudRecordingElection", errors)
    telemetry = _text(decoded, "telemetryTrackingId", _MAX_TELEMETRY_ID, errors)
    video_webrtc = _flag(decoded, "videoWebRtcMode", errors)
    compatible = _flag(decoded, "audioCompatibleMode", errors)
    audio_webrtc = _flag(decoded, "audioWebRtcMode", errors)
    if errors:
        return _errors(400, errors)
    _role_policy(role, policy.roles, errors)
    if (
        policy.session_names is not None
        and topic is not None
        and topic.lower() not in policy.session_names
    ):
        errors.append(_error("sessionName", "this server does not sign for this session"))
    lifetime = _policy_lifetime(lifetime, policy.expires_in, errors)
    if errors:
        return _errors(403, errors)
    if topic is None or role is None:  # required fields, checked above
        raise AssertionError
    try:
        signature = sign_video_sdk(
            sdk_key=sdk_key,
            sdk_secret=sdk_secret,
            topic=topic,
            role=role,
            expires_in=DEFAULT_LIFETIME if lifetime is None else lifetime,
            user_identity=user_identity,
            session_key=session_key,
            geo_regions=geo_regions,
            cloud_recording_option=recording_option,
            cloud_recording_election=recording_election,
            telemetry_tracking_id=telemetry,
            video_webrtc_mode=video_webrtc,
            audio_webrtc_mode=compatible if audio_webrtc is None else audio_webrtc,
            now=now,
            clock_skew=clock_skew,
        )
    except InvalidParameterError as exc:
        return _server_error(exc, _VIDEO_PARAMETERS)
    return EndpointResponse(200, MappingProxyType({"signature": signature}))


def check_meeting_sdk_credentials(
    *,
    sdk_key: str,
    sdk_secret: str,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
) -> None:
    """Check a server's Meeting SDK credentials once, at start-up.

    Signs a throw-away native token with exactly the checks every request would run, so
    a missing or broken key or secret (empty, a trailing newline from a ``.env`` file,
    credentials of a kind that cannot sign) stops the server at boot instead of failing
    the first request. The error names the setting and never contains the secret.

    Raises:
        InvalidParameterError: ``parameter`` is ``sdk_key``, ``sdk_secret`` or
            ``credential_type``.
    """
    sign_meeting_sdk(
        sdk_key=sdk_key, sdk_secret=sdk_secret, credential_type=credential_type, now=1800000000
    )


def check_video_sdk_credentials(*, sdk_key: str, sdk_secret: str) -> None:
    """Check a server's Video SDK key and secret once, at start-up.

    See :func:`check_meeting_sdk_credentials`.

    Raises:
        InvalidParameterError: ``parameter`` is ``sdk_key`` or ``sdk_secret``.
    """
    sign_video_sdk(
        sdk_key=sdk_key, sdk_secret=sdk_secret, topic="start-up-check", role=0, now=1800000000
    )
