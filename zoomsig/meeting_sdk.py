"""``sign_meeting_sdk``: the Meeting SDK signature (Web, Web component and native SDKs)."""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import NamedTuple, Optional, Union

from zoomsig import _jws
from zoomsig._enums import CredentialType, Role
from zoomsig._errors import InvalidParameterError
from zoomsig._params import (
    check_clock_skew,
    check_credential,
    check_flag,
    check_key,
    check_lifetime,
    check_meeting_number,
    check_role,
    check_secret,
)
from zoomsig._time import Now, resolve_now

__all__ = ["sign_meeting_sdk"]

_CAN_SIGN = (CredentialType.MEETING_SDK, CredentialType.GENERAL_APP)


def sign_meeting_sdk(
    *,
    sdk_key: str,
    sdk_secret: str,
    meeting_number: Union[int, str, None] = None,
    role: Union[Role, int, None] = None,
    expires_in: int = 7200,
    now: Now = None,
    clock_skew: int = 30,
    video_webrtc_mode: Optional[int] = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    include_sdk_key: bool = True,
) -> str:
    """Make a Meeting SDK signature: an HS256 JWT as Zoom's official auth endpoint makes it.

    Pass both ``meeting_number`` and ``role`` for the Web and Web component SDKs (the token
    carries ``mn`` and ``role``); pass neither for a native SDK token.

    Args:
        sdk_key: The Meeting SDK app's Client ID (called SDK key before 2023).
        sdk_secret: The matching Client secret. Never logged, never in an error.
        meeting_number: The meeting number exactly as passed to ``join``: an int or a str
            of 9 to 12 digits. Spaces and dashes are refused, not removed.
        role: :attr:`Role.PARTICIPANT` (0) or :attr:`Role.HOST` (1).
        expires_in: Seconds from ``iat`` to ``exp``, 1800 to 172800.
        now: The time to sign at: ``None`` reads the clock once; else a Unix time or an
            aware :class:`~datetime.datetime`.
        clock_skew: Seconds to backdate ``iat`` by (0 to 300) so that a Zoom server whose
            clock is slightly behind does not see the token as issued in the future.
            ``exp`` is ``iat + expires_in``. Use 0 to match Zoom's sample exactly.
        video_webrtc_mode: Optional 0/1 switch for WebRTC video (Web SDK only).
        credential_type: Where the key comes from. Only
            :attr:`CredentialType.MEETING_SDK` and :attr:`CredentialType.GENERAL_APP` can sign.
        include_sdk_key: ``True`` (the default) sends the deprecated ``sdkKey`` next to
            ``appKey`` as Zoom's official sample does, byte for byte. ``False`` sends
            ``appKey`` alone: the Web SDK 5+ and component view need only ``appKey`` and
            log a console warning for every signature that carries ``sdkKey``.

    Returns:
        The whole ``header.payload.signature`` string to hand to the client.

    Raises:
        InvalidParameterError: An argument cannot make a signature Zoom accepts.
        UnsupportedCredentialError: ``credential_type`` cannot sign Meeting SDK signatures.

    >>> from zoomsig import Role, sign_meeting_sdk
    >>> token = sign_meeting_sdk(sdk_key="demoKey", sdk_secret="demoSecret",
    ...                          meeting_number="85746065432", role=Role.PARTICIPANT,
    ...                          now=1763900000)
    >>> token.count(".")
    2
    """
    server = check_server(sdk_key, sdk_secret, credential_type, clock_skew, include_sdk_key)
    if (meeting_number is None) != (role is None):
        missing, given = ("role", "meeting_number") if role is None else ("meeting_number", "role")
        raise InvalidParameterError(
            missing,
            f"{given} was given without {missing}: a Web SDK signature needs both, a native "
            "SDK signature needs neither",
        )
    return sign_checked(
        server,
        meeting_number=None if meeting_number is None else check_meeting_number(meeting_number),
        role=None if role is None else int(check_role(role)),
        expires_in=check_lifetime(expires_in),
        now=now,
        video_webrtc_mode=check_flag(video_webrtc_mode, "video_webrtc_mode"),
    )


class Server(NamedTuple):
    """The server's half of a Meeting SDK signature, checked: what stays the same from one
    request to the next (the signature endpoint checks it, then signs checked values)."""

    key: str
    secret: bytes
    skew: int
    include_sdk_key: bool


def check_server(
    sdk_key: object,
    sdk_secret: object,
    credential_type: object,
    clock_skew: object,
    include_sdk_key: object,
) -> Server:
    """The server's settings as :func:`sign_meeting_sdk` checks them, in its order.

    Raises:
        InvalidParameterError: naming the argument, as :func:`sign_meeting_sdk` does.
        UnsupportedCredentialError: ``credential_type`` cannot sign Meeting SDK signatures.
    """
    check_credential(credential_type, "credential_type", _CAN_SIGN, "Meeting SDK signature")
    if not isinstance(include_sdk_key, bool):
        raise InvalidParameterError(
            "include_sdk_key", f"expected True or False, got {type(include_sdk_key).__name__}"
        )
    key = check_key(sdk_key, "sdk_key")
    secret = check_secret(sdk_secret, "sdk_secret")
    return Server(key, secret, check_clock_skew(clock_skew), include_sdk_key)


def sign_checked(
    server: Server,
    *,
    meeting_number: Optional[str],
    role: Optional[int],
    expires_in: int,
    now: Now,
    video_webrtc_mode: Optional[int],
) -> str:
    """The signature of values already checked as :func:`sign_meeting_sdk` checks them (the
    digit string of a meeting number, a role of 0 or 1 with it, a lifetime in range)."""
    iat = math.floor(resolve_now(now)) - server.skew
    payload = _claims_json(
        server.key,
        meeting_number,
        role,
        iat,
        iat + expires_in,
        include_sdk_key=server.include_sdk_key,
        video_webrtc_mode=video_webrtc_mode,
    )
    return _jws.sign_json(payload, server.secret, "sdk_secret")


def _claims_json(
    key: str,
    mn: Optional[str],
    role: Optional[int],
    iat: int,
    exp: int,
    *,
    include_sdk_key: bool = True,
    video_webrtc_mode: Optional[int] = None,
) -> str:
    """The payload of a Meeting SDK signature as compact JSON, claims in the sample's order.

    Written from a template rather than by ``json.dumps`` of a dict, which costs as much
    as the rest of the signing: every value but the key is a checked int or digit string,
    and the key is escaped by the ``json`` module's own string encoder. The text is what
    ``json.dumps(claims, separators=(",", ":"), ensure_ascii=False)`` writes (a test
    compares the two), and Zoom's sample makes byte for byte.
    """
    app_key = encode_basestring(key)
    keys = f'"appKey":{app_key},"sdkKey":{app_key}' if include_sdk_key else f'"appKey":{app_key}'
    web = "" if mn is None or role is None else f',"mn":"{mn}","role":{role}'
    mode = "" if video_webrtc_mode is None else f',"video_webrtc_mode":{video_webrtc_mode}'
    return f'{{{keys}{web},"iat":{iat},"exp":{exp},"tokenExp":{exp}{mode}}}'
