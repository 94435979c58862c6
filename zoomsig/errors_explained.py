"""Zoom's join error codes: what each means, why it happens, the fix, the findings to look for.

Pure data. Every code a signature, an SDK credential, a ZAK or an On-Behalf-Of (OBF) token
can cause when a Meeting SDK (Web client view or component view) or Video SDK join fails.
Checked against the error maps inside the ``@zoom/meetingsdk`` 6.2.0 and ``@zoom/videosdk``
2.5.0 npm bundles and Zoom's developer docs; where those leave a point open the entry says
so. The docs page ``docs/error-codes.md`` is generated from :data:`ERROR_CODES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Optional, Union

from zoomsig import _error_table
from zoomsig._errors import InvalidParameterError
from zoomsig._secrecy import MAX_SHOWN_DIGITS, describe, int_digits
from zoomsig.diagnose.codes import FindingCode

__all__ = ["ERROR_CODES", "ERROR_TABLE", "ErrorExplanation", "explain_error", "find_errors"]

_C = FindingCode

_MEETING_WEB = "Meeting SDK Web (client view)"
_COMPONENT_VIEW = "Meeting SDK Web (component view)"
_VIDEO_SDK = _error_table.VIDEO_SDK


@dataclass(frozen=True)
class ErrorExplanation:
    """What a Zoom join error code means and what to do about it.

    Attributes:
        code: Zoom's error code, as the SDK reports it (``errorCode``).
        meaning: What Zoom says, in plain words.
        causes: The likely causes, most likely first.
        fix: What to change.
        finding_codes: The :class:`~zoomsig.FindingCode` values that
            :func:`~zoomsig.decode_and_validate` reports for these causes.
        known: ``False`` for a code zoomsig has no entry for (an answer, not an exception).
        products: The SDKs that report this code.
        source: Where the code was checked and what is uncertain about it.
        platform: ``"web"`` (Meeting SDK / Video SDK for the web) or ``"native"`` (the
            Meeting SDK for Windows, macOS and Linux: ``AuthResult``, ``MeetingFailCode`` and
            ``SDKError``).
        name: Zoom's symbolic name for the code (``"TOKEN_ERROR"``,
            ``"AUTHRET_JWTTOKENWRONG"``), when Zoom gives one.
        messages: Zoom's own texts for the code, as the SDK shows them.
    """

    code: int
    meaning: str
    causes: tuple[str, ...]
    fix: str
    finding_codes: tuple[FindingCode, ...]
    known: bool = True
    products: tuple[str, ...] = ()
    source: str = ""
    platform: str = "web"
    name: str = ""
    messages: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict with stable keys."""
        return {
            "code": self.code,
            "known": self.known,
            "meaning": self.meaning,
            "causes": list(self.causes),
            "fix": self.fix,
            "finding_codes": [c.value for c in self.finding_codes],
            "products": list(self.products),
            "source": self.source,
            "platform": self.platform,
            "name": self.name,
            "messages": list(self.messages),
        }


_BUNDLE = "@zoom/meetingsdk 6.2.0 bundle error map"
_BOTH_WEB = (_MEETING_WEB, _COMPONENT_VIEW)
_TIME = (
    _C.EXPIRED,
    _C.IAT_IN_MILLISECONDS,
    _C.EXP_IN_MILLISECONDS,
    _C.IAT_IN_FUTURE,
    _C.LIFETIME_TOO_SHORT,
    _C.LIFETIME_TOO_LONG,
    _C.TOKEN_EXP_TOO_SOON,
    _C.EXPIRES_SOON,
)
_HMAC = (
    _C.SIGNATURE_MISMATCH,
    _C.SIGNED_WITH_OTHER_SECRET,
    _C.SECRET_HAS_WHITESPACE,
    _C.SECRET_BASE64_DECODED,
    _C.KEY_SECRET_SWAPPED,
    _C.NOT_BASE64URL,
    _C.BASE64_PADDING,
    _C.SIGNATURE_HEX,
    _C.SIGNATURE_LENGTH_INVALID,
    _C.LEGACY_FORMAT,
    _C.ZOOM_ISSUED_TOKEN,
    _C.REST_API_TOKEN,
    _C.VIDEO_SDK_TOKEN,
)
# 3265 and 3623: the two "Token error" codes of a ZAK Zoom refused; the same causes.
_ZAK_CAUSES = (
    "The ZAK has expired or was revoked (it is short-lived; a new login revokes old ones).",
    "The ZAK belongs to a user who is not the meeting's host.",
    "An OAuth access token or another token was passed as zak.",
)
_ZAK_FIX = (
    "Fetch the host's ZAK with GET /users/{userId}/token?type=zak right before starting, "
    "for the user who hosts the meeting."
)
_ZAK_CODES = (_C.JOIN_TOKEN_EXPIRED, _C.JOIN_TOKEN_WRONG_KIND, _C.JOIN_TOKEN_NOT_ZOOM_ISSUED)
_OBF_FIX = (
    "Get the OBF token for the user who authorised your app with GET /users/{userId}/token?"
    "type=onbehalf (add meeting_id to bind it to the meeting), right before the join, and "
    "pass it as obfToken in join() (onBehalfToken on native SDKs)."
)
# The OBF retry policy, documented in docs/credentials.md "Retrying an OBF join (4017)".
_OBF_RETRY_POLICY = (
    "Do not retry in a loop: every join attempt notifies (emails) the meeting's host. Join "
    "when you know the authorising user is in the meeting (your user says so in your app, "
    "or the meeting.participant_joined webhook names them); without such a sign, retry at "
    "most 3 times, 60 s, 120 s and 240 s after the failure, each time with a fresh OBF token "
    "(single-use), then stop and tell the user. Policy and sources: zoomsig docs, "
    "credentials, 'Retrying an OBF join (4017)'."
)


