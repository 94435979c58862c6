"""The tolerant decoder: reads what strict JWT libraries refuse, and says what it forgave.

A strict library stops at "malformed"; this one decodes standard-alphabet base64, padding,
hex digests and legacy ``key.mn.ts.role.hash`` signatures so that the rules can name the
actual mistake.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from typing import NamedTuple, Optional, Union

from zoomsig.diagnose._text import preview
from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["Bare", "Jwt", "Legacy", "decode", "loose_b64decode"]

_C = FindingCode
_B64_CHARS = re.compile(r"[A-Za-z0-9+/=_-]*")
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{64}")
_PART_NAMES = ("header", "payload", "signature")
_MAC_LENGTH = 32


class Jwt(NamedTuple):
    """A three-part token, decoded as far as it goes."""

    signing_input: bytes
    mac: Optional[bytes]
    header: Optional[dict[str, object]]
    claims: Optional[dict[str, object]]
    findings: list[Finding]
    json_text: str
    """The decoded header and payload JSON text, for the secret redaction check."""


class Legacy(NamedTuple):
    """A legacy Web SDK signature: the five fields of ``key.mn.ts.role.hash``."""

    fields: list[str]
    findings: list[Finding]


class Bare(NamedTuple):
    """Nothing readable as a token (the findings say why)."""

    findings: list[Finding]


Decoded = Union[Jwt, Legacy, Bare]


def loose_b64decode(text: str) -> Optional[bytes]:
    """Decode base64 in either alphabet, with or without padding; ``None`` if it is not."""
    body = text.rstrip("=")
    if "=" in body or len(body) % 4 == 1:
        return None
    try:
        return base64.b64decode(
            body.replace("-", "+").replace("_", "/") + "=" * (-len(body) % 4), validate=True
        )
    except (binascii.Error, ValueError):  # foreign or non-ASCII characters
        return None


def _refuse_constant(name: str) -> object:
    """NaN and Infinity are not JSON (JavaScript's JSON.parse refuses them); Python's take them."""
    raise ValueError(name)


def _finite_float(text: str) -> float:
    """``1e999`` is valid JSON but no finite number; refuse it like NaN."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(text)
    return value


def _json_object(raw: Optional[bytes]) -> tuple[Optional[dict[str, object]], str]:
    """The JSON object in ``raw`` (or ``None``) and the text it was read from."""
    if raw is None:
        return None, ""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None, ""
    return (value, text) if isinstance(value, dict) else (None, text)


def _decode_jwt(text: str) -> Jwt:
    parts = text.split(".")
    findings: list[Finding] = []
    standard = [name for name, part in zip(_PART_NAMES, parts) if "+" in part or "/" in part]
    padded = [name for name, part in zip(_PART_NAMES, parts) if part.endswith("=")]
    if standard:
        findings.append(
            Finding.of(
                _C.NOT_BASE64URL,
                f"the {' and '.join(standard)} part{'s' * (len(standard) > 1)} use"
                f"{'s' * (len(standard) == 1)} the standard base64 alphabet ('+' or '/'), "
                "as btoa() or strict_encode64 make",
                "/".join(standard),
            )
        )
    if padded:
        findings.append(
            Finding.of(
                _C.BASE64_PADDING,
                f"the {' and '.join(padded)} part{'s' * (len(padded) > 1)} end"
                f"{'s' * (len(padded) == 1)} in '=' padding",
                "/".join(padded),
            )
        )

    raw_header, raw_payload = loose_b64decode(parts[0]), loose_b64decode(parts[1])
    (header, header_text), (claims, claims_text) = (
        _json_object(raw_header),
        _json_object(raw_payload),
    )
    if header is None:
        what = "is not base64url" if raw_header is None else "does not decode to a JSON object"
        findings.append(
            Finding.of(_C.HEADER_INVALID, f"the header part {preview(parts[0])} {what}", "header")
        )
    if claims is None:
        what = "is not base64url" if raw_payload is None else "does not decode to a JSON object"
        findings.append(
            Finding.of(
                _C.PAYLOAD_INVALID, f"the payload part {preview(parts[1])} {what}", "payload"
            )
        )

    signature = parts[2]
    mac: Optional[bytes] = None
    if len(signature) == 64 and _HEX_DIGEST.fullmatch(signature):
        findings.append(
            Finding.of(
                _C.SIGNATURE_HEX,
                "the signature part is 64 hex characters: a hexdigest(), not base64url",
                "signature",
            )
        )
        mac = bytes.fromhex(signature)
    elif not signature:
        findings.append(
            Finding.of(_C.SIGNATURE_LENGTH_INVALID, "the signature part is empty", "signature")
        )
    else:
        mac = loose_b64decode(signature)
        if mac is None and not _B64_CHARS.fullmatch(signature):
            findings.append(
                Finding.of(
                    _C.MALFORMED,
                    f"the signature part {preview(signature)} has characters outside base64url",
                    "signature",
                )
            )
        elif mac is None or len(mac) != _MAC_LENGTH:
            got = "cannot be decoded" if mac is None else f"decodes to {len(mac)} bytes"
            findings.append(
                Finding.of(
                    _C.SIGNATURE_LENGTH_INVALID,
                    f"the signature part has {len(signature)} characters and {got}; an "
                    "HMAC-SHA256 is 32 bytes (43 base64url characters): was the token cut?",
                    "signature",
                )
            )
            mac = None
        elif base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii") != signature.rstrip(
            "="
        ).replace("+", "-").replace("/", "_"):
            findings.append(
                Finding.of(
                    _C.MALFORMED,
                    "the last character of the signature part is not canonical base64url "
                    "(its unused bits are set): the token was altered",
                    "signature",
                )
            )
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii", "replace")
    return Jwt(signing_input, mac, header, claims, findings, f"{header_text}\n{claims_text}")


def _decode_legacy(text: str) -> Optional[Legacy]:
    """A legacy signature is base64 of ASCII ``key.mn.ts.role.hash``."""
    raw = loose_b64decode(text)
    if raw is None:
        return None
    try:
        inner = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    if inner.count(".") < 3 or not inner.isprintable():
        return None
    return Legacy(inner.split("."), [])


def decode(text: str) -> Decoded:
    """Read ``text`` (already cleaned of paste mistakes) as a JWT, legacy or bare value."""
    dots = text.count(".")
    if dots == 2:
        return _decode_jwt(text)
    if dots == 0:
        legacy = _decode_legacy(text)
        if legacy is not None:
            return legacy
        if _HEX_DIGEST.fullmatch(text) or len(loose_b64decode(text) or b"") == _MAC_LENGTH:
            return Bare(
                [
                    Finding.of(
                        _C.SIGNATURE_ONLY,
                        f"{preview(text)} is a bare HMAC-SHA256 "
                        f"({'hex' if _HEX_DIGEST.fullmatch(text) else 'base64'}), "
                        "without the header and payload",
                    )
                ]
            )
    if dots == 4 and text.split(".")[1].isdigit():
        return Bare(
            [
                Finding.of(
                    _C.MALFORMED,
                    "this is the inner text of a legacy signature (key.mn.ts.role.hash) that "
                    "was never base64-encoded; and Web SDK 2.7.0+ rejects legacy signatures",
                )
            ]
        )
    shape = f"{dots + 1} dot-separated parts" if dots else "no dots"
    extra = " (5 parts: an encrypted JWE, not a signed JWT?)" if dots == 4 else ""
    return Bare(
        [
            Finding.of(
                _C.MALFORMED,
                f"{preview(text)} has {shape}{extra}; a JWT has 3 (header.payload.signature)",
            )
        ]
    )
