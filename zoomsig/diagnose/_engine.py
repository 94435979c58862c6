"""``decode_and_validate``: read any signature and name every mistake in it.

Three steps. :func:`_inputs` checks the arguments once and makes the small frozen
:class:`_Inputs` that every later step reads. :func:`_diagnose` collects every finding into
one :class:`~zoomsig.diagnose._findings.Findings`: it refuses oversized input; answers a
Meeting SDK signature with nothing wrong, in the signers' shape, at once (:mod:`._fast`,
which only ever says "no finding"); cleans paste and transport mistakes off the input
(:mod:`._input`); decodes tolerantly (:mod:`._decode`); applies the rules of the kind of
token found (:mod:`._rules_meeting`, :mod:`._rules_video`, :mod:`._rules_time`,
:mod:`._rules_legacy`); and verifies with the secret and its known variants
(:mod:`._secret`). :func:`_finish` adds the join options' findings (:mod:`._rules_join`),
redacts anything equal to the secret and makes the :class:`Report`, errors first.

Whatever decides that a finding does not apply is known before the finding is made (a
token Zoom issued has no HMAC of the caller's to judge: the decoder and
:func:`._secret.verify` know it), so no step removes what an earlier one added.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime, timezone
from types import MappingProxyType
from typing import NamedTuple, Optional, Union, cast

from zoomsig import _jws
from zoomsig._enums import Role, TokenKind
from zoomsig._errors import InvalidParameterError
from zoomsig._params import check_role
from zoomsig._secrecy import (
    MAX_SECRET_LENGTH,
    MAX_SHOWN_DIGITS,
    MIN_REDACTABLE_LENGTH,
    SECRET_PART,
    OtherSecrets,
    Redactor,
    bare,
    check_optional_secret_text,
    describe,
    int_digits,
    is_utf8_encodable,
    refuse_long,
    secret_texts,
)
from zoomsig._time import Now, resolve_now
from zoomsig.diagnose._context import Context, is_int
from zoomsig.diagnose._decode import WELL_FORMED_JWT, Jwt, Legacy, decode, decode_jwt
from zoomsig.diagnose._fast import fast_report
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._input import MAX_SIGNATURE_LENGTH, add_secret_input, clean
from zoomsig.diagnose._kind import classify, is_rest_api_token, is_secret_claim
from zoomsig.diagnose._rules_api import api_rules, not_api_token, secret_pair_hint
from zoomsig.diagnose._rules_cobrowse import cobrowse_rules
from zoomsig.diagnose._rules_join import join_rules
from zoomsig.diagnose._rules_legacy import legacy_claims, legacy_rules, verify_legacy
from zoomsig.diagnose._rules_meeting import meeting_rules
from zoomsig.diagnose._rules_time import time_rules
from zoomsig.diagnose._rules_video import video_rules
from zoomsig.diagnose._secret import NamedSecrets, Variant, other_secret_variants, verify
from zoomsig.diagnose._text import HugeInt, json_type, preview, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding, Report

__all__ = ["MAX_SIGNATURE_LENGTH", "decode_and_validate"]

_C = FindingCode
MIN_CHECKED_SECRET = MIN_REDACTABLE_LENGTH
"""Shorter secrets are refused by :func:`decode_and_validate` (see docs/security.md)."""
MAX_OTHER_SECRETS = 16
"""At most this many ``other_secrets``: each costs an HMAC per check."""


def decode_and_validate(
    signature: Union[str, bytes],
    *,
    secret: Union[str, bytes, None] = None,
    sdk_key: Optional[str] = None,
    meeting_number: Union[int, str, None] = None,
    role: Union[Role, int, None] = None,
    topic: Optional[str] = None,
    now: Now = None,
    zak: Optional[str] = None,
    obf_token: Optional[str] = None,
    other_secrets: Optional[OtherSecrets] = None,
    expect: Optional[TokenKind] = None,
) -> Report:
    """Diagnose a Zoom SDK signature: say which mistakes it has and how to fix each.

    Reads Meeting SDK signatures, Video SDK tokens and legacy Web SDK signatures, however
    broken: standard base64, padding, quotes, whitespace, a pasted JSON response, URL
    encoding, spaces where ``+`` was, line breaks, hex digests. Reports every independent
    problem as a :class:`Finding` with a stable :class:`FindingCode`.

    Args:
        signature: The signature as the client received it (``str`` or UTF-8 ``bytes``).
            Never raises for any ``str`` or ``bytes`` value.
        secret: The SDK secret to verify the HMAC with. Without it the HMAC is not checked
            and :attr:`Report.signature_verified` is ``None``.
        sdk_key: The key you expect in the token (``SDK_KEY_MISMATCH``); also lets the
            check spot a key used as the secret (``KEY_SECRET_SWAPPED``).
        meeting_number: The meeting number the client joins (``MEETING_NUMBER_MISMATCH``).
        role: The role you expect (``ROLE_MISMATCH``).
        topic: The Video SDK session name the client joins (``TOPIC_MISMATCH``).
        now: The time to judge expiry at: ``None`` reads the clock once; else a Unix time or
            an aware datetime.
        zak: The ``zak`` the client passes to ``join()`` (``""`` when it passes none;
            ``None``: not said). Checked for what is visible without Zoom, never shown.
        obf_token: The ``obfToken`` the client passes to ``join()``, likewise.
        other_secrets: Other secrets your backend holds, by a name of your choosing
            (``{"webhook secret token": ...}``): when one of them made the signature, the
            report says which (``SIGNED_WITH_OTHER_SECRET``). None of them is ever shown.
        expect: The kind of token you need (``None``: judge by its claims). Needed for a
            Video SDK REST API token (:attr:`TokenKind.VIDEO_SDK_API`), whose claims
            ``{iss, iat, exp}`` are otherwise read as a REST API token given for an SDK
            join (``REST_API_TOKEN``); an SDK token then gets ``SDK_TOKEN_NOT_API_TOKEN``.
            :attr:`TokenKind.COBROWSE_SDK` applies the Cobrowse rules to a token whose
            claims do not say it.

    Returns:
        A :class:`Report`; ``report.ok`` is ``True`` when no finding is an error.

    Raises:
        InvalidParameterError: An argument other than ``signature`` has the wrong type or
            value (``role=True``, a naive ``now``, an empty ``secret`` or one under 4
            characters, which could not be redacted from the report, a ``zak`` that is not
            a str, an ``other_secrets`` entry that is empty, an ``expect`` that is not a
            token kind).

    >>> from zoomsig import decode_and_validate
    >>> report = decode_and_validate("not a token", now=1763900000)
    >>> report.ok, [f.code.value for f in report.findings]
    (False, ['MALFORMED'])
    """
    context = _context(sdk_key, meeting_number, role, topic, now)
    inputs = _inputs(signature, context, secret, other_secrets, zak=zak, obf_token=obf_token)
    if expect is not None:
        inputs = inputs._replace(expect=_check_expect(expect))
    found = Findings()
    return _finish(inputs, _diagnose(inputs, found), found)


class _Inputs(NamedTuple):
    """The arguments of one call, checked: all that the diagnosis reads of them."""

    signature: Union[str, bytes]
    secret: Optional[bytes]
    forms: tuple[str, ...]
    """The secret as text, with and without the whitespace around it."""
    context: Context
    """The caller's expectations, and the join options they named."""
    redactor: Optional[Redactor]
    """Finds the secret, the other secrets and the join tokens; ``None``: none was given."""
    others: tuple[Variant, ...]
    """The other secrets, as variants to try (``SIGNED_WITH_OTHER_SECRET``)."""
    expect: Optional[TokenKind] = None
    """The kind of token the caller needs; ``None``: judged by its claims."""


