"""Input shape: what was pasted around or into the signature, before any decoding.

Each step names the mistake it undoes (quotes, ``Bearer``, a response object, URL
encoding, line breaks, spaces where ``+`` was) and hands the repaired text on, so the rest
of the diagnosis can still read the token. Wrappers can be nested (a JSON body encoded
twice, a URL encoded twice), so they are peeled in a loop of at most
:data:`MAX_LAYERS` rounds: the work stays bounded by the size cap.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Callable, Optional, cast
from urllib.parse import unquote

from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose.codes import FindingCode

__all__ = ["MAX_SIGNATURE_LENGTH", "add_secret_input", "clean"]

MAX_SIGNATURE_LENGTH = 8192
"""Longest input :func:`zoomsig.decode_and_validate` parses, in characters (or bytes).

A Meeting SDK signature is about 300 characters and a Video SDK token with every option
under 1000; anything over 8 KiB is refused with ``TOO_LONG`` before it is parsed.
"""
MAX_LAYERS = 4
"""How many nested wrappers (quotes, JSON, URL encoding) are peeled at most."""

_C = FindingCode
_RESPONSE_KEYS = ("signature", "token", "jwt", "sdkJWT", "sdkSignature", "accessToken")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9+/=_.-]+")
_URL_START = re.compile(r"(?i)(https?://|(signature|token|jwt|sdkjwt|sdksignature)=)")
# A whole header line: "Authorization: Bearer eyJ…" copied from a request log or DevTools.
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]{0,39})[ \t]*:[ \t]*((?i:bearer)[ \t]+)?")
_HEADER_WORDS = ("auth", "token", "signature", "jwt")
_LINE_BREAK = re.compile(r"\\r\\n|\\n|\r\n|\r|\n")
# Characters that are invisible when pasted: str.strip() keeps the BOM and zero-width ones.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00a0"
# Of those, the ones that are not whitespace to a reader: an error (INVISIBLE_CHARACTERS),
# as the Web SDK 6.2.0 client neither trims nor checks the signature before sending it.
_ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060"
_QUOTE_STARTS = frozenset("\"'&\u201cb`")
_QUOTES = (
    ('"', '"', "double quotes"),
    ("'", "'", "single quotes"),
    ("&quot;", "&quot;", "HTML-escaped quotes (&quot;)"),
    ("\u201c", "\u201d", "typographic quotes"),
    ("`", "`", "backticks"),
    (
        "b'",
        "'",
        "a Python bytes literal b'…' (str() of bytes: PyJWT 1.x returned bytes, decode it)",
    ),
    ('b"', '"', 'a Python bytes literal b"…"'),
)


class _Layers:
    """The wrappers undone so far, in the order first met, and how many layers of each.

    Not a findings collector: a JSON body encoded twice is one mistake, made twice, so each
    code is kept once with its count, and :meth:`into` turns them into findings at the end.
    """

    __slots__ = ("_undone",)

    def __init__(self) -> None:
        self._undone: dict[FindingCode, tuple[str, int]] = {}

    def undo(self, code: FindingCode, message: str) -> None:
        """Record one layer undone (a second layer of the same wrapper is only counted)."""
        first, count = self._undone.get(code, (message, 0))
        self._undone[code] = (first, count + 1)

    def into(self, found: Findings) -> None:
        """One finding per wrapper undone, saying how many times when more than once."""
        for code, (message, count) in self._undone.items():
            found.add(code, f"{message} ({count} times)" if count > 1 else message)


class _SecretInputError(Exception):
    """A layer peeled turned out to hold the caller's secret: the diagnosis stops there."""


def _strip(text: str) -> str:
    return text.strip().strip(_INVISIBLE).strip()


def add_secret_input(found: Findings) -> None:
    """MALFORMED for an input that is (or wraps) the caller's secret itself."""
    found.add(
        _C.MALFORMED,
        "the value checked contains your secret itself, not a signature: if it ever reached "
        "a browser, rotate the secret now",
    )


def clean(
    text: str, found: Findings, holds_secret: Optional[Callable[[str], bool]] = None
) -> Optional[str]:
    """Undo the paste and transport mistakes around a signature, naming each one in ``found``.

    Returns the text to decode, or ``None`` when nothing is left to decode.
    ``holds_secret`` tells whether a text holds the caller's secret: when a peeled layer
    turns out to be the secret (wrapped in quotes, JSON, URL escapes or split into lines),
    the diagnosis stops there with one MALFORMED finding, so that no message quotes what
    was inside.
    """

    def check(candidate: str) -> str:
        if holds_secret is not None and holds_secret(candidate):
            raise _SecretInputError
        return candidate

    try:
        return _clean(text, found, check)
    except _SecretInputError:
        add_secret_input(found)  # _clean adds nothing before it returns
        return None


