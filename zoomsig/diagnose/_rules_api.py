"""Rules for a Video SDK REST API token: ``{iss: API key, iat, exp}``, signed with the
Video SDK **API** secret.

Read only when the caller says it expects one (``expect=TokenKind.VIDEO_SDK_API``): by its
claims alone such a token is also a (retired) JWT app's REST API token, which is no SDK
signature (``REST_API_TOKEN``). Zoom's SDK lifetime window (30 minutes to 48 hours) does not
apply to it, nor does ``EXPIRES_SOON``; the rest of the time rules do.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Optional

from zoomsig._enums import TokenKind
from zoomsig._registry import VIDEO_SDK_API_CLAIMS
from zoomsig.diagnose._context import Context, validate_key_match
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import classify, is_rest_api_token
from zoomsig.diagnose._rules_fields import code_of, validate_unknown_claims
from zoomsig.diagnose._rules_time import time_rules
from zoomsig.diagnose._text import json_type, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["api_rules", "not_api_token", "secret_pair_hint"]

_C = FindingCode
_ISS = VIDEO_SDK_API_CLAIMS["iss"]
_KNOWN = frozenset(VIDEO_SDK_API_CLAIMS)
_SDK_ONLY = frozenset({_C.LIFETIME_TOO_SHORT, _C.LIFETIME_AT_MINIMUM, _C.EXPIRES_SOON})
"""The SDK tokens' lower bound on ``exp - iat`` and the time a join needs: no rules of a
REST API token, which is made for a request about to be sent."""
_KIND_NAMES = MappingProxyType(
    {
        TokenKind.MEETING_SDK: "a Meeting SDK signature",
        TokenKind.VIDEO_SDK: "a Video SDK token",
        TokenKind.COBROWSE_SDK: "a Cobrowse SDK token",
    }
)


def api_rules(claims: Mapping[str, object], context: Context, found: Findings) -> Optional[int]:
    """Every rule of a Video SDK REST API token, times included; its ``exp``."""
    iss = claims.get("iss")
    if not isinstance(iss, str) or not iss:
        what = "no iss" if iss is None else f"iss {show(iss)}, {json_type(iss)}"
        found.add(code_of(_ISS), f"the token has {what}: iss must be the API key", "iss")
    else:
        validate_key_match(claims, context, found, padded=("iss",), expected=("iss",))
    validate_unknown_claims(claims, _KNOWN, "Video SDK REST API", found)
    times = Findings()
    exp = time_rules(claims, context, times)
    found.extend(f for f in times if f.code not in _SDK_ONLY)
    return exp


def not_api_token(kind: TokenKind, found: Findings) -> None:
    """``SDK_TOKEN_NOT_API_TOKEN``: the caller expects a REST API token and got another."""
    what = _KIND_NAMES.get(kind, "no REST API token (its claims are not iss, iat, exp)")
    found.add(
        _C.SDK_TOKEN_NOT_API_TOKEN,
        f"this is {what}, but you expect a Video SDK REST API token ({{iss, iat, exp}}, "
        "signed with the API secret)",
    )


def secret_pair_hint(claims: Mapping[str, object]) -> str:
    """The note a mismatch gets where a Video SDK account's two secrets can be mixed up."""
    if is_rest_api_token(claims):
        return (
            "; a Video SDK REST API token is signed with the API secret, not the SDK secret "
            "beside it on the credentials page (pass the other in other_secrets to check)"
        )
    if classify(claims) in (TokenKind.VIDEO_SDK, TokenKind.COBROWSE_SDK):
        return (
            "; SDK tokens are signed with the SDK secret, not the API secret beside it on "
            "the credentials page (pass the other in other_secrets to check)"
        )
    return ""
