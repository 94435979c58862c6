"""``decode_and_validate``: read any signature and name every mistake in it.

The pipeline: check the arguments; refuse oversized input; answer a clean Meeting SDK
signature in the signers' shape at once (:mod:`._fast`, which only ever says "no finding");
undo paste and transport mistakes (:mod:`._input`); decode tolerantly (:mod:`._decode`);
apply the rules of the kind of token found (:mod:`._rules_meeting`, :mod:`._rules_video`,
:mod:`._rules_time`, :mod:`._rules_legacy`); verify with the secret and its known variants
(:mod:`._secret`); finally redact anything equal to the secret and sort the findings,
errors first.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
from collections.abc import Mapping
from datetime import datetime, timezone
from types import MappingProxyType
from typing import NamedTuple, Optional, Union, cast

from zoomsig import _jws
from zoomsig._enums import Role, Severity, TokenKind
from zoomsig._errors import InvalidParameterError
from zoomsig._params import check_role
from zoomsig._secrecy import (
    MAX_SECRET_LENGTH,
    MAX_SHOWN_DIGITS,
    MIN_REDACTABLE_LENGTH,
    bare,
    describe,
    int_digits,
    is_utf8_encodable,
    refuse_long,
)
from zoomsig._time import Now, resolve_now
from zoomsig.diagnose._context import Context, is_int
from zoomsig.diagnose._decode import WELL_FORMED_JWT, Bare, Jwt, decode, decode_jwt
from zoomsig.diagnose._fast import clean_meeting_token
from zoomsig.diagnose._input import MAX_SIGNATURE_LENGTH, clean, secret_input_finding
from zoomsig.diagnose._kind import classify, is_rest_api_token, is_secret_claim, is_zoom_issued
from zoomsig.diagnose._redact import Redactor, secret_texts
from zoomsig.diagnose._rules_join import check_join_options
from zoomsig.diagnose._rules_legacy import check_legacy, legacy_claims, verify_legacy
from zoomsig.diagnose._rules_meeting import check_meeting
from zoomsig.diagnose._rules_time import check_times
from zoomsig.diagnose._rules_video import check_video
from zoomsig.diagnose._secret import Variant, other_secret_variants, verify
from zoomsig.diagnose._text import HugeInt, json_type, preview, show
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding, Report

__all__ = ["MAX_SIGNATURE_LENGTH", "decode_and_validate"]

_C = FindingCode
_ORDER = MappingProxyType({Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2})
_PART = 16  # a claim with this much of the secret is SECRET_IN_TOKEN; 8 are only redacted
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
    other_secrets: Optional[Mapping[str, Union[str, bytes]]] = None,
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

    Returns:
        A :class:`Report`; ``report.ok`` is ``True`` when no finding is an error.

    Raises:
        InvalidParameterError: An argument other than ``signature`` has the wrong type or
            value (``role=True``, a naive ``now``, an empty ``secret`` or one under 4
            characters, which could not be redacted from the report, a ``zak`` that is not
            a str, an ``other_secrets`` entry that is empty).

    >>> from zoomsig import decode_and_validate
    >>> report = decode_and_validate("not a token", now=1763900000)
    >>> report.ok, [f.code.value for f in report.findings]
    (False, ['MALFORMED'])
    """
    context = _context(sdk_key, meeting_number, role, topic, now)
    secret_bytes = _secret_bytes(secret)
    others = _other_secrets(other_secrets)
    joining = zak is not None or obf_token is not None
    for name, option in (("zak", zak), ("obf_token", obf_token)) if joining else ():
        if option is not None and not isinstance(option, str):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise InvalidParameterError(
                name, f"expected None or a str, got {type(option).__name__}"
            )
    if not isinstance(signature, (str, bytes)):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise InvalidParameterError(
            "signature", f"expected a str or bytes, got {type(signature).__name__}"
        )
    forms = () if secret_bytes is None else secret_texts(secret_bytes)
    # Everything the caller hands over is kept out of the report: the secret, the other
    # secrets and the join tokens (bearer credentials).
    hidden = forms
    if others or joining:
        hidden = (*forms, *(t for _, other in others for t in secret_texts(other)))
        tokens = (t for token in (zak, obf_token) if token for t in (token, token.strip()))
        hidden = tuple(dict.fromkeys((*hidden, *(t for t in tokens if t))))
    redactor = Redactor(*hidden) if hidden else None
    parts = _diagnose(
        signature,
        secret_bytes,
        forms,
        context,
        redactor=redactor,
        others=other_secret_variants(others) if others else (),
    )
    findings, header, claims = parts.findings, parts.header or {}, parts.claims or {}
    if joining:
        text = signature if isinstance(signature, str) else signature.decode("utf-8", "replace")
        join = check_join_options(text, claims, zak=zak, obf_token=obf_token, context=context)
        if zak or any(f.code is _C.HOST_WITHOUT_ZAK for f in join):
            # The reminder is answered (a ZAK is there) or replaced by the sharper finding.
            findings = [f for f in findings if f.code is not _C.HOST_NEEDS_ZAK]
        findings = [*findings, *join]
    if redactor is not None:
        texts = [text for f in findings for text in (f.message, f.claim or "")]
        if texts and redactor.holds_any(texts):
            findings = [_redact_finding(f, redactor) for f in findings]
        # Header and claims are decoded from parts.json_text: with no escape in it, every
        # spelling of a run of the secret that they could hold stands in that text as is.
        text = parts.json_text
        if not text or "\\" in text or redactor.holds(text):
            header, claims = redactor.mapping(header), redactor.mapping(claims)
    if len(findings) > 1:
        findings.sort(key=lambda f: _ORDER[f.severity])
    return Report(
        parts.kind,
        tuple(findings),
        header=MappingProxyType(header),
        claims=MappingProxyType(claims),
        signature_verified=parts.verified,
        expires_at=_timestamp(parts.expires),
    )


