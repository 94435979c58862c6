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

import codecs
import json
import math
import re
import secrets
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate
from types import MappingProxyType
from typing import Optional, Union, cast

from zoomsig._enums import CobrowseRole, CredentialType, Role
from zoomsig._errors import InvalidParameterError
from zoomsig._params import check_lifetime, check_role
from zoomsig._registry import (
    COBROWSE_REQUEST,
    GEO_REGIONS,
    MAX_LIFETIME,
    MEETING_NUMBER_DIGITS,
    MEETING_SDK_REQUEST,
    MIN_LIFETIME,
    VIDEO_SDK_REQUEST,
    FieldKind,
    FieldRule,
    length_note,
    request_fields,
    text_length,
)
from zoomsig._time import Now
from zoomsig.cobrowse import check_cobrowse_role, sign_cobrowse_sdk
from zoomsig.meeting_sdk import check_server, sign_checked, sign_meeting_sdk
from zoomsig.video_sdk import sign_video_sdk

__all__ = [
    "COBROWSE_SDK_FIELDS",
    "DEFAULT_LIFETIME",
    "MAX_BODY_SIZE",
    "MAX_JSON_DEPTH",
    "MEETING_SDK_FIELDS",
    "VIDEO_SDK_FIELDS",
    "CobrowseSdkPolicy",
    "EndpointResponse",
    "MeetingSdkPolicy",
    "VideoSdkPolicy",
    "check_cobrowse_sdk_credentials",
    "check_meeting_sdk_credentials",
    "check_video_sdk_credentials",
    "cobrowse_sdk_response",
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

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
"""A JSON string, to its closing quote or, unterminated, to the end of the body (as a JSON
parser reads it). Each quote opens at most one string and the pattern never backtracks, so
taking the strings out is one pass over the body, whatever it holds."""
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_BRACKET_STEP = MappingProxyType({ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1})


def _refuse_constant(constant: str) -> object:
    raise ValueError(constant)  # NaN, Infinity, -Infinity: not JSON


_JSON_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_JSON_WHITESPACE = " \t\n\r"
"""One decoder for every request: ``json.loads`` with arguments builds a new one per call."""

DEFAULT_LIFETIME = 7200
"""Seconds from ``iat`` to ``exp`` when the request sends no ``expirationSeconds``, as the
samples do (2 hours)."""

MEETING_SDK_FIELDS = request_fields(MEETING_SDK_REQUEST)
"""The request fields of the Meeting SDK endpoint (the official sample's); others are ignored."""

VIDEO_SDK_FIELDS = request_fields(VIDEO_SDK_REQUEST)
COBROWSE_SDK_FIELDS = request_fields(COBROWSE_REQUEST)
"""The Cobrowse SDK endpoint's request fields, the official Cobrowse sample's."""
"""The request fields of the Video SDK endpoint (the official sample's); others are ignored.
``audioCompatibleMode`` is the deprecated name of ``audioWebRtcMode``."""

_DIGITS = re.compile(r"[+-]?[0-9]{1,18}")
_MAX_SHOWN = 10**12  # numbers in a reason are shown up to 12 digits
_MAX_MEETING_NUMBER = 10 ** MEETING_NUMBER_DIGITS[-1]  # a JSON number below this has 1..12 digits
_SERVER_PARAMETERS = frozenset({"sdk_key", "sdk_secret", "credential_type", "include_sdk_key"})
_SERVER_REASON = "the server's Zoom SDK credentials are missing or invalid"
_UNREAD_BODY_REASON = (
    "the request announced a body, but the server read none; send it with a Content-Length"
)

Errors = list[dict[str, str]]
Reader = Callable[[Mapping[str, object], Errors], object]
Reading = tuple[tuple[str, str, bool, Reader], ...]
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
        for name in ("signature", "token"):
            if isinstance(shown.get(name), str):
                shown[name] = str(shown[name])[:12] + "…"
        return f"EndpointResponse(status={self.status}, body={shown!r})"

    @property
    def ok(self) -> bool:
        """Whether a signature or token was made (``status == 200``)."""
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
    body: JsonBody, content_type: Optional[str], max_body_size: int, body_sent: bool
) -> Union[dict[str, object], EndpointResponse]:
    if content_type is not None and not is_json_content_type(content_type):
        return _errors(
            415, [_error("$body", "send the request as JSON (Content-Type: application/json)")]
        )
    if isinstance(body, (bytes, bytearray, memoryview)):
        body = _decode_bytes(bytes(cast("bytes", body)), max_body_size, body_sent)
        if isinstance(body, EndpointResponse) or type(body) is dict:
            return cast("Union[dict[str, object], EndpointResponse]", body)  # JSON keys: str
    if not isinstance(body, Mapping):
        return _errors(400, [_error("$body", f"expected a JSON object, got {_type_name(body)}")])
    mapping = cast("Mapping[object, object]", body)
    return {k: v for k, v in mapping.items() if isinstance(k, str)}


