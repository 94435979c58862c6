"""zoomsig: Zoom SDK signatures that are right the first time, and a diagnosis of broken ones.

Everything public is importable from here::

    from zoomsig import Role, sign_meeting_sdk, decode_and_validate
"""

from __future__ import annotations

from types import MappingProxyType

from zoomsig._lazy import lazy_exports as _lazy_exports
from zoomsig._version import __version__

# Names are imported on first use (PEP 562), so that `import zoomsig` and the `zoomsig`
# command's --version/--help cost almost nothing; type checkers and readers see the imports.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from zoomsig._enums import (
        CobrowseRole,
        CredentialType,
        LegacyEncoding,
        Role,
        Severity,
        TokenKind,
    )
    from zoomsig._errors import (
        InvalidParameterError,
        UnsupportedCredentialError,
        ZoomSigError,
    )
    from zoomsig._registry import MAX_LIFETIME, MIN_LIFETIME
    from zoomsig.apps import (
        AppContext,
        AppContextError,
        AppContextErrorCode,
        decrypt_app_context,
    )
    from zoomsig.cobrowse import sign_cobrowse_sdk
    from zoomsig.diagnose import MAX_SIGNATURE_LENGTH, decode_and_validate
    from zoomsig.diagnose.codes import FindingCode
    from zoomsig.diagnose.report import Finding, InvalidSignatureError, Report
    from zoomsig.errors_explained import (
        ERROR_CODES,
        ERROR_TABLE,
        ErrorExplanation,
        explain_error,
        find_errors,
    )
    from zoomsig.legacy import sign_legacy_web_sdk
    from zoomsig.meeting_sdk import sign_meeting_sdk
    from zoomsig.video_sdk import sign_video_sdk
    from zoomsig.video_sdk_api import sign_video_sdk_api
    from zoomsig.webhook import (
        InvalidWebhookError,
        WebhookEvent,
        diagnose_webhook,
        sign_rtms_handshake,
        sign_webhook,
        url_validation_response,
        verify_webhook,
    )

_WHERE = MappingProxyType(
    {
        "CobrowseRole": "zoomsig._enums",
        "CredentialType": "zoomsig._enums",
        "LegacyEncoding": "zoomsig._enums",
        "Role": "zoomsig._enums",
        "Severity": "zoomsig._enums",
        "TokenKind": "zoomsig._enums",
        "InvalidParameterError": "zoomsig._errors",
        "InvalidSignatureError": "zoomsig.diagnose.report",
        "InvalidWebhookError": "zoomsig.webhook",
        "UnsupportedCredentialError": "zoomsig._errors",
        "ZoomSigError": "zoomsig._errors",
        "MAX_LIFETIME": "zoomsig._registry",
        "MIN_LIFETIME": "zoomsig._registry",
        "AppContext": "zoomsig.apps",
        "AppContextError": "zoomsig.apps",
        "AppContextErrorCode": "zoomsig.apps",
        "decrypt_app_context": "zoomsig.apps",
        "sign_cobrowse_sdk": "zoomsig.cobrowse",
        "MAX_SIGNATURE_LENGTH": "zoomsig.diagnose",
        "decode_and_validate": "zoomsig.diagnose",
        "FindingCode": "zoomsig.diagnose.codes",
        "Finding": "zoomsig.diagnose.report",
        "Report": "zoomsig.diagnose.report",
        "ERROR_CODES": "zoomsig.errors_explained",
        "ERROR_TABLE": "zoomsig.errors_explained",
        "ErrorExplanation": "zoomsig.errors_explained",
        "explain_error": "zoomsig.errors_explained",
        "find_errors": "zoomsig.errors_explained",
        "sign_legacy_web_sdk": "zoomsig.legacy",
        "sign_meeting_sdk": "zoomsig.meeting_sdk",
        "sign_video_sdk": "zoomsig.video_sdk",
        "sign_video_sdk_api": "zoomsig.video_sdk_api",
        "WebhookEvent": "zoomsig.webhook",
        "diagnose_webhook": "zoomsig.webhook",
        "sign_rtms_handshake": "zoomsig.webhook",
        "sign_webhook": "zoomsig.webhook",
        "url_validation_response": "zoomsig.webhook",
        "verify_webhook": "zoomsig.webhook",
    }
)
"""Where each public name lives: a new public name needs its line here and in the block above."""

if not TYPE_CHECKING:  # hidden from type checkers, so that a misspelt name stays an error
    __getattr__, __dir__ = _lazy_exports(__name__, _WHERE)

__all__ = [
    "ERROR_CODES",
    "ERROR_TABLE",
    "MAX_LIFETIME",
    "MAX_SIGNATURE_LENGTH",
    "MIN_LIFETIME",
    "AppContext",
    "AppContextError",
    "AppContextErrorCode",
    "CobrowseRole",
    "CredentialType",
    "ErrorExplanation",
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
    "decrypt_app_context",
    "diagnose_webhook",
    "explain_error",
    "find_errors",
    "sign_cobrowse_sdk",
    "sign_legacy_web_sdk",
    "sign_meeting_sdk",
    "sign_rtms_handshake",
    "sign_video_sdk",
    "sign_video_sdk_api",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
]