def _entry(  # noqa: PLR0917 - a table row, read positionally
    code: int,
    meaning: str,
    causes: tuple[str, ...],
    fix: str,
    finding_codes: tuple[FindingCode, ...],
    products: tuple[str, ...],
    source: str,
) -> tuple[int, ErrorExplanation]:
    return code, ErrorExplanation(
        code, meaning, causes, fix, finding_codes, products=products, source=source
    )


_TOKEN_ENTRIES: tuple[tuple[int, ErrorExplanation], ...] = (
    _entry(
        200,
        "Generic join failure: the component view and the Video SDK report 200 "
        "when Zoom's answer matches no more specific code (the component view "
        "says 'Fail to join the meeting', the Video SDK 'connection error').",
        (
            "The signature is invalid (the Video SDK reports a rejected token "
            "as 200, not as 3712).",
            "A General app, or an app not yet published on the Marketplace, "
            "joining a meeting hosted by another account.",
            "An anonymous join of an external meeting (no OBF token, no ZAK) "
            "that this SDK version cannot name.",
            "The SDK version is below Zoom's current minimum.",
        ),
        "Run the signature through zoomsig (zoomsig check, or "
        "decode_and_validate with the secret, the meeting number or topic and "
        "the join options); if it is clean, check the app type, its "
        "Marketplace status and the SDK version, and read the browser console "
        "for the error Zoom really sent.",
        (*_HMAC, *_TIME, _C.TOPIC_MISMATCH, _C.JOIN_TOKEN_NOT_ZOOM_ISSUED),
        (_COMPONENT_VIEW, _VIDEO_SDK),
        "Zoom's web error-code page: FAIL 200, 'Invoke function error "
        "(component view only)'; component view: the fallback code of its error "
        "mapper is 200 "
        "('CommonError'); Video SDK 2.5.0: errorCode 200, reason 'connection "
        "error' for any unmapped server error. Which server errors end there "
        "is not documented.",
    ),
    _entry(
        3010,
        "The Video SDK token's role_type is missing or not applicable.",
        ("No role_type claim.", "role_type is a string or not 0/1."),
        "Sign role_type as the number 0 (participant) or 1 (host).",
        (_C.ROLE_TYPE_MISSING, _C.ROLE_TYPE_INVALID),
        (_VIDEO_SDK,),
        "@zoom/videosdk 2.5.0: SESSION_ROLE_TYPE_ERROR = 3010.",
    ),
    _entry(
        3265,
        "Token error (the second of the two ZAK token errors).",
        _ZAK_CAUSES,
        _ZAK_FIX,
        _ZAK_CODES,
        _BOTH_WEB,
        f"{_BUNDLE}: server error 3136 -> 3265 'Token error' (apac.errorcodes_zak2); "
        "Zoom's web error-code page: TOKEN_ERROR 3265. Which ZAK problem gives "
        "3265 rather than 3623 is not documented.",
    ),
    _entry(
        3623,
        "Token error: Zoom refused the ZAK when starting the meeting.",
        _ZAK_CAUSES,
        _ZAK_FIX,
        _ZAK_CODES,
        _BOTH_WEB,
        f"{_BUNDLE}: server error 3136 -> 3623 'Token error' (also 3265, same "
        "text); Zoom's web error-code page: TOKEN_ERROR_ALT 3623. The exact "
        "server condition is not documented.",
    ),
    _entry(
        3636,
        "zak and obfToken were given together: they cannot be used at once.",
        (
            "Code that always sends both fields, one of them from a stale session or a default.",
            "A ZAK kept in sessionStorage from an earlier start and a new OBF token.",
        ),
        "Pass exactly one: zak to start or join as that user, obfToken to join "
        "on behalf of an authorising user; send an empty string or leave the "
        "other out.",
        (_C.ZAK_AND_OBF_TOKEN,),
        _BOTH_WEB,
        f"{_BUNDLE}: OBF_ERROR = 3636, 'Token error: obfToken and zak cannot be "
        "used simultaneously' (client view). The component view refuses the "
        "same join before contacting Zoom with 'zak and obfToken are mutually "
        "exclusive' (or errorCode 5013).",
    ),
    _entry(
        3704,
        "The API key (SDK key / Client ID) in the signature is not valid.",
        (
            "appKey is not a Meeting SDK Client ID: a Server-to-Server OAuth or "
            "OAuth app's Client ID, a Video SDK key, a JWT-app API key.",
            "The key carries a newline or spaces from an env var.",
            "The key claim is misspelt or missing (apiKey, sdkkey).",
        ),
        "Put the Client ID of the Meeting SDK app (or General app with Meeting "
        "SDK enabled) in appKey, the same one whose secret signs.",
        (
            _C.SDK_KEY_MISMATCH,
            _C.APP_KEY_MISSING,
            _C.API_KEY_CLAIM,
            _C.APP_KEY_CONFLICT,
            _C.REST_API_TOKEN,
            _C.VIDEO_SDK_TOKEN,
        ),
        _BOTH_WEB,
        f"{_BUNDLE}: server 200 'api key is wrong' -> 3704 'The accounts API Key is not valid.'",
    ),
    _entry(
        3705,
        "The signature has expired.",
        (
            "exp is in the past: the signature was cached or made long before the join.",
            "The signing server's clock is wrong or local time was used.",
            "iat or exp in milliseconds, or a lifetime under 30 minutes.",
        ),
        "Sign a fresh signature for each join, with iat = now - 30 s and exp = "
        "iat + 7200, on a server with a synced clock.",
        _TIME,
        _BOTH_WEB,
        f"{_BUNDLE}: 3705 'The signature has expired.'",
    ),
    _entry(
        3706,
        "The meeting number is wrong.",
        (
            "mn differs from the meetingNumber passed to join().",
            "mn has spaces or dashes, or sits under another claim name.",
        ),
        "Sign mn with the same digits-only meeting number the client joins.",
        (
            _C.MEETING_NUMBER_MISMATCH,
            _C.MEETING_NUMBER_INVALID,
            _C.MEETING_NUMBER_WRONG_CLAIM,
            _C.MEETING_NUMBER_MISSING,
        ),
        _BOTH_WEB,
        f"{_BUNDLE}: 3706 'The meeting number is wrong.'",
    ),
    _entry(
        3707,
        "The meeting number is not found.",
        (
            "The meeting was deleted, has ended for good, or never existed.",
            "A typo, or a webinar ID used as a meeting number.",
        ),
        "Check the meeting number in the Zoom web portal or with GET "
        "/meetings/{meetingId}; sign and join that number.",
        (_C.MEETING_NUMBER_MISMATCH, _C.MEETING_NUMBER_INVALID),
        _BOTH_WEB,
        f"{_BUNDLE}: 3707 'The meeting number is not found.'",
    ),
    _entry(
        3708,
        "The role is not applicable (incorrect role).",
        (
            "role is missing, a string, or not 0/1.",
            "role 1 (host) for a user who cannot host this meeting, or without the host's ZAK.",
        ),
        "Sign role 0 for attendees; for the host, role 1 and the host's ZAK as zak in join().",
        (
            _C.ROLE_MISSING,
            _C.ROLE_NOT_INTEGER,
            _C.ROLE_INVALID,
            _C.ROLE_MISMATCH,
            _C.HOST_WITHOUT_ZAK,
        ),
        _BOTH_WEB,
        f"{_BUNDLE}: 3708 'Incorrect role.' (component view: 'The role is not applicable.')",
    ),
    _entry(
        3709,
        "The meeting host is not found.",
        (
            "The host's account was deleted or deactivated.",
            "role 1 without a ZAK, so Zoom cannot tell who the host is.",
        ),
        "Start the meeting with the host's ZAK, or join as role 0 once the host has started it.",
        (_C.HOST_WITHOUT_ZAK, _C.HOST_NEEDS_ZAK),
        _BOTH_WEB,
        f"{_BUNDLE}: 3709 'The meeting host is not found.'",
    ),
    _entry(
        3710,
        "The account's API key is deactivated (the app cannot use the SDK).",
        (
            "The Meeting SDK app was deactivated or deleted.",
            "A General app without the Meeting SDK (Embed) feature turned on.",
            "The account's SDK access was disabled by an admin.",
        ),
        "Check the app on marketplace.zoom.us: activated, Meeting SDK enabled, "
        "and its Client ID / secret the ones you sign with.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: 3710 'The accounts API Key is deactivated.' (component "
        "view: 'The account don't enable API.')",
    ),
    _entry(
        3711,
        "Cannot be host in another account's meeting (or host two meetings at once).",
        (
            "role 1 for a meeting owned by another account.",
            "The host already runs another meeting.",
        ),
        "Sign role 0 for meetings you do not host; start as host only meetings "
        "of your account, with the host's ZAK.",
        (_C.ROLE_MISMATCH, _C.HOST_NEEDS_ZAK),
        _BOTH_WEB,
        f"{_BUNDLE}: 3711 'Cannot not host another meeting concurrently.' "
        "(component view: 'Can not be host in other account's meeting.')",
    ),
    _entry(
        3712,
        "Signature is invalid.",
        (
            "The HMAC does not match: signed with another secret (S2S OAuth, "
            "webhook, Video SDK or another app's), or a secret with a newline.",
            "A broken encoding: standard base64, padding, hex digest, a cut "
            "token, quotes or URL encoding.",
            "Not a Meeting SDK JWT at all: a legacy signature, a ZAK, a REST "
            "API token, a Video SDK token.",
            "A claim Zoom needs is missing or has the wrong type (role, mn, appKey, iat/exp).",
            "A General app or an unpublished app joining a meeting of another "
            "account (often shows as 3712 before the 2026 codes).",
        ),
        "Check it with zoomsig and your secret (and other_secrets= for the "
        "other credentials your backend holds); sign with the Meeting SDK app's "
        "Client ID and Client secret.",
        (
            *_HMAC,
            _C.ROLE_MISSING,
            _C.MEETING_NUMBER_WRONG_CLAIM,
            _C.APP_KEY_MISSING,
            _C.QUOTED,
            _C.URL_ENCODED,
        ),
        _BOTH_WEB,
        f"{_BUNDLE}: 3712 'Signature is invalid.' The app-type cause is from "
        "Zoom forum reports, not the bundle.",
    ),
    _entry(
        3713,
        "No permission.",
        (
            "The app lacks a permission the join needs (e.g. an unpublished app "
            "outside its account).",
            "The account's settings forbid the SDK join.",
        ),
        "Check the app's status and scopes on the Marketplace and the meeting's account settings.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: 3713 'No permission.' The conditions are not documented.",
    ),
    _entry(
        4003,
        "Invalid parameter.",
        (
            "A join() argument has the wrong type or is empty (meeting number, "
            "userName, signature).",
            "A meeting number with spaces or dashes passed to join(): the client view "
            "says 'meetingNumber length > 12' (seen in headless Chromium, tests/e2e).",
        ),
        "Pass meetingNumber as digits, a non-empty userName and the signature "
        "string from your endpoint.",
        (_C.EMPTY, _C.MALFORMED, _C.QUOTED, _C.RESPONSE_OBJECT, _C.MEETING_NUMBER_MISMATCH),
        (*_BOTH_WEB, _VIDEO_SDK),
        f"{_BUNDLE}: 4003 'Invalid parameter'; @zoom/videosdk 2.5.0: "
        "SESSION_INVALID_PARAMETER = 4003.",
    ),
    _entry(
        4011,
        "Joining a meeting hosted by another account is not allowed for this app.",
        (
            "The app is not published on the Zoom Marketplace (not through "
            "Zoom's review), so it may join only its own account's meetings.",
            "A General app or development credentials used for an external meeting.",
        ),
        "Submit the app for Zoom's review and publish it (Section 6.1 of Zoom's "
        "API License Terms); until then join only meetings of your account. "
        "Published apps also need an OBF token or a ZAK for external meetings.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 6601 -> 4011 'To join a meeting hosted by an "
        "external Zoom account, your SDK app has to be published on Zoom "
        "Marketplace.'",
    ),
    _entry(
        4012,
        "Anonymous join not allowed: an external meeting needs an authorised join.",
        (
            "Since 2 March 2026, joining a meeting outside the app's account "
            "without an OBF token or a ZAK.",
        ),
        _OBF_FIX + " Or pass the user's ZAK, or use RTMS instead of a bot.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 13296 -> 4012 'This join flow is not supported' "
        "(component view: 'anonymous join error').",
    ),
    _entry(
        4013,
        "No OBF token: this external meeting requires one.",
        (
            "obfToken missing (or empty) on a join of another account's meeting.",
            "The OBF token was fetched but not passed to join().",
        ),
        _OBF_FIX,
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 13295 -> 4013; the component view calls it 'no "
        "obfToken', the client view shows the anonymous-join text.",
    ),
    _entry(
        4014,
        "The OBF token is invalid.",
        (
            "Not an OBF token: the OAuth access token, a ZAK, the SDK signature "
            "or the JSON response object was passed.",
            "The OBF token expired (2 hours by default) or was already used.",
            "The token was cut or quoted on its way to the browser.",
        ),
        _OBF_FIX,
        (
            _C.JOIN_TOKEN_NOT_ZOOM_ISSUED,
            _C.JOIN_TOKEN_WRONG_KIND,
            _C.JOIN_TOKEN_EXPIRED,
        ),
        _BOTH_WEB,
        f"{_BUNDLE}: server 13299 -> 4014 'The OBF token is invalid.'",
    ),
    _entry(
        4015,
        "The OBF token was issued for another meeting.",
        (
            "meeting_id in the OBF request differs from the meeting joined.",
            "An OBF token cached from an earlier meeting.",
        ),
        "Request the OBF token with the meeting_id of the meeting being joined, "
        "right before the join.",
        (_C.JOIN_TOKEN_MEETING_MISMATCH, _C.MEETING_NUMBER_MISMATCH),
        _BOTH_WEB,
        f"{_BUNDLE}: server 13300 -> 4015 'The meeting number associated with "
        "the provided OBF token does not match the current meeting.'",
    ),
    _entry(
        4016,
        "The privilege (recording) token is invalid or expired.",
        (
            "recordingToken passed to join() has expired or is for another "
            "meeting; this is not the OBF token.",
        ),
        "Fetch a fresh recording token (GET /meetings/{meetingId}/jointoken/"
        "local_recording) or leave recordingToken out.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 3145 -> 4016 'The Privilege token is invalid.' "
        "('recording token expired').",
    ),
    _entry(
        4017,
        "The user who authorised the OBF token is not in the meeting.",
        (
            "The bot joined before its authorising user.",
            "The OBF token belongs to a user who does not attend this meeting.",
        ),
        "Get the OBF token for a user who attends this meeting. " + _OBF_RETRY_POLICY,
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 103041 -> 4017 'Authorized user not in meeting.'",
    ),
    _entry(
        4018,
        "The OBF token conflicts with the credentials already logged in.",
        (
            "The SDK is logged in (or passed a ZAK) as one user and the OBF "
            "token is another user's.",
        ),
        "Use one identity per join: either the logged-in user / ZAK or the OBF token, not both.",
        (_C.ZAK_AND_OBF_TOKEN,),
        _BOTH_WEB,
        f"{_BUNDLE}: server 13245 -> 4018 'Conflict with login credentials.' "
        "The exact condition is not documented.",
    ),
    _entry(
        4019,
        "The user who authorised the OBF token left the meeting, so the app was removed too.",
        ("The authorising user left or was removed: OBF apps must leave with their owner.",),
        "Expected behaviour: the app leaves with its user. Rejoin with a fresh OBF token "
        "only on a sign that the user is back (not in a loop: every attempt notifies the "
        "host), or authorise the app for another user who stays.",
        (),
        (_MEETING_WEB,),
        f"{_BUNDLE}: server 21 -> 4019 'authorized user leave meeting' (client "
        "view map only; the 6.2.0 component view map has no 4019).",
    ),
    _entry(
        5013,
        "The SDK refused the join parameters before contacting Zoom.",
        (
            "An empty or non-string signature / token, topic or userName.",
            "A Video SDK topic longer than 200 characters.",
            "Both zak and obfToken passed (component view).",
        ),
        "Pass the signature string itself, a session name of at most 200 "
        "characters, a userName, and only one of zak and obfToken.",
        (_C.EMPTY, _C.TOPIC_TOO_LONG, _C.ZAK_AND_OBF_TOKEN, _C.RESPONSE_OBJECT),
        (_COMPONENT_VIEW, _VIDEO_SDK),
        "component view and @zoom/videosdk 2.5.0: CLIENT_INVALID_JOIN_PARAMETER "
        "= 5013 ('Invalid apiKey/sdkKey and/or signature', 'invalid signature', "
        "'Cannot use both obfToken and zak token simultaneously').",
    ),
    _entry(
        10000,
        "This SDK version is no longer supported: upgrade.",
        (
            "Zoom's minimum-version policy: each quarter versions below the "
            "minimum stop connecting.",
        ),
        "Upgrade the SDK to a current release (npm install @zoom/meetingsdk@"
        "latest) and keep it inside Zoom's supported window.",
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 3000 with the version message -> 10000 (UPDATE) "
        "'The current sdk version is no longer supported' (client view and "
        "component view maps). Zoom's docs: minimum versions are enforced "
        "quarterly; native and Video SDK codes for it are not documented.",
    ),
)
_CLIENT_VIEW = (_MEETING_WEB,)
_LOGIN_FIX = (
    "Zoom wants a logged-in user: pass that user's ZAK as zak in join() (GET "
    "/users/{userId}/token?type=zak, right before the join), or relax the meeting's "
    "authentication setting. The signature is not the cause."
)
_MORE_TOKEN_ENTRIES: tuple[tuple[int, ErrorExplanation], ...] = (
    _entry(
        1,
        "Generic join failure (the client view's counterpart of 200): Zoom's answer matched "
        "no more specific code.",
        (
            "The signature is invalid and the server's reason text matched none of the "
            "client view's known texts.",
            "A network timeout: the client view shows 'Joining meeting timeout.' and reports "
            "errorCode 1.",
            "The meeting number is wrong or the meeting does not exist (reported as 1 by "
            "older client views).",
            "A signature the client view cannot read at all (line breaks or URL-encoding "
            "in it): it stops in the browser with 1 'Fail to join the meeting.' (seen in "
            "headless Chromium, tests/e2e).",
        ),
        "Run the signature through zoomsig check; if it is clean, check the network (the "
        "browser must reach zoom.us over WebSocket), the meeting number and the browser "
        "console for the reason Zoom sent.",
        (*_HMAC, *_TIME, _C.MEETING_NUMBER_MISMATCH, _C.LINE_BREAKS, _C.URL_ENCODED),
        _CLIENT_VIEW,
        f"{_BUNDLE}: FAIL = 1 in ZoomMtg.errorCodes, the fallback of the client view's error "
        "mapper; Zoom's web error-code page: FAIL 1 (client view only). 'Joining meeting "
        "timeout.' with errorCode 1 is from developers' reports, not the bundle.",
    ),
    _entry(
        3003,
        "You are not the meeting host.",
        ("role 1 (or a start) without the host's ZAK.", "A ZAK of a user who is not the host."),
        "Sign role 0 to attend; to start as host pass the host's ZAK as zak.",
        (_C.HOST_WITHOUT_ZAK, _C.HOST_NEEDS_ZAK, _C.ROLE_MISMATCH),
        _BOTH_WEB,
        f"{_BUNDLE}: server 3003 -> 3003 'You are not the meeting host.' (ERROR_NOT_HOST).",
    ),
    _entry(
        3051,
        "Require login: the meeting needs a Zoom login (the component view opens Zoom's "
        "login window).",
        ("The meeting or webinar only admits authenticated users, and the join has no ZAK.",),
        _LOGIN_FIX,
        (),
        (_COMPONENT_VIEW,),
        "@zoom/meetingsdk 6.2.0 component view: ZoomLoginWindow = 3051, message 'Require "
        "login' (apac.errorcodes_login_required).",
    ),
    _entry(
        3052,
        "Require login with a specific Zoom account or domain.",
        ("The meeting only admits users of certain domains, and the join has no ZAK.",),
        _LOGIN_FIX,
        (),
        (_COMPONENT_VIEW,),
        "@zoom/meetingsdk 6.2.0 component view: ZoomSpecificLoginWindow = 3052, 'Require login'.",
    ),
    _entry(
        6024,
        "Require login through the account's SSO.",
        ("The meeting only admits SSO-authenticated users, and the join has no ZAK.",),
        _LOGIN_FIX,
        (),
        (_COMPONENT_VIEW,),
        "@zoom/meetingsdk 6.2.0 component view: SsoLoginWindow = 6024, 'Require login'.",
    ),
    _entry(
        3100,
        "Require login (or: registration with a panelist's email was denied).",
        (
            "The meeting requires authentication and the join has no ZAK.",
            "Server 3032: the registrant email belongs to a panelist.",
        ),
        _LOGIN_FIX,
        (),
        _BOTH_WEB,
        f"{_BUNDLE}: server 3100 -> 3100 'Require login'; server 3032 -> 3100 'Denied "
        "register use panelist email.' (LOGIN_REQUIRED).",
    ),
    _entry(
        3610,
        "The meeting does not exist, or a token has expired (two server errors share 3610).",
        (
            "Server 124 'Token has expired.': the signature's exp passed, or the ZAK / OBF "
            "token expired before the join.",
            "Server 3001 'Meeting does not exist.': wrong meeting number, or a deleted meeting.",
        ),
        "Sign a fresh signature per join (iat = now - 30 s, exp = iat + 7200) and fetch the "
        "ZAK or OBF token right before it; check the meeting number exists.",
        (*_TIME, _C.JOIN_TOKEN_EXPIRED, _C.MEETING_NUMBER_MISMATCH),
        _BOTH_WEB,
        f"{_BUNDLE}: server 124 -> 3610 'Token has expired.' and server 3001 -> 3610 'Meeting "
        "does not exist.' (client view and component view server maps); Zoom's web "
        "error-code page: MEETING_NOT_EXIST_ALT 3610. Which token server 124 means is not "
        "documented.",
    ),
    _entry(
        3624,
        "Use the host's or an alternative host's email to start the webinar.",
        ("Starting a webinar with a ZAK of a user who is neither host nor alternative host.",),
        "Start with the ZAK of the webinar's host or alternative host.",
        _ZAK_CODES,
        _BOTH_WEB,
        f"{_BUNDLE}: server 3136 -> 3624 'Please use host/alternative email to start the webinar.'",
    ),
    _entry(
        3714,
        "The meeting number (or passcode) is wrong, as the meeting server saw it.",
        (
            "The meeting server answered 3004 (wrong passcode) and the client view reports it "
            "as 'The meeting number is wrong.'",
            "mn in the signature differs from the meeting joined.",
        ),
        "Check passWord first, then that mn equals the meetingNumber passed to join().",
        (_C.MEETING_NUMBER_MISMATCH, _C.MEETING_NUMBER_INVALID),
        _CLIENT_VIEW,
        f"{_BUNDLE}: client view conference map: server 3004 -> 3714 'The meeting number is "
        "wrong.' (the component view reports the same server error as 3004 'incorrect "
        "passcode').",
    ),
)


