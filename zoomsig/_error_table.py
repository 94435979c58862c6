# ruff: noqa: E501 - Zoom's messages are kept whole, as the SDKs show them
"""The facts behind :mod:`zoomsig.errors_explained`: Zoom's own messages and names per code.

Pure data, loaded only when the error table is (``zoomsig explain`` or ``explain_error``).
Web codes and messages are read out of the ``@zoom/meetingsdk`` 6.2.0 npm bundles (client
view ``zoom-meeting-6.2.0.min.js``, component view ``zoomus-websdk-embedded.umd.min.js``, their
en-US strings); native codes out of the Meeting SDK C++ headers (``auth_service_interface.h``
``AuthResult``, ``meeting_service_interface.h`` ``MeetingFailCode``, ``zoom_sdk_def.h``
``SDKError``); the Video SDK's join errors out of the ``@zoom/videosdk`` 2.5.0 npm bundle
(``dist/index.esm.js``). The extracted facts are committed as
``tests/vectors/meetingsdk_6.2.0_error_map.json``, ``tests/vectors/native_sdk_error_codes.json``
and ``tests/vectors/videosdk_2.5.0_error_map.json``; the tests compare this module with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

BUNDLE = "@zoom/meetingsdk 6.2.0"
CLIENT = "Meeting SDK Web (client view)"
COMPONENT = "Meeting SDK Web (component view)"
NATIVE_SOURCE = (
    "Meeting SDK C++ headers (Windows, macOS, Linux 6.x): {enum} {name} = {code}; Zoom's "
    "Linux error-code page. Android and iOS number their codes differently."
)
SDK_ERROR_SOURCE = (
    "Meeting SDK C++ header zoom_sdk_def.h (Windows, macOS, Linux 6.x): SDKError {name} = "
    "{code}, the value a call such as SDKAuth() or Join() returns at once (its AuthResult "
    "or MeetingFailCode comes later, in a callback). Values 0-31 as in Zoom's "
    "zoom/meetingsdk-win-raw-recording-sample x86/h/zoom_sdk_def.h, 32-36 as in the 6.x "
    "header."
)
VIDEO_SDK = "Video SDK Web"
VIDEO_SDK_BUNDLE = "@zoom/videosdk 2.5.0"

# Zoom's messages for each web code: the en-US strings the 6.2.0 bundles attach to it (and,
# for 1, what the client view shows with it).
WEB_MESSAGES: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {
        0: ("Successfully joined the meeting.",),
        1: (
            "Fail to join the meeting.",
            "joining fail",
            "Joining meeting timeout.",
            "Your connection has timed out and you cannot join the meeting. Verify your network connectivity and try again.",
        ),
        2: ("Meeting not initialized.",),
        403: ("The service is temporarily offline.",),
        3000: ("Already has other meetings in progress.",),
        3001: ("Meeting does not exist.",),
        3003: ("You are not the meeting host.",),
        3004: ("Meeting Passcode wrong.", "incorrect passcode"),
        3005: ("User email is required.", "Email is missing to attend webinar."),
        3008: ("Meeting has not started",),
        3009: ("Be removed.", "user has been removed"),
        3032: ("Denied register use panelist email.",),
        3082: ("Require login",),
        3099: ("This meeting requires registration.",),
        3100: ("Require login", "Denied register use panelist email."),
        3116: ("Dont' support sign in webinar",),
        3135: ("require tk parameter to join as a panelist",),
        3265: ("Token error",),
        3603: ("Not support start or join meeting from web.",),
        3604: (
            "The current sdk version doesn't support webinar, please upgrade to the latest version.",
        ),
        3606: ("Not support registration webinar",),
        3608: (
            "Not support start or join meeting from web, when you chose TSP as his audio in a meeting.",
        ),
        3609: ("Not allow to start webinar from web.",),
        3610: ("Meeting does not exist.", "Token has expired."),
        3611: (
            "Unable join from browser, please join using the Zoom desktop client or mobile app.",
        ),
        3620: ("Email is blocked by Administrator.",),
        3621: (
            "No response from web, try again later.",
            "Could not get a response from the web server.",
        ),
        3622: ("Could not connect to Web Server error.",),
        3623: ("Token error",),
        3624: ("Please use host/alternative email to start the webinar.",),
        3625: ("Meeting host is inactive.",),
        3627: ("Host email as attendee",),
        3633: ("You have reached the API limit for this call.",),
        3634: ("You be limit by zoom, need to check recaptcha.",),
        3635: ("Download wasm files error, please check your network and firewall.",),
        3701: ("Not support webinar and personal audio conference",),
        3702: ("The meeting host does not exist.",),
        3703: ("Invalid meeting ID.",),
        3704: ("The accounts API Key is not valid.",),
        3705: ("The signature has expired.",),
        3706: ("The meeting number is wrong.",),
        3707: ("The meeting number is not found.",),
        3708: ("Incorrect role.",),
        3709: ("The meeting host is not found.",),
        3710: ("The accounts API Key is deactivated.",),
        3711: ("Cannot not host another meeting concurrently.",),
        3712: ("Signature is invalid.",),
        3713: ("No permission.",),
        3714: ("The meeting number is wrong.",),
        3715: (
            "Assistant join meeting been disabled",
            "You cannot control the meeting because another assistant is controlling this meeting.",
        ),
        4000: ("Meeting is reconnecting.",),
        4001: ("Meeting has been disconnected.",),
        4003: ("Invalid parameter",),
        4004: ("The meeting has been ended", "meeting ended"),
        4005: ("Meeting capacity has been reached", "meeting is at capacity"),
        4006: ("Unable to join this meeting", "meeting locked"),
        4007: ("Reject for information barriers",),
        4008: ("Participant exist",),
        4009: ("The server encountered an internal error and was unable to process your request.",),
        4011: (
            "To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace. You can refer to Section 6.1 of Zoom's API License Terms of Use",
            "cross account join error",
        ),
        4012: (
            "This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.",
            "anonymous join error",
        ),
        4013: (
            "This join flow is not supported, please join the meeting with a Zoom Client or contact your meeting host or vendor.",
            "no obfToken",
        ),
        4014: (
            "The OBF token is invalid. Please check the OBF token and try again.",
            "obfToken is invalid",
        ),
        4015: (
            "The meeting number associated with the provided OBF token does not match the current meeting.",
            "obfToken does not match the meeting number",
        ),
        4016: ("The Privilege token is invalid.", "recording token expired"),
        4017: ("Authorized user not in meeting.", "authorized user not in meeting"),
        4018: ("Conflict with login credentials.", "conflict with login credentials"),
        4019: ("The authorized user has left the meeting.",),
        6603: ("Join failed because this Meeting SDK key is blocked by the host's account admin.",),
        10000: (
            "The current sdk version is no longer supported, please upgrade to the latest version.",
            "Your app version needs to be {0} or higher to join this meeting. Please update to continue.",
        ),
        13208: ("You cannot join this webinar now because it is ended.",),
    }
)
EXTRA_MESSAGES: Mapping[int, tuple[str, ...]] = MappingProxyType(
    {
        3010: ("Role type is missing.",),
        3636: ("Token error: obfToken and zak cannot be used simultaneously",),
        5013: ("Invalid apiKey/sdkKey and/or signature", "invalid signature"),
    }
)

# Names: the client view's ZoomMtg.errorCodes, else the component view's enum, else Zoom's
# web error-code page.
WEB_NAMES: Mapping[int, str] = MappingProxyType(
    {
        0: "SUCCESS",
        1: "FAIL",
        2: "MEETING_NOT_INIT",
        3: "NOT_SUPPORT",
        200: "FAIL (CommonError)",
        403: "SERVICE_OFFLINE",
        3000: "ANOTHER_MEETING_RUNNING",
        3001: "ERROR_NOT_EXIST",
        3003: "ERROR_NOT_HOST",
        3004: "WRONG_MEETING_PASSWORD",
        3005: "EMAIL_REQUIRED",
        3008: "MEETING_NOT_START",
        3009: "BE_REMOVED",
        3010: "RoleTypeMissing",
        3032: "DENIED_REGISTER_WITH_PANELIST",
        3034: "ERROR_WEBINAR_ENFORCE_LOGIN",
        3051: "ZoomLoginWindow",
        3052: "ZoomSpecificLoginWindow",
        3082: "NEED_REAL_NAME",
        3099: "REGISTER_REQUIRED",
        3100: "LOGIN_REQUIRED",
        3135: "ERROR_PANELIST_NEED_TK",
        3265: "TOKEN_ERROR",
        3610: "MEETING_NOT_EXIST_ALT",
        3621: "RWC_EMPTY",
        3622: "RWC_ERROR",
        3623: "TOKEN_ERROR_ALT",
        3633: "FREQUENT_CALL",
        3634: "FREQUENT_JOIN",
        3635: "WASM_FAIL",
        3636: "OBF_ERROR",
        4000: "RE_CONNECTING",
        4001: "DISCONNECT",
        4003: "INVALID_PARAMETER",
        6024: "SsoLoginWindow",
        10000: "UPDATE",
    }
)

# The Video SDK's join errors: errorCode -> (its name in the errorCode enum, the reason texts
# client.join() rejects with). An empty tuple: the SDK sends an i18n key, not a text.
VIDEO_SDK_JOIN: Mapping[int, tuple[str, tuple[str, ...]]] = MappingProxyType(
    {
        200: (
            "SESSION_FETCH_INFO_ERROR",
            (
                "connection error",
                "This account does not exist or does not belong to you",
                "Topic is invalid",
                "The token has expired, is over 2 days old, or is ineffective.",
                "Verify JWT failed",
            ),
        ),
        3000: ("SESSION_IN_ANOTHER_SESSION", ()),
        3004: ("SESSION_INCORRECT_PASSCODE", ("incorrect passcode", "Incorrect passcode.")),
        3008: ("SESSION_NOT_STARTED", ()),
        3009: ("SESSION_USER_REMOVED", ("user has been removed",)),
        3010: ("SESSION_ROLE_TYPE_ERROR", ("Role type error",)),
        3620: ("SESSION_WEBINAR_USER_REMOVED", ()),
        3621: ("", ()),
        3625: ("", ()),
        3627: ("", ()),
        4003: ("SESSION_INVALID_PARAMETER", ("Invalid parameter",)),
        4004: ("SESSION_ENDED", ("meeting ended",)),
        4005: ("", ("meeting is at capacity",)),
        4006: ("SESSION_LOCKED", ("meeting locked",)),
        4007: ("SESSION_IB_BLOCKED", ("reject for information barriers",)),
        4008: ("SESSION_PARTICIPANT_EXIST", ("participant exist",)),
        4011: ("", ("cross account join error",)),
        4012: ("", ("anonymous join error",)),
        4013: ("", ("no obfToken",)),
        4014: ("", ("obfToken is invalid",)),
        4015: ("", ("obfToken does not match the meeting number",)),
        4016: ("", ("recording token expired",)),
        4017: ("", ("authorized user not in meeting",)),
        4018: ("", ("conflict with login credentials",)),
        5012: ("CLIENT_DUPLICATED_JOIN", ("duplicated operation",)),
        5013: (
            "CLIENT_INVALID_JOIN_PARAMETER",
            (
                "Topic, token and userName must be string and required",
                "The maximum length of topic is 200",
                "The maximum length of password is 10",
                "invalid  signature",
            ),
        ),
    }
)

NOT_YOURS = (
    "This is not your signature: Zoom accepted the signature and refused the join for "
    "another reason."
)

# Web codes no signature, ZAK or OBF token causes: (code, meaning, fix, views).
_BOTH = (CLIENT, COMPONENT)
_CV = (CLIENT,)
_COMP = (COMPONENT,)
WEB_OTHER: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (0, "Success: the call worked.", "Nothing to fix.", _CV),
    (
        2,
        "The client view was not initialised before join().",
        "Call ZoomMtg.init() and join() in its success callback.",
        _CV,
    ),
    (3, "The feature is not supported here.", "Check the SDK version and the browser.", _CV),
    (
        403,
        "Zoom's service is temporarily offline (or answered 403/404).",
        "Retry later; check status.zoom.us and that the browser reaches zoom.us.",
        _BOTH,
    ),
    (
        3000,
        "Another meeting is already in progress for this user (or a meeting-start error "
        "whose reason text matched no other code).",
        "Leave the other meeting first.",
        _BOTH,
    ),
    (
        3001,
        "The meeting does not exist.",
        "Check the meeting number with GET /meetings/{meetingId}.",
        _BOTH,
    ),
    (
        3004,
        "The meeting passcode is wrong.",
        "Pass the meeting's passcode as passWord "
        "(password on the component view); it is not part of the signature.",
        _BOTH,
    ),
    (3005, "An email address is required (webinars).", "Pass userEmail in join().", _BOTH),
    (
        3008,
        "The meeting has not started.",
        "Join once the host has started it, or allow join before host.",
        _BOTH,
    ),
    (
        3009,
        "The user was removed from the meeting.",
        "The host removed this user; they cannot rejoin unless the host allows it.",
        _BOTH,
    ),
    (
        3032,
        "Registration with a panelist's email was denied.",
        "Register with another email, or join as the panelist with the panelist's tk.",
        _BOTH,
    ),
    (
        3034,
        "The webinar requires attendees to log in.",
        "Join with the user's ZAK (zak), or turn off the login requirement.",
        _BOTH,
    ),
    (
        3082,
        "The meeting requires the user's real name or a login.",
        "Pass a full userName and, if the meeting requires authentication, the user's ZAK.",
        _BOTH,
    ),
    (
        3099,
        "The meeting requires registration.",
        "Register the user (POST "
        "/meetings/{meetingId}/registrants) and pass the registrant's tk in join().",
        _BOTH,
    ),
    (
        3116,
        "Signing in is not supported for webinars here.",
        "Join the webinar without logging in.",
        _CV,
    ),
    (
        3135,
        "Joining as a panelist needs the panelist's tk.",
        "Pass the panelist's tk in join().",
        _CV,
    ),
    (
        3603,
        "Starting or joining from the web is not supported for this meeting.",
        "Check the account's 'join from browser' setting.",
        _BOTH,
    ),
    (3604, "This SDK version does not support webinars.", "Upgrade the SDK.", _BOTH),
    (
        3606,
        "Registration webinars are not supported here.",
        "Join with the registrant's tk, or use the Zoom client.",
        _BOTH,
    ),
    (
        3608,
        "Web joins are not supported when the meeting uses TSP audio.",
        "Use the Zoom client, or a meeting without TSP audio.",
        _BOTH,
    ),
    (
        3609,
        "Starting a webinar from the web is not allowed.",
        "Start it from the Zoom client.",
        _BOTH,
    ),
    (
        3611,
        "This meeting cannot be joined from a browser.",
        "Join with the Zoom desktop or mobile client.",
        _BOTH,
    ),
    (
        3620,
        "The email is blocked by the account's administrator.",
        "Use another email or ask the admin.",
        _BOTH,
    ),
    (
        3621,
        "No response from Zoom's web server.",
        "Retry later; check the network and proxies.",
        _BOTH,
    ),
    (
        3622,
        "Could not connect to Zoom's web server.",
        "Check the network, proxies and firewall.",
        _BOTH,
    ),
    (3625, "The meeting host is inactive.", "The host's account must be activated.", _BOTH),
    (
        3627,
        "The host's email was used to join as an attendee.",
        "Join with another email, or start as the host with the host's ZAK.",
        _COMP,
    ),
    (3630, "Simulive webinars are not supported.", "Use the Zoom client.", _BOTH),
    (3633, "The API call limit was reached.", "Call less often; back off and retry.", _BOTH),
    (
        3634,
        "Zoom rate-limited the joins and wants a reCAPTCHA.",
        "Join less often from this address.",
        _BOTH,
    ),
    (
        3635,
        "The WebAssembly files failed to download.",
        "Check the network, the firewall and where the SDK's assets are served from.",
        _BOTH,
    ),
    (
        3701,
        "Webinars and personal audio conferences are not supported here.",
        "Use the Zoom client.",
        _BOTH,
    ),
    (3702, "The meeting host does not exist.", "Check the meeting and its host.", _BOTH),
    (3703, "The meeting ID is invalid.", "Pass the digits-only meeting number.", _BOTH),
    (
        3715,
        "Assistant join is disabled, or another assistant controls the meeting.",
        "Ask the host; only one assistant can control the meeting.",
        _CV,
    ),
    (4000, "The meeting is reconnecting.", "Wait; the SDK reconnects by itself.", _BOTH),
    (4001, "The meeting was disconnected.", "Rejoin; check the network.", _BOTH),
    (4004, "The meeting has ended.", "Nothing to fix in the app.", _BOTH),
    (4005, "The meeting is at capacity.", "Join later or raise the meeting's capacity.", _BOTH),
    (4006, "The meeting is locked.", "Ask the host to unlock it.", _BOTH),
    (
        4007,
        "Refused by information barriers.",
        "An admin policy forbids this user joining this meeting.",
        _BOTH,
    ),
    (
        4008,
        "The participant already exists in the meeting.",
        "Leave the other session first, or join with another identity.",
        _BOTH,
    ),
    (4009, "Zoom's server had an internal error.", "Retry later.", _CV),
    (
        6603,
        "This Meeting SDK key is blocked by the host's account admin.",
        "The host account's admin must allow the app (same as native MeetingFailCode 64).",
        _CV,
    ),
    (13208, "The simulive webinar has ended.", "Nothing to fix in the app.", _CV),
    (
        5012,
        "join() was called again while the session is joined or joining.",
        "Call client.join() once; leave() before joining again.",
        (VIDEO_SDK,),
    ),
)

# Native (C++ SDK) codes: enum -> (name, value, Zoom's comment in the header).
NATIVE: Mapping[str, tuple[tuple[str, int, str], ...]] = MappingProxyType(
    {
        "AuthResult": (
            ("AUTHRET_SUCCESS", 0, "Authentication is successful."),
            ("AUTHRET_KEYORSECRETEMPTY", 1, "The key or secret to authenticate is empty."),
            ("AUTHRET_KEYORSECRETWRONG", 2, "The key or secret to authenticate is wrong."),
            ("AUTHRET_ACCOUNTNOTSUPPORT", 3, "The user account does not support."),
            ("AUTHRET_ACCOUNTNOTENABLESDK", 4, "The user account is not enabled for SDK."),
            ("AUTHRET_UNKNOWN", 5, "Unknown error."),
            ("AUTHRET_SERVICE_BUSY", 6, "Service is busy."),
            ("AUTHRET_NONE", 7, "Initial status."),
            ("AUTHRET_OVERTIME", 8, "Time out."),
            ("AUTHRET_NETWORKISSUE", 9, "Network issues."),
            ("AUTHRET_CLIENT_INCOMPATIBLE", 10, "Account does not support this SDK version."),
            ("AUTHRET_JWTTOKENWRONG", 11, "The jwt token to authenticate is wrong."),
            ("AUTHRET_LIMIT_EXCEEDED_EXCEPTION", 12, "The authentication rate limit is exceeded."),
        ),
        "MeetingFailCode": (
            ("MEETING_SUCCESS", 0, "Start meeting successfully."),
            (
                "MEETING_FAIL_CONNECTION_ERR",
                1,
                "The connection with the backend service has errors.",
            ),
            ("MEETING_FAIL_RECONNECT_ERR", 2, "Reconnect error."),
            ("MEETING_FAIL_MMR_ERR", 3, "Multi-media Router error."),
            ("MEETING_FAIL_PASSWORD_ERR", 4, "Password is wrong."),
            ("MEETING_FAIL_SESSION_ERR", 5, "Session error."),
            ("MEETING_FAIL_MEETING_OVER", 6, "Meeting is over."),
            ("MEETING_FAIL_MEETING_NOT_START", 7, "Meeting has not begun."),
            ("MEETING_FAIL_MEETING_NOT_EXIST", 8, "Meeting does not exist."),
            ("MEETING_FAIL_MEETING_USER_FULL", 9, "The capacity of meeting is full."),
            ("MEETING_FAIL_CLIENT_INCOMPATIBLE", 10, "The client is incompatible."),
            ("MEETING_FAIL_NO_MMR", 11, "The Multi-media router is not founded."),
            ("MEETING_FAIL_CONFLOCKED", 12, "The meeting is locked."),
            (
                "MEETING_FAIL_MEETING_RESTRICTED",
                13,
                "The meeting is failed because of the restriction by the same account.",
            ),
            (
                "MEETING_FAIL_MEETING_RESTRICTED_JBH",
                14,
                "The meeting is restricted by the same account while the attendee is allowed to join before the host.",
            ),
            ("MEETING_FAIL_CANNOT_EMIT_WEBREQUEST", 15, "Unable to send web request."),
            ("MEETING_FAIL_CANNOT_START_TOKENEXPIRE", 16, "The token is expired."),
            ("SESSION_VIDEO_ERR", 17, "Video hardware or software error."),
            ("SESSION_AUDIO_AUTOSTARTERR", 18, "Audio autostart error."),
            (
                "MEETING_FAIL_REGISTERWEBINAR_FULL",
                19,
                "The number of webinar registered has reached the upper limit.",
            ),
            (
                "MEETING_FAIL_REGISTERWEBINAR_HOSTREGISTER",
                20,
                "Register webinar with the role of webinar host.",
            ),
            (
                "MEETING_FAIL_REGISTERWEBINAR_PANELISTREGISTER",
                21,
                "Register webinar with the role of panelist member.",
            ),
            (
                "MEETING_FAIL_REGISTERWEBINAR_DENIED_EMAIL",
                22,
                "Register webinar with the denied email.",
            ),
            ("MEETING_FAIL_ENFORCE_LOGIN", 23, "Webinar request to login."),
            ("CONF_FAIL_ZC_CERTIFICATE_CHANGED", 24, "Invalid for Windows SDK."),
            ("CONF_FAIL_VANITY_NOT_EXIST", 27, "Vanity conference ID does not exist."),
            ("CONF_FAIL_JOIN_WEBINAR_WITHSAMEEMAIL", 28, "Join webinar with the same email."),
            (
                "CONF_FAIL_DISALLOW_HOST_MEETING",
                29,
                "Meeting settings is not allowed to start a meeting.",
            ),
            ("MEETING_FAIL_WRITE_CONFIG_FILE", 50, "Disabled to write the configure file."),
            (
                "MEETING_FAIL_FORBID_TO_JOIN_INTERNAL_MEETING",
                60,
                "Forbidden to join the internal meeting.",
            ),
            ("CONF_FAIL_REMOVED_BY_HOST", 61, "Removed by the host."),
            ("MEETING_FAIL_HOST_DISALLOW_OUTSIDE_USER_JOIN", 62, "Forbidden to join meeting"),
            (
                "MEETING_FAIL_UNABLE_TO_JOIN_EXTERNAL_MEETING",
                63,
                "To join a meeting hosted by an external Zoom account, your SDK app has to be published on Zoom Marketplace.",
            ),
            (
                "MEETING_FAIL_BLOCKED_BY_ACCOUNT_ADMIN",
                64,
                "Join failed because this Meeting SDK key is blocked by the host's account admin.",
            ),
            (
                "MEETING_FAIL_NEED_SIGN_IN_FOR_PRIVATE_MEETING",
                82,
                "Need sign in using the same account as the meeting organizer.",
            ),
            (
                "MEETING_FAIL_NEED_CONFIRM_PLINK",
                88,
                "Join meeting param vanityID is duplicated and needs to be confirmed.",
            ),
            (
                "MEETING_FAIL_NEED_INPUT_PLINK",
                89,
                "Join meeting param vanityID does not exist in the current account.",
            ),
            ("MEETING_FAIL_APP_PRIVILEGE_TOKEN_ERROR", 500, "App join token error."),
            ("MEETING_FAIL_AUTHORIZED_USER_NOT_INMEETING", 501, "Authorized user not in meeting."),
            (
                "MEETING_FAIL_ON_BEHALF_TOKEN_CONFLICT_LOGIN_ERROR",
                502,
                "On-behalf token error: conflict with login credentials.",
            ),
            ("MEETING_FAIL_JMAK_USER_EMAIL_NOT_MATCH", 1143, "Jmak user email not match"),
            ("MEETING_FAIL_UNKNOWN", 65535, ""),
        ),
        "SDKError": (
            ("SDKERR_SUCCESS", 0, "Success."),
            ("SDKERR_NO_IMPL", 1, "This feature is currently invalid."),
            ("SDKERR_WRONG_USAGE", 2, "Incorrect usage of the feature."),
            ("SDKERR_INVALID_PARAMETER", 3, "Wrong parameter."),
            ("SDKERR_MODULE_LOAD_FAILED", 4, "Loading module failed."),
            ("SDKERR_MEMORY_FAILED", 5, "No memory is allocated."),
            ("SDKERR_SERVICE_FAILED", 6, "Internal service error."),
            ("SDKERR_UNINITIALIZE", 7, "Not initialized before the usage."),
            ("SDKERR_UNAUTHENTICATION", 8, "Not authorized before the usage."),
            ("SDKERR_NORECORDINGINPROCESS", 9, "No recording in process."),
            ("SDKERR_TRANSCODER_NOFOUND", 10, "Transcoder module is not found."),
            ("SDKERR_VIDEO_NOTREADY", 11, "The video service is not ready."),
            ("SDKERR_NO_PERMISSION", 12, "No permission."),
            ("SDKERR_UNKNOWN", 13, "Unknown error."),
            (
                "SDKERR_OTHER_SDK_INSTANCE_RUNNING",
                14,
                "The other instance of the SDK is in process.",
            ),
            ("SDKERR_INTERNAL_ERROR", 15, "SDK internal error."),
            ("SDKERR_NO_AUDIODEVICE_ISFOUND", 16, "No audio device found."),
            ("SDKERR_NO_VIDEODEVICE_ISFOUND", 17, "No video device found."),
            ("SDKERR_TOO_FREQUENT_CALL", 18, "API calls too frequently."),
            ("SDKERR_FAIL_ASSIGN_USER_PRIVILEGE", 19, "User can't be assigned with new privilege."),
            (
                "SDKERR_MEETING_DONT_SUPPORT_FEATURE",
                20,
                "The current meeting doesn't support the feature.",
            ),
            ("SDKERR_MEETING_NOT_SHARE_SENDER", 21, "The current user is not the presenter."),
            ("SDKERR_MEETING_YOU_HAVE_NO_SHARE", 22, "There is no sharing."),
            ("SDKERR_MEETING_VIEWTYPE_PARAMETER_IS_WRONG", 23, "Incorrect ViewType parameters."),
            ("SDKERR_MEETING_ANNOTATION_IS_OFF", 24, "Annotation is disabled."),
            ("SDKERR_SETTING_OS_DONT_SUPPORT", 25, "Current OS doesn't support the setting."),
            ("SDKERR_EMAIL_LOGIN_IS_DISABLED", 26, "Email login is disable."),
            (
                "SDKERR_HARDWARE_NOT_MEET_FOR_VB",
                27,
                "Computer doesn't meet the minimum requirements to use virtual background feature.",
            ),
            ("SDKERR_NEED_USER_CONFIRM_RECORD_DISCLAIMER", 28, "Need process disclaimer."),
            ("SDKERR_NO_SHARE_DATA", 29, "There is no raw data of sharing."),
            ("SDKERR_SHARE_CANNOT_SUBSCRIBE_MYSELF", 30, "Share can not subscribe myself."),
            ("SDKERR_NOT_IN_MEETING", 31, "Not in meeting."),
            ("SDKERR_NOT_JOIN_AUDIO", 32, "Not Joining audio."),
            ("SDKERR_HARDWARE_DONT_SUPPORT", 33, "The current device doesn't support the feature."),
            ("SDKERR_DOMAIN_DONT_SUPPORT", 34, "Domain not support."),
            ("SDKERR_MEETING_REMOTE_CONTROL_IS_OFF", 35, "Remote control is disabled."),
            ("SDKERR_FILETRANSFER_ERROR", 36, "File transfer fail."),
        ),
    }
)
