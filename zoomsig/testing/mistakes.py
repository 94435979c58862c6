"""A catalogue of the real mistakes behind "Signature is invalid", as token factories.

Each :class:`Mistake` is data: a ``name``, a ``description`` of the mistake as people make
it, the finding ``codes`` zoomsig reports for it, and ``make``, a factory that builds the
broken token the way the broken code path does (hand-rolled HMAC and base64 with the
standard library, as the hand-rolled signers in blog posts and forum threads do), never by
mutating a token that zoomsig made.

Every factory takes the same keyword arguments as your service's signer would::

    make(sdk_key=..., sdk_secret=..., meeting_number=..., role=..., now=...) -> str

and ``codes`` are (all of) what :func:`zoomsig.decode_and_validate` reports when the token
is checked the way a service checks its own signatures, with the right secret and the
expected key, meeting and role at the same ``now``::

    decode_and_validate(token, secret=sdk_secret, sdk_key=sdk_key,
                        meeting_number=meeting_number, role=role, now=now)

The test suite holds the catalogue to that, so it cannot drift from the diagnosis. Use it
to test that your endpoints and clients handle broken signatures:

>>> from zoomsig.testing import assert_findings, fake_credentials
>>> from zoomsig.testing.mistakes import MISTAKES_BY_NAME
>>> creds = fake_credentials()
>>> mistake = MISTAKES_BY_NAME["role_missing"]
>>> token = mistake.make(sdk_key=creds.key, sdk_secret=creds.secret,
...                      meeting_number="85746065432", role=0, now=1763900000)
>>> sorted(code.value for code in mistake.codes)
['ROLE_MISSING']
>>> report = assert_findings(token, mistake.codes, secret=creds.secret, now=1763900000)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Union

from typing_extensions import Protocol

from zoomsig._enums import Severity
from zoomsig._errors import InvalidParameterError
from zoomsig.diagnose.codes import CODE_INFO, FindingCode

__all__ = [
    "ERROR_MISTAKES",
    "MISTAKES",
    "MISTAKES_BY_NAME",
    "Mistake",
    "MistakeFactory",
]

_C = FindingCode
MeetingNumber = Union[str, int]


class MistakeFactory(Protocol):
    """What every factory of the catalogue is: the arguments of a service's own signer."""

    def __call__(
        self,
        *,
        sdk_key: str,
        sdk_secret: str,
        meeting_number: MeetingNumber,
        role: int,
        now: int,
    ) -> str: ...


@dataclass(frozen=True)
class Mistake:
    """One real-world mistake: how it is made and what zoomsig says about it.

    Attributes:
        name: A stable identifier (``"role_missing"``), handy as a pytest id.
        description: The mistake as people make it, in one or two sentences.
        codes: The finding codes zoomsig reports for it (all of them are reported; a
            mistake may cause other, consequential findings too).
        make: Builds the broken token from the credentials, meeting, role and time.
    """

    name: str
    description: str
    codes: frozenset[FindingCode]
    make: MistakeFactory

    @property
    def is_error(self) -> bool:
        """Whether Zoom rejects it (some code is an error, not only a warning)."""
        return any(CODE_INFO[code].severity is Severity.ERROR for code in self.codes)


