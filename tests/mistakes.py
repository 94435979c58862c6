"""The table of real-world broken signatures, each built the way the mistake is made.

Every :class:`Case` re-implements the broken code path (``btoa(JSON.stringify(...))``, Ruby's
``Base64.encode64``, ``hmac.hexdigest()``, a ``VARCHAR(255)`` column…) in Python rather than
hand-editing JSON, so the token is byte for byte what the broken backend would have sent.
Nothing here uses zoomsig's own signers for the broken part. Cases marked ``forum`` in their
comment were reproduced from a Zoom developer-forum thread.

Importable by other tests::

    from mistakes import CASES, CASES_BY_ID
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Callable, Optional, Union

import jwt
from _support import NOW, SDK_KEY, SDK_SECRET

from zoomsig import MAX_SIGNATURE_LENGTH, FindingCode, TokenKind

__all__ = [
    "CASES",
    "CASES_BY_ID",
    "DROP",
    "EXP",
    "IAT",
    "MN",
    "Case",
    "b64std",
    "b64url",
    "hs256",
    "js_stringify",
    "legacy_signature",
    "make_jwt",
    "meeting_claims",
    "video_claims",
]

C = FindingCode
Build = Callable[[], Union[str, bytes]]

MN = "85746065432"
"""The meeting number of the official vectors."""
IAT = NOW - 30
"""iat as Zoom's sample makes it (backdated by 30 s)."""
EXP = IAT + 7200
"""exp for the default two-hour lifetime."""
TOPIC = "Weekly sync"
OTHER_SECRET = "Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcV"
"""Another app's (or the rotated-out) 32-character secret."""
S2S_CLIENT_ID = "pQ7rS8tU9vW0xY1zA2bC3d"
DEV_KEY = "DevAppKey000000000000z"
"""The Client ID of the developer's other (development) app."""

_HEADER = {"alg": "HS256", "typ": "JWT"}


class _Drop:
    """Marker: leave this claim out."""

    def __repr__(self) -> str:
        return "DROP"


DROP = _Drop()


@dataclass(frozen=True)
class Case:
    """One real-world mistake and what the diagnosis must say about it.

    Attributes:
        id: The mistake's name, used as the pytest id.
        build: Makes the broken signature exactly as the broken code path does.
        expect: Codes that must all be reported (each with its CODE_INFO severity).
        kwargs: Keyword arguments for ``decode_and_validate``.
        also: Other error/warning codes that are true consequences and may be reported.
        any_of: At least one of these must be reported (when the contract allows several).
        mention: For some expected codes, a text the finding's message must contain
            (the offending value), compared case-insensitively.
    """

    id: str
    build: Build
    expect: frozenset[FindingCode]
    kwargs: Mapping[str, object] = field(default_factory=dict)
    also: frozenset[FindingCode] = frozenset()
    any_of: frozenset[FindingCode] = frozenset()
    mention: Mapping[FindingCode, str] = field(default_factory=dict)

    def signature(self) -> Union[str, bytes]:
        return self.build()


# --------------------------------------------------------------------------- encoders


def b64url(data: bytes) -> str:
    """base64url without padding (what a JWT library does)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64std(data: bytes) -> str:
    """Standard base64 with padding: JS ``btoa``, Ruby ``strict_encode64``, Java ``getEncoder``."""
    return base64.b64encode(data).decode("ascii")


def java_url_encoder(data: bytes) -> str:
    """Java ``Base64.getUrlEncoder()`` without ``.withoutPadding()``: url alphabet, keeps '='."""
    return base64.urlsafe_b64encode(data).decode("ascii")


def ruby_encode64(data: bytes) -> str:
    """Ruby ``Base64.encode64``: a line break every 60 characters and one at the end."""
    text = base64.b64encode(data).decode("ascii")
    return "".join(text[i : i + 60] + "\n" for i in range(0, len(text), 60))


def python_encodebytes(data: bytes) -> str:
    """Python ``base64.encodebytes``: a line break every 76 characters and one at the end."""
    return base64.encodebytes(data).decode("ascii")


def php_chunk_split(text: str, width: int = 76, end: str = "\r\n") -> str:
    """PHP ``chunk_split($s)``: ``end`` after every ``width`` characters, also at the end."""
    return "".join(text[i : i + width] + end for i in range(0, len(text), width))


def js_stringify(obj: object) -> bytes:
    """``JSON.stringify(obj)`` (compact, insertion order)."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def hs256(key: Union[str, bytes], message: Union[str, bytes]) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8")
    if isinstance(message, str):
        message = message.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).digest()


def make_jwt(
    claims: Mapping[str, object],
    *,
    header: Mapping[str, object] = _HEADER,
    key: Union[str, bytes] = SDK_SECRET,
    enc: Callable[[bytes], str] = b64url,
    sig_enc: Optional[Callable[[bytes], str]] = None,
    header_json: Optional[bytes] = None,
    payload_json: Optional[bytes] = None,
) -> str:
    """A hand-rolled HS256 JWT: ``enc(header).enc(payload).sig_enc(HMAC(key, signing input))``."""
    h = enc(header_json if header_json is not None else js_stringify(header))
    p = enc(payload_json if payload_json is not None else js_stringify(claims))
    sig = (sig_enc or enc)(hs256(key, f"{h}.{p}"))
    return f"{h}.{p}.{sig}"


def pyjwt(claims: Mapping[str, object], key: str = SDK_SECRET, **kw: object) -> str:
    """``jwt.encode`` as a Python backend calls it (PyJWT's own header)."""
    return jwt.encode(dict(claims), key, algorithm="HS256", **kw)  # type: ignore[arg-type]


def meeting_claims(**over: object) -> dict[str, object]:
    """Zoom's Meeting SDK claims in the official sample's order, with overrides.

    ``DROP`` removes a claim; a new name is appended at the end.
    """
    claims: dict[str, object] = {
        "appKey": SDK_KEY,
        "sdkKey": SDK_KEY,
        "mn": MN,
        "role": 0,
        "iat": IAT,
        "exp": EXP,
        "tokenExp": EXP,
    }
    claims.update(over)
    return {name: value for name, value in claims.items() if value is not DROP}


def video_claims(**over: object) -> dict[str, object]:
    """Zoom's Video SDK claims in the official sample's order, with overrides."""
    claims: dict[str, object] = {
        "app_key": SDK_KEY,
        "role_type": 1,
        "tpc": TOPIC,
        "version": 1,
        "iat": IAT,
        "exp": EXP,
    }
    claims.update(over)
    return {name: value for name, value in claims.items() if value is not DROP}


def cobrowse_claims(**over: object) -> dict[str, object]:
    """The official Cobrowse auth endpoint sample's claims, in its order, with overrides."""
    claims: dict[str, object] = {
        "app_key": SDK_KEY,
        "role_type": 1,
        "user_id": "user123",
        "user_name": "ekaansh",
        "iat": IAT,
        "exp": EXP,
    }
    claims.update(over)
    return {name: value for name, value in claims.items() if value is not DROP}


def legacy_signature(
    *,
    key: str = SDK_KEY,
    mn: object = MN,
    ts: object = None,
    role: object = 0,
    secret: str = SDK_SECRET,
    hash_over_raw: bool = False,
    hash_text: Optional[Callable[[bytes, bytes], str]] = None,
    outer: Callable[[bytes], str] = b64url,
) -> str:
    """The pre-2.7.0 Web SDK signature as Zoom's samples made it, with the knobs people broke.

    ``outer`` defaults to the PHP sample's url-safe, unpadded encoding.
    """
    if ts is None:
        ts = NOW * 1000 - 30000
    raw = f"{key}{mn}{ts}{role}".encode()
    message = base64.b64encode(raw)
    signed = raw if hash_over_raw else message
    if hash_text is not None:
        digest = hash_text(secret.encode(), signed)
    else:
        digest = b64std(hs256(secret, signed))
    return outer(f"{key}.{mn}.{ts}.{role}.{digest}".encode())


def _first(make: Callable[[int], str], ok: Callable[[str], bool]) -> str:
    """The first of ``make(0)``, ``make(1)``… that ``ok`` accepts (deterministic search)."""
    for i in range(5000):
        token = make(i)
        if ok(token):
            return token
    raise AssertionError("no variant found")  # pragma: no cover


def _has_std_chars(token: str) -> bool:
    return "+" in token or "/" in token


# --------------------------------------------------------------------------- builders


def _btoa_cryptojs(claims: Mapping[str, object], key: str = SDK_SECRET) -> str:
    """``btoa(JSON.stringify(h)) + "." + btoa(JSON.stringify(p))`` signed with CryptoJS's
    ``HmacSHA256`` and ``enc.Base64.stringify``: standard alphabet, '=' padding."""
    return make_jwt(claims, key=key, enc=b64std)