def _decode_bytes(raw: bytes, max_body_size: int, body_sent: bool) -> object:
    """The JSON value of a raw body, or the response that refuses it."""
    if len(raw) > max_body_size:
        return too_large_response(max_body_size)
    if not raw and body_sent:
        return _errors(400, [_error("$body", _UNREAD_BODY_REASON)])
    if not raw.strip():
        return {}  # as Express's json() parser: an empty body is an empty object
    if _too_deep(raw):
        return _errors(
            400, [_error("$body", f"the body nests deeper than {MAX_JSON_DEPTH} levels")]
        )
    try:
        return _parse(raw)
    except (ValueError, RecursionError):
        return _errors(400, [_error("$body", "the body is not valid JSON")])


def _parse(raw: bytes) -> object:
    """``json.loads(raw.decode("utf-8-sig"))`` refusing ``NaN`` and the infinities, at a
    fraction of its cost on a small body: no decoder built per call, no codec look-up.

    Raises:
        ValueError: not UTF-8, or not one JSON value between JSON whitespace.
    """
    text = (raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw).decode()
    text = text.strip(_JSON_WHITESPACE)
    value, end = _JSON_DECODER.raw_decode(text)
    if end != len(text):
        raise ValueError("extra data after the JSON value")
    return value


def _too_deep(raw: bytes) -> bool:
    """Whether arrays and objects nest deeper than :data:`MAX_JSON_DEPTH` in ``raw``.

    Brackets in strings are left out. One pass over the body (strings out, then the depth of
    the brackets left), linear in its length whatever it holds; a body with no more opening
    brackets than the limit, as every real request, is not read further.
    """
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:
        return False
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    deepest = max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)
    return deepest > MAX_JSON_DEPTH


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


def _in_range(
    value: Optional[int], prop: str, low: int, high: int, errors: Errors, *, unit: str = " seconds"
) -> None:
    if value is not None and not low <= value <= high:
        shown = value if abs(value) < _MAX_SHOWN else "a larger number"
        if (low, high) == (0, 1):
            errors.append(_error(prop, f"expected 0 or 1, got {shown}"))
        else:
            errors.append(_error(prop, f"expected {low} to {high}{unit}, got {shown}"))


def _flag(body: Mapping[str, object], prop: str, errors: Errors, high: int = 1) -> Optional[int]:
    value = _integer(body, prop, errors)
    _in_range(value, prop, 0, high, errors, unit="")
    return value if value is not None and 0 <= value <= high else None


def _lifetime(body: Mapping[str, object], errors: Errors) -> Optional[int]:
    value = _integer(body, "expirationSeconds", errors)
    _in_range(value, "expirationSeconds", MIN_LIFETIME, MAX_LIFETIME, errors)
    return value if value is not None and MIN_LIFETIME <= value <= MAX_LIFETIME else None


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
    length = text_length(value)
    if length > max_length:
        errors.append(
            _error(prop, f"at most {max_length} characters, got {length}{length_note(value)}")
        )
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
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < _MAX_MEETING_NUMBER:
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