class _Parts(NamedTuple):
    """What a diagnosis found, before redaction and sorting make it a :class:`Report`."""

    kind: TokenKind
    findings: list[Finding]
    header: Optional[dict[str, object]] = None
    claims: Optional[dict[str, object]] = None
    verified: Optional[bool] = None
    expires: Optional[int] = None
    json_text: str = ""


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
            f"has {len(text)} characters; Zoom's secrets have 32, and one under "
            f"{MIN_CHECKED_SECRET} is a placeholder (is the variable set to a default?)",
        )
    return secret


def _other_secrets(other_secrets: object) -> tuple[tuple[str, bytes], ...]:
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


def _diagnose(
    signature: Union[str, bytes],
    secret: Optional[bytes],
    forms: tuple[str, ...],
    context: Context,
    *,
    redactor: Optional[Redactor] = None,
    others: tuple[Variant, ...] = (),
) -> _Parts:
    unverified = None if secret is None else False
    if len(signature) > MAX_SIGNATURE_LENGTH:
        return _Parts(
            TokenKind.UNKNOWN,
            [
                Finding.of(
                    _C.TOO_LONG,
                    f"the input has {len(signature)} characters; a Zoom signature has at most "
                    f"a few hundred (limit {MAX_SIGNATURE_LENGTH})",
                )
            ],
            verified=unverified,
        )
    if isinstance(signature, bytes):
        try:
            signature = signature.decode("utf-8")
        except UnicodeDecodeError:
            return _Parts(
                TokenKind.UNKNOWN,
                [Finding.of(_C.MALFORMED, "the input is not UTF-8 text")],
                verified=unverified,
            )
    # ``forms`` holds the secret with and without surrounding whitespace; clean() checks
    # again on every layer it peels (quotes, JSON, URL escapes, line breaks).
    if any(form in signature for form in forms):
        return _Parts(TokenKind.UNKNOWN, [secret_input_finding()], verified=False)

    if WELL_FORMED_JWT.fullmatch(signature):  # the common case: nothing to undo
        fast = clean_meeting_token(signature, secret, context, redactor, other_secrets=bool(others))
        if fast is not None:  # the commonest: nothing wrong at all
            return _Parts(
                TokenKind.MEETING_SDK,
                [],
                header=fast.header,
                claims=fast.claims,
                verified=fast.verified,
                expires=fast.expires,
                json_text=fast.json_text,
            )
        token = decode_jwt(signature, well_formed=True)
        return _diagnose_jwt(
            token, token.findings, secret, forms, context, redactor=redactor, others=others
        )
    cleaned = clean(signature, forms)
    findings = cleaned.findings
    if cleaned.text is None:
        return _Parts(TokenKind.UNKNOWN, findings, verified=unverified)
    decoded = decode(cleaned.text)
    findings.extend(decoded.findings)
    if isinstance(decoded, Bare):
        return _Parts(TokenKind.UNKNOWN, findings, verified=unverified)
    if isinstance(decoded, Jwt):
        return _diagnose_jwt(
            decoded, findings, secret, forms, context, redactor=redactor, others=others
        )

    rules, expires = check_legacy(decoded.fields, context)
    findings.extend(rules)
    verified = None
    if secret is not None:
        verdict = verify_legacy(decoded.fields, secret, context.sdk_key, others)
        verified = False if verdict is None else verdict.verified
        if verdict is not None:
            findings.extend(verdict.findings)
    return _Parts(
        TokenKind.LEGACY_WEB_SDK,
        findings,
        claims=legacy_claims(decoded.fields),
        verified=verified,
        expires=expires,
    )


