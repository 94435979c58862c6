"""Argument checks shared by the signers.

Every check raises :class:`InvalidParameterError` naming the parameter, what was received
and what was expected. Keys and secrets are never echoed: a secret pasted into the key
argument would otherwise end up in a log.
"""

from __future__ import annotations

from collections.abc import Collection
from types import MappingProxyType
from typing import Optional

from zoomsig._enums import CredentialType, Role
from zoomsig._errors import InvalidParameterError, UnsupportedCredentialError
from zoomsig._registry import (
    MAX_CLOCK_SKEW,
    MAX_LIFETIME,
    MEETING_NUMBER_DIGITS,
    MIN_LIFETIME,
    length_note,
    text_length,
)
from zoomsig._secrecy import MAX_SHOWN_DIGITS, bare, describe, int_digits, is_utf8_encodable

__all__ = [
    "MEETING_NUMBER_DIGITS",
    "check_clock_skew",
    "check_credential",
    "check_flag",
    "check_key",
    "check_lifetime",
    "check_meeting_number",
    "check_role",
    "check_secret",
    "check_text",
    "is_utf8_encodable",
]

_ROLES = (Role.PARTICIPANT, Role.HOST)  # by value

_CREDENTIAL_HELP = MappingProxyType(
    {
        CredentialType.SERVER_TO_SERVER_OAUTH: (
            "Server-to-Server OAuth credentials (Account ID / Client ID / Client secret) make "
            "REST API access tokens and cannot sign SDK signatures"
        ),
        CredentialType.OAUTH: (
            "a plain OAuth app's credentials cannot sign SDK signatures unless the app has "
            'the "Meeting SDK (Embed)" feature, in which case pass CredentialType.GENERAL_APP'
        ),
        CredentialType.JWT_APP: (
            "JWT-app API keys (app type deactivated on 8 September 2023) never signed SDK "
            "JWTs; they only fit the legacy Web SDK signature"
        ),
        CredentialType.VIDEO_SDK: (
            "Video SDK credentials belong to a different product and sign only Video SDK tokens"
        ),
        CredentialType.MEETING_SDK: (
            "Meeting SDK credentials sign Meeting SDK signatures (sign_meeting_sdk), not this token"
        ),
        CredentialType.GENERAL_APP: (
            "a General app's Client ID and secret sign Meeting SDK signatures "
            "(sign_meeting_sdk), not this token"
        ),
    }
)