def _plain_text(name: object) -> bool:
    """Whether ``name`` is a ``str`` in NFKC form: no letter stands in for another."""
    return isinstance(name, str) and unicodedata.is_normalized("NFKC", name)


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
        include_sdk_key: Whether the signature carries the deprecated ``sdkKey`` claim next
            to ``appKey``. ``None`` (the default) chooses by what the client does with it:
            left out of Web SDK signatures, since the 6.2.0 Web SDK reads the key from
            ``appKey`` whenever it is there (client and component view alike) and the
            component view logs "The sdkKey will be deprecated in the signature" for every
            signature that carries it; kept in native SDK signatures, as Zoom's sample
            sends it (the native SDKs are not in that bundle). ``True`` / ``False`` force it.
    """

    roles: Collection[Union[Role, int]] = frozenset({Role.PARTICIPANT})
    meeting_numbers: Optional[Collection[str]] = None
    expires_in: Optional[int] = None
    allow_native: bool = True
    include_sdk_key: Optional[bool] = None

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
        _check_include_sdk_key(self.include_sdk_key)


def _check_include_sdk_key(value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise InvalidParameterError(
            "include_sdk_key", f"expected None, True or False, got {type(value).__name__}"
        )


def _sdk_key_claim(
    include_sdk_key: Optional[bool], policy: MeetingSdkPolicy, meeting_number: object
) -> bool:
    """Whether to sign ``sdkKey``: the argument, else the policy's, else only for a native
    token (see :attr:`MeetingSdkPolicy.include_sdk_key`)."""
    for chosen in (include_sdk_key, policy.include_sdk_key):
        if chosen is not None:
            return chosen
    return meeting_number is None


@dataclass(frozen=True)
class VideoSdkPolicy:
    """What this server agrees to sign for the Video SDK (see :class:`MeetingSdkPolicy`).

    Attributes:
        roles: Roles the request may ask for; participant (0) only by default.
        session_names: If set, the only session names (the request's ``topic``, the
            token's ``tpc``) to sign for, compared ignoring case (``str.lower``) as Zoom's
            docs say Zoom compares them. Each must be in Unicode NFKC form
            (:class:`InvalidParameterError` otherwise), and so must a requested name: one
            that is not (the Kelvin sign K, which lower-cases to ``k``, other compatibility
            letters, decomposed accents) is refused with 403, since Zoom does not document
            how it lower-cases such letters and it may read the name as another session
            than the one it looks like.
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
            if not all(_plain_text(n) for n in self.session_names):
                raise InvalidParameterError(
                    "session_names",
                    "expected strings in Unicode NFKC form; one is not (a Kelvin sign, a "
                    "fullwidth or other compatibility letter, a decomposed accent?): write "
                    "it with the letters it shows",
                )
            object.__setattr__(
                self, "session_names", frozenset(n.lower() for n in self.session_names)
            )
        if self.expires_in is not None:
            check_lifetime(self.expires_in)


@dataclass(frozen=True)
class CobrowseSdkPolicy:
    """What this server agrees to sign for the Cobrowse SDK (see :class:`MeetingSdkPolicy`).

    Attributes:
        roles: Roles the request may ask for; the customer (1) only by default. An agent
            token (2) views the customer's page: allow it only where the server has checked
            that the user is an agent (the integrations' ``policy=`` callable decides per
            request).
        expires_in: If set, the lifetime every token gets; a different
            ``expirationSeconds`` in the request is refused.
        enable_byop: 1 puts ``enable_byop`` (Bring Your Own PIN) in every token; the
            browser cannot ask for it.
    """

    roles: Collection[Union[CobrowseRole, int]] = frozenset({CobrowseRole.CUSTOMER})
    expires_in: Optional[int] = None
    enable_byop: Optional[int] = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "roles", frozenset(check_cobrowse_role(r, "roles") for r in self.roles)
        )
        if self.expires_in is not None:
            check_lifetime(self.expires_in)
        byop: object = self.enable_byop  # a dataclass field takes whatever it is given
        if isinstance(byop, bool) or byop not in (None, 0, 1):
            raise InvalidParameterError("enable_byop", "expected None, 0 or 1")


_DEFAULT_MEETING_POLICY = MeetingSdkPolicy()
_DEFAULT_VIDEO_POLICY = VideoSdkPolicy()
_DEFAULT_COBROWSE_POLICY = CobrowseSdkPolicy()