def btoa_standard_base64() -> str:
    # forum: "Invalid Signature Web SDK" (devforum 98154) hand-rolls the JWT with btoa().
    return _first(
        lambda i: _btoa_cryptojs(meeting_claims(iat=IAT - i, exp=EXP - i, tokenExp=EXP - i)),
        _has_std_chars,
    )


def ruby_strict_encode64_jwt() -> str:
    # Base64.strict_encode64 on every part: same alphabet and padding as btoa.
    return _first(
        lambda i: make_jwt(
            meeting_claims(role=1, iat=IAT - i, exp=EXP - i, tokenExp=EXP - i), enc=b64std
        ),
        lambda t: "/" in t,
    )


def java_geturlencoder_keeps_padding() -> str:
    # forum: "WebSdk 2.9.5 intermittent invalid signature" (devforum 81534):
    # Base64.getUrlEncoder() without .withoutPadding(); the 32-byte MAC always gets one '='.
    return make_jwt(meeting_claims(), enc=java_url_encoder)


def plus_turned_into_space() -> str:
    # The btoa token went through a query string (?signature=...) and '+' became ' '.
    token = _first(
        lambda i: _btoa_cryptojs(meeting_claims(iat=IAT - i, exp=EXP - i, tokenExp=EXP - i)),
        lambda t: "+" in t,
    )
    return urllib.parse.parse_qs("signature=" + token)["signature"][0]


def encodeuricomponent_btoa_jwt() -> str:
    token = _first(
        lambda i: _btoa_cryptojs(meeting_claims(iat=IAT - i, exp=EXP - i, tokenExp=EXP - i)),
        lambda t: "+" in t,
    )
    return urllib.parse.quote(token, safe="-_.!~*'()")


def encodeuricomponent_legacy_node_sample() -> str:
    # The Node legacy sample's '=' padded outer base64, URL-encoded into a query string.
    return urllib.parse.quote(legacy_signature(outer=b64std), safe="-_.!~*'()")


def ruby_encode64_legacy_line_breaks() -> str:
    # forum: "[Web SDK] Random 'Joining meeting timeout. Signature is invalid'" (Ruby,
    # devforum 24866), fixed by switching to strict_encode64.
    return legacy_signature(outer=ruby_encode64)


def python_encodebytes_legacy() -> str:
    return legacy_signature(outer=python_encodebytes)


def php_chunk_split_legacy() -> str:
    return php_chunk_split(legacy_signature(outer=b64std))


def mail_client_wrapped_jwt() -> str:
    # A valid token copied from an e-mail / log viewer that wrapped it at 76 columns.
    token = pyjwt(meeting_claims())
    return "\r\n".join(token[i : i + 76] for i in range(0, len(token), 76))


def ruby_encode64_jwt_parts() -> str:
    # Hand-rolled Ruby JWT: Base64.encode64(part).tr('+/', '-_').delete('='): the newlines stay.
    def enc(data: bytes) -> str:
        return ruby_encode64(data).translate(str.maketrans("+/", "-_")).replace("=", "")

    return make_jwt(meeting_claims(), enc=enc)


def python_hmac_hexdigest() -> str:
    # signature = hmac.new(secret, msg, sha256).hexdigest() instead of base64url(digest()).
    return make_jwt(meeting_claims(), sig_enc=lambda mac: mac.hex())


def node_digest_hex() -> str:
    # crypto.createHmac('sha256', secret).update(msg).digest('hex')
    return make_jwt(meeting_claims(role=1), sig_enc=lambda mac: mac.hex())


def varchar_255_truncated(mn: str = MN) -> str:
    # Stored in a VARCHAR(255) column; MySQL in non-strict mode cut the rest silently.
    return pyjwt(meeting_claims(mn=mn))[:255]


def copy_paste_lost_last_characters() -> str:
    return pyjwt(meeting_claims())[:-3]


def csharp_returns_only_hmac() -> str:
    # forum: "How to generate signature for OAuth app type" (devforum 85908): C# helper builds
    # header.payload, then `return signature;` — only the base64url HMAC.
    return make_jwt(meeting_claims()).rsplit(".", 1)[1]


def cryptojs_base64_hmac_only() -> str:
    # forum 98154: HMACSHA256() returns CryptoJS.enc.Base64.stringify(hash) and that is
    # what the function returns: a standard-base64 MAC, 44 chars with '='.
    return _btoa_cryptojs(meeting_claims(meetingNumber=MN, mn=DROP)).rsplit(".", 1)[1]


def double_json_stringify_header() -> str:
    # KJUR.jws.JWS.sign("HS256", JSON.stringify(sHeader), ...) with sHeader already a string.
    return make_jwt(meeting_claims(), header_json=js_stringify(js_stringify(_HEADER).decode()))


def python_str_dict_payload() -> str:
    # base64url(str(payload).encode()): Python repr with single quotes, not JSON.
    return make_jwt({}, payload_json=str(meeting_claims()).encode())


def double_json_stringify_payload() -> str:
    return make_jwt({}, payload_json=js_stringify(js_stringify(meeting_claims()).decode()))


def alg_none_unsigned() -> str:
    header = b64url(js_stringify({"alg": "none", "typ": "JWT"}))
    return f"{header}.{b64url(js_stringify(meeting_claims()))}."


def rs256_header() -> str:
    # jsonwebtoken's jwt.sign(payload, privateKey, { algorithm: 'RS256' }): a 256-byte signature.
    header = b64url(js_stringify({"alg": "RS256", "typ": "JWT"}))
    payload = b64url(js_stringify(meeting_claims()))
    fake_rsa = hashlib.sha512(b"rsa").digest() * 4
    return f"{header}.{payload}.{b64url(fake_rsa)}"


def hs512_algorithm_option() -> str:
    # jwt.sign(payload, secret, { algorithm: 'HS512' }): a 64-byte MAC.
    header = b64url(js_stringify({"alg": "HS512", "typ": "JWT"}))
    payload = b64url(js_stringify(meeting_claims()))
    mac = hmac.new(SDK_SECRET.encode(), f"{header}.{payload}".encode(), hashlib.sha512).digest()
    return f"{header}.{payload}.{b64url(mac)}"


def jose_signjwt_without_typ() -> str:
    # new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }): no typ.
    return make_jwt(meeting_claims(), header={"alg": "HS256"})


def jwt_app_rest_token() -> str:
    # The JWT-app REST API token: {iss: api_key, exp}.
    return pyjwt({"iss": SDK_KEY, "exp": NOW + 3600})


def csharp_rest_token_nbf_iat_iss() -> str:
    # forum: "Invalid Parameter - signature length error" (devforum 36563): the decoded token
    # was {nbf, exp, iat, iss} from JwtSecurityTokenHandler, exp 30 s after iat.
    return pyjwt({"nbf": NOW, "exp": NOW + 30, "iat": NOW, "iss": SDK_KEY})


def zak_passed_as_signature() -> str:
    # The host's ZAK (GET /users/me/zak) passed as `signature` instead of `zak`.
    header = {"typ": "JWT", "zm_skm": "zm_o2m", "alg": "ES256"}
    claims = {
        "aud": "clientsm",
        "uid": "Xy12AbCdEfGhIjKlMnOpQr",
        "iss": "web",
        "sk": "0",
        "sty": 100,
        "wcd": "us05",
        "clt": 0,
        "mnum": MN,
        "exp": NOW + 7200,
        "iat": NOW,
        "aid": "Aa11Bb22Cc33Dd44Ee55Ff",
        "cid": "",
    }
    es256 = hashlib.sha512(b"zak").digest()
    return f"{b64url(js_stringify(header))}.{b64url(js_stringify(claims))}.{b64url(es256)}"


def _zoom_oauth_token(extra: Mapping[str, object]) -> str:
    header = {"alg": "HS512", "v": "2.0", "kid": "3f1c2a9e-5d7b-4e2a-9c1d-8b7a6f5e4d3c"}
    claims: dict[str, object] = {
        "aud": "https://oauth.zoom.us",
        "uid": "Xy12AbCdEfGhIjKlMnOpQr",
        "ver": 10,
        "auid": "0123456789abcdef0123456789abcdef",
        "nbf": NOW,
        "code": "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp",
        "iss": f"zm:cid:{S2S_CLIENT_ID}",
        "gno": 0,
        "exp": NOW + 3600,
        "iat": NOW,
        "aid": "Aa11Bb22Cc33Dd44Ee55Ff",
    }
    claims.update(extra)
    mac = hmac.new(b"zoom-internal-key", js_stringify(claims), hashlib.sha512).digest()
    return f"{b64url(js_stringify(header))}.{b64url(js_stringify(claims))}.{b64url(mac)}"