class _Parts(NamedTuple):
    """What a diagnosis found besides its findings, before :func:`_finish` makes the report."""

    kind: TokenKind
    header: Optional[dict[str, object]] = None
    claims: Optional[dict[str, object]] = None
    verified: Optional[bool] = None
    expires: Optional[int] = None
    json_text: str = ""


# -------------------------------------------------------------------------------- inputs


def _inputs(
    signature: Union[str, bytes],
    context: Context,
    secret: Union[str, bytes, None],
    other_secrets: Optional[OtherSecrets],
    *,
    zak: Optional[str],
    obf_token: Optional[str],
) -> _Inputs:
    """Every argument checked, or :class:`InvalidParameterError` for the first one wrong.

    ``context``: the caller's expectations, checked by :func:`_context` (first, as always).
    """
    secret_bytes = _secret_bytes(secret)
    others = _other_secrets(other_secrets)
    tokens: tuple[str, ...] = ()  # the join tokens, as given and stripped
    if zak is not None or obf_token is not None:
        _check_join_tokens(zak, obf_token)
        context = context._replace(zak=zak, obf_token=obf_token)
        given = (token for token in (zak, obf_token) if token)
        tokens = tuple(t for token in given for t in (token, token.strip()) if t)
    if not isinstance(signature, (str, bytes)):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise InvalidParameterError(
            "signature", f"expected a str or bytes, got {type(signature).__name__}"
        )
    forms = () if secret_bytes is None else secret_texts(secret_bytes)
    return _Inputs(
        signature,
        secret_bytes,
        forms,
        context,
        _redactor(forms, others, tokens),
        other_secret_variants(others) if others else (),
    )


