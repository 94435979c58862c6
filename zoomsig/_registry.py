"""Zoom's rules as data: one row per claim and request field, and the limits they share.

The one home of every Zoom limit (joserfc's ``registry`` is the model). The signers, the
signature endpoint, the FastAPI request models, the CLI and the diagnosis rules read the
rows and constants here; none keeps a copy. A new claim is one new row; a changed limit is
one changed number.

Text limits are counted in **UTF-16 code units** (:func:`text_length`), as JavaScript's
``String.length`` counts them: Zoom's Video SDK auth endpoint sample checks
``sessionName.length``, and Zoom's web clients are JavaScript. For text without emoji or
other characters beyond U+FFFF this is the number of characters; each such character
counts two.

Core layer: imports only the standard library and :mod:`zoomsig._enums` /
:mod:`zoomsig._errors`. A row names its finding code by its string value (the codes live
in :mod:`zoomsig.diagnose.codes`, above this module); ``FindingCode(row.code)`` is the code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple, Optional

__all__ = [
    "COBROWSE_REQUEST",
    "COBROWSE_ROLES",
    "COBROWSE_SDK_CLAIMS",
    "GEO_REGIONS",
    "LIFETIME",
    "MAX_CLOCK_SKEW",
    "MAX_COBROWSE_USER_ID",
    "MAX_COBROWSE_USER_NAME",
    "MAX_LIFETIME",
    "MAX_SESSION_KEY",
    "MAX_TOPIC",
    "MAX_USER_IDENTITY",
    "MAX_USER_KEY",
    "MEETING_NUMBER_DIGITS",
    "MEETING_SDK_CLAIMS",
    "MEETING_SDK_REQUEST",
    "MILLISECONDS",
    "MIN_LIFETIME",
    "VIDEO_SDK_API_CLAIMS",
    "VIDEO_SDK_CLAIMS",
    "VIDEO_SDK_REQUEST",
    "FieldKind",
    "FieldRule",
    "flag_text",
    "flag_values",
    "flags",
    "length_note",
    "request_fields",
    "text_length",
    "texts",
]

# --------------------------------------------------------------------------------------
# Shared constants
# --------------------------------------------------------------------------------------

MIN_LIFETIME = 1800
"""Shortest lifetime (``exp - iat``, seconds) Zoom accepts: 30 minutes."""
MAX_LIFETIME = 172800
"""Longest lifetime (``exp - iat``, seconds) Zoom accepts: 48 hours."""
MAX_CLOCK_SKEW = 300
"""Largest ``clock_skew`` the signers take: backdating more hides a broken clock."""
MILLISECONDS = 100_000_000_000
"""A Unix time from here up (10**11: 12 digits or more) is read as milliseconds.

As seconds it would be after the year 5138; as milliseconds it is 1973 or later. Used for
``now=``, the ``iat`` / ``exp`` claims and the webhook timestamp alike."""
MEETING_NUMBER_DIGITS = range(9, 13)
"""Lengths a meeting number can have: 9 to 11 digits in practice, 12 allowed."""
GEO_REGIONS = frozenset({"AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US"})
"""Region codes Zoom's Video SDK accepts in ``geo_regions``."""
MAX_TOPIC = 200
"""Longest session name (``tpc``), per the auth docs and the official sample."""
MAX_USER_IDENTITY = 35
"""Longest ``user_identity``."""
MAX_SESSION_KEY = 36
"""Longest ``session_key``."""
MAX_USER_KEY = 36
"""Longest ``user_key`` (Zoom's Video SDK auth page)."""
MAX_COBROWSE_USER_ID = 35
"""Longest Cobrowse ``user_id`` (``userId``): the official Cobrowse auth endpoint sample's."""
MAX_COBROWSE_USER_NAME = 80
"""Longest Cobrowse ``user_name``: Zoom's Cobrowse authorize page (the endpoint sample
refuses a ``userName`` over 35)."""
COBROWSE_ROLES = (1, 2)
"""The Cobrowse ``role_type`` values: 1 the customer, 2 the agent."""
MAX_TELEMETRY_TRACKING_ID = 200
"""Longest ``telemetry_tracking_id`` zoomsig signs (Zoom states none; the topic's bound)."""


def text_length(text: str) -> int:
    """The length of ``text`` as Zoom's JavaScript counts it: UTF-16 code units.

    >>> text_length("Standup"), text_length("Standup 🎉")
    (7, 10)
    """
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch > "\uffff")


