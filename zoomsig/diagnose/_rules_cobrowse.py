"""Rules for the claims of a Cobrowse SDK token (Zoom's Cobrowse authorize page and its
official auth endpoint sample).

``app_key``, ``role_type`` (1 the customer, 2 the agent), ``user_id`` (at most 35
characters), ``user_name`` (at most 80), ``iat``, ``exp``, and the optional ``enable_byop``
(0/1). Zoom's limits are read from :mod:`zoomsig._registry` only; the time rules are the
shared ones (:mod:`._rules_time`).
"""

from __future__ import annotations

from collections.abc import Mapping

from zoomsig._registry import COBROWSE_ROLES, COBROWSE_SDK_CLAIMS, flags, texts
from zoomsig.diagnose._context import Context, is_int, validate_key_match, validate_key_types
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import COBROWSE_CLAIMS
from zoomsig.diagnose._rules_fields import code_of, flag_rules, text_rules, validate_unknown_claims
from zoomsig.diagnose._text import json_type, nan_hint, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["cobrowse_rules"]

_C = FindingCode
_TEXTS = (COBROWSE_SDK_CLAIMS["user_id"], *texts(COBROWSE_SDK_CLAIMS.values()))
_FLAGS = flags(COBROWSE_SDK_CLAIMS.values())
_APP_KEY = ("app_key",)


def cobrowse_rules(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    """Every Cobrowse SDK claim rule except the time rules."""
    _validate_join(context, found)
    _validate_app_key(claims, context, found)
    _validate_role_type(claims, found)
    _validate_user_id(claims, found)
    _validate_text_types(claims, found)
    text_rules(claims, _TEXTS, found)
    flag_rules(claims, _FLAGS, found)
    validate_unknown_claims(claims, COBROWSE_CLAIMS, "Cobrowse SDK", found)


def _validate_join(context: Context, found: Findings) -> None:
    """A Cobrowse token handed to a Meeting SDK or Video SDK join."""
    if context.meeting_number is not None:
        what = f"meeting {show(context.meeting_number)}"
    elif context.topic is not None:
        what = f"the Video SDK session {show(context.topic)}"
    else:
        return
    found.add(
        _C.COBROWSE_SDK_TOKEN,
        f"this is a Cobrowse SDK token (app_key, role_type, user_id) but you are joining {what}",
    )


def _validate_app_key(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    validate_key_types(claims, _APP_KEY, found)
    if not claims.get("app_key"):
        other = next((name for name in ("appKey", "sdkKey", "apiKey") if name in claims), None)
        where = f" (it has {other}: the Cobrowse SDK reads app_key)" if other else ""
        found.add(_C.APP_KEY_MISSING, f"the token has no app_key{where}", "app_key")
        return
    validate_key_match(claims, context, found, padded=_APP_KEY, expected=_APP_KEY)


def _validate_role_type(claims: Mapping[str, object], found: Findings) -> None:
    if "role_type" not in claims:
        hint = " (it has role: the Cobrowse SDK reads role_type)" if "role" in claims else ""
        found.add(_C.ROLE_TYPE_MISSING, f"the token has no role_type{hint}", "role_type")
        return
    role = claims["role_type"]
    if is_int(role) and role in COBROWSE_ROLES:
        return
    hint = nan_hint(role)
    if is_int(role) and role in (0, 1):
        hint = "; 0 (and 1 as host) are Video SDK roles: Cobrowse has 1 customer, 2 agent"
    found.add(
        _C.COBROWSE_ROLE_INVALID,
        f"role_type is {show(role)}, {json_type(role)}; the Cobrowse SDK accepts 1 (customer) "
        f"or 2 (agent){hint}",
        "role_type",
    )


def _validate_user_id(claims: Mapping[str, object], found: Findings) -> None:
    if claims.get("user_id") not in (None, ""):
        return
    hint = ""
    if "user_identity" in claims:
        hint = " (it has user_identity, the Video SDK's claim: Cobrowse reads user_id)"
    elif "userId" in claims:
        hint = " (it has userId, the endpoint's request field: the claim is user_id)"
    what = f"user_id {show(claims['user_id'])}" if "user_id" in claims else "no user_id"
    found.add(_C.USER_ID_MISSING, f"the token has {what}{hint}", "user_id")


def _validate_text_types(claims: Mapping[str, object], found: Findings) -> None:
    """``user_id`` / ``user_name`` present but not a string (a number id from a database)."""
    for row in _TEXTS:
        name = row.claim
        if name is None or name not in claims or claims[name] is None:
            continue
        value = claims[name]
        if not isinstance(value, str):
            found.add(
                code_of(row),
                f"{name} is {show(value)}, {json_type(value)}, not a string",
                name,
            )