def _context(
    sdk_key: object, meeting_number: object, role: object, topic: object, now: Now
) -> Context:
    if sdk_key is not None and (not isinstance(sdk_key, str) or not sdk_key):
        raise InvalidParameterError("sdk_key", "expected None or a non-empty str")
    if meeting_number is not None:
        if isinstance(meeting_number, bool) or not isinstance(meeting_number, (int, str)):
            raise InvalidParameterError(
                "meeting_number",
                f"expected None, an int or a str, got {type(meeting_number).__name__}",
            )
        if isinstance(meeting_number, int) and int_digits(meeting_number) > MAX_SHOWN_DIGITS:
            raise InvalidParameterError(
                "meeting_number",
                f"a Zoom meeting number has 9 to 12 digits, got {describe(meeting_number)}",
            )
        meeting_number = str(meeting_number)
    if topic is not None and not isinstance(topic, str):
        raise InvalidParameterError("topic", f"expected None or a str, got {type(topic).__name__}")
    return Context(
        now=resolve_now(now),
        sdk_key=sdk_key,
        meeting_number=meeting_number,
        role=None if role is None else int(check_role(role)),
        topic=topic,
    )


_EXPECTABLE = (
    TokenKind.MEETING_SDK,
    TokenKind.VIDEO_SDK,
    TokenKind.COBROWSE_SDK,
    TokenKind.VIDEO_SDK_API,
)


def _check_expect(expect: object) -> TokenKind:
    if not isinstance(expect, TokenKind) or expect not in _EXPECTABLE:
        names = ", ".join(f"TokenKind.{kind.name}" for kind in _EXPECTABLE)
        raise InvalidParameterError(
            "expect", f"expected None or one of {names}, got {describe(expect)}"
        )
    return expect


def _check_join_tokens(zak: object, obf_token: object) -> None:
    """Type, then length (before any work), then valid Unicode: :mod:`zoomsig._secrecy`."""
    check_optional_secret_text(zak, "zak")
    check_optional_secret_text(obf_token, "obf_token")


def _redactor(
    forms: tuple[str, ...], others: NamedSecrets, tokens: tuple[str, ...]
) -> Optional[Redactor]:
    """What keeps everything the caller hands over out of the report (``None``: nothing).

    The secret (``forms``), the other secrets and the join tokens (bearer credentials).
    """
    hidden = forms
    if others or tokens:
        others_forms = (t for _, other in others for t in secret_texts(other))
        hidden = tuple(dict.fromkeys((*forms, *others_forms, *tokens)))
    return Redactor(*hidden) if hidden else None


def _secret_bytes(secret: object) -> Optional[bytes]:
    if secret is None:
        return None
    if not isinstance(secret, (str, bytes)):
        raise InvalidParameterError(
            "secret", f"expected None, a str or bytes, got {type(secret).__name__}"
        )
    if len(secret) > MAX_SECRET_LENGTH:  # before any work is done on it
        refuse_long(secret, "secret")
    if isinstance(secret, str):
        if not is_utf8_encodable(secret):
            raise InvalidParameterError("secret", "is not valid Unicode text")
        text, secret = bare(secret), secret.encode("utf-8")
    else:
        text = bare(secret.decode("utf-8", "replace"))
    if not text:
        raise InvalidParameterError(
            "secret", "is empty; pass None to skip the HMAC check (is the variable unset?)"
        )
    if len(text) < MIN_CHECKED_SECRET:
        # Refused, not warned about: a secret this short cannot be kept out of the report
        # (redacting three characters would blank ordinary words), and no Zoom secret is.
        raise InvalidParameterError(
            "secret",
            f"has {len(text)} character{'s' * (len(text) != 1)}; Zoom's secrets have 32, and "
            f"one under {MIN_CHECKED_SECRET} is a placeholder (is the variable set to a default?)",
        )
    return secret


