"""zoomsig: Zoom SDK signatures that are right the first time, and a diagnosis of broken ones.

Everything public is importable from here::

    from zoomsig import Role, sign_meeting_sdk, decode_and_validate
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from zoomsig._enums import CredentialType, LegacyEncoding, Role, Severity, TokenKind
from zoomsig._errors import (
    InvalidParameterError,
    InvalidSignatureError,
    UnsupportedCredentialError,
    ZoomSigError,
)
from zoomsig._time import MAX_LIFETIME, MIN_LIFETIME

if TYPE_CHECKING:
    # Imported on first use (see __getattr__): the signers bring in PyJWT, the diagnosis
    # code is most of zoomsig (and dataclasses, which imports inspect and ast), and a
    # program that only signs, or `zoomsig --version`, need not pay for what it never calls.
    from zoomsig.diagnose import MAX_SIGNATURE_LENGTH, decode_and_validate
    from zoomsig.diagnose.codes import FindingCode
    from zoomsig.diagnose.report import Finding, Report
    from zoomsig.legacy import sign_legacy_web_sdk
    from zoomsig.meeting_sdk import sign_meeting_sdk
    from zoomsig.video_sdk import sign_video_sdk

_LAZY = MappingProxyType(
    {
        "Finding": "zoomsig.diagnose.report",
        "FindingCode": "zoomsig.diagnose.codes",
        "MAX_SIGNATURE_LENGTH": "zoomsig.diagnose._engine",
        "Report": "zoomsig.diagnose.report",
        "decode_and_validate": "zoomsig.diagnose._engine",
        "sign_legacy_web_sdk": "zoomsig.legacy",
        "sign_meeting_sdk": "zoomsig.meeting_sdk",
        "sign_video_sdk": "zoomsig.video_sdk",
    }
)

__version__: str
"""The installed version, from the package metadata (read on first access)."""


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is not None:
        import importlib  # noqa: PLC0415

        value: object = getattr(importlib.import_module(module), name)
        globals()[name] = value  # later lookups find it without __getattr__
        return value
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
    "LegacyEncoding",
    "Report",
    "Role",
    "Severity",
    "TokenKind",
    "UnsupportedCredentialError",
    "ZoomSigError",
    "__version__",
    "decode_and_validate",
    "sign_legacy_web_sdk",
    "sign_meeting_sdk",
    "sign_video_sdk",
]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