def _diagnose_jwt(
    token: Jwt,
    findings: list[Finding],
    secret: Optional[bytes],
    forms: tuple[str, ...],
    context: Context,
    *,
    redactor: Optional[Redactor] = None,
    others: tuple[Variant, ...] = (),
) -> _Parts:
    header: Mapping[str, object] = token.header or {}
    claims: Mapping[str, object] = token.claims or {}
    zoom_issued = is_zoom_issued(header, claims)
    kind = classify(claims)
    exp: Optional[int] = None

    if zoom_issued:
        what = (
            "a ZAK"
            if claims.get("aud") == "clientsm" or "zm_skm" in header
            else ("an OAuth access token")
        )
        findings[:] = [f for f in findings if f.code is not _C.SIGNATURE_LENGTH_INVALID]
        findings.append(
            Finding.of(
                _C.ZOOM_ISSUED_TOKEN,
                f"this looks like {what} issued by Zoom (iss {show(claims.get('iss'))}, aud "
                f"{show(claims.get('aud'))}), not a signature made with your secret",
            )
        )
    else:
        if (
            redactor is not None and ("\\" in token.json_text or redactor.holds(token.json_text))
        ) or "secret" in token.json_text.lower():
            findings.extend(_secret_claims(claims, forms, redactor))
        findings.extend(_huge_ints(header, claims))
        if token.header is not None:
            findings.extend(_check_header(header))
        if token.claims is not None:
            if kind is TokenKind.UNKNOWN and is_rest_api_token(claims):
                findings.append(
                    Finding.of(
                        _C.REST_API_TOKEN,
                        f"the claims are {', '.join(sorted(claims))} (iss "
                        f"{show(claims.get('iss'))}): a JWT-app REST API token",
                    )
                )
            else:
                findings.extend(_cross_kind(kind, context))
                video = kind is TokenKind.VIDEO_SDK or (
                    kind is TokenKind.UNKNOWN and context.topic is not None
                )
                findings.extend(
                    check_video(claims, context) if video else check_meeting(claims, context)
                )
                times, exp = check_times(claims, context)
                findings.extend(times)

    verified: Optional[bool] = None
    if secret is not None:
        verified = False
        if token.mac is not None:
            verdict = verify(
                token.mac,
                lambda key: _jws.hs256(key, token.signing_input),
                secret=secret,
                sdk_key=context.sdk_key,
                extra=others,
                mismatch_hint=_mismatch_hint(claims, context),
            )
            verified = verdict.verified
            findings.extend(
                f for f in verdict.findings if not (zoom_issued and f.code is _C.SIGNATURE_MISMATCH)
            )
    elif others and token.mac is not None:
        mac = token.mac
        matched = next(
            (v for v in others if hmac.compare_digest(_jws.hs256(v.key, token.signing_input), mac)),
            None,
        )
        if matched is not None:
            findings.append(Finding.of(matched.code, matched.message, "signature"))
    return _Parts(
        kind,
        findings,
        header=dict(header),
        claims=dict(claims),
        verified=verified,
        expires=exp,
        json_text=token.json_text,
    )