def _other_secrets(other_secrets: object) -> NamedSecrets:
    """The named other secrets as bytes, checked like ``secret`` (names shown, values never)."""
    if other_secrets is None:
        return ()
    if not isinstance(other_secrets, Mapping):
        raise InvalidParameterError(
            "other_secrets",
            f"expected None or a mapping of name to secret, got {type(other_secrets).__name__}",
        )
    entries = cast("Mapping[object, object]", other_secrets)
    if len(entries) > MAX_OTHER_SECRETS:
        raise InvalidParameterError(
            "other_secrets", f"has {len(entries)} entries; at most {MAX_OTHER_SECRETS}"
        )
    result: list[tuple[str, bytes]] = []
    for name, value in entries.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidParameterError("other_secrets", "every name must be a non-empty str")
        if value is None:
            raise InvalidParameterError(
                "other_secrets", f"the entry {name!r} is None (is the variable unset?)"
            )
        try:
            checked = _secret_bytes(value)
        except InvalidParameterError as error:
            raise InvalidParameterError(
                "other_secrets", f"the entry {name!r} {error.reason}"
            ) from None
        if checked is not None:  # always: None was refused above
            result.append((name, checked))
    return tuple(result)


# ------------------------------------------------------------------------------ diagnose


def _diagnose(inputs: _Inputs, found: Findings) -> _Parts:
    """Read the signature, adding every mistake in it to ``found``."""
    signature = _readable(inputs, found)
    if signature is None:
        return _Parts(TokenKind.UNKNOWN, verified=_unverified(inputs))
    well_formed = WELL_FORMED_JWT.fullmatch(signature) is not None  # nothing to undo
    if well_formed:
        fast = _fast_parts(signature, inputs)
        if fast is not None:  # the commonest: nothing wrong at all
            return fast
    if _holds_secret(inputs, signature):
        add_secret_input(found)
        return _Parts(TokenKind.UNKNOWN, verified=_unverified(inputs))
    if well_formed:
        return _diagnose_jwt(decode_jwt(signature, well_formed=True, found=found), inputs, found)
    text = clean(signature, found, lambda candidate: _holds_secret(inputs, candidate))
    decoded = None if text is None else decode(text, found)
    if isinstance(decoded, Jwt):
        return _diagnose_jwt(decoded, inputs, found)
    if isinstance(decoded, Legacy):
        return _diagnose_legacy(decoded, inputs, found)
    return _Parts(TokenKind.UNKNOWN, verified=_unverified(inputs))


def _fast_parts(signature: str, inputs: _Inputs) -> Optional[_Parts]:
    """What the diagnosis finds in a Meeting SDK signature with nothing wrong (:mod:`._fast`)."""
    if inputs.expect not in (None, TokenKind.MEETING_SDK):
        return None
    fast = fast_report(
        signature,
        inputs.secret,
        inputs.context,
        inputs.redactor,
        other_secrets=bool(inputs.others),
    )
    # Only a token that verifies with the secret (or one checked without a secret) gets
    # here, so the quick search for the secret is safe: see _holds_secret for the rest.
    if fast is None or any(form in signature for form in inputs.forms):
        return None
    return _Parts(
        TokenKind.MEETING_SDK,
        header=fast.header,
        claims=fast.claims,
        verified=fast.verified,
        expires=fast.expires,
        json_text=fast.json_text,
    )


def _unverified(inputs: _Inputs) -> Optional[bool]:
    return None if inputs.secret is None else False


def _readable(inputs: _Inputs, found: Findings) -> Optional[str]:
    """The input as text; ``None`` when it is too long or not UTF-8."""
    signature = inputs.signature
    if len(signature) > MAX_SIGNATURE_LENGTH:
        found.add(
            _C.TOO_LONG,
            f"the input has {len(signature)} characters; a Zoom signature has at most "
            f"a few hundred (limit {MAX_SIGNATURE_LENGTH})",
        )
        return None
    if isinstance(signature, bytes):
        try:
            signature = signature.decode("utf-8")
        except UnicodeDecodeError:
            found.add(_C.MALFORMED, "the input is not UTF-8 text")
            return None
    return signature