def length_note(text: str) -> str:
    """``""``, or a note saying how a length with characters beyond U+FFFF was counted."""
    if text.isascii() or all(ch <= "\uffff" for ch in text):
        return ""
    return " (UTF-16 code units, as JavaScript counts: an emoji counts 2)"


# --------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------


class FieldKind(str, Enum):
    """What a claim or request field holds."""

    KEY = "KEY"
    """The SDK key / Client ID (a non-empty str)."""
    DIGITS = "DIGITS"
    """A meeting number: :data:`MEETING_NUMBER_DIGITS` ASCII digits."""
    ROLE = "ROLE"
    """0 (participant) or 1 (host); required where it appears."""
    FLAG = "FLAG"
    """An optional switch: 0 or 1, or 0 to ``limit`` when the row sets one
    (:func:`flag_values`)."""
    TEXT = "TEXT"
    """A non-empty str of at most ``limit`` UTF-16 code units (:func:`text_length`)."""
    INTEGER = "INTEGER"
    """An integer: a Unix time in seconds, a lifetime, a version."""
    LIST = "LIST"
    """A list of region codes, sent comma-joined."""


class FieldRule(NamedTuple):
    """One claim or request field and the rule Zoom sets for it.

    A named tuple, not a dataclass: the command line reads the rows when it builds its
    parser, and ``dataclasses`` would cost ``zoomsig --version`` about 10 ms of imports.

    Attributes:
        claim: The name in the token (``"tpc"``); ``None`` for a request field that is no
            claim (``expirationSeconds``).
        parameter: The signer's keyword argument (``"topic"``), if it has one.
        request_field: The signature endpoint's JSON field (``"sessionName"``), if any.
        flag: The CLI option (``"--topic"``), if any.
        kind: What the value holds.
        limit: The largest value: for ``TEXT`` its length in UTF-16 code units, for
            ``INTEGER`` the number.
        minimum: The smallest value of an ``INTEGER``.
        code: The finding code (:class:`~zoomsig.diagnose.codes.FindingCode` value) the
            diagnosis reports when the value breaks the rule.
        required: Whether the token (and the request) must carry it.
    """

    claim: Optional[str]
    parameter: Optional[str]
    request_field: Optional[str]
    flag: Optional[str]
    kind: FieldKind
    limit: Optional[int] = None
    minimum: Optional[int] = None
    code: Optional[str] = None
    required: bool = False


def _table(*rows: FieldRule) -> Mapping[str, FieldRule]:
    return MappingProxyType({row.claim: row for row in rows if row.claim is not None})


_K = FieldKind

LIFETIME = FieldRule(
    None,
    "expires_in",
    "expirationSeconds",
    "--expires-in",
    _K.INTEGER,
    limit=MAX_LIFETIME,
    minimum=MIN_LIFETIME,
    code="LIFETIME_TOO_LONG",
)
"""``exp - iat``: the signers' ``expires_in``, the endpoint's ``expirationSeconds``."""


def _flag(
    claim: str, request_field: Optional[str], code: str, *, signed: bool, limit: int = 1
) -> FieldRule:
    """An optional 0/1 claim (0 to ``limit``); ``signed``: the signers take it as a keyword
    of its name."""
    flag = f"--{claim.replace('_', '-')}" if signed else None
    return FieldRule(
        claim, claim if signed else None, request_field, flag, _K.FLAG,
        limit=None if limit == 1 else limit, code=code,
    )  # fmt: skip


def flag_values(row: FieldRule) -> range:
    """The values a ``FLAG`` row allows: 0 and 1, or 0 to its ``limit``."""
    return range(0, (row.limit or 1) + 1)


def flag_text(row: FieldRule) -> str:
    """The values of a ``FLAG`` row for a message: ``"0 or 1"``, ``"0, 1 or 2"``."""
    values = [str(value) for value in flag_values(row)]
    return f"{', '.join(values[:-1])} or {values[-1]}"