def _clean(text: str, found: Findings, check: Callable[[str], str]) -> Optional[str]:
    stripped = _strip(text)
    if not stripped:
        found.add(_C.EMPTY, "the signature is empty or only whitespace")
        return None
    layers = _Layers()
    inner = _unwrap(stripped, layers, check)
    newline_is_a_line_break = False
    if inner is not None:
        if "\n" in inner or "\r" in inner or "\\n" in inner:
            inner = check(_join_lines(inner, layers))
            # Ruby's Base64.encode64 also ends in a newline: one mistake, one finding.
            newline_is_a_line_break = text.rstrip(_INVISIBLE).strip("\r\n") == stripped
        inner = _tidy(inner, layers)
        if inner is not None:
            check(inner)
    _surroundings(text, stripped, found, newline_is_a_line_break=newline_is_a_line_break)
    layers.into(found)
    return inner


def _unwrap(text: str, layers: _Layers, check: Callable[[str], str]) -> Optional[str]:
    """Peel nested wrappers, at most :data:`MAX_LAYERS`; ``None``: no signature inside."""
    for _ in range(MAX_LAYERS):
        peeled = _peel(text, layers)
        if peeled is None:
            return None
        if peeled == text:
            break
        text = check(peeled)
    return text


def _surroundings(
    text: str, stripped: str, found: Findings, *, newline_is_a_line_break: bool
) -> None:
    """SURROUNDING_WHITESPACE and INVISIBLE_CHARACTERS for what was around the signature.

    ``newline_is_a_line_break``: the only whitespace around is a newline at the end of a
    text that LINE_BREAKS already names (Ruby's ``Base64.encode64``), so it is no second
    finding.
    """
    if stripped == text:
        return
    around = text.replace(stripped, "", 1)
    if set(around) - set(_ZERO_WIDTH) and not newline_is_a_line_break:
        found.add(
            _C.SURROUNDING_WHITESPACE,
            f"the signature has surrounding whitespace ({_whitespace(text, stripped)})",
        )
    invisible = sorted({ch for ch in around if ch in _ZERO_WIDTH})
    if invisible:
        names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch)}" for ch in invisible)
        found.add(
            _C.INVISIBLE_CHARACTERS,
            f"the signature has invisible characters around it ({names}); the Web SDK "
            "sends them to Zoom as part of it",
        )


def _join_lines(text: str, layers: _Layers) -> str:
    lines = [line.strip() for line in _LINE_BREAK.split(text)]
    lines = [line for line in lines if line]
    width = len(lines[0]) if len(lines) > 2 else 0
    every = f", every {width} character{'s' * (width != 1)}" if width else ""
    layers.undo(_C.LINE_BREAKS, f"the signature is split into {len(lines)} lines{every}")
    return "".join(lines)


def _tidy(text: str, layers: _Layers) -> Optional[str]:
    """Spaces inside and stray punctuation at the end; ``None`` when nothing is left."""
    if " " in text or "\t" in text:
        text = _inner_spaces(text, layers)
    if text.endswith((".", ",", ";")) and text.count(".") != 2:
        layers.undo(
            _C.MALFORMED,
            f"the signature ends with a stray {text[-1]!r} (copied with the sentence or code "
            "around it)",
        )
        text = text[:-1]
    if not text:
        layers.undo(_C.EMPTY, "nothing is left inside the quotes or prefix")
        return None
    return text


def _peel(text: str, layers: _Layers) -> Optional[str]:
    """Remove one layer of wrapping; ``None`` when what is left is not a signature."""
    if not text:
        return text  # nothing left to unwrap: _tidy() reports EMPTY
    if text.startswith("{"):
        return _from_response(text, layers)
    if text[0] in _QUOTE_STARTS:
        inner = _unquote(text, layers)
        if inner is not None:
            return inner
    header = _HEADER_LINE.match(text)
    if header is not None and any(word in header[1].lower() for word in _HEADER_WORDS):
        return _from_header_line(text, header, layers)
    if text[:7].lower() == "bearer ":
        layers.undo(_C.BEARER_PREFIX, f"the signature starts with {text[:7]!r}")
        return _strip(text[7:])
    if "=" in text and ("?" in text or "&" in text or _URL_START.match(text)):
        value = _from_url(text, layers)
        if value is not None:
            return value
    if "%" in text and _PERCENT.search(text):
        escapes = sorted({m.upper() for m in _PERCENT.findall(text)})
        layers.undo(
            _C.URL_ENCODED, f"the signature contains URL escapes ({', '.join(escapes[:4])})"
        )
        return _strip(unquote(text))
    return text


def _from_header_line(text: str, header: re.Match[str], layers: _Layers) -> str:
    """The value of a pasted header line (``Authorization: Bearer eyJ…``), prefix and all."""
    name = header[1]
    bearer = "Bearer " if header[2] else ""
    layers.undo(
        _C.HEADER_LINE,
        f"a whole HTTP header line was passed ('{name}: {bearer}…'); the signature is "
        "only the token after it",
    )
    return _strip(text[header.end() :])