def _holds_secret(inputs: _Inputs, text: str) -> bool:
    """Whether ``text`` holds the secret itself (with or without the whitespace around it).

    Asked of the input and, by clean(), of every layer it peels (quotes, JSON, URL escapes,
    line breaks). A run of the secret is looked for first, at a cost that does not depend
    on where (or whether) the secret's characters occur in ``text``
    (:meth:`~zoomsig._secrecy.Redactor.holds`): a substring search for the whole secret
    would stop and skip depending on them, and tell an attacker who times it how alike the
    two are. Only a text that holds a run is searched for the whole secret.
    """
    redactor = inputs.redactor
    return (
        bool(inputs.forms)
        and redactor is not None
        and redactor.holds(text)
        and any(form in text for form in inputs.forms)
    )


def _diagnose_legacy(token: Legacy, inputs: _Inputs, found: Findings) -> _Parts:
    expires = legacy_rules(token.fields, inputs.context, found)
    verified = None
    if inputs.secret is not None:
        verified = verify_legacy(
            token.fields, inputs.secret, inputs.context.sdk_key, inputs.others, found
        )
    return _Parts(
        TokenKind.LEGACY_WEB_SDK,
        claims=legacy_claims(token.fields),
        verified=verified,
        expires=expires,
    )


def _diagnose_jwt(token: Jwt, inputs: _Inputs, found: Findings) -> _Parts:
    header: Mapping[str, object] = token.header or {}
    claims: Mapping[str, object] = token.claims or {}
    kind = _kind_of(claims, inputs.expect)
    exp: Optional[int] = None
    if token.zoom_issued:
        _validate_zoom_issued(header, claims, found)
    else:
        exp = _validate_token(token, kind, inputs, found)
    verified = _verify_jwt(token, inputs, found)
    return _Parts(
        kind,
        header=dict(header),
        claims=dict(claims),
        verified=verified,
        expires=exp,
        json_text=token.json_text,
    )


def _kind_of(claims: Mapping[str, object], expect: Optional[TokenKind]) -> TokenKind:
    """The kind the claims say, or the one the caller expects where the claims allow it."""
    kind = classify(claims)
    if expect is TokenKind.VIDEO_SDK_API and kind is TokenKind.UNKNOWN:
        return expect  # no SDK claim: read it as the REST API token it was meant to be
    if expect is TokenKind.COBROWSE_SDK and kind in (TokenKind.VIDEO_SDK, TokenKind.UNKNOWN):
        return expect
    return kind


def _validate_zoom_issued(
    header: Mapping[str, object], claims: Mapping[str, object], found: Findings
) -> None:
    what = (
        "a ZAK"
        if claims.get("aud") == "clientsm" or "zm_skm" in header
        else "an OAuth access token"
    )
    found.add(
        _C.ZOOM_ISSUED_TOKEN,
        f"this looks like {what} issued by Zoom (iss {show(claims.get('iss'))}, aud "
        f"{show(claims.get('aud'))}), not a signature made with your secret",
    )


def _validate_token(token: Jwt, kind: TokenKind, inputs: _Inputs, found: Findings) -> Optional[int]:
    """The findings in the header and claims of a token made with a secret; its ``exp``."""
    header: Mapping[str, object] = token.header or {}
    claims: Mapping[str, object] = token.claims or {}
    if _may_hold_secret(token.json_text, inputs.redactor):
        _validate_secret_claims(header, inputs.forms, inputs.redactor, found, "header parameter")
        _validate_secret_claims(claims, inputs.forms, inputs.redactor, found)
    _validate_huge_ints(header, claims, found)
    if token.header is not None:
        _validate_header(header, found)
    if token.claims is None:
        return None
    if inputs.expect is TokenKind.VIDEO_SDK_API:
        if kind is TokenKind.VIDEO_SDK_API:
            return api_rules(claims, inputs.context, found)
        not_api_token(kind, found)
    if kind is TokenKind.UNKNOWN and is_rest_api_token(claims):
        found.add(
            _C.REST_API_TOKEN,
            f"the claims are {', '.join(sorted(claims))} (iss "
            f"{show(claims.get('iss'))}): a REST API token (a Video SDK API token, or a "
            "retired JWT app's), not an SDK signature",
        )
        return None
    return _validate_claims(claims, kind, inputs.context, found)