def _secret_claims(
    claims: Mapping[str, object], forms: tuple[str, ...], redactor: Optional[Redactor]
) -> list[Finding]:
    """Claims that carry a secret: named like one, or holding the caller's, or a run of it."""
    findings: list[Finding] = []
    for name, value in claims.items():
        if _leaks(value, forms) or _leaks(name, forms):
            what = "holds your secret"
        elif redactor is not None and _holds_part(redactor, name, value):
            what = f"holds part of your secret ({_PART} or more characters of it)"
        elif is_secret_claim(name):
            what = "is named like a secret"
        else:
            continue
        findings.append(
            Finding.of(
                _C.SECRET_IN_TOKEN,
                f"the claim {name!r} {what}: the token is readable by anyone who gets it, e.g. "
                "every browser that joins",
                name,
            )
        )
    return findings


def _holds_part(redactor: Redactor, name: str, value: object) -> bool:
    """Whether a claim's name or value holds :data:`_PART` characters of the secret."""
    if not (redactor.holds(name) or redactor.holds_value(value)):
        return False
    if redactor.holds_run(name, _PART):
        return True
    if isinstance(value, str):
        return redactor.holds_run(value, _PART)
    try:
        return redactor.holds_run(json.dumps(value, ensure_ascii=False), _PART)
    except (ValueError, RecursionError):
        return True


def _check_header(header: Mapping[str, object]) -> list[Finding]:
    findings: list[Finding] = []
    alg = header.get("alg")
    if alg != "HS256":
        what = "missing" if alg is None else show(alg)
        findings.append(
            Finding.of(_C.ALG_NOT_HS256, f"the header's alg is {what}; Zoom needs HS256", "alg")
        )
    typ = header.get("typ")
    if not (isinstance(typ, str) and typ.upper() == "JWT"):
        what = "missing" if typ is None else show(typ)
        findings.append(Finding.of(_C.TYP_NOT_JWT, f"the header's typ is {what}", "typ"))
    # RFC 7515 §4.1.11: a recipient must refuse a crit it does not implement, and b64: false
    # (RFC 7797) means the payload is not base64url at all; PyJWT refuses both.
    for name, present in (("crit", "crit" in header), ("b64", header.get("b64", True) is not True)):
        if present:
            findings.append(
                Finding.of(
                    _C.HEADER_UNSUPPORTED,
                    f"the header has {name} {show(header[name])}: a JWS extension that JWT "
                    "libraries refuse",
                    name,
                )
            )
    return findings


def _huge_ints(header: Mapping[str, object], claims: Mapping[str, object]) -> list[Finding]:
    """INTEGER_OUT_OF_RANGE for each header parameter or claim of more than 19 digits."""
    return [
        Finding.of(
            _C.INTEGER_OUT_OF_RANGE,
            f"{where}{name if name.isidentifier() and len(name) <= 40 else preview(name, 40)} "
            f"is {json_type(value)} (over {MAX_SHOWN_DIGITS} digits: beyond 64 bits and any "
            "Unix time in seconds, milliseconds, microseconds or nanoseconds)",
            name,
        )
        for where, mapping in (("the header's ", header), ("", claims))
        for name, value in mapping.items()
        if isinstance(value, HugeInt)
    ]


def _cross_kind(kind: TokenKind, context: Context) -> list[Finding]:
    if kind is TokenKind.VIDEO_SDK and context.topic is None and context.meeting_number is not None:
        return [
            Finding.of(
                _C.VIDEO_SDK_TOKEN,
                "this is a Video SDK token (app_key, tpc, role_type) but you are joining "
                f"meeting {show(context.meeting_number)}",
            )
        ]
    if kind is TokenKind.MEETING_SDK and context.topic is not None:
        return [
            Finding.of(
                _C.MEETING_SDK_TOKEN,
                "this is a Meeting SDK signature (appKey, mn, role) but you are joining the "
                f"Video SDK session {show(context.topic)}",
            )
        ]
    return []


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