# --------------------------------------------------------------------------- encoders


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64std(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _stringify(obj: object) -> bytes:
    """``JSON.stringify(obj)``: compact, in insertion order."""
    return json.dumps(obj, separators=(",", ":")).encode("utf-8")


def _hs256(key: Union[str, bytes], message: str) -> bytes:
    raw = key.encode("utf-8") if isinstance(key, str) else key
    return hmac.new(raw, message.encode("ascii"), hashlib.sha256).digest()


_HEADER: Mapping[str, object] = MappingProxyType({"alg": "HS256", "typ": "JWT"})


def _hand_rolled(
    claims: Mapping[str, object],
    key: Union[str, bytes],
    *,
    encode: Callable[[bytes], str] = _b64url,
    encode_mac: Callable[[bytes], str] = _b64url,
    header: Mapping[str, object] = _HEADER,
) -> str:
    """``enc(header) + "." + enc(payload)``, then the HMAC of that, as blog posts do it."""
    signing_input = f"{encode(_stringify(dict(header)))}.{encode(_stringify(dict(claims)))}"
    return f"{signing_input}.{encode_mac(_hs256(key, signing_input))}"


def _claims(
    key: str, mn: MeetingNumber, role_: int, now_: int, /, **changes: object
) -> dict[str, object]:
    """The Meeting SDK claims in the order of Zoom's sample; ``_DROP`` removes a claim."""
    iat = now_ - 30
    claims: dict[str, object] = {
        "appKey": key,
        "sdkKey": key,
        "mn": str(mn),
        "role": role_,
        "iat": iat,
        "exp": iat + 7200,
        "tokenExp": iat + 7200,
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not _DROP}


_DROP = object()


def _first_with(chars: str, make: Callable[[int], str]) -> str:
    """The first of ``make(0)``, ``make(1)``… that has one of ``chars`` (deterministic)."""
    token = make(0)
    for step in range(1, 2000):
        if any(char in token for char in chars):
            return token
        token = make(step)
    return token  # pragma: no cover - 2000 standard-base64 tokens without '+' or '/'


def _btoa(sdk_key: str, sdk_secret: str, mn: MeetingNumber, role: int, now: int) -> str:
    """``btoa(JSON.stringify(part))`` and CryptoJS's Base64 HMAC, with a '+' in it."""

    def make(step: int) -> str:
        claims = _claims(sdk_key, mn, role, now - step)
        return _hand_rolled(claims, sdk_secret, encode=_b64std, encode_mac=_b64std)

    return _first_with("+", make)


# --------------------------------------------------------------------------- factories


def role_missing(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The payload has ``mn`` but no ``role``."""
    del role
    return _hand_rolled(_claims(sdk_key, meeting_number, 0, now, role=_DROP), sdk_secret)


def role_as_string(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``role: req.body.role`` straight from a form: the string ``"0"``."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now, role=str(role)), sdk_secret)


def role_inverted(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Host and participant swapped (old sample comments said ``0`` is the host)."""
    return _hand_rolled(_claims(sdk_key, meeting_number, 1 - role, now), sdk_secret)


def meeting_number_claim_name(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``meetingNumber`` (the join call's parameter name) instead of the ``mn`` claim."""
    claims = _claims(sdk_key, meeting_number, role, now, mn=_DROP)
    claims["meetingNumber"] = str(meeting_number)
    return _hand_rolled(claims, sdk_secret)


def other_meeting(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Signed for another meeting than the one joined (a cached or hard-coded number)."""
    other = str(meeting_number)[:-1] + ("1" if str(meeting_number)[-1:] != "1" else "2")
    return _hand_rolled(_claims(sdk_key, other, role, now), sdk_secret)


def milliseconds(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``iat: Date.now()``: JavaScript's milliseconds where Zoom wants seconds."""
    iat = now * 1000 - 30000
    claims = _claims(sdk_key, meeting_number, role, now, iat=iat, exp=iat + 7200 * 1000)
    claims["tokenExp"] = claims["exp"]
    return _hand_rolled(claims, sdk_secret)


def btoa_base64(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """A JWT hand-rolled with ``btoa`` and CryptoJS: standard base64 ``+ / =``, not base64url."""
    return _btoa(sdk_key, sdk_secret, meeting_number, role, now)


def base64_padding(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Java's ``Base64.getUrlEncoder()`` without ``.withoutPadding()``: ``=`` is kept."""

    def padded(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode("ascii")

    claims = _claims(sdk_key, meeting_number, role, now)
    return _hand_rolled(claims, sdk_secret, encode=padded, encode_mac=padded)


def plus_turned_into_space(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The ``btoa`` token sent in a query string unescaped: each ``+`` arrives as a space."""
    token = _btoa(sdk_key, sdk_secret, meeting_number, role, now)
    return urllib.parse.parse_qs("signature=" + token)["signature"][0]


def url_encoded(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``encodeURIComponent`` of the ``btoa`` token, and nobody decoded it."""
    token = _btoa(sdk_key, sdk_secret, meeting_number, role, now)
    return urllib.parse.quote(token, safe="-_.!~*'()")


def quoted(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``JSON.stringify(signature)``: the token with its quotes (Web SDK 6.2 keeps them)."""
    return json.dumps(_hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret))


def response_object(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The whole ``{"signature": ...}`` response body passed on instead of its field."""
    token = _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret)
    return json.dumps({"signature": token})


def bearer_prefix(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The token as an ``Authorization`` header value, ``Bearer `` and all."""
    return "Bearer " + _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret)


def secret_with_newline(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The secret read from a file or ``.env`` with its trailing newline."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret + "\n")


def secret_base64_decoded(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Signed with the base64-decoded secret (jwt.io's "secret base64 encoded" box, jjwt 0.9).

    Needs a secret that reads as base64, as Zoom's 32 alphanumeric characters do; raises
    :class:`~zoomsig.InvalidParameterError` for one that does not (nobody can make this
    mistake with it).
    """
    body = sdk_secret.rstrip("=").replace("-", "+").replace("_", "/")
    letters = body.replace("+", "").replace("/", "")
    if len(body) % 4 == 1 or not (letters.isascii() and letters.isalnum()):
        raise InvalidParameterError(
            "sdk_secret", "this mistake needs a secret that reads as base64 (Zoom's do)"
        )
    raw = base64.b64decode(body + "=" * (-len(body) % 4))
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now), raw)


def key_secret_swapped(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``ZOOM_SDK_KEY`` and ``ZOOM_SDK_SECRET`` swapped: the secret ships as ``appKey``."""
    claims = _claims(sdk_secret, meeting_number, role, now)
    return _hand_rolled(claims, sdk_key)


def server_to_server_oauth_secret(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Signed with a Server-to-Server OAuth app's Client ID and secret (REST-only credentials)."""
    del sdk_key
    s2s_key = "S2s" + hashlib.sha256(b"client id" + sdk_secret.encode()).hexdigest()[:19]
    s2s_secret = hashlib.sha256(b"client secret" + sdk_secret.encode()).hexdigest()[:32]
    return _hand_rolled(_claims(s2s_key, meeting_number, role, now), s2s_secret)


def video_sdk_token(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """A Video SDK token (``tpc``, ``role_type``) where a Meeting SDK signature belongs."""
    iat = now - 30
    claims = {
        "app_key": sdk_key,
        "role_type": role,
        "tpc": str(meeting_number),
        "version": 1,
        "iat": iat,
        "exp": iat + 7200,
    }
    return _hand_rolled(claims, sdk_secret)


def legacy_signature(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The pre-2.7.0 Web SDK ``key.mn.ts.role.hash`` signature, which today's SDKs refuse."""
    ts = now * 1000 - 30000
    message = base64.b64encode(f"{sdk_key}{meeting_number}{ts}{role}".encode())
    digest = _b64std(hmac.new(sdk_secret.encode(), message, hashlib.sha256).digest())
    return _b64url(f"{sdk_key}.{meeting_number}.{ts}.{role}.{digest}".encode())


def expired(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Signed once and cached: the two-hour token is used three hours later."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now - 3 * 3600), sdk_secret)


def issued_in_future(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``iat`` from local time read as UTC on a server one hour east of UTC."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now + 3600), sdk_secret)


def lifetime_too_short(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``exp = iat + 600``: ten minutes, where Zoom needs at least thirty."""
    iat = now - 30
    claims = _claims(sdk_key, meeting_number, role, now, exp=iat + 600, tokenExp=iat + 600)
    return _hand_rolled(claims, sdk_secret)


def lifetime_too_long(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``exp = iat + 7 days`` to "avoid re-signing"; Zoom allows 48 hours at most."""
    iat = now - 30
    week = iat + 7 * 86400
    return _hand_rolled(
        _claims(sdk_key, meeting_number, role, now, exp=week, tokenExp=week), sdk_secret
    )


def hmac_only(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The helper builds the JWT, then ``return signature``: only the base64url HMAC."""
    token = _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret)
    return token.rsplit(".", 1)[1]


def hex_digest(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``hmac.new(...).hexdigest()`` as the third part instead of base64url of the digest."""
    claims = _claims(sdk_key, meeting_number, role, now)
    return _hand_rolled(claims, sdk_secret, encode_mac=lambda mac: mac.hex())


def truncated(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The last characters lost: a short database column or a bad copy and paste."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret)[:-3]


def jwt_app_token(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The JWT app's REST API token ``{iss, exp}`` passed as the SDK signature."""
    del meeting_number, role
    return _hand_rolled({"iss": sdk_key, "exp": now + 3600}, sdk_secret)


def nan_claims(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``Math.round(new Date().getTime / 1000)``: no ``()``, so iat, exp and tokenExp are
    ``NaN``, which ``JSON.stringify`` writes as ``null``."""
    claims = _claims(sdk_key, meeting_number, role, now, iat=None, exp=None, tokenExp=None)
    return _hand_rolled(claims, sdk_secret)


def api_key_claim(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """``apiKey`` (the JWT app's name) instead of ``appKey``."""
    claims = _claims(sdk_key, meeting_number, role, now, appKey=_DROP, sdkKey=_DROP)
    return _hand_rolled({"apiKey": sdk_key, **claims}, sdk_secret)


def wrong_secret(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Signed with another app's (or the rotated-out) secret."""
    other = hashlib.sha256(b"rotated" + sdk_secret.encode()).hexdigest()[:32]
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now), other)


def alg_none(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """An unsigned ``alg: none`` token, as a JWT debugger or a test stub makes it."""
    del sdk_secret
    header = _b64url(_stringify({"alg": "none", "typ": "JWT"}))
    return f"{header}.{_b64url(_stringify(_claims(sdk_key, meeting_number, role, now)))}."


def deprecated_sdk_key_only(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """Only the pre-2023 ``sdkKey`` claim, no ``appKey`` (Web SDK 5 and later warn)."""
    return _hand_rolled(_claims(sdk_key, meeting_number, role, now, appKey=_DROP), sdk_secret)


def line_breaks(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The token pasted from an e-mail or log viewer that wrapped it every 76 characters."""
    token = _hand_rolled(_claims(sdk_key, meeting_number, role, now), sdk_secret)
    return "\r\n".join(token[i : i + 76] for i in range(0, len(token), 76))


def cobrowse_token(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """A Cobrowse SDK token (``user_id``, ``role_type`` 1) where a Meeting SDK signature
    belongs: one backend serves both, and the page called the Cobrowse endpoint."""
    del meeting_number, role
    iat = now - 30
    claims = {
        "app_key": sdk_key,
        "role_type": 1,
        "user_id": "user123",
        "user_name": "user123",
        "iat": iat,
        "exp": iat + 7200,
    }
    return _hand_rolled(claims, sdk_secret)


def video_sdk_api_token(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """The Video SDK REST API token ``{iss, iat, exp}`` (made for ``api.zoom.us`` with the
    API key and secret) passed as the SDK signature."""
    del meeting_number, role
    iat = now - 30
    return _hand_rolled({"iss": sdk_key, "iat": iat, "exp": iat + 1800}, sdk_secret)


def ai_skill_backdated_iat(
    *, sdk_key: str, sdk_secret: str, meeting_number: MeetingNumber, role: int, now: int
) -> str:
    """An AI coding assistant's Zoom skill (2026): ``sdkKey`` only, ``iat = now - 7200`` and
    ``exp = tokenExp = now + 10``, "short-lived for security"; it dies 10 s after signing."""
    exp = now + 10
    claims = _claims(
        sdk_key, meeting_number, role, now, appKey=_DROP, iat=now - 7200, exp=exp, tokenExp=exp
    )
    return _hand_rolled(claims, sdk_secret)


def _mistake(make: MistakeFactory, *codes: FindingCode) -> Mistake:
    doc = " ".join((make.__doc__ or "").split())
    return Mistake(make.__name__, doc, frozenset(codes), make)  # type: ignore[attr-defined]


MISTAKES: tuple[Mistake, ...] = (
    _mistake(role_missing, _C.ROLE_MISSING),
    _mistake(role_as_string, _C.ROLE_NOT_INTEGER),
    _mistake(role_inverted, _C.ROLE_MISMATCH),
    _mistake(meeting_number_claim_name, _C.MEETING_NUMBER_WRONG_CLAIM),
    _mistake(other_meeting, _C.MEETING_NUMBER_MISMATCH),
    _mistake(milliseconds, _C.IAT_IN_MILLISECONDS, _C.EXP_IN_MILLISECONDS),
    _mistake(btoa_base64, _C.NOT_BASE64URL, _C.BASE64_PADDING),
    _mistake(base64_padding, _C.BASE64_PADDING),
    _mistake(plus_turned_into_space, _C.SPACES_INSTEAD_OF_PLUS),
    _mistake(url_encoded, _C.URL_ENCODED, _C.NOT_BASE64URL, _C.BASE64_PADDING),
    _mistake(quoted, _C.QUOTED),
    _mistake(response_object, _C.RESPONSE_OBJECT),
    _mistake(bearer_prefix, _C.BEARER_PREFIX),
    _mistake(line_breaks, _C.LINE_BREAKS),
    _mistake(secret_with_newline, _C.SECRET_HAS_WHITESPACE),
    _mistake(secret_base64_decoded, _C.SECRET_BASE64_DECODED),
    _mistake(key_secret_swapped, _C.KEY_SECRET_SWAPPED, _C.SECRET_IN_TOKEN),
    _mistake(server_to_server_oauth_secret, _C.SDK_KEY_MISMATCH, _C.SIGNATURE_MISMATCH),
    _mistake(wrong_secret, _C.SIGNATURE_MISMATCH),
    _mistake(video_sdk_token, _C.VIDEO_SDK_TOKEN),
    _mistake(legacy_signature, _C.LEGACY_FORMAT),
    _mistake(expired, _C.EXPIRED),
    _mistake(issued_in_future, _C.IAT_IN_FUTURE),
    _mistake(lifetime_too_short, _C.LIFETIME_TOO_SHORT, _C.TOKEN_EXP_TOO_SOON),
    _mistake(lifetime_too_long, _C.LIFETIME_TOO_LONG),
    _mistake(hmac_only, _C.SIGNATURE_ONLY),
    _mistake(hex_digest, _C.SIGNATURE_HEX),
    _mistake(truncated, _C.SIGNATURE_LENGTH_INVALID),
    _mistake(jwt_app_token, _C.REST_API_TOKEN),
    _mistake(nan_claims, _C.IAT_NOT_INTEGER, _C.EXP_NOT_INTEGER, _C.TOKEN_EXP_NOT_INTEGER),
    _mistake(api_key_claim, _C.API_KEY_CLAIM),
    _mistake(alg_none, _C.ALG_NOT_HS256),
    _mistake(deprecated_sdk_key_only, _C.APP_KEY_DEPRECATED_ONLY),
    _mistake(cobrowse_token, _C.COBROWSE_SDK_TOKEN),
    _mistake(video_sdk_api_token, _C.REST_API_TOKEN),
    _mistake(ai_skill_backdated_iat, _C.IAT_BACKDATED, _C.APP_KEY_DEPRECATED_ONLY, _C.EXPIRES_SOON),
)
"""Every mistake of the catalogue, in a stable order."""

MISTAKES_BY_NAME: Mapping[str, Mistake] = MappingProxyType({m.name: m for m in MISTAKES})
"""The catalogue by :attr:`Mistake.name`."""

ERROR_MISTAKES: tuple[Mistake, ...] = tuple(m for m in MISTAKES if m.is_error)
"""The mistakes Zoom rejects outright (leaves out the ones zoomsig only warns about)."""