def _may_hold_secret(json_text: str, redactor: Optional[Redactor]) -> bool:
    """Whether a claim may be named like a secret or hold (a run of) the caller's."""
    if redactor is not None and ("\\" in json_text or redactor.holds(json_text)):
        return True
    return "secret" in json_text.lower()


def _validate_claims(
    claims: Mapping[str, object], kind: TokenKind, context: Context, found: Findings
) -> Optional[int]:
    """The rules of the kind of token found, and of its times; its ``exp``."""
    if kind is TokenKind.COBROWSE_SDK:
        cobrowse_rules(claims, context, found)
        return time_rules(claims, context, found)
    _validate_cross_kind(kind, context, found)
    video = kind is TokenKind.VIDEO_SDK or (kind is TokenKind.UNKNOWN and context.topic is not None)
    if video:
        video_rules(claims, context, found)
    else:
        meeting_rules(claims, context, found)
    return time_rules(claims, context, found)


def _verify_jwt(token: Jwt, inputs: _Inputs, found: Findings) -> Optional[bool]:
    """Whether the caller's secret made the token (``None``: no secret given).

    A token Zoom issued is signed with Zoom's own key: that the caller's secret did not make
    it is no finding, and :func:`verify` is told so beforehand.
    """
    mac = token.mac
    if inputs.secret is None:
        if inputs.others and mac is not None:
            _validate_other_secrets(token.signing_input, mac, inputs.others, found)
        return None
    if mac is None:
        return False
    signing_input = token.signing_input
    return verify(
        mac,
        lambda key: _jws.hs256(key, signing_input),
        secret=inputs.secret,
        sdk_key=inputs.context.sdk_key,
        extra=inputs.others,
        mismatch_hint=_mismatch_hint(token.claims or {}, inputs.context)
        + secret_pair_hint(token.claims or {}),
        explain_mismatch=not token.zoom_issued,
        found=found,
    )


def _validate_other_secrets(
    signing_input: bytes, mac: bytes, others: tuple[Variant, ...], found: Findings
) -> None:
    """``SIGNED_WITH_OTHER_SECRET`` when one of the caller's other secrets made ``mac``."""
    for other in others:
        if _jws.verify(signing_input, mac, other.key):
            found.add(other.code, other.message, "signature")
            return


def _validate_secret_claims(
    claims: Mapping[str, object],
    forms: tuple[str, ...],
    redactor: Optional[Redactor],
    found: Findings,
    where: str = "claim",
) -> None:
    """Claims (or, ``where`` says so, header parameters such as ``kid``) that carry a secret:
    named like one, or holding the caller's, or a run of it."""
    for name, value in claims.items():
        if _leaks(value, forms) or _leaks(name, forms):
            what = "holds your secret"
        elif redactor is not None and _holds_part(redactor, name, value):
            what = f"holds part of your secret ({SECRET_PART} or more characters of it)"
        elif is_secret_claim(name):
            what = "is named like a secret"
        else:
            continue
        found.add(
            _C.SECRET_IN_TOKEN,
            f"the {where} {name!r} {what}: the token is readable by anyone who gets it, e.g. "
            "every browser that joins",
            name,
        )


def _holds_part(redactor: Redactor, name: str, value: object) -> bool:
    """Whether a claim's name or value holds :data:`SECRET_PART` characters of the secret."""
    if not (redactor.holds(name) or redactor.holds_value(value)):
        return False
    if redactor.holds_run(name, SECRET_PART):
        return True
    if isinstance(value, str):
        return redactor.holds_run(value, SECRET_PART)
    try:
        return redactor.holds_run(json.dumps(value, ensure_ascii=False), SECRET_PART)
    except (ValueError, RecursionError):
        return True


def _validate_header(header: Mapping[str, object], found: Findings) -> None:
    alg = header.get("alg")
    if alg != "HS256":
        what = "missing" if alg is None else show(alg)
        found.add(_C.ALG_NOT_HS256, f"the header's alg is {what}; Zoom needs HS256", "alg")
    typ = header.get("typ")
    if not (isinstance(typ, str) and typ.upper() == "JWT"):
        what = "missing" if typ is None else show(typ)
        found.add(_C.TYP_NOT_JWT, f"the header's typ is {what}", "typ")
    # RFC 7515 §4.1.11: a recipient must refuse a crit it does not implement, and b64: false
    # (RFC 7797) means the payload is not base64url at all; PyJWT refuses both.
    for name, present in (("crit", "crit" in header), ("b64", header.get("b64", True) is not True)):
        if present:
            found.add(
                _C.HEADER_UNSUPPORTED,
                f"the header has {name} {show(header[name])}: a JWS extension that JWT "
                "libraries refuse",
                name,
            )