def _check_credential_text(value: object, parameter: str, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidParameterError(
            parameter, f"expected the {what} as a str, got {type(value).__name__}"
        )
    if not value:
        raise InvalidParameterError(parameter, f"the {what} is empty; check your settings")
    if value != value.strip():
        raise InvalidParameterError(
            parameter,
            f"the {what} has leading or trailing whitespace (a newline from a .env file or "
            "a secrets manager?); Zoom would reject the signature, so strip it first",
        )
    if value != bare(value):
        raise InvalidParameterError(
            parameter,
            f"the {what} has a byte-order mark (U+FEFF) at its start or end (a file saved as "
            "UTF-8 with BOM?); Zoom would reject the signature, so remove it",
        )
    if not is_utf8_encodable(value):
        raise InvalidParameterError(parameter, f"the {what} is not valid Unicode text")
    return value


def check_key(value: object, parameter: str) -> str:
    """An SDK key / Client ID / API key: a non-empty str without surrounding whitespace."""
    if type(value) is str and value and value.isascii() and value == value.strip():
        return value  # the common case, on every signature
    return _check_credential_text(value, parameter, "key")


def check_secret(value: object, parameter: str) -> bytes:
    """A secret: like a key, returned as the UTF-8 bytes that key the HMAC."""
    if type(value) is str and value and value.isascii() and value == value.strip():
        return value.encode("ascii")  # the common case, on every signature
    return _check_credential_text(value, parameter, "secret").encode("utf-8")


def check_credential(
    value: object, parameter: str, allowed: Collection[CredentialType], token: str
) -> CredentialType:
    """Refuse credential types that cannot sign ``token``, saying which ones can."""
    if isinstance(value, CredentialType) and value in allowed:
        return value  # the common case, on every signature
    try:
        credential = CredentialType(value)
    except ValueError:
        names = ", ".join(f"CredentialType.{c.name}" for c in CredentialType)
        raise InvalidParameterError(
            parameter, f"expected one of {names}, got {describe(value)}"
        ) from None
    if credential not in allowed:
        usable = " or ".join(f"CredentialType.{c.name}" for c in allowed)
        raise UnsupportedCredentialError(
            parameter,
            f"{_CREDENTIAL_HELP[credential]}. A {token} needs the key and secret of {usable}.",
        )
    return credential


def check_role(value: object, parameter: str = "role") -> Role:
    """``Role`` or the int 0/1; never a bool or a str."""
    if type(value) is Role:
        return value  # the common cases first: enum lookups by value cost more than this
    if type(value) is int and value in (0, 1):
        return _ROLES[value]
    if isinstance(value, bool) or not isinstance(value, int) or value not in (0, 1):
        hint = ""
        if isinstance(value, str) and value.strip() in ("0", "1"):
            hint = (
                f"; convert it with int() (a string {value.strip()!r} in the token is rejected "
                "by Zoom)"
            )
        elif isinstance(value, bool):
            hint = "; a bool is not a role, use Role.HOST or Role.PARTICIPANT"
        raise InvalidParameterError(
            parameter,
            f"expected Role.PARTICIPANT (0) or Role.HOST (1), got {describe(value)}{hint}",
        )
    return Role(value)


def check_meeting_number(value: object, parameter: str = "meeting_number") -> str:
    """An int or a str of 9 to 12 ASCII digits, returned as the digit str Zoom expects.

    Spaces and dashes ("978-759-818") are refused, not removed: the same number must reach
    the client's ``join`` call, and a silently cleaned token would hide that mismatch.
    """
    if (
        type(value) is str
        and len(value) in MEETING_NUMBER_DIGITS
        and value.isascii()
        and value.isdigit()
    ):
        return value  # the common case; the checks below say what is wrong with the others
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidParameterError(
            parameter, f"expected an int or a str of digits, got {describe(value)}"
        )
    if isinstance(value, int) and (value <= 0 or value.bit_length() > 64):
        raise InvalidParameterError(
            parameter,
            f"a Zoom meeting number is a positive number of 9 to 12 digits, got {describe(value)}",
        )
    text = str(value)
    if not (text.isascii() and text.isdigit()):
        digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
        hint = ""
        if len(digits) in MEETING_NUMBER_DIGITS and set(text) <= set("0123456789 -"):
            # The one value echoed in full: 9 to 12 digits, from a value of nothing but
            # digits, spaces and dashes (no secret has that shape), to copy into join().
            hint = f"; remove the spaces and dashes and pass {digits!r} here and to join()"
        raise InvalidParameterError(parameter, f"expected digits only, got {describe(value)}{hint}")
    if len(text) not in MEETING_NUMBER_DIGITS:
        raise InvalidParameterError(
            parameter,
            f"a Zoom meeting number has 9 to 12 digits, got {len(text)} ({describe(text)})",
        )
    return text


def check_lifetime(value: object, parameter: str = "expires_in") -> int:
    """Seconds from ``iat`` to ``exp``: an int within Zoom's 1800..172800 window."""
    if type(value) is int and MIN_LIFETIME <= value <= MAX_LIFETIME:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidParameterError(
            parameter, f"expected an int number of seconds, got {describe(value)}"
        )
    if not MIN_LIFETIME <= value <= MAX_LIFETIME:
        raise InvalidParameterError(
            parameter,
            f"Zoom accepts {MIN_LIFETIME} (30 minutes) to {MAX_LIFETIME} (48 hours) "
            f"seconds, got {value if int_digits(value) <= MAX_SHOWN_DIGITS else describe(value)}",
        )
    return value


def check_clock_skew(value: object, parameter: str = "clock_skew") -> int:
    """Seconds to backdate ``iat`` by: an int from 0 to :data:`MAX_CLOCK_SKEW`."""
    if type(value) is int and 0 <= value <= MAX_CLOCK_SKEW:
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CLOCK_SKEW:
        raise InvalidParameterError(
            parameter,
            f"expected an int from 0 to {MAX_CLOCK_SKEW} seconds, got {describe(value)}",
        )
    return value


def check_flag(value: object, parameter: str, limit: int = 1) -> Optional[int]:
    """An optional 0/1 switch such as ``video_webrtc_mode`` (0 to ``limit``); ``None``
    leaves it out."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        allowed = ", ".join(str(allowed) for allowed in range(limit))
        raise InvalidParameterError(
            parameter, f"expected None, {allowed} or {limit}, got {describe(value)}"
        )
    return value


def check_text(
    value: object, parameter: str, max_length: int, *, required: bool = False
) -> Optional[str]:
    """An optional non-empty str of at most ``max_length`` UTF-16 code units.

    Counted as Zoom's JavaScript counts (:func:`zoomsig._registry.text_length`): an emoji
    counts 2, so the signer refuses what the endpoint and Zoom's client would.
    """
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InvalidParameterError(parameter, f"expected a str, got {describe(value)}")
    if not value:
        leave_out = "" if required else "; pass None to leave it out"
        raise InvalidParameterError(parameter, f"must not be empty{leave_out}")
    if text_length(value) > max_length:
        raise InvalidParameterError(
            parameter,
            f"Zoom allows at most {max_length} characters, got {text_length(value)}"
            f"{length_note(value)}",
        )
    if not is_utf8_encodable(value):
        raise InvalidParameterError(parameter, "is not valid Unicode text")
    return value