def _apply_policy(
    values: dict[str, object],
    policy: Union[MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy],
    scope: Callable[[], None],
    errors: Errors,
) -> None:
    """The role and lifetime rules every policy has, around the product's own ``scope``;
    ``values["expires_in"]`` is then the lifetime to sign (the policy's, the request's, or
    :data:`DEFAULT_LIFETIME`)."""
    role = values["role"]
    if role is not None and role not in policy.roles:
        if isinstance(role, CobrowseRole):
            name = role.name.lower()
        else:
            name = "host" if role == Role.HOST else "participant"
        errors.append(_error("role", f"this server does not sign {name} (role {role}) signatures"))
    scope()
    pinned, requested = policy.expires_in, values["expires_in"]
    if pinned is not None:
        if requested is not None and requested != pinned:
            errors.append(
                _error("expirationSeconds", f"this server signs for {pinned} seconds only")
            )
        values["expires_in"] = pinned
    elif requested is None:
        values["expires_in"] = DEFAULT_LIFETIME


def _role(
    body: Mapping[str, object], prop: str, errors: Errors, *, required: bool
) -> Optional[int]:
    value = _integer(body, prop, errors)
    _in_range(value, prop, 0, 1, errors)
    if required and prop not in body:
        errors.append(_error(prop, "required, but not in the request body"))
    return value


def _reader(row: FieldRule) -> Reader:
    """How one request field is read, by the rule of its registry row (chosen once)."""
    prop, required = cast("str", row.request_field), row.required
    if row.kind is FieldKind.FLAG:
        high = row.limit or 1
        return lambda body, errors: _flag(body, prop, errors, high)
    if row.kind is FieldKind.TEXT:
        limit = cast("int", row.limit)
        return lambda body, errors: _text(body, prop, limit, errors, required=required)
    if row.kind is FieldKind.ROLE:
        return lambda body, errors: _role(body, prop, errors, required=required)
    if row.kind is FieldKind.DIGITS:
        return _meeting_number
    if row.kind is FieldKind.LIST:
        return _geo_regions
    return _lifetime  # the one INTEGER request field


def _reading(rows: Iterable[FieldRule]) -> Reading:
    """``rows`` in order, each as what :func:`_fields` needs: the key its value goes under
    (the signer's keyword, or the claim's name), its request field, whether the field is
    required, and its reader."""
    return tuple(
        (
            cast("str", row.parameter or row.claim),
            cast("str", row.request_field),
            row.required,
            _reader(row),
        )
        for row in rows
    )


def _fields(reading: Reading, body: Mapping[str, object], errors: Errors) -> dict[str, object]:
    """Every request field of ``reading``, by the signer's keyword (or the claim's name).

    An optional field the request leaves out is ``None`` without reading its rule (each
    rule answers ``None`` for it, with no error).
    """
    return {
        key: read(body, errors) if required or prop in body else None
        for key, prop, required, read in reading
    }


def _parameter_fields(rows: tuple[FieldRule, ...]) -> Mapping[str, str]:
    return MappingProxyType(
        {
            row.parameter: row.request_field
            for row in rows
            if row.parameter is not None and row.request_field is not None
        }
    )


_MEETING_PARAMETERS = _parameter_fields(MEETING_SDK_REQUEST)
_VIDEO_PARAMETERS = _parameter_fields(VIDEO_SDK_REQUEST)
_MEETING_READING = _reading(MEETING_SDK_REQUEST)
_VIDEO_READING = _reading(sorted(VIDEO_SDK_REQUEST, key=lambda row: row.kind is not FieldKind.ROLE))
"""The Video SDK fields in the order their 400 errors are listed: role first, as always."""


def _cobrowse_role(body: Mapping[str, object], errors: Errors) -> Optional[CobrowseRole]:
    """The official sample's required ``role``: 1 (customer) or 2 (agent)."""
    if "role" not in body:
        errors.append(_error("role", "required, but not in the request body"))
        return None
    value = _integer(body, "role", errors)
    if value is None:
        return None
    if value not in (1, 2):
        shown = value if abs(value) < _MAX_SHOWN else "a larger number"
        errors.append(_error("role", f"expected 1 (customer) or 2 (agent), got {shown}"))
        return None
    return CobrowseRole(value)