def _unquote(text: str, layers: _Layers) -> Optional[str]:
    """The text inside quotes (and a trailing ``,`` or ``;``); ``None`` if it is not quoted."""
    body = text[:-1] if text.endswith(('",', "',", '";', "';")) else text
    for opening, closing, name in _QUOTES:
        if (
            len(body) > len(opening) + len(closing)
            and body.startswith(opening)
            and body.endswith(closing)
        ):
            trailing = f" and followed by {text[-1]!r}" if body is not text else ""
            layers.undo(
                _C.QUOTED,
                f"the signature is wrapped in {name}{trailing}; the client sends them to "
                "Zoom as part of it",
            )
            inner = body[len(opening) : -len(closing)]
            if opening == '"':
                inner = _json_string(body) or inner
            return _strip(inner)
    return None


def _from_url(text: str, layers: _Layers) -> Optional[str]:
    """The signature inside a URL or query string (``https://…/join?signature=eyJ…``)."""
    query = text.split("?", 1)[-1].replace("#", "&")
    params = [part.split("=", 1) for part in re.split("[&;]", query) if "=" in part]
    wanted = {key.lower() for key in _RESPONSE_KEYS}
    found = [(name, value) for name, value in params if name.lower() in wanted and value]
    found = found or [(name, value) for name, value in params if value.count(".") == 2]
    if not found:
        return None
    name, value = found[0]
    name = name if len(name) <= 40 else name[:39] + "…"
    plus = (
        "; its '+' signs become spaces when the page reads it with URLSearchParams"
        if "+" in value
        else ""
    )
    layers.undo(
        _C.IN_URL,
        f"the signature came in a URL or query string: it is the value of its {name!r} "
        f"parameter{plus}; that value is what was checked, and join() fails if given the "
        "whole URL",
    )
    return _strip(unquote(value))


def _json_string(quoted: str) -> Optional[str]:
    """The value of a JSON string literal (handles ``\\"`` escapes of a doubly encoded body)."""
    try:
        value = json.loads(quoted)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _inner_spaces(text: str, layers: _Layers) -> str:
    """Spaces inside: lost '+' signs (URL decoding), or a copy that wrapped the value."""
    restored = text.replace(" ", "+")
    count = text.count(" ") + text.count("\t")
    plural = "s" * (count != 1)
    urlsafe = "-" in text or "_" in text
    if "\t" not in text and not urlsafe and _token_shaped(restored):
        layers.undo(
            _C.SPACES_INSTEAD_OF_PLUS,
            f"the signature has {count} space{plural} inside it; a '+' becomes a space when a "
            "URL query string is decoded",
        )
        return restored
    joined = "".join(text.split())
    if _token_shaped(joined):
        layers.undo(
            _C.LINE_BREAKS,
            f"the signature has {count} space{plural} or tab{plural} inside it: it was "
            "wrapped or split when copied",
        )
        return joined
    return text


def _token_shaped(text: str) -> bool:
    """Token characters only, and three parts or the length of at least an HMAC: not prose."""
    return bool(_TOKEN_CHARS.fullmatch(text)) and (text.count(".") == 2 or len(text) >= 40)


def _from_response(text: str, layers: _Layers) -> Optional[str]:
    """Find the signature inside a pasted JSON object such as ``{"signature": "…"}``."""
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return text
    if not isinstance(obj, dict):
        return text
    top = cast("dict[str, object]", obj)
    candidates = [top, *(cast("dict[str, object]", v) for v in top.values() if isinstance(v, dict))]
    for candidate in candidates:
        for key in _RESPONSE_KEYS:
            inner = candidate.get(key)
            if isinstance(inner, str) and inner.strip():
                layers.undo(
                    _C.RESPONSE_OBJECT,
                    f"a JSON object was passed; its {key!r} value is the signature",
                )
                return _strip(inner)
    keys = ", ".join(key if len(key) <= 40 else key[:39] + "…" for key in sorted(top)[:6])
    keys = keys or "none"
    layers.undo(
        _C.MALFORMED,
        f"a JSON object (keys: {keys}) was passed, not a signature: a decoded JWT payload, or "
        "a response without a signature field?",
    )
    return None


def _whitespace(text: str, stripped: str) -> str:
    start = text[: text.index(stripped)]
    end = text[text.index(stripped) + len(stripped) :]
    parts = [f"starts with {_cut(start)}"] if start else []
    if end:
        parts.append(f"ends with {_cut(end)}")
    return " and ".join(parts)


def _cut(whitespace: str) -> str:
    """A run of whitespace for a message: shown if short, else its start and length."""
    if len(whitespace) <= 8:
        return repr(whitespace)
    return f"{whitespace[:8]!r}… ({len(whitespace)} characters)"
