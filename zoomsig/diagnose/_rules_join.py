"""The ZAK and OBF token a client passes to ``join()``: the mistakes visible without Zoom.

Zoom documents neither token's claims. What is known: both come from Zoom's REST API
(``GET /users/{userId}/token?type=zak`` / ``?type=onbehalf``), as the ``token`` field of a JSON
response; a ZAK is a JWT Zoom signs with its own key (header ``zm_skm`` / ``sv``, ``aud``
``clientsm``); the Web SDK refuses both together (3636). So these rules check only: both
given, the token's transport (quotes, whitespace, a response object, ``Bearer``), that it is
a JWT at all, that it is not a token of another kind (the SDK signature itself, a Video SDK
token, a JWT-app REST token, an OAuth access token), ``exp`` when it has one, a meeting
number when it carries one, and role 1 without a ZAK. A token passes no HMAC check here:
only Zoom holds the key. Never a fragment of either token goes into a finding.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Optional, cast

from zoomsig._enums import TokenKind
from zoomsig.diagnose._context import Context, is_int
from zoomsig.diagnose._decode import WELL_FORMED_JWT, decode_jwt
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import classify, is_rest_api_token, is_zoom_issued
from zoomsig.diagnose._text import duration, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["host_without_zak", "join_rules"]

_C = FindingCode
_OAUTH_AUDIENCE = "https://oauth.zoom.us"
_MEETING_CLAIMS = ("mn", "mnum", "meeting_number", "meetingNumber")


def join_rules(
    signature: str, claims: Mapping[str, object], context: Context, found: Findings
) -> None:
    """The join options in ``context`` (``zak`` / ``obf_token``; ``None``: not given; ``""``:
    passed empty) checked against the token's ``claims``."""
    zak, obf_token = context.zak, context.obf_token
    if zak and obf_token:
        found.add(
            _C.ZAK_AND_OBF_TOKEN,
            "join() gets both zak and obfToken; the Web SDK refuses that before joining "
            "(3636, or 5013 in the component view)",
            "zak",
        )
    for option, value in (("zak", zak), ("obfToken", obf_token)):
        if value:
            _validate_token(option, value, signature.strip(), context, found)
    if _host_without_zak(claims, zak, obf_token):
        with_obf = " (an OBF token does not make you host)" if obf_token else ""
        found.add(
            _C.HOST_WITHOUT_ZAK,
            f"the signature has role 1 but join() gets no zak{with_obf}: Zoom starts "
            "a meeting only with the host's ZAK",
            "role",
        )


def host_without_zak(claims: Mapping[str, object], context: Context) -> bool:
    """Whether ``HOST_WITHOUT_ZAK`` fires for ``claims`` with the join options in ``context``.

    The Meeting SDK rules ask it before reminding that role 1 needs the host's ZAK, so that
    the reminder is never added where this sharper finding takes its place.
    """
    return _host_without_zak(claims, context.zak, context.obf_token)


def _host_without_zak(
    claims: Mapping[str, object], zak: Optional[str], obf_token: Optional[str]
) -> bool:
    """Role 1, and the caller said what ``join()`` gets: no ZAK among it."""
    told = zak is not None or obf_token is not None
    role = claims.get("role")
    return told and not zak and is_int(role) and role == 1


def _validate_token(
    option: str, value: str, signature: str, context: Context, found: Findings
) -> None:
    text, transport = _unwrap(value)
    if transport:
        _not_zoom(option, transport, found)
    if text is None:
        return
    if text == signature:
        _wrong(option, "is the SDK signature itself", found)
        return
    if not WELL_FORMED_JWT.fullmatch(text):
        what = "a legacy-style or opaque string" if "." not in text else "a broken token"
        _not_zoom(option, f"is not a JWT ({what}); Zoom's tokens have three base64url parts", found)
        return
    token = decode_jwt(text, well_formed=True)
    if token.header is None or token.claims is None:
        _not_zoom(option, "is not a readable JWT (its header or payload is not JSON)", found)
        return
    _validate_kind(option, token.header, token.claims, found)
    _validate_claims(option, token.claims, context, found)


def _validate_claims(
    option: str, claims: Mapping[str, object], context: Context, found: Findings
) -> None:
    """The token's ``exp`` against ``now``, and a meeting number it carries."""
    exp = claims.get("exp")
    if is_int(exp) and exp <= context.now:
        found.add(
            _C.JOIN_TOKEN_EXPIRED,
            f"the {option} expired {duration(context.now - exp)} ago (its exp claim)",
            option,
        )
    if context.meeting_number is None:
        return
    for name in _MEETING_CLAIMS:
        number = claims.get(name)
        if (is_int(number) or isinstance(number, str)) and str(number) != context.meeting_number:
            found.add(
                _C.JOIN_TOKEN_MEETING_MISMATCH,
                f"the {option}'s {name} claim is {show(number)}, not the meeting "
                f"{show(context.meeting_number)} being joined",
                option,
            )
            return


def _validate_kind(
    option: str, header: Mapping[str, object], claims: Mapping[str, object], found: Findings
) -> None:
    if claims.get("aud") == _OAUTH_AUDIENCE:
        _wrong(
            option,
            f"is an OAuth access token (aud {show(_OAUTH_AUDIENCE)}): use it only to call "
            f"GET /users/{{userId}}/token?type={'zak' if option == 'zak' else 'onbehalf'}",
            found,
        )
        return
    if is_zoom_issued(header, claims):
        return
    kind = classify(claims)
    if kind is TokenKind.MEETING_SDK:
        _wrong(
            option, "is a Meeting SDK signature (appKey, mn, role), not a Zoom-issued token", found
        )
    elif kind is TokenKind.VIDEO_SDK:
        _wrong(option, "is a Video SDK token (app_key, tpc, role_type)", found)
    elif is_rest_api_token(claims):
        _wrong(option, f"is a JWT-app REST API token (iss {show(claims.get('iss'))})", found)
    elif option == "zak":
        _not_zoom(
            option,
            'has none of the marks of a ZAK (a zm_skm or sv header, aud "clientsm"): it '
            "was not issued by Zoom",
            found,
        )
    # what an OBF token contains is not documented: do not guess


def _unwrap(value: str) -> tuple[Optional[str], str]:
    """The token inside transport mistakes, and what the mistake was (``""`` if none)."""
    text = value.strip()
    problems: list[str] = []
    if text != value:
        problems.append("has surrounding whitespace")
    if text.startswith("{"):
        try:
            parsed: object = json.loads(text)
        except (ValueError, RecursionError):
            parsed = None
        inner = cast("dict[str, object]", parsed).get("token") if isinstance(parsed, dict) else None
        if not isinstance(inner, str):
            return None, "is a JSON object, not a token"
        problems.append('is the whole API response; pass its "token" field')
        text = inner.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        problems.append("is wrapped in quotes")
        text = text[1:-1].strip()
    if text[:7].lower() == "bearer ":
        problems.append("starts with 'Bearer '")
        text = text[7:].strip()
    if not text:
        return None, "is empty once its wrapping is removed"
    return text, " and ".join(problems)


def _not_zoom(option: str, what: str, found: Findings) -> None:
    found.add(_C.JOIN_TOKEN_NOT_ZOOM_ISSUED, f"the {option} {what}", option)


def _wrong(option: str, what: str, found: Findings) -> None:
    found.add(_C.JOIN_TOKEN_WRONG_KIND, f"the {option} {what}", option)
