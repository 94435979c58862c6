"""What kind of token the claims describe: Meeting SDK, Video SDK, or not an SDK token."""

from __future__ import annotations

from collections.abc import Mapping

from zoomsig._enums import TokenKind
from zoomsig._registry import COBROWSE_SDK_CLAIMS, MEETING_SDK_CLAIMS, VIDEO_SDK_CLAIMS

__all__ = [
    "COBROWSE_CLAIMS",
    "MEETING_CLAIMS",
    "VIDEO_CLAIMS",
    "classify",
    "is_rest_api_token",
    "is_secret_claim",
    "is_zoom_issued",
    "near_miss",
]

MEETING_AUDIO_OPTIONS = tuple(
    name for name, row in MEETING_SDK_CLAIMS.items() if row.code == "AUDIO_OPTION_INVALID"
)
"""Audio claims the Meeting SDK 6.x Web client reads from the signature (0 or 1)."""
MEETING_CLAIMS = frozenset(MEETING_SDK_CLAIMS)
"""Claims Zoom defines for a Meeting SDK signature, or its Web client reads."""
VIDEO_CLAIMS = frozenset(VIDEO_SDK_CLAIMS)
"""Claims Zoom defines for a Video SDK token.

``audio_compatible_mode`` is the older name of ``audio_webrtc_mode``; ``user_key`` (at most
36 characters) is the newer name of ``user_identity`` on Zoom's Video SDK auth page (the
2.x client reads it as the customer key); ``enforce_web_rtc_audio`` is read by the 2.x client.
"""

COBROWSE_CLAIMS = frozenset(COBROWSE_SDK_CLAIMS)
"""Claims Zoom defines for a Cobrowse SDK token."""
_COBROWSE_MARKERS = frozenset({"user_id", "user_name", "enable_byop"})
_VIDEO_ONLY = frozenset({"tpc", "version"})  # what every Video SDK token has, no Cobrowse one

_MEETING_MARKERS = frozenset(
    {"appKey", "sdkKey", "mn", "role", "tokenExp", "apiKey", "meetingNumber", "meeting_number"}
)
_VIDEO_MARKERS = frozenset({"app_key", "tpc", "role_type", "session_key", "user_identity"})
_ZOOM_AUDIENCES = frozenset({"clientsm", "https://oauth.zoom.us"})


def near_miss(name: str, known: frozenset[str]) -> str:
    """``"; did you mean 'appKey'?"`` when ``name`` differs from a known claim only in case
    or underscores (claim names are case-sensitive), else ``""``."""
    folded = name.lower().replace("_", "")
    for candidate in sorted(known):
        if candidate.lower().replace("_", "") == folded:
            return f"; did you mean {candidate!r}? Claim names are case-sensitive"
    return ""


def is_secret_claim(name: str) -> bool:
    """A claim named like a secret (``sdkSecret``, ``apiSecret``, ``client_secret``…)."""
    return "secret" in name.lower()


def is_zoom_issued(header: Mapping[str, object], claims: Mapping[str, object]) -> bool:
    """A ZAK or an OAuth access token: Zoom signs those, with its own keys."""
    if "zm_skm" in header or "sv" in header or header.get("v") == "2.0":
        return True
    iss = claims.get("iss")
    if isinstance(iss, str) and iss.startswith("zm:"):
        return True
    aud = claims.get("aud")
    return isinstance(aud, str) and aud in _ZOOM_AUDIENCES


def is_rest_api_token(claims: Mapping[str, object]) -> bool:
    """A JWT-app REST API token: ``{"iss": api_key, "exp": …}`` and no SDK claims."""
    return (
        "iss" in claims
        and "exp" in claims
        and not (_MEETING_MARKERS & claims.keys())
        and not (_VIDEO_MARKERS & claims.keys())
    )


def _is_cobrowse(claims: Mapping[str, object]) -> bool:
    """Cobrowse claims (``user_id``, ``user_name``, ``enable_byop``, or the agent's
    ``role_type`` 2) and neither ``tpc`` nor ``version``, which every Video SDK token has."""
    keys = claims.keys()
    if _VIDEO_ONLY & keys:
        return False
    role = claims.get("role_type")
    return bool(_COBROWSE_MARKERS & keys) or (type(role) is int and role == 2)


def classify(claims: Mapping[str, object]) -> TokenKind:
    """Meeting SDK when it has Meeting SDK claims; Cobrowse SDK when it has Cobrowse claims
    and no Video SDK-only one; Video SDK when it has Video SDK ones."""
    keys = claims.keys()
    meeting, video = len(_MEETING_MARKERS & keys), len(_VIDEO_MARKERS & keys)
    if meeting > video:
        return TokenKind.MEETING_SDK
    if _is_cobrowse(claims):
        return TokenKind.COBROWSE_SDK
    if video:
        return TokenKind.VIDEO_SDK
    return TokenKind.UNKNOWN
