"""Input shape: what was pasted around or into the signature, before any decoding.

Each step names the mistake it undoes (quotes, ``Bearer``, a response object, URL
encoding, line breaks, spaces where ``+`` was) and hands the repaired text on, so that the
rest of the diagnosis can still read the token. Every step runs at most once, so the work
is bounded by the size cap.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple, Optional
from urllib.parse import unquote

from zoomsig.diagnose.codes import FindingCode
from zoomsig.diagnose.report import Finding

__all__ = ["MAX_SIGNATURE_LENGTH", "Cleaned", "clean"]

MAX_SIGNATURE_LENGTH = 8192
"""Longest input :func:`zoomsig.decode_and_validate` parses, in characters (or bytes).

A Meeting SDK signature is about 300 characters and a Video SDK token with every option
under 1000; anything over 8 KiB is refused with ``TOO_LONG`` before it is parsed.
"""

_C = FindingCode
_RESPONSE_KEYS = ("signature", "token", "jwt", "sdkJWT", "sdkSignature", "accessToken")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9+/=_.-]+")
_LINE_BREAK = re.compile(r"\\r\\n|\\n|\r\n|\r|\n")
_QUOTE_STARTS = frozenset("\"'&\u201c`")
_QUOTES = (('"', '"'), ("'", "'"), ("&quot;", "&quot;"), ("\u201c", "\u201d"), ("`", "`"))


class Cleaned(NamedTuple):
    """The text to decode (``None`` when nothing is left to decode) and the findings."""

    text: Optional[str]
    findings: list[Finding]


def clean(text: str) -> Cleaned:
    """Undo the paste and transport mistakes around a signature, naming each one."""
    findings: list[Finding] = []
    original = text
    stripped = text.strip()
    if not stripped:
        findings.append(Finding.of(_C.EMPTY, "the signature is empty or only whitespace"))
        return Cleaned(None, findings)
    if stripped != text:
        findings.append(
            Finding.of(
                _C.SURROUNDING_WHITESPACE,
                f"the signature has surrounding whitespace ({_whitespace(text)})",
            )
        )
    text = stripped

    if text.startswith("{"):
        inner = _from_response(text, findings)
        if inner is None:
            return Cleaned(None, findings)
        text = inner.strip()

    for opening, closing in _QUOTES if text[0] in _QUOTE_STARTS else ():
        if (
            len(text) > len(opening) + len(closing)
            and text.startswith(opening)
            and text.endswith(closing)
        ):
            findings.append(
                Finding.of(
                    _C.QUOTED,
                    f"the signature is wrapped in {opening}…{closing}; the client sends the "
                    "quotes to Zoom as part of it",
                )
            )
            text = text[len(opening) : -len(closing)].strip()
            break

    if text[:7].lower() == "bearer ":
        findings.append(Finding.of(_C.BEARER_PREFIX, f"the signature starts with {text[:7]!r}"))
        text = text[7:].strip()

    if "%" in text and _PERCENT.search(text):
        escapes = sorted({m.upper() for m in _PERCENT.findall(text)})
        findings.append(
            Finding.of(
                _C.URL_ENCODED,
                f"the signature contains URL escapes ({', '.join(escapes[:4])})",
            )
        )
        text = unquote(text)

    if "\n" in text or "\r" in text or "\\n" in text:
        lines = [line.strip() for line in _LINE_BREAK.split(text)]
        lines = [line for line in lines if line]
        width = len(lines[0]) if len(lines) > 2 else 0
        every = f", every {width} characters" if width else ""
        findings.append(
            Finding.of(
                _C.LINE_BREAKS,
                f"the signature is split into {len(lines)} lines{every}",
            )
        )
        text = "".join(lines)
        # Ruby's Base64.encode64 also ends in a newline: one mistake, one finding.
        surrounding = findings[0].code is _C.SURROUNDING_WHITESPACE
        if surrounding and original.strip("\r\n") == stripped:
            del findings[0]

    if " " in text or "\t" in text:
        restored = text.replace(" ", "+").replace("\t", "+")
        # Only a token-shaped result counts: prose with spaces is not a lost '+'.
        if _TOKEN_CHARS.fullmatch(restored) and (restored.count(".") == 2 or len(restored) >= 40):
            count = len(restored) - len(text.replace(" ", "").replace("\t", ""))
            findings.append(
                Finding.of(
                    _C.SPACES_INSTEAD_OF_PLUS,
                    f"the signature has {count} space{'s' * (count != 1)} inside it; a '+' "
                    "becomes a space when a URL query string is decoded",
                )
            )
            text = restored

    if not text:
        findings.append(Finding.of(_C.EMPTY, "nothing is left inside the quotes or prefix"))
        return Cleaned(None, findings)
    return Cleaned(text, findings)


def _from_response(text: str, findings: list[Finding]) -> Optional[str]:
    """Find the signature inside a pasted JSON object such as ``{"signature": "…"}``."""
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return text
    if not isinstance(obj, dict):
        return text
    candidates = [obj, *(value for value in obj.values() if isinstance(value, dict))]
    for candidate in candidates:
        for key in _RESPONSE_KEYS:
            inner = candidate.get(key)
            if isinstance(inner, str) and inner.strip():
                findings.append(
                    Finding.of(
                        _C.RESPONSE_OBJECT,
                        f"a JSON object was passed; its {key!r} value is the signature",
                    )
                )
                return inner
    keys = ", ".join(sorted(map(str, obj))[:6]) or "none"
    findings.append(
        Finding.of(
            _C.MALFORMED,
            f"a JSON object (keys: {keys}) was passed, not a signature: a decoded JWT "
            "payload, or a response without a signature field?",
        )
    )
    return None


def _whitespace(text: str) -> str:
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    parts = [f"starts with {start!r}"] if start else []
    if end:
        parts.append(f"ends with {end!r}")
    return " and ".join(parts)