def _zak(**over: object) -> str:
    """A ZAK as GET /users/{userId}/token?type=zak returns it (Zoom's key, not yours)."""
    header = {"typ": "JWT", "sv": "000001", "zm_skm": "zm_o2m", "alg": "HS256"}
    claims: dict[str, object] = {
        "aud": "clientsm",
        "uid": "Xy12AbCdEfGhIjKlMnOpQr",
        "iss": "web",
        "sty": 100,
        "exp": NOW + 7200,
        "iat": NOW,
    }
    claims.update(over)
    mac = hmac.new(b"zoom-internal-key", js_stringify(claims), hashlib.sha256).digest()
    return f"{b64url(js_stringify(header))}.{b64url(js_stringify(claims))}.{b64url(mac)}"


def s2s_oauth_access_token() -> str:
    # POST /oauth/token?grant_type=account_credentials: the access_token passed as signature.
    return _zoom_oauth_token({"type": 3})


def user_oauth_access_token() -> str:
    return _zoom_oauth_token({"tid": 2, "jti": "5c1f8e2a-7b3d-4c9e-a1f0-2d4b6c8e0a1b"})


def java_float_division_iat() -> str:
    # forum: "Zoom Meeting SDK Signature Creation" (devforum 91781), fails "one in 10-20
    # times": iat = Math.round(new Date().getTime() / (float) 1000) - 30. A float has 24
    # bits: the millisecond time is rounded to 131 s steps, so iat can land ~70 s ahead.
    ms = JAVA_FLOAT_NOW_MS

    def f32(x: float) -> float:
        return float(struct.unpack("f", struct.pack("f", x))[0])

    iat = int(f32(f32(float(ms)) / f32(1000.0)) + 0.5) - 30
    exp = iat + 60 * 60 * 2
    return make_jwt(meeting_claims(mn=MN, iat=iat, exp=exp, tokenExp=exp))


JAVA_FLOAT_NOW_MS = 1763899801994
"""A wall-clock time (ms) at which the Java float rounding puts iat ~72 s in the future."""


def legacy_hash_cryptojs_hex() -> str:
    # forum: devforum 36563: hash = Base64.encode(HmacSHA256(msg, secret).toString(enc.Hex)).
    return legacy_signature(
        hash_text=lambda key, msg: b64std(hmac.new(key, msg, hashlib.sha256).hexdigest().encode()),
        outer=b64std,
    )


def ms(seconds: int) -> int:
    """``Date.now()`` at the Unix time ``seconds``."""
    return seconds * 1000 + 123


def multiple_problems() -> str:
    # btoa-encoded, no role, iat = Date.now() (ms): all three must be reported.
    def make(i: int) -> str:
        claims = meeting_claims(role=DROP, iat=ms(NOW) - i, exp=EXP, tokenExp=EXP)
        return _btoa_cryptojs(claims)

    return _first(make, _has_std_chars)


# --------------------------------------------------------------------------- the table

_DEFAULT: Mapping[str, object] = {"secret": SDK_SECRET, "now": NOW}


def _case(
    id: str,
    build: Build,
    expect: set[FindingCode],
    *,
    kwargs: Optional[Mapping[str, object]] = None,
    also: Optional[set[FindingCode]] = None,
    any_of: Optional[set[FindingCode]] = None,
    mention: Optional[Mapping[FindingCode, str]] = None,
) -> Case:
    merged = dict(_DEFAULT)
    merged.update(kwargs or {})
    merged = {k: v for k, v in merged.items() if v is not DROP}
    return Case(
        id,
        build,
        frozenset(expect),
        merged,
        frozenset(also or ()),
        frozenset(any_of or ()),
        dict(mention or {}),
    )


def _token(claims: Mapping[str, object], **kw: object) -> Build:
    return lambda: make_jwt(claims, **kw)  # type: ignore[arg-type]


_VALID = pyjwt(meeting_claims())
_LEGACY_TS = NOW * 1000 - 30000