def _validate_huge_ints(
    header: Mapping[str, object], claims: Mapping[str, object], found: Findings
) -> None:
    """INTEGER_OUT_OF_RANGE for each header parameter or claim of more than 19 digits."""
    for where, mapping in (("the header's ", header), ("", claims)):
        for name, value in mapping.items():
            if isinstance(value, HugeInt):
                shown = name if name.isidentifier() and len(name) <= 40 else preview(name, 40)
                found.add(
                    _C.INTEGER_OUT_OF_RANGE,
                    f"{where}{shown} is {json_type(value)} (over {MAX_SHOWN_DIGITS} digits: "
                    "beyond 64 bits and any Unix time in seconds, milliseconds, microseconds "
                    "or nanoseconds)",
                    name,
                )


def _validate_cross_kind(kind: TokenKind, context: Context, found: Findings) -> None:
    if kind is TokenKind.VIDEO_SDK and context.topic is None and context.meeting_number is not None:
        found.add(
            _C.VIDEO_SDK_TOKEN,
            "this is a Video SDK token (app_key, tpc, role_type) but you are joining "
            f"meeting {show(context.meeting_number)}",
        )
    elif kind is TokenKind.MEETING_SDK and context.topic is not None:
        found.add(
            _C.MEETING_SDK_TOKEN,
            "this is a Meeting SDK signature (appKey, mn, role) but you are joining the "
            f"Video SDK session {show(context.topic)}",
        )


# -------------------------------------------------------------------------------- finish


def _finish(inputs: _Inputs, parts: _Parts, found: Findings) -> Report:
    """The join options' findings, the caller's secrets redacted, and the report."""
    header, claims = parts.header or {}, parts.claims or {}
    if inputs.context.joining:
        _validate_join_options(inputs, claims, found)
    findings = found.ordered()
    redactor = inputs.redactor
    if redactor is not None:
        texts = [text for f in findings for text in (f.message, f.claim or "")]
        if texts and redactor.holds_any(texts):
            findings = tuple(_redact_finding(f, redactor) for f in findings)
        # Header and claims are decoded from parts.json_text: with no escape in it, every
        # spelling of a run of the secret that they could hold stands in that text as is.
        text = parts.json_text
        if not text or "\\" in text or redactor.holds(text):
            header, claims = redactor.mapping(header), redactor.mapping(claims)
    return Report(
        parts.kind,
        findings,
        header=MappingProxyType(header),
        claims=MappingProxyType(claims),
        signature_verified=parts.verified,
        expires_at=_timestamp(parts.expires),
    )


def _validate_join_options(inputs: _Inputs, claims: dict[str, object], found: Findings) -> None:
    """The findings of what the client passes to ``join()`` with the token."""
    signature = inputs.signature
    text = signature if isinstance(signature, str) else signature.decode("utf-8", "replace")
    join_rules(text, claims, inputs.context, found)


def _mismatch_hint(claims: Mapping[str, object], context: Context) -> str:
    key = claims.get("appKey", claims.get("sdkKey", claims.get("app_key")))
    if context.sdk_key is not None and key is not None and key != context.sdk_key:
        return "; the key in the token is another app's, so its secret is probably too"
    return ""


def _timestamp(seconds: Optional[int]) -> Optional[datetime]:
    if seconds is None or not is_int(seconds):
        return None
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _redact_finding(finding: Finding, redactor: Redactor) -> Finding:
    claim = finding.claim or ""
    if not (redactor.holds(finding.message) or redactor.holds(claim)):
        return finding
    message, claim = redactor.redact(finding.message), redactor.redact(claim)
    return dataclasses.replace(finding, message=message, claim=claim or None)


def _leaks(value: object, forms: tuple[str, ...]) -> bool:
    """Whether ``value`` holds the whole secret; a token can carry it in a claim."""
    if isinstance(value, str):
        return any(form in value for form in forms)
    if value is None or isinstance(value, (int, float)):
        return False
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):
        return True
    return any(form in text for form in forms)
