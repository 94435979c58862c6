"""The enums that hold Zoom's own values."""

from __future__ import annotations

from enum import Enum, IntEnum

__all__ = ["CobrowseRole", "CredentialType", "LegacyEncoding", "Role", "Severity", "TokenKind"]


class Role(IntEnum):
    """Who joins with the signature: Zoom's ``role`` / ``role_type`` claim."""

    PARTICIPANT = 0
    """An attendee (Zoom's role 0)."""
    HOST = 1
    """The host or a co-host (Zoom's role 1). Starting a meeting also needs the host's ZAK."""


class CobrowseRole(IntEnum):
    """Who starts or joins a Cobrowse session: the Cobrowse SDK's ``role_type`` claim."""

    CUSTOMER = 1
    """The customer, whose page is shared (the ``SDK_TOKEN`` of ``session.start``)."""
    AGENT = 2
    """The support agent, who views it (the ``ACCESS_TOKEN`` of the agent's desk iframe)."""


class CredentialType(str, Enum):
    """Which kind of Zoom Marketplace app the key and secret come from.

    zoomsig cannot see where a key came from, so the caller says it and the signers refuse
    the kinds that cannot sign the requested token (see :doc:`/credentials`).
    """

    MEETING_SDK = "MEETING_SDK"
    """A Meeting SDK app: Client ID + Client secret (``SDK key`` / ``SDK secret`` before 2023)."""
    GENERAL_APP = "GENERAL_APP"
    """A General app with "Meeting SDK (Embed)" enabled: its Client ID + Client secret."""
    VIDEO_SDK = "VIDEO_SDK"
    """A Video SDK account's SDK key + SDK secret."""
    JWT_APP = "JWT_APP"
    """A JWT app's API key + API secret (app type deactivated on 8 September 2023)."""
    SERVER_TO_SERVER_OAUTH = "SERVER_TO_SERVER_OAUTH"
    """A Server-to-Server OAuth app: for REST API access tokens, never for SDK signatures."""
    OAUTH = "OAUTH"
    """A user-level OAuth app without the Meeting SDK feature."""


class TokenKind(str, Enum):
    """What kind of signature :func:`zoomsig.decode_and_validate` found.

    ``WEBHOOK`` is the kind of every report :func:`zoomsig.diagnose_webhook` makes;
    :func:`~zoomsig.decode_and_validate` never returns it.
    """

    MEETING_SDK = "MEETING_SDK"
    VIDEO_SDK = "VIDEO_SDK"
    LEGACY_WEB_SDK = "LEGACY_WEB_SDK"
    UNKNOWN = "UNKNOWN"
    WEBHOOK = "WEBHOOK"
    """A Zoom webhook request, diagnosed by :func:`zoomsig.diagnose_webhook`."""
    COBROWSE_SDK = "COBROWSE_SDK"
    """A Cobrowse SDK token (``app_key``, ``role_type`` 1 or 2, ``user_id``, ``user_name``)."""
    VIDEO_SDK_API = "VIDEO_SDK_API"
    """A Video SDK REST API token (``iss``, ``iat``, ``exp``), signed with the API secret."""


class Severity(str, Enum):
    """How bad a finding is."""

    ERROR = "ERROR"
    """Zoom will reject the signature, or it is not what the caller thinks."""
    WARNING = "WARNING"
    """Works today but is risky, deprecated or uncertain."""
    INFO = "INFO"
    """Useful context; nothing to fix."""


class LegacyEncoding(str, Enum):
    """Outer base64 dialect of a legacy Web SDK signature."""

    URL_SAFE = "URL_SAFE"
    """``-`` and ``_`` instead of ``+`` and ``/``, no ``=`` padding (Zoom's PHP sample)."""
    STANDARD = "STANDARD"
    """Standard alphabet with ``=`` padding (Zoom's Node.js sample)."""