CASES: tuple[Case, ...] = (
    # ---- input shape
    _case("empty_string_endpoint_returned_nothing", lambda: "", {C.EMPTY}),
    _case("whitespace_only_newline", lambda: " \n", {C.EMPTY}, also={C.SURROUNDING_WHITESPACE}),
    _case(
        "html_error_page_pasted",
        lambda: (
            (
                "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><pre>"
                + _VALID
                + "</pre></body></html>\n"
            )
            * (MAX_SIGNATURE_LENGTH // 300 + 2)
        ),
        {C.TOO_LONG},
    ),
    _case("too_long_by_one", lambda: "a" * (MAX_SIGNATURE_LENGTH + 1), {C.TOO_LONG}),
    _case("trailing_newline_from_echo", lambda: _VALID + "\n", {C.SURROUNDING_WHITESPACE}),
    _case("leading_space_from_template", lambda: " " + _VALID, {C.SURROUNDING_WHITESPACE}),
    _case("json_stringify_token_quoted", lambda: json.dumps(_VALID), {C.QUOTED}),
    _case("html_attribute_single_quoted", lambda: "'" + _VALID + "'", {C.QUOTED}),
    _case(
        "pyjwt1_bytes_str_b_prefix", lambda: str(_VALID.encode()), {C.QUOTED}, also={C.MALFORMED}
    ),
    _case("bearer_prefix_from_auth_header", lambda: "Bearer " + _VALID, {C.BEARER_PREFIX}),
    _case(
        "fetch_text_response_object_not_parsed",
        lambda: json.dumps({"signature": _VALID}),
        {C.RESPONSE_OBJECT},
    ),
    _case(
        "response_object_with_sdk_key",
        lambda: json.dumps({"signature": _VALID, "sdkKey": SDK_KEY}),
        {C.RESPONSE_OBJECT},
    ),
    _case(
        "encodeuricomponent_btoa_jwt",
        encodeuricomponent_btoa_jwt,
        {C.URL_ENCODED, C.NOT_BASE64URL, C.BASE64_PADDING},
    ),
    _case(
        "encodeuricomponent_legacy_node_sample",
        encodeuricomponent_legacy_node_sample,
        {C.URL_ENCODED, C.LEGACY_FORMAT},
    ),
    _case(
        "plus_turned_into_space_by_query_string",
        plus_turned_into_space,
        {C.SPACES_INSTEAD_OF_PLUS},
        also={C.NOT_BASE64URL, C.BASE64_PADDING},
    ),
    _case(
        "ruby_encode64_legacy_line_breaks",
        ruby_encode64_legacy_line_breaks,
        {C.LINE_BREAKS, C.LEGACY_FORMAT},
        also={C.SURROUNDING_WHITESPACE},
    ),
    _case(
        "python_encodebytes_legacy_76_char_lines",
        python_encodebytes_legacy,
        {C.LINE_BREAKS, C.LEGACY_FORMAT},
        also={C.SURROUNDING_WHITESPACE},
    ),
    _case(
        "php_chunk_split_legacy",
        php_chunk_split_legacy,
        {C.LINE_BREAKS, C.LEGACY_FORMAT},
        also={C.SURROUNDING_WHITESPACE},
    ),
    _case("mail_client_wrapped_jwt_at_76", mail_client_wrapped_jwt, {C.LINE_BREAKS}),
    _case(
        "ruby_encode64_jwt_parts",
        ruby_encode64_jwt_parts,
        {C.LINE_BREAKS},
        also={C.SURROUNDING_WHITESPACE, C.SIGNATURE_MISMATCH},
    ),
    _case("js_undefined_stringified", lambda: "undefined", {C.MALFORMED}),
    _case("js_object_concatenated", lambda: "[object Object]", {C.MALFORMED}),
    _case("js_null_stringified", lambda: "null", {C.MALFORMED}),
    # ---- JWT layer
    _case("btoa_standard_base64", btoa_standard_base64, {C.NOT_BASE64URL, C.BASE64_PADDING}),
    _case(
        "ruby_strict_encode64_jwt", ruby_strict_encode64_jwt, {C.NOT_BASE64URL, C.BASE64_PADDING}
    ),
    _case("java_geturlencoder_keeps_padding", java_geturlencoder_keeps_padding, {C.BASE64_PADDING}),
    _case("python_hmac_hexdigest", python_hmac_hexdigest, {C.SIGNATURE_HEX}),
    _case("node_digest_hex", node_digest_hex, {C.SIGNATURE_HEX}),
    _case("varchar_255_truncated", varchar_255_truncated, {C.SIGNATURE_LENGTH_INVALID}),
    _case(
        "varchar_255_truncated_10_digit_mn",
        lambda: varchar_255_truncated("8574606543"),
        {C.SIGNATURE_LENGTH_INVALID},
        kwargs={"meeting_number": "8574606543"},
    ),
    _case(
        "copy_paste_lost_last_characters",
        copy_paste_lost_last_characters,
        {C.SIGNATURE_LENGTH_INVALID},
    ),
    _case("csharp_returns_only_hmac", csharp_returns_only_hmac, {C.SIGNATURE_ONLY}),
    _case(
        "cryptojs_base64_hmac_only",
        cryptojs_base64_hmac_only,
        {C.SIGNATURE_ONLY},
        also={C.NOT_BASE64URL, C.BASE64_PADDING},
    ),
    _case("double_json_stringify_header", double_json_stringify_header, {C.HEADER_INVALID}),
    _case("python_str_dict_payload_single_quotes", python_str_dict_payload, {C.PAYLOAD_INVALID}),
    _case("double_json_stringify_payload", double_json_stringify_payload, {C.PAYLOAD_INVALID}),
    _case(
        "alg_none_unsigned",
        alg_none_unsigned,
        {C.ALG_NOT_HS256},
        also={C.SIGNATURE_LENGTH_INVALID, C.SIGNATURE_MISMATCH, C.MALFORMED},
        mention={C.ALG_NOT_HS256: "none"},
    ),
    _case(
        "rs256_header",
        rs256_header,
        {C.ALG_NOT_HS256},
        also={C.SIGNATURE_LENGTH_INVALID, C.SIGNATURE_MISMATCH},
        mention={C.ALG_NOT_HS256: "RS256"},
    ),
    _case(
        "hs512_algorithm_option",
        hs512_algorithm_option,
        {C.ALG_NOT_HS256},
        also={C.SIGNATURE_LENGTH_INVALID, C.SIGNATURE_MISMATCH},
        mention={C.ALG_NOT_HS256: "HS512"},
    ),
    _case("jose_signjwt_without_typ", jose_signjwt_without_typ, {C.TYP_NOT_JWT}),
    # ---- kind of token
    _case(
        "jwt_app_rest_token",
        jwt_app_rest_token,
        {C.REST_API_TOKEN},
        also={C.APP_KEY_MISSING, C.IAT_MISSING},
    ),
    _case(
        "csharp_rest_token_nbf_iat_iss",
        csharp_rest_token_nbf_iat_iss,
        {C.REST_API_TOKEN},
        also={C.APP_KEY_MISSING, C.LIFETIME_TOO_SHORT, C.EXPIRES_SOON},
    ),
    _case(
        "zak_passed_as_signature",
        zak_passed_as_signature,
        {C.ZOOM_ISSUED_TOKEN},
        also={C.ALG_NOT_HS256, C.SIGNATURE_LENGTH_INVALID, C.SIGNATURE_MISMATCH, C.APP_KEY_MISSING},
    ),
    _case(
        "s2s_oauth_access_token",
        s2s_oauth_access_token,
        {C.ZOOM_ISSUED_TOKEN},
        also={
            C.ALG_NOT_HS256,
            C.SIGNATURE_LENGTH_INVALID,
            C.SIGNATURE_MISMATCH,
            C.TYP_NOT_JWT,
            C.APP_KEY_MISSING,
        },
    ),
    _case(
        "user_oauth_access_token",
        user_oauth_access_token,
        {C.ZOOM_ISSUED_TOKEN},
        also={
            C.ALG_NOT_HS256,
            C.SIGNATURE_LENGTH_INVALID,
            C.SIGNATURE_MISMATCH,
            C.TYP_NOT_JWT,
            C.APP_KEY_MISSING,
        },
    ),
    _case(
        "video_sdk_token_for_meeting_join",
        lambda: pyjwt(video_claims()),
        {C.VIDEO_SDK_TOKEN},
        kwargs={"meeting_number": MN},
    ),
    _case(
        "meeting_sdk_token_for_video_session",
        lambda: pyjwt(meeting_claims()),
        {C.MEETING_SDK_TOKEN},
        kwargs={"topic": TOPIC},
    ),
    _case(
        "native_token_without_mn_role",
        lambda: pyjwt(meeting_claims(mn=DROP, role=DROP)),
        {C.NATIVE_ONLY},
    ),
    _case(
        "password_and_username_in_token",
        lambda: pyjwt(meeting_claims(passWord="123Abc+", userName="Hendry")),
        {C.UNKNOWN_CLAIM},
        mention={C.UNKNOWN_CLAIM: "passWord"},
    ),
    # ---- Meeting SDK claims
    _case(
        "clientid_claim_after_2023_rename",
        lambda: pyjwt(meeting_claims(appKey=DROP, sdkKey=DROP, clientId=SDK_KEY)),
        {C.APP_KEY_MISSING},
    ),
    _case(
        "kjur_sdkkey_only_no_appkey",  # forum: devforum 86280
        lambda: pyjwt(meeting_claims(appKey=DROP)),
        {C.APP_KEY_DEPRECATED_ONLY},
    ),
    _case(
        "appkey_left_as_old_jwt_api_key",
        lambda: pyjwt(meeting_claims(appKey="8CTcTLrpQr-J_9P6xtiJDg")),
        {C.APP_KEY_CONFLICT},
        also={C.SDK_KEY_MISMATCH},
        mention={C.APP_KEY_CONFLICT: "8CTcTLrpQr-J_9P6xtiJDg"},
    ),
    _case(
        "apikey_claim_from_jwt_app_era",
        lambda: pyjwt(meeting_claims(appKey=DROP, sdkKey=DROP, apiKey=SDK_KEY)),
        {C.API_KEY_CLAIM},
        also={C.APP_KEY_MISSING},
        mention={C.API_KEY_CLAIM: "apiKey"},
    ),
    _case(
        "dev_app_key_prod_client_id",
        lambda: pyjwt(meeting_claims(appKey=DEV_KEY, sdkKey=DEV_KEY)),
        {C.SDK_KEY_MISMATCH},
        kwargs={"sdk_key": SDK_KEY},
        mention={C.SDK_KEY_MISMATCH: "DevAppKey000000000000z"},
    ),
    _case(
        "video_app_key_from_other_account",
        lambda: pyjwt(video_claims(app_key="OtherVideoKey00000000z")),
        {C.SDK_KEY_MISMATCH},
        kwargs={"sdk_key": SDK_KEY},
        mention={C.SDK_KEY_MISMATCH: "OtherVideoKey00000000z"},
    ),
    _case(
        "js_undefined_mn_dropped_by_json_stringify",
        lambda: pyjwt(meeting_claims(mn=DROP)),
        {C.MEETING_NUMBER_MISSING},
    ),
    _case(
        "meetingnumber_claim_instead_of_mn",  # forum: devforum 98154
        lambda: pyjwt(meeting_claims(mn=DROP, meetingNumber=MN)),
        {C.MEETING_NUMBER_WRONG_CLAIM},
        also={C.MEETING_NUMBER_MISSING},
        mention={C.MEETING_NUMBER_WRONG_CLAIM: "meetingNumber"},
    ),
    _case(
        "meeting_number_snake_case_claim",
        lambda: pyjwt(meeting_claims(mn=DROP, meeting_number=MN)),
        {C.MEETING_NUMBER_WRONG_CLAIM},
        also={C.MEETING_NUMBER_MISSING},
        mention={C.MEETING_NUMBER_WRONG_CLAIM: "meeting_number"},
    ),
    _case(
        "mn_with_dashes_from_invite",
        lambda: pyjwt(meeting_claims(mn="978-759-818")),
        {C.MEETING_NUMBER_INVALID},
        mention={C.MEETING_NUMBER_INVALID: "978-759-818"},
    ),
    _case(
        "mn_with_spaces_from_invite",
        lambda: pyjwt(meeting_claims(mn="857 4606 5432")),
        {C.MEETING_NUMBER_INVALID},
        mention={C.MEETING_NUMBER_INVALID: "857 4606 5432"},
    ),
    _case(
        "mn_join_url_pasted",
        lambda: pyjwt(meeting_claims(mn="https://us05web.zoom.us/j/85746065432?pwd=abc")),
        {C.MEETING_NUMBER_INVALID},
    ),
    _case(
        "mn_too_short",
        lambda: pyjwt(meeting_claims(mn="12345")),
        {C.MEETING_NUMBER_INVALID},
        mention={C.MEETING_NUMBER_INVALID: "12345"},
    ),
    _case(
        "mn_signed_for_other_meeting",
        lambda: pyjwt(meeting_claims(mn="77416987132")),
        {C.MEETING_NUMBER_MISMATCH},
        kwargs={"meeting_number": MN},
        mention={C.MEETING_NUMBER_MISMATCH: "77416987132"},
    ),
    _case(
        "role_missing_number_one_cause", lambda: pyjwt(meeting_claims(role=DROP)), {C.ROLE_MISSING}
    ),
    _case(
        "role_string_from_form_field",
        lambda: pyjwt(meeting_claims(role="1")),
        {C.ROLE_NOT_INTEGER},
        mention={C.ROLE_NOT_INTEGER: "1"},
    ),
    _case(
        "role_boolean_is_host",
        lambda: pyjwt(meeting_claims(role=True)),
        {C.ROLE_NOT_INTEGER},
        mention={C.ROLE_NOT_INTEGER: "true"},
    ),
    _case(
        "role_float_from_parsefloat", lambda: pyjwt(meeting_claims(role=1.0)), {C.ROLE_NOT_INTEGER}
    ),
    _case(
        "role_5_webinar_internal",
        lambda: pyjwt(meeting_claims(role=5)),
        {C.ROLE_INVALID},
        mention={C.ROLE_INVALID: "5"},
    ),
    _case(
        "role_2_panelist_guess",
        lambda: pyjwt(meeting_claims(role=2)),
        {C.ROLE_INVALID},
        mention={C.ROLE_INVALID: "2"},
    ),
    # forum 98154, whose sample comment says "(0 for a host, 1 for a participant)":
    _case(
        "role_inverted_sample_comment_0_host",
        lambda: pyjwt(meeting_claims(role=0)),
        {C.ROLE_MISMATCH},
        kwargs={"role": 1},
    ),
    _case("host_role_without_zak", lambda: pyjwt(meeting_claims(role=1)), {C.HOST_NEEDS_ZAK}),
    _case(
        "video_webrtc_mode_true_from_config",
        lambda: pyjwt(meeting_claims(video_webrtc_mode=True)),
        {C.VIDEO_WEBRTC_MODE_INVALID},
    ),
    _case(
        "video_webrtc_mode_2",
        lambda: pyjwt(meeting_claims(video_webrtc_mode=2)),
        {C.VIDEO_WEBRTC_MODE_INVALID},
        mention={C.VIDEO_WEBRTC_MODE_INVALID: "2"},
    ),
    # ---- Video SDK claims
    _case(
        "session_name_claim_instead_of_tpc",
        lambda: pyjwt(video_claims(tpc=DROP, sessionName=TOPIC)),
        {C.TOPIC_MISSING},
    ),
    _case("tpc_empty_string", lambda: pyjwt(video_claims(tpc="")), {C.TOPIC_MISSING}),
    _case(
        "tpc_longer_than_200",
        lambda: pyjwt(
            video_claims(tpc="-".join(hashlib.sha256(bytes([i])).hexdigest() for i in range(4)))
        ),
        {C.TOPIC_TOO_LONG},
    ),
    _case(
        "tpc_typo_vs_session_name",  # forum: devforum 68297 (Android Video SDK error 2003)
        lambda: pyjwt(video_claims(tpc="1182249090cb4e29a8ece25e2c46255c")),
        {C.TOPIC_MISMATCH},
        kwargs={"topic": "1182249090cb4e29a8dce25e2c46255c"},
        mention={C.TOPIC_MISMATCH: "1182249090cb4e29a8ece25e2c46255c"},
    ),
    _case(
        "video_sdk_pre_1_2_token_without_role_type",  # Video SDK 1.2.0 made role_type required
        lambda: pyjwt(video_claims(role_type=DROP, user_identity="user-42")),
        {C.ROLE_TYPE_MISSING},
    ),
    _case("role_type_string", lambda: pyjwt(video_claims(role_type="1")), {C.ROLE_TYPE_INVALID}),
    _case("role_type_2", lambda: pyjwt(video_claims(role_type=2)), {C.ROLE_TYPE_INVALID}),
    _case(
        "video_token_without_version",
        lambda: pyjwt(video_claims(version=DROP)),
        {C.VERSION_INVALID},
    ),
    _case(
        "user_identity_is_long_email",
        lambda: pyjwt(video_claims(user_identity="firstname.lastname@example-university.edu")),
        {C.USER_IDENTITY_TOO_LONG},
    ),
    _case(
        "session_key_sha1_hex",
        lambda: pyjwt(video_claims(session_key=_sha1_hex(b"room"))),
        {C.SESSION_KEY_TOO_LONG},
    ),
    _case(
        "geo_regions_json_array",
        lambda: pyjwt(video_claims(geo_regions=["US", "DE"])),
        {C.GEO_REGIONS_INVALID},
    ),
    _case(
        "geo_regions_unknown_eu",
        lambda: pyjwt(video_claims(geo_regions="US,EU")),
        {C.GEO_REGIONS_INVALID},
        mention={C.GEO_REGIONS_INVALID: "EU"},
    ),
    _case(
        "cloud_recording_option_string",
        lambda: pyjwt(video_claims(cloud_recording_option="1")),
        {C.VIDEO_OPTION_INVALID},
        mention={C.VIDEO_OPTION_INVALID: "cloud_recording_option"},
    ),
    _case(
        "audio_webrtc_mode_2",
        lambda: pyjwt(video_claims(audio_webrtc_mode=2)),
        {C.VIDEO_OPTION_INVALID},
        mention={C.VIDEO_OPTION_INVALID: "audio_webrtc_mode"},
    ),
    # ---- time claims
    _case(
        "jsonwebtoken_notimestamp_no_iat", lambda: pyjwt(meeting_claims(iat=DROP)), {C.IAT_MISSING}
    ),
    _case("tokenexp_without_exp", lambda: pyjwt(meeting_claims(exp=DROP)), {C.EXP_MISSING}),
    _case(
        "iat_float_from_time_time",
        lambda: pyjwt(meeting_claims(iat=IAT + 0.123456)),
        {C.IAT_NOT_INTEGER},
        mention={C.IAT_NOT_INTEGER: str(IAT)},
    ),
    _case(
        "iat_string_from_string_valueof",
        lambda: pyjwt(meeting_claims(iat=str(IAT))),
        {C.IAT_NOT_INTEGER},
    ),
    _case(
        "exp_iso_date_string",
        lambda: pyjwt(meeting_claims(exp="2025-11-23T14:12:50Z")),
        {C.EXP_NOT_INTEGER},
        mention={C.EXP_NOT_INTEGER: "2025-11-23"},
    ),
    _case(
        "date_now_milliseconds_iat_and_exp",
        lambda: pyjwt(
            meeting_claims(
                iat=ms(NOW) - 30000, exp=ms(NOW) - 30000 + 7200, tokenExp=ms(NOW) - 30000 + 7200
            )
        ),
        {C.IAT_IN_MILLISECONDS, C.EXP_IN_MILLISECONDS},
        mention={C.IAT_IN_MILLISECONDS: str(ms(NOW) - 30000)},
    ),
    _case(
        "date_now_milliseconds_iat",
        lambda: pyjwt(meeting_claims(iat=ms(NOW))),
        {C.IAT_IN_MILLISECONDS},
        mention={C.IAT_IN_MILLISECONDS: str(ms(NOW))},
    ),
    _case(
        "exp_from_gettime_plus_2h_ms",
        lambda: pyjwt(meeting_claims(exp=ms(IAT) + 7200 * 1000)),
        {C.EXP_IN_MILLISECONDS},
        mention={C.EXP_IN_MILLISECONDS: str(ms(IAT) + 7200 * 1000)},
    ),
    _case(
        "java_localdatetime_as_utc_in_india",  # forum: devforum 89071
        lambda: pyjwt(
            meeting_claims(iat=NOW + 19800, exp=NOW + 19800 + 3600, tokenExp=NOW + 19800 + 3600)
        ),
        {C.IAT_IN_FUTURE},
    ),
    _case(
        "server_clock_two_minutes_ahead",  # forum: devforum 82045
        lambda: pyjwt(
            meeting_claims(iat=NOW + 120 - 30, exp=NOW + 90 + 7200, tokenExp=NOW + 90 + 7200)
        ),
        {C.IAT_IN_FUTURE},
    ),
    _case(
        "java_float_division_iat_rounding",
        java_float_division_iat,
        {C.IAT_IN_FUTURE},
        kwargs={"now": JAVA_FLOAT_NOW_MS // 1000},
    ),
    _case(
        "signature_cached_overnight",
        lambda: pyjwt(
            meeting_claims(iat=NOW - 86400, exp=NOW - 86400 + 7200, tokenExp=NOW - 86400 + 7200)
        ),
        {C.EXPIRED},
    ),
    _case(
        "local_time_as_utc_in_new_york",
        lambda: pyjwt(
            meeting_claims(iat=NOW - 18000, exp=NOW - 18000 + 3600, tokenExp=NOW - 18000 + 3600)
        ),
        {C.EXPIRED},
    ),
    _case(
        "exp_15_minutes",
        lambda: pyjwt(meeting_claims(exp=IAT + 900, tokenExp=IAT + 900)),
        {C.LIFETIME_TOO_SHORT, C.TOKEN_EXP_TOO_SOON},
        also={C.EXPIRES_SOON},
    ),
    _case(
        "exp_exactly_1800",
        lambda: pyjwt(meeting_claims(exp=IAT + 1800, tokenExp=IAT + 1800)),
        {C.LIFETIME_AT_MINIMUM},
    ),
    _case(
        "exp_one_week",
        lambda: pyjwt(meeting_claims(exp=IAT + 7 * 86400, tokenExp=IAT + 7 * 86400)),
        {C.LIFETIME_TOO_LONG},
    ),
    _case(
        "tokenexp_minutes_not_hours",
        lambda: pyjwt(meeting_claims(tokenExp=IAT + 60 * 2)),
        {C.TOKEN_EXP_TOO_SOON},
    ),
    _case(
        "tokenexp_string_php_concat",
        lambda: pyjwt(meeting_claims(tokenExp=str(EXP))),
        {C.TOKEN_EXP_NOT_INTEGER},
    ),
    _case(
        "signature_fetched_at_page_load_long_ago",
        lambda: pyjwt(meeting_claims(iat=NOW - 7080, exp=NOW + 120, tokenExp=NOW + 120)),
        {C.EXPIRES_SOON},
    ),
    # ---- legacy
    _case(
        "legacy_python_sample_on_web_sdk_2x",  # forum: devforum 83251
        lambda: legacy_signature(outer=lambda b: b64std(b).rstrip("=")),
        {C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_js_role_undefined",
        lambda: legacy_signature(role="undefined"),
        {C.LEGACY_FIELDS_INVALID, C.LEGACY_FORMAT},
        also={C.SIGNATURE_MISMATCH},
    ),
    _case(
        "legacy_four_fields_hash_missing",
        lambda: b64url(f"{SDK_KEY}.{MN}.{_LEGACY_TS}.0".encode()),
        {C.LEGACY_FIELDS_INVALID},
        also={C.LEGACY_FORMAT, C.MALFORMED},
    ),
    _case(
        "legacy_php_time_seconds_plus_2h",  # forum: devforum 85056
        lambda: legacy_signature(ts=NOW + 60 * 60 * 2, outer=b64url),
        {C.LEGACY_TIMESTAMP_SECONDS, C.LEGACY_FORMAT},
        also={C.LEGACY_EXPIRED},
        mention={C.LEGACY_TIMESTAMP_SECONDS: str(NOW + 7200)},
    ),
    _case(
        "legacy_python_int_time_seconds",
        lambda: legacy_signature(ts=NOW - 30),
        {C.LEGACY_TIMESTAMP_SECONDS, C.LEGACY_FORMAT},
        also={C.LEGACY_EXPIRED},
    ),
    _case(
        "legacy_signature_two_days_old",
        lambda: legacy_signature(ts=(NOW - 2 * 86400) * 1000),
        {C.LEGACY_EXPIRED, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_local_time_one_hour_ahead",
        lambda: legacy_signature(ts=(NOW + 3600) * 1000),
        {C.LEGACY_IN_FUTURE, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_hmac_over_raw_message",
        lambda: legacy_signature(hash_over_raw=True),
        {C.LEGACY_HMAC_RAW_MESSAGE, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_hash_cryptojs_hex_then_base64",
        legacy_hash_cryptojs_hex,  # forum 36563: base64(hex(HMAC)) in the hash field
        {C.LEGACY_FORMAT, C.SIGNATURE_HEX},
    ),
    # ---- verification with the caller's secret
    _case(
        "rotated_old_secret",
        lambda: pyjwt(meeting_claims(), key=OTHER_SECRET),
        {C.SIGNATURE_MISMATCH},
    ),
    _case(
        "s2s_oauth_secret_signed_sdk_jwt",
        lambda: pyjwt(meeting_claims(), key=OTHER_SECRET),
        {C.SIGNATURE_MISMATCH},
        kwargs={"sdk_key": SDK_KEY},
    ),
    _case(
        "secret_with_trailing_newline_in_signer_env",
        _token(meeting_claims(), key=SDK_SECRET + "\n"),
        {C.SECRET_HAS_WHITESPACE},
    ),
    _case(
        "secret_with_trailing_crlf_in_signer_env",
        _token(meeting_claims(), key=SDK_SECRET + "\r\n"),
        {C.SECRET_HAS_WHITESPACE},
    ),
    _case(
        "secret_with_trailing_newline_in_checker",
        lambda: pyjwt(meeting_claims()),
        {C.SECRET_HAS_WHITESPACE},
        kwargs={"secret": SDK_SECRET + "\n"},
    ),
    _case(
        "jwt_io_secret_base64_encoded_checkbox",
        _token(meeting_claims(), key=base64.b64decode(SDK_SECRET)),
        {C.SECRET_BASE64_DECODED},
    ),
    _case(
        "jjwt_signwith_string_base64_decodes_secret",  # forum: devforum 89071 (jjwt 0.9)
        _token(meeting_claims(role=1), key=base64.b64decode(SDK_SECRET)),
        {C.SECRET_BASE64_DECODED},
    ),
    _case(
        "sdk_key_used_as_hmac_secret",
        _token(meeting_claims(), key=SDK_KEY),
        {C.KEY_SECRET_SWAPPED},
        kwargs={"sdk_key": SDK_KEY},
    ),
    _case(
        "key_and_secret_env_vars_swapped",
        _token(meeting_claims(appKey=SDK_SECRET, sdkKey=SDK_SECRET), key=SDK_KEY),
        {C.KEY_SECRET_SWAPPED, C.SECRET_IN_TOKEN},
        kwargs={"sdk_key": SDK_KEY},
        also={C.SDK_KEY_MISMATCH},
    ),
    _case(
        "demo_placeholder_secret_too_short",
        _token(meeting_claims(), key="demoSecret"),
        {C.SECRET_TOO_SHORT},
        kwargs={"secret": "demoSecret"},
    ),
    _case(
        "secret_copied_without_last_char",
        lambda: pyjwt(meeting_claims()),
        {C.SECRET_TOO_SHORT, C.SIGNATURE_MISMATCH},
        kwargs={"secret": SDK_SECRET[:-1]},
    ),
)


def _sha1_hex(data: bytes) -> str:
    """A 40-character SHA-1 hex id, as apps often use for room keys."""
    return hashlib.sha1(data).hexdigest()  # noqa: S324 - not security, an id the app made


def _legacy_b64_decoded_secret() -> str:
    return legacy_signature(
        hash_text=lambda key, msg: b64std(hs256(base64.b64decode(key), msg)),
    )


def _dashed_hex(mac: bytes) -> str:
    """C# ``BitConverter.ToString(hash)``: upper-case hex pairs joined by '-'."""
    return "-".join(f"{byte:02X}" for byte in mac)


CASES += (
    # ---- layered transport / paste mistakes: every layer must be peeled
    _case(
        "lambda_double_json_encoded_body",  # body: JSON.stringify(JSON.stringify(sig))
        lambda: json.dumps(json.dumps(_VALID)),
        {C.QUOTED},
    ),
    _case(
        "double_url_encoded_legacy",  # encodeURIComponent, then the HTTP client again
        lambda: urllib.parse.quote(encodeuricomponent_legacy_node_sample(), safe=""),
        {C.URL_ENCODED, C.LEGACY_FORMAT},
    ),
    _case("json_log_line_with_trailing_comma", lambda: '"' + _VALID + '",', {C.QUOTED}),
    _case("smart_quotes_from_chat", lambda: "\u201c" + _VALID + "\u201d", {C.QUOTED}),
    _case("markdown_backticks_from_chat", lambda: "`" + _VALID + "`", {C.QUOTED}),
    _case("zero_width_space_from_chat_copy", lambda: _VALID + "\u200b", {C.INVISIBLE_CHARACTERS}),
    _case("utf8_bom_from_notepad_file", lambda: "\ufeff" + _VALID, {C.INVISIBLE_CHARACTERS}),
    _case("windows_crlf_from_file", lambda: _VALID + "\r\n", {C.SURROUNDING_WHITESPACE}),
    _case(
        "response_object_inner_role_missing",
        lambda: json.dumps({"signature": pyjwt(meeting_claims(role=DROP))}),
        {C.RESPONSE_OBJECT, C.ROLE_MISSING},
    ),
    _case(
        "leading_space_and_iat_in_ms",
        lambda: " " + pyjwt(meeting_claims(iat=ms(NOW))),
        {C.SURROUNDING_WHITESPACE, C.IAT_IN_MILLISECONDS},
    ),
    _case("non_utf8_bytes_from_binary_read", lambda: b"\xff\xfe" + _VALID.encode(), {C.MALFORMED}),
    _case(
        "nextauth_jwe_session_token",
        lambda: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..cmFuZG9taXY.ZW5jcnlwdGVk.dGFn",
        {C.MALFORMED},
    ),
    # ---- hex digests as C# writes them
    _case(
        "csharp_bitconverter_hex_uppercase",
        _token(meeting_claims(), sig_enc=lambda mac: mac.hex().upper()),
        {C.SIGNATURE_HEX},
    ),
    _case(
        "csharp_bitconverter_tostring_dashed_hex",
        _token(meeting_claims(), sig_enc=_dashed_hex),
        {C.SIGNATURE_HEX},
    ),
    _case(
        "hexdigest_and_wrong_secret",
        _token(meeting_claims(), key=OTHER_SECRET, sig_enc=lambda mac: mac.hex()),
        {C.SIGNATURE_HEX, C.SIGNATURE_MISMATCH},
    ),
    # ---- claims mixed up between products / APIs
    _case(
        "video_token_with_camelcase_appkey",
        lambda: pyjwt(video_claims(app_key=DROP, appKey=SDK_KEY)),
        {C.APP_KEY_MISSING},
    ),
    _case(
        "role_type_in_meeting_token",
        lambda: pyjwt(meeting_claims(role=DROP, role_type=0)),
        {C.ROLE_MISSING},
    ),
    _case(
        "generate_sdk_signature_params_as_payload",
        # The old ZoomMtg.generateSDKSignature({sdkKey, sdkSecret, meetingNumber, role})
        # arguments pasted as the JWT payload: the secret itself ships to the browser.
        lambda: pyjwt(
            {
                "sdkKey": SDK_KEY,
                "sdkSecret": SDK_SECRET,
                "meetingNumber": MN,
                "role": 0,
                "iat": IAT,
                "exp": EXP,
            }
        ),
        {C.SECRET_IN_TOKEN, C.MEETING_NUMBER_WRONG_CLAIM, C.APP_KEY_DEPRECATED_ONLY},
        also={C.MEETING_NUMBER_MISSING, C.TOKEN_EXP_MISSING},
    ),
    _case(
        "hand_rolled_token_without_token_exp",
        # Pre-2022 blog posts and many hand-rolled endpoints sign without tokenExp.
        lambda: pyjwt(meeting_claims(tokenExp=DROP)),
        {C.TOKEN_EXP_MISSING},
    ),
    _case(
        "native_token_for_web_join",
        lambda: pyjwt(meeting_claims(mn=DROP, role=DROP)),
        {C.MEETING_NUMBER_MISSING},
        kwargs={"meeting_number": MN, "role": 0},
        also={C.ROLE_MISSING},
    ),
    _case(
        "mn_json_float_from_double",
        lambda: pyjwt(meeting_claims(mn=85746065432.0)),
        {C.MEETING_NUMBER_INVALID},
    ),
    _case(
        "mn_thirteen_digits",
        lambda: pyjwt(meeting_claims(mn="8574606543212")),
        {C.MEETING_NUMBER_INVALID},
    ),
    _case(
        "tpc_trailing_space_vs_session_name",
        lambda: pyjwt(video_claims()),
        {C.TOPIC_MISMATCH},
        kwargs={"topic": TOPIC + " "},
    ),
    _case(
        "alg_lowercase_hs256",
        _token(meeting_claims(), header={"alg": "hs256", "typ": "JWT"}),
        {C.ALG_NOT_HS256},
        mention={C.ALG_NOT_HS256: "hs256"},
    ),
    _case(
        "lifetime_1799",
        lambda: pyjwt(meeting_claims(exp=IAT + 1799, tokenExp=IAT + 1799)),
        {C.LIFETIME_TOO_SHORT, C.TOKEN_EXP_TOO_SOON},
    ),
    _case(
        "lifetime_172801",
        lambda: pyjwt(meeting_claims(exp=IAT + 172801, tokenExp=IAT + 172801)),
        {C.LIFETIME_TOO_LONG},
    ),
    _case(
        "exp_equals_now",
        lambda: pyjwt(meeting_claims(iat=NOW - 7200, exp=NOW, tokenExp=NOW)),
        {C.EXPIRED},
    ),
    # ---- legacy signatures with the secret variants
    _case(
        "legacy_signed_with_secret_newline",
        lambda: legacy_signature(secret=SDK_SECRET + "\n"),
        {C.SECRET_HAS_WHITESPACE, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_signed_with_key_as_secret",
        lambda: legacy_signature(secret=SDK_KEY),
        {C.KEY_SECRET_SWAPPED, C.LEGACY_FORMAT},
        kwargs={"sdk_key": SDK_KEY},
    ),
    _case(
        "legacy_secret_base64_decoded",
        _legacy_b64_decoded_secret,
        {C.SECRET_BASE64_DECODED, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_rotated_secret",
        lambda: legacy_signature(secret=OTHER_SECRET),
        {C.SIGNATURE_MISMATCH, C.LEGACY_FORMAT},
    ),
    _case(
        "legacy_for_other_meeting",
        lambda: legacy_signature(mn="77416987132"),
        {C.MEETING_NUMBER_MISMATCH, C.LEGACY_FORMAT},
        kwargs={"meeting_number": MN},
    ),
    _case(
        "legacy_mn_with_dashes",
        lambda: legacy_signature(mn="978-759-818"),
        {C.LEGACY_FIELDS_INVALID, C.LEGACY_FORMAT},
        mention={C.LEGACY_FIELDS_INVALID: "978-759-818"},
    ),
    _case(
        "legacy_truncated_by_varchar_100_no_secret",
        lambda: legacy_signature()[:100],
        {C.LEGACY_FORMAT},
        kwargs={"secret": DROP},
        any_of={C.SIGNATURE_LENGTH_INVALID, C.LEGACY_FIELDS_INVALID},
    ),
    _case(
        "legacy_truncated_by_varchar_100",
        lambda: legacy_signature()[:100],
        {C.LEGACY_FORMAT},
        any_of={C.SIGNATURE_MISMATCH, C.SIGNATURE_LENGTH_INVALID, C.LEGACY_FIELDS_INVALID},
    ),
    _case(
        "video_token_secret_base64_decoded",
        _token(video_claims(), key=base64.b64decode(SDK_SECRET)),
        {C.SECRET_BASE64_DECODED},
    ),
    # ---- claim names typed by hand: Zoom's claim names are case-sensitive
    _case(
        "appkey_lowercase_claim_name",
        lambda: pyjwt(meeting_claims(appKey=DROP, sdkKey=DROP, appkey=SDK_KEY)),
        {C.APP_KEY_MISSING, C.UNKNOWN_CLAIM},
        mention={C.UNKNOWN_CLAIM: "did you mean 'appKey'?"},
    ),
    _case(
        "app_key_snake_case_in_meeting_token",
        lambda: pyjwt(meeting_claims(appKey=DROP, sdkKey=DROP, app_key=SDK_KEY)),
        {C.APP_KEY_MISSING, C.UNKNOWN_CLAIM},
        mention={C.UNKNOWN_CLAIM: "did you mean 'appKey'?"},
    ),
    # ---- the key read from an env var with its newline: no real key has whitespace
    _case(
        "key_env_var_trailing_newline_in_app_key",
        lambda: pyjwt(meeting_claims(appKey=SDK_KEY + "\n", sdkKey=SDK_KEY + "\n")),
        {C.SDK_KEY_MISMATCH},
        kwargs={"sdk_key": DROP},
        mention={C.SDK_KEY_MISMATCH: "whitespace"},
    ),
    _case(
        "video_key_env_var_trailing_newline",
        lambda: pyjwt(video_claims(app_key=SDK_KEY + "\n")),
        {C.SDK_KEY_MISMATCH},
        kwargs={"sdk_key": DROP},
        mention={C.SDK_KEY_MISMATCH: "whitespace"},
    ),
    # ---- the join URL's query string kept in the meeting number
    _case(
        "meeting_number_with_password_query_string",
        lambda: pyjwt(meeting_claims(mn=MN + "?pwd=abc123")),
        {C.MEETING_NUMBER_INVALID},
        kwargs={"meeting_number": DROP},
    ),
    # ---- the options passed to join() next to the signature (issue 13)
    _case(
        "zak_and_obf_token_both_passed_to_join",
        lambda: _VALID,
        {C.ZAK_AND_OBF_TOKEN},
        kwargs={"zak": _zak(), "obf_token": _zak(uid="ObfOwner0000000000000")},
    ),
    _case(
        "oauth_access_token_passed_as_obf_token",
        lambda: _VALID,
        {C.JOIN_TOKEN_WRONG_KIND},
        kwargs={"obf_token": user_oauth_access_token()},
    ),
    _case(
        "user_id_passed_as_zak",
        lambda: pyjwt(meeting_claims(role=1)),
        {C.JOIN_TOKEN_NOT_ZOOM_ISSUED},
        kwargs={"zak": "Xy12AbCdEfGhIjKlMnOpQr"},
    ),
    _case(
        "zak_cached_since_yesterday",
        lambda: pyjwt(meeting_claims(role=1)),
        {C.JOIN_TOKEN_EXPIRED},
        kwargs={"zak": _zak(exp=NOW - 86400)},
    ),
    _case(
        "obf_token_fetched_for_last_weeks_meeting",
        lambda: _VALID,
        {C.JOIN_TOKEN_MEETING_MISMATCH},
        kwargs={"obf_token": _zak(mnum="81234567890"), "meeting_number": MN},
    ),
    _case(
        "bot_signs_role_1_with_an_obf_token",
        lambda: pyjwt(meeting_claims(role=1)),
        {C.HOST_WITHOUT_ZAK},
        kwargs={"zak": "", "obf_token": _zak(uid="ObfOwner0000000000000")},
    ),
    # ---- a claim the 6.x Web client reads, sent as the form field's string
    _case(
        "audio_webrtc_mode_from_a_form_field_string",
        lambda: pyjwt(meeting_claims(audio_webrtc_mode="1")),
        {C.AUDIO_OPTION_INVALID},
        mention={C.AUDIO_OPTION_INVALID: "audio_webrtc_mode"},
    ),
    # ---- another credential of the same backend made the signature
    _case(
        "signed_with_the_s2s_oauth_client_secret",
        lambda: pyjwt(meeting_claims(), key=OTHER_SECRET),
        {C.SIGNED_WITH_OTHER_SECRET},
        kwargs={"other_secrets": {"Server-to-Server OAuth client secret": OTHER_SECRET}},
        mention={C.SIGNED_WITH_OTHER_SECRET: "'Server-to-Server OAuth client secret'"},
    ),
)

# ---- issue 13: the signature passed inside a URL or query string (IN_URL)
CASES += (
    _case(  # location.href passed to join(), or the address bar pasted into zoomsig check
        "join_page_url_passed_as_signature",
        lambda: "https://example.com/meeting/join?mn=" + MN + "&signature=" + _VALID,
        {C.IN_URL},
    ),
    _case(  # location.search.slice(1)
        "query_string_passed_as_signature",
        lambda: "role=0&signature=" + urllib.parse.quote(_VALID, safe=""),
        {C.IN_URL},
    ),
    _case(  # a btoa token put in a URL unencoded: URLSearchParams turns '+' into spaces
        "btoa_token_in_url_unencoded",
        lambda: (
            "https://example.com/join?token="
            + _first(
                lambda i: _btoa_cryptojs(
                    meeting_claims(iat=IAT - i, exp=EXP - i, tokenExp=EXP - i)
                ),
                lambda t: "+" in t,
            )
        ),
        {C.IN_URL, C.NOT_BASE64URL},
        also={C.BASE64_PADDING},
        mention={C.IN_URL: "URLSearchParams"},
    ),
    _case(  # an unknown parameter name: the value with three parts is found
        "url_with_unknown_parameter_name",
        lambda: "https://example.com/join#s=" + _VALID,
        {C.IN_URL},
        mention={C.IN_URL: "'s'"},
    ),
    # ---- hostile or careless input (issue 9)
    _case(
        "exp_nanoseconds_times_a_thousand",  # time.time_ns() * 1000 + lifetime: 22 digits
        lambda: pyjwt(meeting_claims(exp=IAT * 10**12, tokenExp=IAT * 10**12)),
        {C.INTEGER_OUT_OF_RANGE},
    ),
    _case(
        "client_id_read_from_yaml_as_a_number",
        _token(meeting_claims(appKey=12345678901, sdkKey=12345678901)),
        {C.APP_KEY_NOT_STRING},
    ),
    _case(
        "jose_library_marks_exp_critical",
        _token(meeting_claims(), header={"alg": "HS256", "typ": "JWT", "crit": ["exp"]}),
        {C.HEADER_UNSUPPORTED},
    ),
    _case(
        "role_parseint_of_role_name_is_nan",  # JSON.stringify({role: NaN}) writes null
        _token(meeting_claims(role=None)),
        {C.ROLE_NOT_INTEGER, C.ROLE_MISMATCH},
        kwargs={"role": 1},
        mention={C.ROLE_NOT_INTEGER: "NaN"},
    ),
    _case(
        "mn_parseint_of_spaced_meeting_number",  # parseInt("880 4949 9009") is 880
        _token(meeting_claims(mn=880)),
        {C.MEETING_NUMBER_INVALID, C.MEETING_NUMBER_MISMATCH},
        kwargs={"meeting_number": 88049499009},
    ),
    _case(
        "secret_env_file_with_old_mac_line_ending",
        _token(meeting_claims(), key=SDK_SECRET + "\r"),
        {C.SECRET_HAS_WHITESPACE},
        mention={C.SECRET_HAS_WHITESPACE: "carriage return"},
    ),
    # ---- Cobrowse SDK and Video SDK REST API tokens (issue 21)
    _case(
        # The Cobrowse auth endpoint sample's README shows a token with role_type 0.
        "cobrowse_readme_token_role_type_0",
        _token(cobrowse_claims(role_type=0, user_name=DROP)),
        {C.COBROWSE_ROLE_INVALID},
    ),
    _case(
        "cobrowse_user_identity_from_the_video_sdk",
        _token(cobrowse_claims(user_id=DROP, user_identity="user123")),
        {C.USER_ID_MISSING},
    ),
    _case(
        "cobrowse_user_id_a_database_number",
        _token(cobrowse_claims(user_id=4711)),
        {C.USER_ID_TOO_LONG},
    ),
    _case(
        "cobrowse_user_name_full_name_over_80",
        _token(cobrowse_claims(user_name="Maximilian " * 8)),
        {C.USER_NAME_TOO_LONG},
    ),
    _case(
        "cobrowse_enable_byop_true_from_js",
        _token(cobrowse_claims(enable_byop=True)),
        {C.COBROWSE_OPTION_INVALID},
    ),
    _case(
        "cobrowse_token_for_a_meeting_join",
        _token(cobrowse_claims(role_type=2)),
        {C.COBROWSE_SDK_TOKEN},
        kwargs={"meeting_number": MN},
    ),
    _case(
        "video_sdk_api_token_without_iss",
        lambda: pyjwt({"iat": IAT, "exp": EXP}),
        {C.API_TOKEN_ISS_MISSING},
        kwargs={"expect": TokenKind.VIDEO_SDK_API},
    ),
    _case(
        "video_sdk_token_sent_to_the_rest_api",
        _token(video_claims()),
        {C.SDK_TOKEN_NOT_API_TOKEN},
        kwargs={"expect": TokenKind.VIDEO_SDK_API},
    ),
)

# ---- issue 21: what developers still get wrong in 2026 (tests/test_diagnose_2026.py too)
CASES += (
    _case(
        "authorization_header_line_pasted",  # copied from a request log / the network tab
        lambda: "Authorization: Bearer " + _VALID,
        {C.HEADER_LINE},
    ),
    _case(
        "optional_video_claim_none_signed_with_pyjwt",  # {"user_identity": body.get(...)}
        lambda: pyjwt(video_claims(user_identity=None)),
        {C.CLAIM_NULL},
        kwargs={"topic": TOPIC},
        mention={C.CLAIM_NULL: "user_identity is null"},
    ),
    _case(
        "ai_skill_iat_minus_7200_exp_plus_10",  # an AI assistant's Zoom skill, 2026
        lambda: pyjwt(meeting_claims(appKey=DROP, iat=NOW - 7200, exp=NOW + 10, tokenExp=NOW + 10)),
        {C.IAT_BACKDATED, C.APP_KEY_DEPRECATED_ONLY, C.EXPIRES_SOON},
    ),
)

CASES_BY_ID: Mapping[str, Case] = {case.id: case for case in CASES}
assert len(CASES_BY_ID) == len(CASES), "duplicate case id"

MULTI_PROBLEM = _case(
    "btoa_no_role_iat_in_ms",
    multiple_problems,
    {C.NOT_BASE64URL, C.BASE64_PADDING, C.ROLE_MISSING, C.IAT_IN_MILLISECONDS},
)
"""Three independent mistakes in one token: all must be reported."""
