"""zoomsig: Zoom SDK signatures that are right the first time, and a diagnosis of broken ones.

Everything public is importable from here::

    from zoomsig import Role, sign_meeting_sdk, decode_and_validate
"""

from __future__ import annotations

from zoomsig._enums import CredentialType, LegacyEncoding, Role, Severity, TokenKind
from zoomsig._errors import (
    InvalidParameterError,
    InvalidSignatureError,
    InvalidWebhookError,
    UnsupportedCredentialError,
    ZoomSigError,
)
from zoomsig._time import MAX_LIFETIME, MIN_LIFETIME
from zoomsig.diagnose import MAX_SIGNATURE_LENGTH, decode_and_validate
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding, Report
from zoomsig.legacy import sign_legacy_web_sdk
from zoomsig.meeting_sdk import sign_meeting_sdk
from zoomsig.video_sdk import sign_video_sdk
from zoomsig.webhook import (
    WebhookEvent,
    diagnose_webhook,
    sign_rtms_handshake,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)

__version__: str
"""The installed version, from the package metadata (read on first access)."""


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~20 ms to import (zipfile, email, csv, pathlib): more than
    # all of zoomsig. Import it only when someone asks for the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            value = version("zoomsig")
        except PackageNotFoundError:  # pragma: no cover - only when run from a source tree
            value = "0+unknown"
        globals()["__version__"] = value  # later lookups find it without __getattr__
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_LIFETIME",
    "MAX_SIGNATURE_LENGTH",
    "MIN_LIFETIME",
    "CredentialType",
    "Finding",
    "FindingCode",
    "InvalidParameterError",
    "InvalidSignatureError",
    "InvalidWebhookError",
    "LegacyEncoding",
    "Report",
    "Role",
    "Severity",
    "TokenKind",
    "UnsupportedCredentialError",
    "WebhookEvent",
    "ZoomSigError",
    "__version__",
    "decode_and_validate",
    "diagnose_webhook",
    "sign_legacy_web_sdk",
    "sign_meeting_sdk",
    "sign_rtms_handshake",
    "sign_video_sdk",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
]