def _other(row: tuple[int, str, str, tuple[str, ...]]) -> tuple[int, ErrorExplanation]:
    code, meaning, fix, products = row
    only_video = products == (_VIDEO_SDK,)
    bundle = _error_table.VIDEO_SDK_BUNDLE if only_video else _error_table.BUNDLE
    source = f"{bundle} error maps ({', '.join(products)})"
    return _entry(code, meaning, (_error_table.NOT_YOURS,), fix, (), products, source)


_NATIVE_TOKEN: Mapping[str, tuple[str, tuple[FindingCode, ...]]] = MappingProxyType(
    {
        "AUTHRET_KEYORSECRETEMPTY": ("Pass the Client ID and the JWT to SDKAuth.", (_C.EMPTY,)),
        "AUTHRET_KEYORSECRETWRONG": (
            "The key does not belong to a Meeting SDK app, or the JWT was signed with another "
            "secret: sign with the Meeting SDK app's Client ID and secret.",
            (*_HMAC, _C.SDK_KEY_MISMATCH, _C.APP_KEY_MISSING),
        ),
        "AUTHRET_JWTTOKENWRONG": (
            "The JWT passed to SDKAuth is wrong: check it with zoomsig check (a native token "
            "has no mn or role; appKey, iat, exp, tokenExp; iat in seconds, UTC).",
            (*_HMAC, *_TIME, _C.APP_KEY_MISSING),
        ),
        "AUTHRET_ACCOUNTNOTENABLESDK": (
            "Enable the Meeting SDK for the app / account on the Marketplace.",
            (),
        ),
        "MEETING_FAIL_CANNOT_START_TOKENEXPIRE": (
            "The ZAK (userZAK) has expired: fetch a fresh one right before starting.",
            _ZAK_CODES,
        ),
        "MEETING_FAIL_UNABLE_TO_JOIN_EXTERNAL_MEETING": (
            "The app is not published (not reviewed by Zoom) and may join only its own "
            "account's meetings; since 2 March 2026 external joins also need an OBF token "
            "(onBehalfToken) or a ZAK.",
            (),
        ),
        "MEETING_FAIL_APP_PRIVILEGE_TOKEN_ERROR": (
            "The app privilege / OBF token was refused: " + _OBF_FIX,
            (_C.JOIN_TOKEN_NOT_ZOOM_ISSUED, _C.JOIN_TOKEN_WRONG_KIND, _C.JOIN_TOKEN_EXPIRED),
        ),
        "MEETING_FAIL_AUTHORIZED_USER_NOT_INMEETING": (
            "The user who authorised the OBF token is not in the meeting yet. The SDK may "
            "then report the meeting as ended (MEETING_STATUS_ENDED): that is this failure, "
            "not the end of the meeting. " + _OBF_RETRY_POLICY,
            (),
        ),
        "MEETING_FAIL_ON_BEHALF_TOKEN_CONFLICT_LOGIN_ERROR": (
            "The SDK is logged in (or has a ZAK) as another user than the OBF token's: use one "
            "identity per join.",
            (_C.ZAK_AND_OBF_TOKEN,),
        ),
        "SDKERR_UNAUTHENTICATION": (
            "The call came before SDKAuth succeeded: call SDKAuth with the JWT and join only "
            "after onAuthenticationReturn reports AUTHRET_SUCCESS. If it reported another "
            "AuthResult, the JWT is the cause: check it with zoomsig check (appKey, iat, exp, "
            "tokenExp; signed with the Meeting SDK app's secret).",
            (*_HMAC, *_TIME, _C.APP_KEY_MISSING),
        ),
        "SDKERR_INVALID_PARAMETER": (
            "A parameter of the call is wrong. On SDKAuth: the JWT is empty, or carries quotes, "
            "a line break or spaces from where it was read (pass the bare token string). On "
            "Join: the meeting number, the display name or the token fields (userZAK, "
            "onBehalfToken).",
            (_C.EMPTY, _C.MALFORMED, _C.QUOTED, _C.LINE_BREAKS),
        ),
        "SDKERR_NO_PERMISSION": (
            "The app, the user or the meeting lacks a permission the call needs: raw recording "
            "needs the host's recording permission or a local-recording join token "
            "(GET /meetings/{meetingId}/jointoken/local_recording); check the app's scopes and "
            "Marketplace status, and the meeting's account settings.",
            (),
        ),
    }
)