_COBROWSE_PARAMETERS = _parameter_fields(COBROWSE_REQUEST)
_COBROWSE_READING = (("role", "role", True, _cobrowse_role), *_reading(COBROWSE_REQUEST[1:]))


def _server_error(exc: InvalidParameterError, fields: Mapping[str, str]) -> EndpointResponse:
    if exc.parameter in _SERVER_PARAMETERS:
        return _errors(500, [_error("$server", _SERVER_REASON)])
    # Not reached for a request the checks above accepted; kept so that a future signer
    # rule still names the field rather than crashing.
    return _errors(400, [_error(fields.get(exc.parameter, "$body"), "refused by the signer")])


def _signed(
    signer: Callable[..., str],
    values: dict[str, object],
    fields: Mapping[str, str],
    answer: str,
    **server: object,
) -> EndpointResponse:
    """200 with the checked request ``values`` signed under ``answer`` (the body's one
    field), with the server's settings; or the response that says why not."""
    try:
        return EndpointResponse(200, MappingProxyType({answer: signer(**server, **values)}))
    except InvalidParameterError as exc:
        return _server_error(exc, fields)


def _meeting_scope(mn: object, policy: MeetingSdkPolicy, errors: Errors) -> None:
    if policy.meeting_numbers is not None:
        if mn is None:
            errors.append(_error("meetingNumber", "this server signs only for given meetings"))
        elif mn not in policy.meeting_numbers:
            errors.append(_error("meetingNumber", "this server does not sign for this meeting"))
    elif mn is None and not policy.allow_native:
        errors.append(_error("meetingNumber", "this server does not sign native SDK tokens"))


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
    body_sent: bool = False,
    include_sdk_key: Optional[bool] = None,
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
        body_sent: Whether the request's headers announced a body (``Transfer-Encoding:
            chunked`` or a ``Content-Length`` above 0). An empty ``body`` then means the
            server did not read it, and the answer is 400, not the native token an empty
            body (``{}``) asks for.
        include_sdk_key: Whether the signature carries the deprecated ``sdkKey`` claim;
            ``None`` takes the policy's :attr:`~MeetingSdkPolicy.include_sdk_key` (by
            default: not in Web SDK signatures, whose component view warns about it, but in
            native ones). The response's ``sdkKey`` field is sent either way.

    Returns:
        200 ``{"signature", "sdkKey"}``; 400 (field errors, all of them), 403 (outside the
        policy), 413, 415 or 500 (the server's credentials are broken) with
        ``{"errors": [{"property", "reason"}]}``.
    """
    decoded = _decode(body, content_type, max_body_size, body_sent)
    if isinstance(decoded, EndpointResponse):
        return decoded
    errors: Errors = []
    _all_or_none(decoded, errors)
    values = _fields(_MEETING_READING, decoded, errors)
    if errors:
        return _errors(400, errors)
    meeting_policy = _DEFAULT_MEETING_POLICY if policy is None else policy
    _apply_policy(
        values,
        meeting_policy,
        lambda: _meeting_scope(values["meeting_number"], meeting_policy, errors),
        errors,
    )
    if errors:
        return _errors(403, errors)
    mn = cast("Optional[str]", values["meeting_number"])
    try:  # the server's settings as the signer checks them, then the checked request signed
        server = check_server(
            sdk_key,
            sdk_secret,
            credential_type=credential_type,
            clock_skew=clock_skew,
            include_sdk_key=_sdk_key_claim(include_sdk_key, meeting_policy, mn),
        )
        signature = sign_checked(
            server,
            meeting_number=mn,
            role=cast("Optional[int]", values["role"]),
            expires_in=cast("int", values["expires_in"]),
            now=now,
            video_webrtc_mode=cast("Optional[int]", values["video_webrtc_mode"]),
        )
    except InvalidParameterError as exc:
        return _server_error(exc, _MEETING_PARAMETERS)
    return EndpointResponse(200, MappingProxyType({"signature": signature, "sdkKey": sdk_key}))


def _video_scope(topic: object, policy: VideoSdkPolicy, errors: Errors) -> None:
    names = policy.session_names
    if names is None or not isinstance(topic, str):
        return
    if not _plain_text(topic):
        # The Kelvin sign lower-cases to "k": the name may be another session to Zoom.
        errors.append(
            _error("sessionName", "this server signs only session names in Unicode NFKC form")
        )
    elif topic.lower() not in names:
        errors.append(_error("sessionName", "this server does not sign for this session"))


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
    body_sent: bool = False,
) -> EndpointResponse:
    """The Video SDK endpoint's answer to one request body.

    Same arguments as :func:`meeting_sdk_response`, with a :class:`VideoSdkPolicy`.
    ``sessionName`` and ``role`` are required, as in the official sample.

    Returns:
        200 ``{"signature"}``; 400, 403, 413, 415 or 500 with
        ``{"errors": [{"property", "reason"}]}``.
    """
    decoded = _decode(body, content_type, max_body_size, body_sent)
    if isinstance(decoded, EndpointResponse):
        return decoded
    errors: Errors = []
    values = _fields(_VIDEO_READING, decoded, errors)
    if errors:
        return _errors(400, errors)
    video_policy = _DEFAULT_VIDEO_POLICY if policy is None else policy
    _apply_policy(
        values, video_policy, lambda: _video_scope(values["topic"], video_policy, errors), errors
    )
    if errors:
        return _errors(403, errors)
    # audioCompatibleMode is the older name of audioWebRtcMode: read when that is absent.
    compatible = values.pop("audio_compatible_mode")
    if values["audio_webrtc_mode"] is None:
        values["audio_webrtc_mode"] = compatible
    return _signed(
        sign_video_sdk,
        values,
        _VIDEO_PARAMETERS,
        "signature",
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        now=now,
        clock_skew=clock_skew,
    )


def cobrowse_sdk_response(
    body: JsonBody,
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: Optional[CobrowseSdkPolicy] = None,
    content_type: Optional[str] = None,
    max_body_size: int = MAX_BODY_SIZE,
    now: Now = None,
    clock_skew: int = 30,
    body_sent: bool = False,
) -> EndpointResponse:
    """The Cobrowse SDK endpoint's answer to one request body (the official Cobrowse auth
    endpoint sample's contract).

    Same arguments as :func:`meeting_sdk_response`, with a :class:`CobrowseSdkPolicy`.
    ``role`` (1 customer, 2 agent) is required; ``userId`` (at most 35 characters) is a
    random id when the request has none, and ``userName`` (at most 80) is ``userId`` then,
    as in the official sample.

    Returns:
        200 ``{"token"}``; 400, 403, 413, 415 or 500 with
        ``{"errors": [{"property", "reason"}]}``.
    """
    decoded = _decode(body, content_type, max_body_size, body_sent)
    if isinstance(decoded, EndpointResponse):
        return decoded
    errors: Errors = []
    values = _fields(_COBROWSE_READING, decoded, errors)
    if errors:
        return _errors(400, errors)
    cobrowse_policy = _DEFAULT_COBROWSE_POLICY if policy is None else policy
    _apply_policy(values, cobrowse_policy, lambda: None, errors)
    if errors:
        return _errors(403, errors)
    if values["user_id"] is None:
        values["user_id"] = secrets.token_hex(6)  # the sample: Math.random().toString(36)
    return _signed(
        sign_cobrowse_sdk,
        values,
        _COBROWSE_PARAMETERS,
        "token",
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        now=now,
        clock_skew=clock_skew,
        enable_byop=cobrowse_policy.enable_byop,
    )


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


def check_cobrowse_sdk_credentials(*, sdk_key: str, sdk_secret: str) -> None:
    """Check a server's Cobrowse SDK key and secret once, at start-up.

    See :func:`check_meeting_sdk_credentials`.

    Raises:
        InvalidParameterError: ``parameter`` is ``sdk_key`` or ``sdk_secret``.
    """
    sign_cobrowse_sdk(
        sdk_key=sdk_key, sdk_secret=sdk_secret, role=1, user_id="start-up-check", now=1800000000
    )
