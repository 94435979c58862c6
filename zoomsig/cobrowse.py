"""``sign_cobrowse_sdk``: the Cobrowse SDK token (the customer's ``SDK_TOKEN``, the agent's
``ACCESS_TOKEN``)."""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Optional, Union

from zoomsig import _jws
from zoomsig._enums import CobrowseRole
from zoomsig._errors import InvalidParameterError
from zoomsig._params import (
    check_clock_skew,
    check_flag,
    check_key,
    check_lifetime,
    check_secret,
    check_text,
)
from zoomsig._registry import (
    COBROWSE_ROLES,
    MAX_COBROWSE_USER_ID,
    MAX_COBROWSE_USER_NAME,
)
from zoomsig._secrecy import describe, refuse_readable_secret
from zoomsig._time import Now, resolve_now

__all__ = [
    "MAX_COBROWSE_USER_ID",
    "MAX_COBROWSE_USER_NAME",
    "check_cobrowse_role",
    "sign_cobrowse_sdk",
]

_ROLES = MappingProxyType({value: CobrowseRole(value) for value in COBROWSE_ROLES})


def check_cobrowse_role(value: object, parameter: str = "role") -> CobrowseRole:
    """``CobrowseRole`` or the int 1/2; never a bool, a str or a Video SDK role 0."""
    if type(value) is CobrowseRole:
        return value
    if type(value) is int and value in _ROLES:
        return _ROLES[value]
    hint = ""
    if isinstance(value, str) and value.strip() in ("1", "2"):
        hint = f"; convert it with int() (a string {value.strip()!r} in the token is refused)"
    elif isinstance(value, bool):
        hint = "; a bool is not a role, use CobrowseRole.CUSTOMER or CobrowseRole.AGENT"
    elif type(value) is int and value == 0:
        hint = "; 0 is a Video SDK role: the Cobrowse SDK has no role 0"
    raise InvalidParameterError(
        parameter,
        f"expected CobrowseRole.CUSTOMER (1) or CobrowseRole.AGENT (2), got {describe(value)}"
        f"{hint}",
    )


def sign_cobrowse_sdk(
    *,
    sdk_key: str,
    sdk_secret: str,
    role: Union[CobrowseRole, int],
    user_id: str,
    user_name: Optional[str] = None,
    expires_in: int = 7200,
    now: Now = None,
    clock_skew: int = 30,
    enable_byop: Optional[int] = None,
) -> str:
    """Make a Cobrowse SDK token: an HS256 JWT as Zoom's official Cobrowse auth endpoint
    sample makes it (``app_key``, ``role_type``, ``user_id``, ``user_name``, ``iat``,
    ``exp``, in that order).

    Args:
        sdk_key: The Cobrowse SDK key (the SDK credentials of your SDK account).
        sdk_secret: The Cobrowse SDK secret. Never logged, never in an error.
        role: :attr:`CobrowseRole.CUSTOMER` (1, the customer's ``SDK_TOKEN``) or
            :attr:`CobrowseRole.AGENT` (2, the agent's ``ACCESS_TOKEN``).
        user_id: The user's id, 1 to 35 characters; unique within a session.
        user_name: The name shown, 1 to 80 characters; ``None`` uses ``user_id``, as the
            official sample does.
        expires_in: Seconds from ``iat`` to ``exp``, 1800 to 172800.
        now: ``None`` reads the clock once; else a Unix time or an aware datetime.
        clock_skew: Seconds to backdate ``iat`` by (0 to 300).
        enable_byop: Optional 0/1: 1 lets the customer bring their own PIN (BYOP), which
            the npm package requires. Sent last.

    Returns:
        The whole ``header.payload.signature`` token.

    Raises:
        InvalidParameterError: An argument cannot make a token Zoom accepts.

    >>> from zoomsig import CobrowseRole, decode_and_validate, sign_cobrowse_sdk
    >>> token = sign_cobrowse_sdk(sdk_key="KEY", sdk_secret="S" * 32,
    ...     role=CobrowseRole.AGENT, user_id="agent-7", now=1763900000)
    >>> report = decode_and_validate(token, secret="S" * 32, now=1763900000)
    >>> report.kind.value, report.ok, report.claims["user_name"]
    ('COBROWSE_SDK', True, 'agent-7')
    """
    key = check_key(sdk_key, "sdk_key")
    secret = check_secret(sdk_secret, "sdk_secret")
    checked_role = check_cobrowse_role(role)
    uid = check_text(user_id, "user_id", MAX_COBROWSE_USER_ID, required=True)
    name = check_text(user_name, "user_name", MAX_COBROWSE_USER_NAME)
    lifetime = check_lifetime(expires_in)
    skew = check_clock_skew(clock_skew)
    byop = check_flag(enable_byop, "enable_byop")
    refuse_readable_secret(sdk_secret, (("user_id", uid), ("user_name", name)))
    iat = math.floor(resolve_now(now)) - skew
    payload: dict[str, object] = {
        "app_key": key,
        "role_type": int(checked_role),
        "user_id": uid,
        "user_name": uid if name is None else name,
        "iat": iat,
        "exp": iat + lifetime,
    }
    if byop is not None:
        payload["enable_byop"] = byop
    return _jws.sign(payload, secret, "sdk_secret")