_MEETING_ROWS = (
    FieldRule("appKey", "sdk_key", None, "--sdk-key", _K.KEY, code="APP_KEY_MISSING"),
    FieldRule("sdkKey", None, None, None, _K.KEY),
    FieldRule(
        "mn", "meeting_number", "meetingNumber", "--meeting", _K.DIGITS,
        code="MEETING_NUMBER_INVALID",
    ),
    FieldRule("role", "role", "role", "--role", _K.ROLE, code="ROLE_INVALID"),
    FieldRule("iat", "now", None, "--now", _K.INTEGER, code="IAT_NOT_INTEGER", required=True),
    FieldRule("exp", None, None, None, _K.INTEGER, code="EXP_NOT_INTEGER", required=True),
    FieldRule("tokenExp", None, None, None, _K.INTEGER, code="TOKEN_EXP_NOT_INTEGER",
              required=True),
    _flag("video_webrtc_mode", "videoWebRtcMode", "VIDEO_WEBRTC_MODE_INVALID", signed=True),
    _flag("audio_webrtc_mode", None, "AUDIO_OPTION_INVALID", signed=False),
    _flag("audio_compatible_mode", None, "AUDIO_OPTION_INVALID", signed=False),
    _flag("enforce_web_rtc_audio", None, "AUDIO_OPTION_INVALID", signed=False),
)  # fmt: skip

MEETING_SDK_CLAIMS = _table(*_MEETING_ROWS)
"""The claims of a Meeting SDK signature (Zoom's, or read by its Web client), by name,
in the official sample's payload order."""


def _video_flag(
    claim: str, request_field: Optional[str], *, signed: bool = True, limit: int = 1
) -> FieldRule:
    return _flag(claim, request_field, "VIDEO_OPTION_INVALID", signed=signed, limit=limit)


def _text(
    claim: str, parameter: str, request_field: Optional[str], limit: int, code: str
) -> FieldRule:
    flag = f"--{parameter.replace('_', '-')}"
    return FieldRule(claim, parameter, request_field, flag, _K.TEXT, limit=limit, code=code)


_TOPIC = FieldRule(
    "tpc", "topic", "sessionName", "--topic", _K.TEXT,
    limit=MAX_TOPIC, code="TOPIC_TOO_LONG", required=True,
)  # fmt: skip
_ROLE_TYPE = FieldRule(
    "role_type", "role", "role", "--role", _K.ROLE, code="ROLE_TYPE_INVALID", required=True
)
_VIDEO_ROWS = (
    FieldRule("app_key", "sdk_key", None, "--sdk-key", _K.KEY, code="APP_KEY_MISSING",
              required=True),
    _ROLE_TYPE,
    _TOPIC,
    FieldRule("version", None, None, None, _K.INTEGER, limit=1, minimum=1,
              code="VERSION_INVALID", required=True),
    FieldRule("iat", "now", None, "--now", _K.INTEGER, code="IAT_NOT_INTEGER", required=True),
    FieldRule("exp", None, None, None, _K.INTEGER, code="EXP_NOT_INTEGER", required=True),
    _text("user_identity", "user_identity", "userIdentity", MAX_USER_IDENTITY,
          "USER_IDENTITY_TOO_LONG"),
    _text("session_key", "session_key", "sessionKey", MAX_SESSION_KEY, "SESSION_KEY_TOO_LONG"),
    FieldRule("geo_regions", "geo_regions", "geoRegions", "--geo-regions", _K.LIST,
              code="GEO_REGIONS_INVALID"),
    _video_flag("cloud_recording_option", "cloudRecordingOption"),
    _video_flag("cloud_recording_election", "cloudRecordingElection"),
    # No code of its own: the closest, TOPIC_TOO_LONG, shares its bound.
    _text("telemetry_tracking_id", "telemetry_tracking_id", "telemetryTrackingId",
          MAX_TELEMETRY_TRACKING_ID, "TOPIC_TOO_LONG"),
    _video_flag("video_webrtc_mode", "videoWebRtcMode"),
    _video_flag("audio_webrtc_mode", "audioWebRtcMode"),
    # The older name of audio_webrtc_mode: the endpoint still reads audioCompatibleMode.
    _video_flag("audio_compatible_mode", "audioCompatibleMode", signed=False),
    # The newer name of user_identity; no code of its own, so user_identity's. Not in
    # Zoom's endpoint sample, nor (yet) a CLI option.
    FieldRule("user_key", "user_key", None, None, _K.TEXT, limit=MAX_USER_KEY,
              code="USER_IDENTITY_TOO_LONG"),
    _video_flag("enforce_web_rtc_audio", None, signed=False),
    # Zoom's Video SDK auth page (2026): 0 none, 1 transcript, 2 transcript and summary
    # (needs a universal-credit account). Not in Zoom's endpoint sample.
    _video_flag("cloud_recording_transcript_option", "cloudRecordingTranscriptOption", limit=2),
)  # fmt: skip