def _native(enum: str, name: str, code: int, message: str) -> ErrorExplanation:
    fix, findings = _NATIVE_TOKEN.get(name, ("", ()))
    causes = (message,) if fix else (_error_table.NOT_YOURS,)
    source = _error_table.SDK_ERROR_SOURCE if enum == "SDKError" else _error_table.NATIVE_SOURCE
    return ErrorExplanation(
        code,
        message or name,
        causes,
        fix or "Read Zoom's native error-code page for your platform; the JWT is not the cause.",
        findings,
        products=("Meeting SDK native (Windows, macOS, Linux)",),
        source=source.format(enum=enum, name=name, code=code),
        platform="native",
        name=name,
        messages=(message,) if message else (),
    )


def _normal(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _web(code: int, entry: ErrorExplanation) -> ErrorExplanation:
    messages = (
        *_error_table.WEB_MESSAGES.get(code, ()),
        *_error_table.EXTRA_MESSAGES.get(code, ()),
    )
    name = _error_table.WEB_NAMES.get(code, "")
    entry = replace(entry, name=name, messages=messages)
    return _with_video_sdk(code, entry) if code in _error_table.VIDEO_SDK_JOIN else entry


def _with_video_sdk(code: int, entry: ErrorExplanation) -> ErrorExplanation:
    """``entry`` with what the Video SDK's client.join() rejects ``code`` with."""
    vsdk_name, reasons = _error_table.VIDEO_SDK_JOIN[code]
    known = {_normal(m) for m in entry.messages}
    products = entry.products if _VIDEO_SDK in entry.products else (*entry.products, _VIDEO_SDK)
    source = entry.source
    if _error_table.VIDEO_SDK_BUNDLE not in source:
        label = f"{vsdk_name} = {code}" if vsdk_name else f"errorCode {code}"
        source += f"; {_error_table.VIDEO_SDK_BUNDLE} client.join(): {label}"
    return replace(
        entry,
        name=entry.name or vsdk_name,
        messages=(*entry.messages, *(r for r in reasons if _normal(r) not in known)),
        products=products,
        source=source,
    )


def _build() -> tuple[ErrorExplanation, ...]:
    web = dict([*_TOKEN_ENTRIES, *_MORE_TOKEN_ENTRIES])
    for row in _error_table.WEB_OTHER:
        web.setdefault(*_other(row))
    natives = [
        _native(enum, name, code, message)
        for enum, rows in _error_table.NATIVE.items()
        for name, code, message in rows
    ]
    return (*(_web(code, web[code]) for code in sorted(web)), *natives)


ERROR_TABLE: tuple[ErrorExplanation, ...] = _build()
"""Every error code zoomsig explains, web and native, each with its platform (one table)."""

ERROR_CODES: Mapping[int, ErrorExplanation] = MappingProxyType(
    {entry.code: entry for entry in ERROR_TABLE if entry.platform == "web"}
)
"""The web join error codes zoomsig explains, by code (read-only): :data:`ERROR_TABLE`'s
web rows."""

PLATFORMS = ("web", "native")


def find_errors(
    query: Union[int, str], *, platform: Optional[str] = None
) -> tuple[ErrorExplanation, ...]:
    """Every entry of :data:`ERROR_TABLE` that ``query`` names: a code, a name, or a message.

    Args:
        query: A code (``3712``, ``"63"``), Zoom's symbolic name (``"AUTHRET_JWTTOKENWRONG"``,
            ``"SDKERR_UNAUTHENTICATION"``, case-insensitive) or Zoom's message text
            (``"Signature is invalid"``, the Video SDK's ``"Verify JWT failed"``; case,
            spaces and punctuation are ignored).
        platform: ``"web"``, ``"native"`` or ``None`` (both).

    Returns:
        The matching entries in :data:`ERROR_TABLE` order: web codes by number, then the
        native ones by enum (``AuthResult``, ``MeetingFailCode``, ``SDKError``) in header
        order; empty when none matches. A native number names one value of each enum that
        has it (8 is ``AUTHRET_OVERTIME``, ``MEETING_FAIL_MEETING_NOT_EXIST`` and
        ``SDKERR_UNAUTHENTICATION``): all of them are returned. A name is unique.

    Raises:
        InvalidParameterError: ``platform`` is not one of those, or ``query`` is neither an
            int nor a string, or a number too long to be a Zoom code.

    >>> [(e.platform, e.code) for e in find_errors("Token error")]
    [('web', 3265), ('web', 3623)]
    >>> [e.name for e in find_errors(8, platform="native")]
    ['AUTHRET_OVERTIME', 'MEETING_FAIL_MEETING_NOT_EXIST', 'SDKERR_UNAUTHENTICATION']
    """
    if platform is not None and platform not in PLATFORMS:
        raise InvalidParameterError(
            "platform", f"expected one of {', '.join(PLATFORMS)}, got {describe(platform)}"
        )
    rows = [e for e in ERROR_TABLE if platform is None or e.platform == platform]
    if isinstance(query, str) and not _is_digits(query):
        return _by_text(query, rows)
    number = _number(query)
    return tuple(e for e in rows if e.code == number)


def _is_digits(text: str) -> bool:
    stripped = text.strip()
    return stripped.isascii() and stripped.isdigit()


def _by_text(text: str, rows: list[ErrorExplanation]) -> tuple[ErrorExplanation, ...]:
    wanted = _normal(text)
    if not wanted:
        raise InvalidParameterError(
            "code", f"expected a code, a name or a message, got {describe(text)}"
        )
    return tuple(
        e
        for e in rows
        if wanted in {_normal(m) for m in e.messages}
        or (e.name and wanted == _normal(e.name.split(" (")[0]))
    )


def explain_error(code: Union[int, str], *, platform: str = "web") -> ErrorExplanation:
    """Explain a Zoom join error code, by number, by Zoom's name for it, or by its message.

    Args:
        code: The code as an ``int`` or a string of digits (``"3712"``; surrounding
            whitespace is ignored), Zoom's name (``"AUTHRET_JWTTOKENWRONG"``) or Zoom's
            message (``"Signature is invalid"``).
        platform: ``"web"`` (the default: Meeting SDK and Video SDK for the web) or
            ``"native"`` (Windows, macOS, Linux: ``AuthResult`` / ``MeetingFailCode`` /
            ``SDKError``). A name or a message is looked up on every platform when the
            given one has none.

    Returns:
        The :class:`ErrorExplanation`; the first of :func:`find_errors` when several match:
        a native number is read as an ``AuthResult`` first, then a ``MeetingFailCode``,
        then an ``SDKError`` (``explain_error(8, platform="native")`` is
        ``AUTHRET_OVERTIME``; ask by name, ``explain_error("SDKERR_UNAUTHENTICATION")``, or
        list them all with :func:`find_errors`). For a code zoomsig has no entry for, one
        with ``known=False`` that says so (never an exception).

    Raises:
        InvalidParameterError: ``code`` is not an integer or a string (``True``,
            ``37.12``), or ``platform`` is not ``"web"`` or ``"native"``.

    >>> from zoomsig import explain_error
    >>> explain_error("3712").meaning
    'Signature is invalid.'
    >>> explain_error(63, platform="native").name
    'MEETING_FAIL_UNABLE_TO_JOIN_EXTERNAL_MEETING'
    >>> explain_error("SDKERR_UNAUTHENTICATION").code
    8
    >>> explain_error("Verify JWT failed").code
    200
    >>> explain_error("Joining meeting timeout.").code
    1
    >>> explain_error(1234).known
    False
    """
    found = find_errors(code, platform=platform)
    if not found and isinstance(code, str) and not _is_digits(code):
        found = find_errors(code)
    if found:
        return found[0]
    return _unknown(code, platform)


def _unknown(code: Union[int, str], platform: str) -> ErrorExplanation:
    number = _number(code) if not isinstance(code, str) or _is_digits(code) else 0
    what = f"error code {number}" if number or not isinstance(code, str) else "that name or message"
    return ErrorExplanation(
        number,
        f"zoomsig has no entry for {what} ({platform}): it is not one the Zoom SDKs' error "
        "maps and headers list, as far as zoomsig knows.",
        (),
        "Look the code up in Zoom's error-code pages for your SDK, and check the console or "
        "log for the reason text Zoom sent with it.",
        (),
        known=False,
        platform=platform,
    )


def _number(code: object) -> int:
    if isinstance(code, bool) or not isinstance(code, (int, str)):
        raise InvalidParameterError(
            "code", f"expected an int or a string of digits, got {type(code).__name__}"
        )
    text = code.strip() if isinstance(code, str) else ""
    if isinstance(code, str) and not (text.isascii() and text.isdigit()):
        # describe(): never more than 7 characters of the argument (it may be a secret).
        raise InvalidParameterError("code", f"expected digits such as '3712', got {describe(code)}")
    digits = int_digits(code) if isinstance(code, int) else len(text.lstrip("0"))
    if digits > MAX_SHOWN_DIGITS:
        # No Zoom error code comes near; int() and str() of such a number would raise.
        raise InvalidParameterError("code", f"expected a Zoom error code, got {describe(code)}")
    return code if isinstance(code, int) else int(text)
