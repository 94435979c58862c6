"""The finding codes: the public contract of :func:`zoomsig.decode_and_validate`.

Adding a code is a minor change; renaming or removing one is a breaking change. Each code
has a fixed severity and a one-sentence fix, kept here in one table so the docs and the
tests can check that none is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import NamedTuple

from zoomsig._enums import Severity

__all__ = ["CODE_INFO", "CodeInfo", "FindingCode"]


class FindingCode(str, Enum):
    """Every problem :func:`~zoomsig.decode_and_validate` can name. Values equal names."""

    # Input shape
    EMPTY = "EMPTY"
    TOO_LONG = "TOO_LONG"
    SURROUNDING_WHITESPACE = "SURROUNDING_WHITESPACE"
    QUOTED = "QUOTED"
    BEARER_PREFIX = "BEARER_PREFIX"
    RESPONSE_OBJECT = "RESPONSE_OBJECT"
    URL_ENCODED = "URL_ENCODED"
    SPACES_INSTEAD_OF_PLUS = "SPACES_INSTEAD_OF_PLUS"
    LINE_BREAKS = "LINE_BREAKS"
    MALFORMED = "MALFORMED"
    # JWT layer
    NOT_BASE64URL = "NOT_BASE64URL"
    BASE64_PADDING = "BASE64_PADDING"
    SIGNATURE_HEX = "SIGNATURE_HEX"
    SIGNATURE_LENGTH_INVALID = "SIGNATURE_LENGTH_INVALID"
    SIGNATURE_ONLY = "SIGNATURE_ONLY"
    HEADER_INVALID = "HEADER_INVALID"
    PAYLOAD_INVALID = "PAYLOAD_INVALID"
    ALG_NOT_HS256 = "ALG_NOT_HS256"
    TYP_NOT_JWT = "TYP_NOT_JWT"
    # Kind of token
    REST_API_TOKEN = "REST_API_TOKEN"
    ZOOM_ISSUED_TOKEN = "ZOOM_ISSUED_TOKEN"
    VIDEO_SDK_TOKEN = "VIDEO_SDK_TOKEN"
    MEETING_SDK_TOKEN = "MEETING_SDK_TOKEN"
    NATIVE_ONLY = "NATIVE_ONLY"
    UNKNOWN_CLAIM = "UNKNOWN_CLAIM"
    # Meeting SDK claims
    APP_KEY_MISSING = "APP_KEY_MISSING"
    APP_KEY_DEPRECATED_ONLY = "APP_KEY_DEPRECATED_ONLY"
    APP_KEY_CONFLICT = "APP_KEY_CONFLICT"
    API_KEY_CLAIM = "API_KEY_CLAIM"
    SDK_KEY_MISMATCH = "SDK_KEY_MISMATCH"
    MEETING_NUMBER_MISSING = "MEETING_NUMBER_MISSING"
    MEETING_NUMBER_WRONG_CLAIM = "MEETING_NUMBER_WRONG_CLAIM"
    MEETING_NUMBER_INVALID = "MEETING_NUMBER_INVALID"
    MEETING_NUMBER_MISMATCH = "MEETING_NUMBER_MISMATCH"
    ROLE_MISSING = "ROLE_MISSING"
    ROLE_NOT_INTEGER = "ROLE_NOT_INTEGER"
    ROLE_INVALID = "ROLE_INVALID"
    ROLE_MISMATCH = "ROLE_MISMATCH"
    HOST_NEEDS_ZAK = "HOST_NEEDS_ZAK"
    VIDEO_WEBRTC_MODE_INVALID = "VIDEO_WEBRTC_MODE_INVALID"
    # Video SDK claims
    TOPIC_MISSING = "TOPIC_MISSING"
    TOPIC_TOO_LONG = "TOPIC_TOO_LONG"
    TOPIC_MISMATCH = "TOPIC_MISMATCH"
    ROLE_TYPE_MISSING = "ROLE_TYPE_MISSING"
    ROLE_TYPE_INVALID = "ROLE_TYPE_INVALID"
    VERSION_INVALID = "VERSION_INVALID"
    USER_IDENTITY_TOO_LONG = "USER_IDENTITY_TOO_LONG"
    SESSION_KEY_TOO_LONG = "SESSION_KEY_TOO_LONG"
    GEO_REGIONS_INVALID = "GEO_REGIONS_INVALID"
    VIDEO_OPTION_INVALID = "VIDEO_OPTION_INVALID"
    # Time claims
    IAT_MISSING = "IAT_MISSING"
    EXP_MISSING = "EXP_MISSING"
    IAT_NOT_INTEGER = "IAT_NOT_INTEGER"
    EXP_NOT_INTEGER = "EXP_NOT_INTEGER"
    IAT_IN_MILLISECONDS = "IAT_IN_MILLISECONDS"
    EXP_IN_MILLISECONDS = "EXP_IN_MILLISECONDS"
    IAT_IN_FUTURE = "IAT_IN_FUTURE"
    EXPIRED = "EXPIRED"
    LIFETIME_TOO_SHORT = "LIFETIME_TOO_SHORT"
    LIFETIME_AT_MINIMUM = "LIFETIME_AT_MINIMUM"
    LIFETIME_TOO_LONG = "LIFETIME_TOO_LONG"
    TOKEN_EXP_TOO_SOON = "TOKEN_EXP_TOO_SOON"
    TOKEN_EXP_NOT_INTEGER = "TOKEN_EXP_NOT_INTEGER"
    TOKEN_EXP_MISSING = "TOKEN_EXP_MISSING"
    EXPIRES_SOON = "EXPIRES_SOON"
    # Legacy signature
    LEGACY_FORMAT = "LEGACY_FORMAT"
    LEGACY_FIELDS_INVALID = "LEGACY_FIELDS_INVALID"
    LEGACY_TIMESTAMP_SECONDS = "LEGACY_TIMESTAMP_SECONDS"
    LEGACY_EXPIRED = "LEGACY_EXPIRED"
    LEGACY_IN_FUTURE = "LEGACY_IN_FUTURE"
    # Verification with the caller's secret
    SIGNATURE_MISMATCH = "SIGNATURE_MISMATCH"
    SECRET_HAS_WHITESPACE = "SECRET_HAS_WHITESPACE"
    SECRET_BASE64_DECODED = "SECRET_BASE64_DECODED"
    KEY_SECRET_SWAPPED = "KEY_SECRET_SWAPPED"
    LEGACY_HMAC_RAW_MESSAGE = "LEGACY_HMAC_RAW_MESSAGE"
    SECRET_TOO_SHORT = "SECRET_TOO_SHORT"
    SECRET_IN_TOKEN = "SECRET_IN_TOKEN"
    # Join options (the zak / obfToken passed to join()) and other secrets (issue 13)
    ZAK_AND_OBF_TOKEN = "ZAK_AND_OBF_TOKEN"
    JOIN_TOKEN_NOT_ZOOM_ISSUED = "JOIN_TOKEN_NOT_ZOOM_ISSUED"
    JOIN_TOKEN_WRONG_KIND = "JOIN_TOKEN_WRONG_KIND"
    JOIN_TOKEN_EXPIRED = "JOIN_TOKEN_EXPIRED"
    JOIN_TOKEN_MEETING_MISMATCH = "JOIN_TOKEN_MEETING_MISMATCH"
    HOST_WITHOUT_ZAK = "HOST_WITHOUT_ZAK"
    SIGNED_WITH_OTHER_SECRET = "SIGNED_WITH_OTHER_SECRET"
    AUDIO_OPTION_INVALID = "AUDIO_OPTION_INVALID"
    # Input shape (added later)
    IN_URL = "IN_URL"
    HEADER_LINE = "HEADER_LINE"
    CLAIM_NULL = "CLAIM_NULL"
    IAT_BACKDATED = "IAT_BACKDATED"
    # Webhooks (diagnose_webhook)
    WEBHOOK_BODY_NOT_BYTES = "WEBHOOK_BODY_NOT_BYTES"
    WEBHOOK_BODY_EMPTY = "WEBHOOK_BODY_EMPTY"
    WEBHOOK_BODY_TOO_LARGE = "WEBHOOK_BODY_TOO_LARGE"
    WEBHOOK_BODY_NOT_JSON = "WEBHOOK_BODY_NOT_JSON"
    WEBHOOK_BODY_RESERIALISED = "WEBHOOK_BODY_RESERIALISED"
    WEBHOOK_BODY_NOT_COMPACT = "WEBHOOK_BODY_NOT_COMPACT"
    WEBHOOK_SIGNATURE_MISSING = "WEBHOOK_SIGNATURE_MISSING"
    WEBHOOK_SIGNATURE_PREFIX_MISSING = "WEBHOOK_SIGNATURE_PREFIX_MISSING"
    WEBHOOK_SIGNATURE_PREFIX_DOUBLED = "WEBHOOK_SIGNATURE_PREFIX_DOUBLED"
    WEBHOOK_SIGNATURE_BASE64 = "WEBHOOK_SIGNATURE_BASE64"
    WEBHOOK_SIGNATURE_MALFORMED = "WEBHOOK_SIGNATURE_MALFORMED"
    WEBHOOK_SIGNATURE_MISMATCH = "WEBHOOK_SIGNATURE_MISMATCH"
    WEBHOOK_TIMESTAMP_MISSING = "WEBHOOK_TIMESTAMP_MISSING"
    WEBHOOK_TIMESTAMP_INVALID = "WEBHOOK_TIMESTAMP_INVALID"
    WEBHOOK_TIMESTAMP_IN_MILLISECONDS = "WEBHOOK_TIMESTAMP_IN_MILLISECONDS"
    WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW = "WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW"
    WEBHOOK_SECRET_HAS_WHITESPACE = "WEBHOOK_SECRET_HAS_WHITESPACE"
    WEBHOOK_VERIFICATION_TOKEN_USED = "WEBHOOK_VERIFICATION_TOKEN_USED"
    WEBHOOK_HEADERS_FROM_OTHER_EVENT = "WEBHOOK_HEADERS_FROM_OTHER_EVENT"
    WEBHOOK_URL_VALIDATION = "WEBHOOK_URL_VALIDATION"
    # Webhooks: more mistakes of real receivers (issue 20)
    WEBHOOK_SECRET_QUOTED = "WEBHOOK_SECRET_QUOTED"
    WEBHOOK_SECRET_MATCHED = "WEBHOOK_SECRET_MATCHED"
    WEBHOOK_SIGNATURE_WRONG_HEADER = "WEBHOOK_SIGNATURE_WRONG_HEADER"
    WEBHOOK_TIMESTAMP_NOT_SIGNED = "WEBHOOK_TIMESTAMP_NOT_SIGNED"
    WEBHOOK_BODY_PYTHON_REPR = "WEBHOOK_BODY_PYTHON_REPR"
    WEBHOOK_BODY_WRONG_CHARSET = "WEBHOOK_BODY_WRONG_CHARSET"
    WEBHOOK_AUTHENTICATION_FAILED = "WEBHOOK_AUTHENTICATION_FAILED"
    # The URL-validation answer (diagnose_url_validation)
    WEBHOOK_RESPONSE_STATUS = "WEBHOOK_RESPONSE_STATUS"
    WEBHOOK_RESPONSE_CONTENT_TYPE = "WEBHOOK_RESPONSE_CONTENT_TYPE"
    WEBHOOK_RESPONSE_TOO_SLOW = "WEBHOOK_RESPONSE_TOO_SLOW"
    WEBHOOK_RESPONSE_NOT_JSON = "WEBHOOK_RESPONSE_NOT_JSON"
    WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG = "WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG"
    WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING = "WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING"
    WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX = "WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX"
    WEBHOOK_RESPONSE_WRONG_KEY = "WEBHOOK_RESPONSE_WRONG_KEY"
    WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH = "WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH"
    # The RTMS handshake (diagnose_rtms_handshake)
    WEBHOOK_RTMS_FIELD_MISSING = "WEBHOOK_RTMS_FIELD_MISSING"
    WEBHOOK_RTMS_SIGNATURE_MALFORMED = "WEBHOOK_RTMS_SIGNATURE_MALFORMED"
    WEBHOOK_RTMS_WRONG_ID = "WEBHOOK_RTMS_WRONG_ID"
    WEBHOOK_RTMS_WRONG_SECRET = "WEBHOOK_RTMS_WRONG_SECRET"
    WEBHOOK_RTMS_SIGNATURE_MISMATCH = "WEBHOOK_RTMS_SIGNATURE_MISMATCH"
    # Hostile or careless input
    INTEGER_OUT_OF_RANGE = "INTEGER_OUT_OF_RANGE"
    INVISIBLE_CHARACTERS = "INVISIBLE_CHARACTERS"
    APP_KEY_NOT_STRING = "APP_KEY_NOT_STRING"
    HEADER_UNSUPPORTED = "HEADER_UNSUPPORTED"
    # Cobrowse SDK and Video SDK REST API tokens (issue 21)
    COBROWSE_SDK_TOKEN = "COBROWSE_SDK_TOKEN"
    COBROWSE_ROLE_INVALID = "COBROWSE_ROLE_INVALID"
    USER_ID_MISSING = "USER_ID_MISSING"
    USER_ID_TOO_LONG = "USER_ID_TOO_LONG"
    USER_NAME_TOO_LONG = "USER_NAME_TOO_LONG"
    COBROWSE_OPTION_INVALID = "COBROWSE_OPTION_INVALID"
    API_TOKEN_ISS_MISSING = "API_TOKEN_ISS_MISSING"
    SDK_TOKEN_NOT_API_TOKEN = "SDK_TOKEN_NOT_API_TOKEN"


class CodeInfo(NamedTuple):
    """The fixed part of a finding: its severity, a title and the fix."""

    severity: Severity
    title: str
    fix: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_C = FindingCode

CODE_INFO: Mapping[FindingCode, CodeInfo] = MappingProxyType(
    {
        _C.EMPTY: CodeInfo(
            _E,
            "The signature is empty",
            "Check that your backend endpoint returned a signature and that the client read the "
            "right field of the response.",
        ),
        _C.TOO_LONG: CodeInfo(
            _E,
            "The input is far too long to be a Zoom signature",
            "Pass only the signature string, not a log, a page or a whole response.",
        ),
        _C.SURROUNDING_WHITESPACE: CodeInfo(
            _W,
            "Spaces or line breaks around the signature",
            "Strip the value before passing it to join(); some clients send it as is.",
        ),
        _C.QUOTED: CodeInfo(
            _E,
            "The signature is wrapped in quotes",
            "Parse the JSON response and pass the string value, not its JSON text with the quotes.",
        ),
        _C.BEARER_PREFIX: CodeInfo(
            _E,
            "The signature starts with 'Bearer '",
            "Pass the bare token to join(); 'Bearer ' belongs only in an HTTP Authorization "
            "header.",
        ),
        _C.RESPONSE_OBJECT: CodeInfo(
            _E,
            "A whole JSON object was passed instead of the signature",
            "Pass response.signature (the string inside), not the response object.",
        ),
        _C.URL_ENCODED: CodeInfo(
            _E,
            "The signature is URL-encoded (%2B, %3D, %2F…)",
            "URL-decode it once before use, or better, send it in a JSON body instead of a URL.",
        ),
        _C.SPACES_INSTEAD_OF_PLUS: CodeInfo(
            _E,
            "Spaces where '+' characters were",
            "The signature went through a URL query string unencoded and '+' became a space: "
            "send it in a JSON body or encode it with encodeURIComponent, and sign with "
            "base64url (which has no '+').",
        ),
        _C.LINE_BREAKS: CodeInfo(
            _E,
            "Line breaks inside the signature",
            "Use an encoder that does not wrap lines: Ruby Base64.strict_encode64 or "
            "urlsafe_encode64, Python base64.urlsafe_b64encode (not encodebytes), PHP without "
            "chunk_split — or better, a JWT library.",
        ),
        _C.MALFORMED: CodeInfo(
            _E,
            "Not a JWT and not a legacy signature",
            "Make the signature with a JWT library (or zoomsig): header.payload.signature, each "
            "part base64url-encoded.",
        ),
        _C.NOT_BASE64URL: CodeInfo(
            _E,
            "A part uses the standard base64 alphabet ('+' or '/')",
            "JWTs use base64url: replace btoa()/strict_encode64 with a JWT library, or map "
            "'+'→'-', '/'→'_' and drop '='.",
        ),
        _C.BASE64_PADDING: CodeInfo(
            _E,
            "A part ends in '=' padding",
            "JWT parts are base64url without padding: strip the trailing '=' (a JWT library does "
            "this for you).",
        ),
        _C.SIGNATURE_HEX: CodeInfo(
            _E,
            "The signature part is a hex digest",
            "Encode the raw HMAC bytes with base64url (digest() then base64url, not hexdigest() "
            "or digest('hex')).",
        ),
        _C.SIGNATURE_LENGTH_INVALID: CodeInfo(
            _E,
            "The signature part is not the 32 bytes of an HMAC-SHA256",
            "Store and send the whole token (check column lengths and copy-paste), and sign with "
            "HS256.",
        ),
        _C.SIGNATURE_ONLY: CodeInfo(
            _E,
            "Only the HMAC was passed, without header and payload",
            "Return the whole JWT (header.payload.signature), not just the hash.",
        ),
        _C.HEADER_INVALID: CodeInfo(
            _E,
            "The JWT header is not a JSON object",
            'The header must be base64url of {"alg":"HS256","typ":"JWT"}; use a JWT library.',
        ),
        _C.PAYLOAD_INVALID: CodeInfo(
            _E,
            "The JWT payload is not a JSON object",
            "Serialise the claims as a JSON object (JSON.stringify / json.dumps) before signing.",
        ),
        _C.ALG_NOT_HS256: CodeInfo(
            _E,
            "The algorithm is not HS256",
            "Zoom signatures are HMAC-SHA256: sign with algorithm HS256.",
        ),
        _C.TYP_NOT_JWT: CodeInfo(
            _W,
            "The header's typ is missing or not JWT",
            'Use the header {"alg":"HS256","typ":"JWT"} as Zoom\'s samples do.',
        ),
        _C.REST_API_TOKEN: CodeInfo(
            _E,
            "This is a REST API token (Video SDK API or JWT app), not an SDK signature",
            "Make a Meeting SDK signature (appKey, mn, role, iat, exp, tokenExp) with your Meeting "
            "SDK app's Client ID and secret, or a Video SDK token with the SDK key and secret; "
            "{iss, exp} tokens only call the REST API.",
        ),
        _C.ZOOM_ISSUED_TOKEN: CodeInfo(
            _E,
            "This token was issued by Zoom (a ZAK or an OAuth access token)",
            "Sign your own SDK signature with your SDK app's Client ID and secret; pass a ZAK "
            "only as the separate zak join option.",
        ),
        _C.VIDEO_SDK_TOKEN: CodeInfo(
            _E,
            "A Video SDK token was given for a Meeting SDK join",
            "Meeting SDK joins need a Meeting SDK signature (appKey, mn, role) signed with "
            "Meeting SDK app credentials.",
        ),
        _C.MEETING_SDK_TOKEN: CodeInfo(
            _E,
            "A Meeting SDK signature was given for a Video SDK session",
            "Video SDK sessions need a Video SDK token (app_key, tpc, role_type, version) signed "
            "with Video SDK credentials.",
        ),
        _C.NATIVE_ONLY: CodeInfo(
            _I,
            "No mn and no role: a native SDK signature",
            "Fine for the Android, iOS, macOS and Windows SDKs; for the Web SDK add mn and role.",
        ),
        _C.UNKNOWN_CLAIM: CodeInfo(
            _I,
            "A claim Zoom does not define",
            "Check the spelling against Zoom's claim names; unknown claims are ignored by Zoom.",
        ),
        _C.APP_KEY_MISSING: CodeInfo(
            _E,
            "No app key claim",
            "Add appKey (Meeting SDK) or app_key (Video SDK) with your SDK key / Client ID.",
        ),
        _C.APP_KEY_DEPRECATED_ONLY: CodeInfo(
            _W,
            "Only the deprecated sdkKey claim",
            "Add appKey with the same value; Web SDK 5 and later require appKey.",
        ),
        _C.APP_KEY_CONFLICT: CodeInfo(
            _E,
            "appKey and sdkKey differ",
            "Set appKey and sdkKey to the same Client ID, or send appKey alone.",
        ),
        _C.API_KEY_CLAIM: CodeInfo(
            _E,
            "An apiKey claim instead of appKey",
            "Rename the claim to appKey and use your Meeting SDK app's Client ID, not a JWT-app "
            "API key.",
        ),
        _C.SDK_KEY_MISMATCH: CodeInfo(
            _E,
            "The key in the token is not the expected key",
            "Sign with the Client ID / SDK key of the same app whose secret you use, and pass the "
            "same key to the client.",
        ),
        _C.MEETING_NUMBER_MISSING: CodeInfo(
            _E,
            "role is set but mn is missing",
            "Add mn with the meeting number as a string of digits (or drop both for a native "
            "token).",
        ),
        _C.MEETING_NUMBER_WRONG_CLAIM: CodeInfo(
            _E,
            "The meeting number is under the wrong claim name",
            "Zoom reads only mn: rename meetingNumber / meeting_number to mn.",
        ),
        _C.MEETING_NUMBER_INVALID: CodeInfo(
            _E,
            "mn is not a meeting number",
            "Send the meeting number as digits only, e.g. '97875981800', with no spaces or dashes.",
        ),
        _C.MEETING_NUMBER_MISMATCH: CodeInfo(
            _E,
            "mn is not the meeting being joined",
            "Sign for the same meeting number that the client passes to join().",
        ),
        _C.ROLE_MISSING: CodeInfo(
            _E, "mn is set but role is missing", "Add role: 0 for a participant, 1 for the host."
        ),
        _C.ROLE_NOT_INTEGER: CodeInfo(
            _E,
            "role is not an integer",
            "Send role as the JSON number 0 or 1 (parseInt / int() the request value).",
        ),
        _C.ROLE_INVALID: CodeInfo(
            _E, "role is not 0 or 1", "Use 0 for a participant and 1 for the host or a co-host."
        ),
        _C.ROLE_MISMATCH: CodeInfo(
            _E,
            "role is not the expected role",
            "Sign with the role the user should join as: 0 participant, 1 host.",
        ),
        _C.HOST_NEEDS_ZAK: CodeInfo(
            _I,
            "Role 1 (host)",
            "To start the meeting, also pass the host's ZAK as zak in join(); role 1 alone does "
            "not start it.",
        ),
        _C.VIDEO_WEBRTC_MODE_INVALID: CodeInfo(
            _E,
            "video_webrtc_mode is not 0 or 1",
            "Send video_webrtc_mode as the number 0 or 1, or leave it out.",
        ),
        _C.TOPIC_MISSING: CodeInfo(
            _E,
            "No session name (tpc)",
            "Add tpc with the session name that the client passes to join().",
        ),
        _C.TOPIC_TOO_LONG: CodeInfo(
            _E,
            "The session name is longer than 200 characters",
            "Shorten tpc to at most 200 characters (some Zoom SDK pages say 150; stay under that "
            "to be safe).",
        ),
        _C.TOPIC_MISMATCH: CodeInfo(
            _E,
            "tpc is not the session being joined",
            "Sign with the same session name that the client passes to join() (case does not "
            "matter, every other character does).",
        ),
        _C.ROLE_TYPE_MISSING: CodeInfo(
            _E, "No role_type", "Add role_type: 0 for a participant, 1 for the host."
        ),
        _C.ROLE_TYPE_INVALID: CodeInfo(
            _E, "role_type is not the integer 0 or 1", "Send role_type as the JSON number 0 or 1."
        ),
        _C.VERSION_INVALID: CodeInfo(
            _W, "version is missing or not 1", "Add version: 1 as Zoom's Video SDK sample does."
        ),
        _C.USER_IDENTITY_TOO_LONG: CodeInfo(
            _E,
            "user_identity is longer than 35 characters",
            "Shorten user_identity to at most 35 characters.",
        ),
        _C.SESSION_KEY_TOO_LONG: CodeInfo(
            _E,
            "session_key is longer than 36 characters",
            "Shorten session_key to at most 36 characters.",
        ),
        _C.GEO_REGIONS_INVALID: CodeInfo(
            _E,
            "geo_regions is not a list of known region codes",
            "Send a comma-joined string of AU BR CA CN DE HK IN JP MX NL SG US, e.g. 'US,DE'.",
        ),
        _C.VIDEO_OPTION_INVALID: CodeInfo(
            _E,
            "A Video SDK option is not one of its numbers",
            "Send the option as the number 0 or 1 (0, 1 or 2 for "
            "cloud_recording_transcript_option), or leave it out.",
        ),
        _C.IAT_MISSING: CodeInfo(
            _E,
            "No iat",
            "Add iat: the current Unix time in seconds, backdated by about 30 seconds.",
        ),
        _C.EXP_MISSING: CodeInfo(_E, "No exp", "Add exp: iat plus 1800 to 172800 seconds."),
        _C.IAT_NOT_INTEGER: CodeInfo(
            _E,
            "iat is not an integer",
            "Send iat as a whole number of seconds: Math.floor(Date.now() / 1000) or "
            "int(time.time()).",
        ),
        _C.EXP_NOT_INTEGER: CodeInfo(
            _E, "exp is not an integer", "Send exp as a whole number of seconds (iat + lifetime)."
        ),
        _C.IAT_IN_MILLISECONDS: CodeInfo(
            _E,
            "iat is in milliseconds",
            "Divide by 1000: Math.floor(Date.now() / 1000), not Date.now().",
        ),
        _C.EXP_IN_MILLISECONDS: CodeInfo(
            _E, "exp is in milliseconds", "Use seconds: exp = iat + 7200 with iat in seconds."
        ),
        _C.IAT_IN_FUTURE: CodeInfo(
            _E,
            "iat is in the future",
            "Sync the signing server's clock (NTP), use UTC Unix time rather than local time, and "
            "backdate iat by about 30 seconds.",
        ),
        _C.EXPIRED: CodeInfo(
            _E,
            "The signature has expired",
            "Make a fresh signature for each join, shortly before it; check the server's clock "
            "and time zone.",
        ),
        _C.LIFETIME_TOO_SHORT: CodeInfo(
            _E,
            "exp - iat is under 1800 seconds",
            "Set exp to at least iat + 1800 (30 minutes); 7200 is the usual value.",
        ),
        _C.LIFETIME_AT_MINIMUM: CodeInfo(
            _W,
            "exp - iat is exactly 1800 seconds",
            "Use a little more than 1800 (e.g. 7200): some native SDK versions rejected exactly "
            "1800.",
        ),
        _C.LIFETIME_TOO_LONG: CodeInfo(
            _E,
            "exp - iat is over 172800 seconds (48 hours)",
            "Set exp to at most iat + 172800; sign a fresh signature per join instead.",
        ),
        _C.TOKEN_EXP_TOO_SOON: CodeInfo(
            _E,
            "tokenExp is less than iat + 1800",
            "Set tokenExp equal to exp (at least iat + 1800), as Zoom's sample does.",
        ),
        _C.TOKEN_EXP_NOT_INTEGER: CodeInfo(
            _E,
            "tokenExp is not an integer",
            "Send tokenExp as a whole number of seconds, equal to exp.",
        ),
        _C.TOKEN_EXP_MISSING: CodeInfo(
            _W,
            "No tokenExp",
            "Add tokenExp equal to exp, as Zoom's sample does; Zoom's docs list it as required.",
        ),
        _C.EXPIRES_SOON: CodeInfo(
            _W,
            "The signature expires within a few minutes",
            "Sign just before joining and with a longer lifetime (e.g. 7200 seconds).",
        ),
        _C.LEGACY_FORMAT: CodeInfo(
            _E,
            "A legacy Web SDK signature (key.mn.ts.role.hash)",
            "No SDK that Zoom still lets connect accepts this format (Web SDK 2.7.0 and later "
            "reject it, and Zoom's quarterly minimum versions are far above 2.7.0): sign a "
            "Meeting SDK JWT with your Meeting SDK app's Client ID and secret "
            "(zoomsig.sign_meeting_sdk).",
        ),
        _C.LEGACY_FIELDS_INVALID: CodeInfo(
            _E,
            "The legacy signature's fields are wrong",
            "A legacy signature is base64 of key.meeting_number.timestamp_ms.role.hash with "
            "numeric meeting number, timestamp and role.",
        ),
        _C.LEGACY_TIMESTAMP_SECONDS: CodeInfo(
            _E,
            "The legacy timestamp is in seconds",
            "The legacy timestamp is milliseconds: new Date().getTime() - 30000.",
        ),
        _C.LEGACY_EXPIRED: CodeInfo(
            _W,
            "The legacy timestamp is more than a day old",
            "Make a fresh signature shortly before each join.",
        ),
        _C.LEGACY_IN_FUTURE: CodeInfo(
            _W,
            "The legacy timestamp is in the future",
            "Sync the server clock and subtract 30000 ms from the timestamp.",
        ),
        _C.SIGNATURE_MISMATCH: CodeInfo(
            _E,
            "The signature does not match the secret",
            "Sign with the secret of the same app as the key (not another app's, not a rotated "
            "old one), and use a Meeting SDK / General app (Meeting SDK) or Video SDK credential "
            "— Server-to-Server OAuth and JWT-app secrets cannot sign.",
        ),
        _C.SECRET_HAS_WHITESPACE: CodeInfo(
            _E,
            "The secret differs by surrounding whitespace",
            "Strip the secret where it is read (a trailing newline from a .env file, a secrets "
            "manager or echo), on the signing side and the checking side.",
        ),
        _C.SECRET_BASE64_DECODED: CodeInfo(
            _E,
            "The secret was base64-decoded before use",
            "Use the secret as the plain text Zoom shows (untick jwt.io's 'secret base64 "
            "encoded'; do not base64-decode it).",
        ),
        _C.KEY_SECRET_SWAPPED: CodeInfo(
            _E,
            "The key was used as the secret",
            "Swap them back: the Client ID / SDK key goes in appKey, the Client secret signs.",
        ),
        _C.LEGACY_HMAC_RAW_MESSAGE: CodeInfo(
            _E,
            "The legacy hash was made over the raw message, not its base64",
            "HMAC the base64 of key+meeting_number+timestamp+role, as Zoom's sample does.",
        ),
        _C.SECRET_TOO_SHORT: CodeInfo(
            _W,
            "The secret is shorter than 32 characters",
            "Check that the whole secret was copied: Zoom's SDK secrets are 32 characters.",
        ),
        _C.SECRET_IN_TOKEN: CodeInfo(
            _E,
            "The token carries a secret",
            "Remove the secret from the claims and rotate it now: anyone who sees the token (every "
            "browser that joins) can read its claims.",
        ),
        _C.ZAK_AND_OBF_TOKEN: CodeInfo(
            _E,
            "Both a ZAK and an OBF token are passed to join()",
            "Pass only one: zak to start or join as that user, or obfToken to join on behalf of "
            "an authorising user (Web SDK error 3636).",
        ),
        _C.JOIN_TOKEN_NOT_ZOOM_ISSUED: CodeInfo(
            _E,
            "The zak / obfToken is not a token issued by Zoom",
            "Fetch it from Zoom's REST API right before the join: GET /users/{userId}/token?"
            "type=zak for a ZAK, ?type=onbehalf for an OBF token; pass the response's token "
            "field as it is.",
        ),
        _C.JOIN_TOKEN_WRONG_KIND: CodeInfo(
            _E,
            "Another kind of token was passed as zak / obfToken",
            "Pass the SDK signature only as signature, and as zak / obfToken the token from GET "
            "/users/{userId}/token?type=zak or ?type=onbehalf (not an OAuth access token, a "
            "Video SDK token or a REST API token).",
        ),
        _C.JOIN_TOKEN_EXPIRED: CodeInfo(
            _E,
            "The zak / obfToken has expired",
            "Fetch a fresh ZAK or OBF token shortly before each join (OBF tokens last 2 hours "
            "unless you ask for another TTL).",
        ),
        _C.JOIN_TOKEN_MEETING_MISMATCH: CodeInfo(
            _E,
            "The zak / obfToken names another meeting",
            "Request the OBF token for the meeting being joined (meeting_id in GET /users/"
            "{userId}/token?type=onbehalf) or sign for the meeting the token names "
            "(Web SDK error 4015).",
        ),
        _C.HOST_WITHOUT_ZAK: CodeInfo(
            _W,
            "Role 1 (host) without a ZAK",
            "To start the meeting as host pass the host's ZAK as zak in join() (an OBF token "
            "does not make you host); to join as an attendee sign role 0.",
        ),
        _C.SIGNED_WITH_OTHER_SECRET: CodeInfo(
            _E,
            "The signature was made with another of your secrets",
            "Sign with the Client secret of the Meeting SDK / Video SDK app whose key is in the "
            "token; check which variable your signing code reads (an env-var fallback?).",
        ),
        _C.AUDIO_OPTION_INVALID: CodeInfo(
            _E,
            "An audio option is not 0 or 1",
            "Send audio_webrtc_mode, audio_compatible_mode or enforce_web_rtc_audio as the "
            "number 0 or 1, or leave it out.",
        ),
        _C.IN_URL: CodeInfo(
            _W,
            "The signature was passed inside a URL or query string",
            "Pass only the signature: read the parameter with URLSearchParams (and encode it "
            "with encodeURIComponent), or better, fetch it from your endpoint in a JSON body.",
        ),
        _C.HEADER_LINE: CodeInfo(
            _E,
            "A whole HTTP header line was passed instead of the signature",
            "Pass only the token: the value after 'Authorization: Bearer ' (a request log or "
            "the browser's network tab shows the whole line).",
        ),
        _C.CLAIM_NULL: CodeInfo(
            _W,
            "An optional claim is null",
            "Leave an optional claim out of the payload when it has no value (drop None / "
            "undefined keys before signing), rather than sending null.",
        ),
        _C.IAT_BACKDATED: CodeInfo(
            _E,
            "iat backdated by hours, exp seconds away",
            "Sign just before the join with iat = now - 30 and exp = iat + 7200 (and appKey "
            "with tokenExp = exp); a backdated iat with a 10-second exp is not 'short-lived "
            "for security', it fails every join that takes longer.",
        ),
        # Webhooks (diagnose_webhook)
        _C.WEBHOOK_BODY_NOT_BYTES: CodeInfo(
            _E,
            "The webhook body is text, not the raw bytes",
            "Verify the raw request body bytes: request.body (Django), await request.body() "
            "(Starlette/FastAPI), request.get_data() (Flask).",
        ),
        _C.WEBHOOK_BODY_EMPTY: CodeInfo(
            _E,
            "The webhook body is empty",
            "Read the raw body before anything else consumes the request stream, and pass "
            "that same buffer to the check.",
        ),
        _C.WEBHOOK_BODY_TOO_LARGE: CodeInfo(
            _E,
            "The webhook body is larger than the cap",
            "Pass the request body of one webhook; Zoom's events are a few kilobytes.",
        ),
        _C.WEBHOOK_BODY_NOT_JSON: CodeInfo(
            _E,
            "The webhook body is not a JSON object",
            "Pass the body of the request Zoom sent, unchanged: a JSON object with event and "
            "payload.",
        ),
        _C.WEBHOOK_BODY_RESERIALISED: CodeInfo(
            _E,
            "The webhook body was re-serialised from parsed JSON",
            "Verify the raw body bytes as received, never json.dumps() of the parsed event.",
        ),
        _C.WEBHOOK_BODY_NOT_COMPACT: CodeInfo(
            _W,
            "The webhook body is not compact JSON as Zoom sends it",
            "If the body went through json.dumps, a pretty-printer or a file editor, verify "
            "the raw bytes of the request instead.",
        ),
        _C.WEBHOOK_SIGNATURE_MISSING: CodeInfo(
            _E,
            "The x-zm-signature header is missing",
            "Pass every request header (the signature is in x-zm-signature) and check that no "
            "proxy strips it.",
        ),
        _C.WEBHOOK_SIGNATURE_PREFIX_MISSING: CodeInfo(
            _E,
            "The signature lacks the v0= prefix",
            "Compare against the whole header: x-zm-signature is 'v0=' followed by the hex HMAC.",
        ),
        _C.WEBHOOK_SIGNATURE_PREFIX_DOUBLED: CodeInfo(
            _E,
            "The signature has the v0= prefix twice",
            "Add 'v0=' to the hex HMAC exactly once.",
        ),
        _C.WEBHOOK_SIGNATURE_BASE64: CodeInfo(
            _E,
            "The signature is base64, not hex",
            "Encode the HMAC-SHA256 as lowercase hex (hexdigest() / digest('hex')), not base64.",
        ),
        _C.WEBHOOK_SIGNATURE_MALFORMED: CodeInfo(
            _E,
            "The signature is not v0= and 64 lowercase hex digits",
            "Pass the x-zm-signature header exactly as received: 'v0=' and 64 lowercase hex "
            "digits.",
        ),
        _C.WEBHOOK_SIGNATURE_MISMATCH: CodeInfo(
            _E,
            "The webhook signature does not match the secret token",
            "Use the Secret Token of the app and event subscription that sent the event (not "
            "the verification token, not another app's), over the raw body and the "
            "x-zm-request-timestamp of the same request.",
        ),
        _C.WEBHOOK_TIMESTAMP_MISSING: CodeInfo(
            _E,
            "The x-zm-request-timestamp header is missing",
            "Pass every request header (the timestamp is in x-zm-request-timestamp) and check "
            "that no proxy strips it.",
        ),
        _C.WEBHOOK_TIMESTAMP_INVALID: CodeInfo(
            _E,
            "The x-zm-request-timestamp is not a Unix time in seconds",
            "Pass the x-zm-request-timestamp header exactly as received: decimal digits, Unix "
            "seconds.",
        ),
        _C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS: CodeInfo(
            _E,
            "The webhook timestamp is in milliseconds",
            "Use Unix seconds in x-zm-request-timestamp and in the signed message (Date.now() "
            "is milliseconds; divide by 1000).",
        ),
        _C.WEBHOOK_TIMESTAMP_OUTSIDE_WINDOW: CodeInfo(
            _E,
            "The webhook timestamp is outside the replay window",
            "Reject replays; if genuine events arrive outside the window, sync the server "
            "clock (NTP) and check for queues that delay requests.",
        ),
        _C.WEBHOOK_SECRET_HAS_WHITESPACE: CodeInfo(
            _E,
            "The secret token has surrounding whitespace",
            "Strip the secret token where it is read (a trailing newline from a .env file, a "
            "secrets manager or echo).",
        ),
        _C.WEBHOOK_VERIFICATION_TOKEN_USED: CodeInfo(
            _E,
            "The verification token was used instead of the secret token",
            "Use the Secret Token of the event subscription; the verification token is "
            "retired and signs nothing.",
        ),
        _C.WEBHOOK_HEADERS_FROM_OTHER_EVENT: CodeInfo(
            _W,
            "The headers seem to belong to another request",
            "Take the body and both x-zm-* headers from the same request.",
        ),
        _C.WEBHOOK_URL_VALIDATION: CodeInfo(
            _I,
            "An endpoint URL validation request",
            "Answer 200 with url_validation_response(event, secret_token=...) within 3 seconds.",
        ),
        _C.WEBHOOK_SECRET_MATCHED: CodeInfo(
            _I,
            "The request matches one of several secret tokens",
            "Nothing to fix; once every request matches the new token, retire the old one.",
        ),
        _C.WEBHOOK_SECRET_QUOTED: CodeInfo(
            _E,
            "The secret token has quotes or other characters around it",
            "Remove the quotes where the secret token is stored or read (a .env line "
            'SECRET="..." read by a loader that keeps them, a YAML or JSON value quoted '
            "twice).",
        ),
        _C.WEBHOOK_SIGNATURE_WRONG_HEADER: CodeInfo(
            _E,
            "The signature was read from another header",
            "Read the signature from the x-zm-signature header (names in any case) and "
            "nothing else.",
        ),
        _C.WEBHOOK_TIMESTAMP_NOT_SIGNED: CodeInfo(
            _E,
            "The timestamp is not the one Zoom signed",
            "Sign and check with the x-zm-request-timestamp header of the same request, as "
            "received (not the body's event_ts, not the clock), and let proxies pass it.",
        ),
        _C.WEBHOOK_BODY_PYTHON_REPR: CodeInfo(
            _E,
            "The webhook body is Python's str() or repr() of the parsed event",
            "Verify the raw body bytes as received, never str(payload) or repr() of the "
            "parsed event.",
        ),
        _C.WEBHOOK_BODY_WRONG_CHARSET: CodeInfo(
            _E,
            "The webhook body was decoded or encoded in another charset",
            "Verify the raw body bytes, never text decoded and encoded again (Zoom sends "
            "UTF-8; latin-1 or cp1252 on either side changes every non-ASCII character).",
        ),
        _C.WEBHOOK_AUTHENTICATION_FAILED: CodeInfo(
            _E,
            "The delivery does not carry the event subscription's credential",
            "Give authentication= the credential set on the event subscription (Basic auth, "
            "the OAuth access token your token URL issued, or the custom header key and "
            "value), and check that no proxy strips the Authorization header.",
        ),
        _C.WEBHOOK_RESPONSE_STATUS: CodeInfo(
            _E,
            "The URL-validation answer's status is not 200",
            "Answer the endpoint.url_validation challenge with status 200 (not 201, 204 or a "
            "redirect).",
        ),
        _C.WEBHOOK_RESPONSE_CONTENT_TYPE: CodeInfo(
            _E,
            "The URL-validation answer is not sent as application/json",
            "Send the answer as a JSON response (Content-Type: application/json): return a "
            "dict or use the framework's JSON response, not a string.",
        ),
        _C.WEBHOOK_RESPONSE_TOO_SLOW: CodeInfo(
            _E,
            "The URL-validation answer took longer than 3 seconds",
            "Answer the challenge at once, before any other work (no database, no network "
            "call), and check for cold starts of the endpoint.",
        ),
        _C.WEBHOOK_RESPONSE_NOT_JSON: CodeInfo(
            _E,
            "The URL-validation answer is not a JSON object",
            'Answer with the JSON object {"plainToken": ..., "encryptedToken": ...} '
            "itself: not a string holding it, not HTML, not a wrapper object.",
        ),
        _C.WEBHOOK_RESPONSE_PLAIN_TOKEN_WRONG: CodeInfo(
            _E,
            "The answer's plainToken is missing or not the one Zoom sent",
            "Send back payload.plainToken of the same request, unchanged, as plainToken.",
        ),
        _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISSING: CodeInfo(
            _E,
            "The answer has no encryptedToken",
            "Add encryptedToken: the hex HMAC-SHA256 of plainToken under the secret token "
            "(url_validation_response(event, secret_token=...) makes both).",
        ),
        _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_NOT_HEX: CodeInfo(
            _E,
            "The answer's encryptedToken is not lowercase hex",
            "Encode the HMAC-SHA256 of plainToken as lowercase hex (hexdigest() / "
            "digest('hex')), not base64.",
        ),
        _C.WEBHOOK_RESPONSE_WRONG_KEY: CodeInfo(
            _E,
            "The answer's encryptedToken was made with another key",
            "Compute encryptedToken with the Secret Token of this event subscription, "
            "exactly as shown in the app (not the verification token, not a client secret, "
            "nothing around it).",
        ),
        _C.WEBHOOK_RESPONSE_ENCRYPTED_TOKEN_MISMATCH: CodeInfo(
            _E,
            "The answer's encryptedToken does not match the secret token",
            "Compute encryptedToken as the hex HMAC-SHA256 of plainToken (as received) under "
            "the Secret Token of the event subscription that sent the challenge.",
        ),
        _C.WEBHOOK_RTMS_FIELD_MISSING: CodeInfo(
            _E,
            "The RTMS handshake lacks a field it needs",
            "Send the handshake with the stream's ID (meeting_uuid, webinar_uuid, session_id "
            "or engagement_id), its rtms_stream_id and the signature, as the rtms_started "
            "event gave them.",
        ),
        _C.WEBHOOK_RTMS_SIGNATURE_MALFORMED: CodeInfo(
            _E,
            "The RTMS handshake signature is not 64 lowercase hex digits",
            "Encode the HMAC-SHA256 as lowercase hex (hexdigest() / digest('hex')).",
        ),
        _C.WEBHOOK_RTMS_WRONG_ID: CodeInfo(
            _E,
            "The RTMS handshake was signed over the wrong ID",
            'Sign "{client_id},{id},{rtms_stream_id}" with the ID of the product that '
            "started the stream: meeting_uuid, webinar_uuid, session_id (Video SDK) or "
            "engagement_id (Contact Center), as the event gave it.",
        ),
        _C.WEBHOOK_RTMS_WRONG_SECRET: CodeInfo(
            _E,
            "The RTMS handshake was signed with another secret",
            "Sign the handshake with the Client secret of the app that receives the stream "
            "(not the webhook secret token), exactly as shown in the app.",
        ),
        _C.WEBHOOK_RTMS_SIGNATURE_MISMATCH: CodeInfo(
            _E,
            "The RTMS handshake signature does not match",
            'Sign "{client_id},{id},{rtms_stream_id}" with the app\'s Client secret, using '
            "the values of the same rtms_started event (sign_rtms_handshake does).",
        ),
        _C.INTEGER_OUT_OF_RANGE: CodeInfo(
            _E,
            "An integer far outside any real Unix time",
            "Send iat and exp as Unix times in seconds (10 digits today) and other numbers as "
            "the small integers Zoom defines; check the arithmetic that made this one.",
        ),
        _C.INVISIBLE_CHARACTERS: CodeInfo(
            _E,
            "Invisible characters around the signature",
            "Remove the zero-width characters (or BOM) where the signature is stored or pasted: "
            "JavaScript's trim() keeps most of them and the Web SDK sends them to Zoom as is.",
        ),
        _C.APP_KEY_NOT_STRING: CodeInfo(
            _E,
            "The key claim is not a string",
            "Put your SDK key / Client ID in the key claim as a JSON string, not a number, a "
            "boolean, an array or an object.",
        ),
        _C.HEADER_UNSUPPORTED: CodeInfo(
            _E,
            "The header asks for a JWS extension (crit, b64: false)",
            'Use the plain header {"alg":"HS256","typ":"JWT"}: JWT libraries such as PyJWT '
            "refuse tokens with crit or an unencoded payload.",
        ),
        _C.COBROWSE_SDK_TOKEN: CodeInfo(
            _E,
            "A Cobrowse SDK token was given for a Meeting SDK or Video SDK join",
            "Cobrowse tokens (user_id, role_type 1 or 2) only start or view a Cobrowse "
            "session; sign a Meeting SDK signature or a Video SDK token for the join.",
        ),
        _C.COBROWSE_ROLE_INVALID: CodeInfo(
            _E,
            "The Cobrowse role_type is not 1 (customer) or 2 (agent)",
            "Send role_type as the number 1 for the customer's SDK_TOKEN or 2 for the "
            "agent's ACCESS_TOKEN; the Cobrowse SDK has no role 0.",
        ),
        _C.USER_ID_MISSING: CodeInfo(
            _E,
            "The Cobrowse token has no user_id",
            "Add user_id (a string of 1 to 35 characters, unique within the session); not "
            "user_identity, the Video SDK's claim.",
        ),
        _C.USER_ID_TOO_LONG: CodeInfo(
            _E,
            "The Cobrowse user_id is too long or not a string",
            "Send user_id as a string of at most 35 characters.",
        ),
        _C.USER_NAME_TOO_LONG: CodeInfo(
            _E,
            "The Cobrowse user_name is too long or not a string",
            "Send user_name as a string of at most 80 characters.",
        ),
        _C.COBROWSE_OPTION_INVALID: CodeInfo(
            _E,
            "enable_byop is not the number 0 or 1",
            "Send enable_byop as the number 1 to let the customer bring their own PIN, or "
            "leave it out.",
        ),
        _C.API_TOKEN_ISS_MISSING: CodeInfo(
            _E,
            "The Video SDK API token has no iss (API key)",
            "Put the Video SDK API key in iss as a string and sign with the API secret.",
        ),
        _C.SDK_TOKEN_NOT_API_TOKEN: CodeInfo(
            _E,
            "An SDK token was given where a Video SDK REST API token is expected",
            "Call the Video SDK REST API with {iss: API key, iat, exp} signed with the Video "
            "SDK API secret (sign_video_sdk_api), not with a token the SDKs join with.",
        ),
    }
)