VIDEO_SDK_CLAIMS = _table(*_VIDEO_ROWS)
"""The claims of a Video SDK token, by name, in the official sample's payload order."""

MEETING_SDK_REQUEST = (
    MEETING_SDK_CLAIMS["mn"],
    MEETING_SDK_CLAIMS["role"],
    LIFETIME,
    MEETING_SDK_CLAIMS["video_webrtc_mode"],
)
"""The Meeting SDK endpoint's request fields (the official sample's), in its order."""

VIDEO_SDK_REQUEST = (
    _TOPIC,
    _ROLE_TYPE,
    LIFETIME,
    *(
        row
        for row in _VIDEO_ROWS
        if row.request_field is not None and row not in (_TOPIC, _ROLE_TYPE)
    ),
)
"""The Video SDK endpoint's request fields (the official sample's), in its order."""


_COBROWSE_ROLE = FieldRule(
    "role_type", "role", "role", "--role", _K.INTEGER,
    limit=COBROWSE_ROLES[-1], minimum=COBROWSE_ROLES[0], code="COBROWSE_ROLE_INVALID",
    required=True,
)  # fmt: skip
_COBROWSE_ROWS = (
    FieldRule("app_key", "sdk_key", None, "--sdk-key", _K.KEY, code="APP_KEY_MISSING",
              required=True),
    _COBROWSE_ROLE,
    FieldRule("user_id", "user_id", "userId", "--user-id", _K.TEXT,
              limit=MAX_COBROWSE_USER_ID, code="USER_ID_TOO_LONG", required=True),
    FieldRule("user_name", "user_name", "userName", "--user-name", _K.TEXT,
              limit=MAX_COBROWSE_USER_NAME, code="USER_NAME_TOO_LONG"),
    FieldRule("iat", "now", None, "--now", _K.INTEGER, code="IAT_NOT_INTEGER", required=True),
    FieldRule("exp", None, None, None, _K.INTEGER, code="EXP_NOT_INTEGER", required=True),
    # Bring Your Own PIN: the server decides it (CobrowseSdkPolicy), not the browser.
    _flag("enable_byop", None, "COBROWSE_OPTION_INVALID", signed=True),
)  # fmt: skip

COBROWSE_SDK_CLAIMS = _table(*_COBROWSE_ROWS)
"""The claims of a Cobrowse SDK token, by name, in the official sample's payload order."""

COBROWSE_REQUEST = (
    _COBROWSE_ROLE,
    LIFETIME,
    # Optional in the request: the official sample makes a random id when it has none.
    COBROWSE_SDK_CLAIMS["user_id"]._replace(required=False),
    COBROWSE_SDK_CLAIMS["user_name"],
)
"""The Cobrowse endpoint's request fields (the official sample's), in its order."""

VIDEO_SDK_API_CLAIMS = _table(
    FieldRule("iss", "api_key", None, "--api-key", _K.KEY, code="API_TOKEN_ISS_MISSING",
              required=True),
    FieldRule("iat", "now", None, "--now", _K.INTEGER, code="IAT_NOT_INTEGER", required=True),
    FieldRule("exp", None, None, None, _K.INTEGER, code="EXP_NOT_INTEGER", required=True),
)  # fmt: skip
"""The claims of a Video SDK REST API token: ``iss`` the API key, signed with the API secret."""


def request_fields(rows: Iterable[FieldRule]) -> tuple[str, ...]:
    """The request-field names of ``rows`` (those that have one)."""
    return tuple(row.request_field for row in rows if row.request_field is not None)


def flags(rows: Iterable[FieldRule]) -> tuple[FieldRule, ...]:
    """The optional switch rows among ``rows`` (0/1, or 0 to their ``limit``)."""
    return tuple(row for row in rows if row.kind is FieldKind.FLAG)


def texts(rows: Iterable[FieldRule]) -> tuple[FieldRule, ...]:
    """The optional text rows among ``rows`` (the required topic left out)."""
    return tuple(row for row in rows if row.kind is FieldKind.TEXT and not row.required)
