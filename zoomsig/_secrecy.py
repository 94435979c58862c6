"""Secrets: how they are checked, normalised, measured and kept out of every output.

The one home of the library's secret rules (docs/security.md):

* **normalisation** — what may stand around a secret that a reader of a file, a ``.env``
  or a secrets manager left there (:data:`SURROUNDING`, :func:`bare`);
* **lengths** — Zoom's secret length, the shortest secret a report can be redacted of, and
  the longest secret-like argument read at all (:data:`ZOOM_SECRET_LENGTH`,
  :data:`MIN_REDACTABLE_LENGTH`, :data:`MAX_SECRET_LENGTH`);
* **checking** — secret-like arguments are refused by length first, before any work is
  done on them, and lone surrogates are refused without the value ever reaching an
  exception (:func:`check_secret_text`, :func:`is_utf8_encodable`);
* **redaction** — no run of :data:`RUN` characters of a secret, in any spelling text takes
  on its way out, leaves the library (:class:`Redactor`);
* **echoes** — no error message quotes more than :data:`SHOWN_CHARACTERS` characters of an
  argument (:func:`describe`).

A core module: it imports only the standard library and :mod:`zoomsig._errors`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Optional, Union
from urllib.parse import quote

from zoomsig._errors import InvalidParameterError

__all__ = [
    "BOM",
    "MAX_SECRET_LENGTH",
    "MAX_SHOWN_DIGITS",
    "MIN_REDACTABLE_LENGTH",
    "NBSP",
    "RUN",
    "ZOOM_SECRET_LENGTH",
    "OtherSecrets",
    "Redactor",
    "bare",
    "bare_bytes",
    "check_optional_secret_text",
    "check_secret_text",
    "describe",
    "int_digits",
    "is_utf8_encodable",
    "refuse_long",
    "refuse_readable_secret",
    "secret_texts",
    "unwrapped",
]

OtherSecrets = Mapping[str, Union[str, bytes]]
"""The type of every ``other_secrets`` argument: the other secrets a backend holds, each by a
name of the caller's choosing (the name is shown in a finding, the value never)."""

# --- normalisation -----------------------------------------------------------------------

BOM = "\ufeff"
"""U+FEFF, the byte-order mark a file saved as "UTF-8 with BOM" starts with."""
NBSP = "\u00a0"
"""U+00A0, the no-break space a secret copied from a web page ends with."""
SURROUNDING = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + BOM
)
"""What is taken for stray padding around a secret, never for part of it.

Every character ``str.strip()`` removes (all Unicode whitespace, the no-break space
included) and the byte-order mark, which ``str.strip()`` keeps.
"""


def bare(text: str) -> str:
    """``text`` without the whitespace, no-break spaces and byte-order marks around it."""
    return text.strip(SURROUNDING)


_QUOTES = "\"'`"
_TRAILERS = ";,"


def unwrapped(text: str) -> str:
    """:func:`bare` ``text`` without the quotes or trailing ``;``/``,`` around it.

    What an env-file loader or a copy from source code leaves around a secret:
    ``"abc"``, ``'abc'``, ``"abc";``. A pair of quotes is removed only when both ends
    carry the same one (at most twice: ``'"abc"'``); ``text`` itself when nothing is.
    """
    stripped = bare(text).rstrip(_TRAILERS)
    for _ in range(2):
        if len(stripped) > 2 and stripped[0] in _QUOTES and stripped[-1] == stripped[0]:
            stripped = bare(stripped[1:-1])
    return stripped if stripped else text


def bare_bytes(secret: bytes) -> bytes:
    """:func:`bare` for a secret given as bytes (any bytes: invalid UTF-8 stays as it is)."""
    if secret.isascii():
        return secret.strip()
    text = secret.decode("utf-8", "surrogateescape")  # never raises; round-trips exactly
    return bare(text).encode("utf-8", "surrogateescape")


def secret_texts(secret: bytes) -> tuple[str, ...]:
    """The secret as text, and :func:`bare` (each once, none empty): what is redacted."""
    text = secret.decode("utf-8", "replace")
    stripped = text.strip(SURROUNDING)  # bare(text), inline: on every diagnosis with a secret
    if stripped == text:
        return (text,) if text else ()
    return (text, stripped) if stripped else (text,)


# --- lengths -----------------------------------------------------------------------------

ZOOM_SECRET_LENGTH = 32
"""Zoom's SDK secrets and Client secrets have 32 characters (shorter: ``SECRET_TOO_SHORT``)."""
MIN_REDACTABLE_LENGTH = 4
"""The shortest secret a report can be kept free of.

:func:`zoomsig.decode_and_validate` refuses a shorter one: redacting three characters would
blank ordinary words, and no Zoom secret is that short.
"""
MAX_SECRET_LENGTH = 8192
"""Secret-like arguments (a secret, other secrets, a ZAK, an OBF token, a webhook secret
token) longer than this are refused unread: Zoom's have 22 to a few hundred characters, and
the redaction patterns grow with the value."""

# --- checking ----------------------------------------------------------------------------


def is_utf8_encodable(text: str) -> bool:
    """Whether ``text`` encodes as UTF-8, i.e. has no lone surrogates.

    Checked without try/except: a ``UnicodeEncodeError`` holds the whole text, and even
    ``raise … from None`` keeps it reachable as the new exception's ``__context__`` — a
    secret would ride along into tracebacks and error trackers.
    """
    return text.isascii() or not any("\ud800" <= ch <= "\udfff" for ch in text)


def refuse_long(value: Union[str, bytes], parameter: str, limit: int = MAX_SECRET_LENGTH) -> None:
    """Refuse ``value`` when it is longer than ``limit``; costs one ``len()``."""
    if len(value) > limit:
        unit = "characters" if isinstance(value, str) else "bytes"
        raise InvalidParameterError(
            parameter,
            f"has {len(value)} {unit}, far more than any Zoom credential (at most {limit}); "
            "refused unread",
        )


def check_secret_text(
    value: object, parameter: str, *, what: str = "the secret", limit: int = MAX_SECRET_LENGTH
) -> str:
    """A secret-like argument: a str of at most ``limit`` characters, valid Unicode.

    In this order, so that a hostile value costs nothing: the type, then the length (one
    ``len()``), then lone surrogates. Neither the value nor a piece of it is ever put in
    the error. Whitespace and emptiness are left to the caller: some refuse them, the
    diagnoses report them.
    """
    if not isinstance(value, str):
        raise InvalidParameterError(
            parameter, f"expected {what} as a str, got {type(value).__name__}"
        )
    return _checked_text(value, parameter, limit)


def check_optional_secret_text(
    value: object, parameter: str, *, limit: int = MAX_SECRET_LENGTH
) -> Optional[str]:
    """:func:`check_secret_text` for an argument that may be ``None`` (``zak``, ``obf_token``)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidParameterError(
            parameter, f"expected None or a str, got {type(value).__name__}"
        )
    return _checked_text(value, parameter, limit)


def _checked_text(value: str, parameter: str, limit: int) -> str:
    refuse_long(value, parameter, limit)
    if not is_utf8_encodable(value):
        raise InvalidParameterError(parameter, "is not valid Unicode text")
    return value


# --- redaction ---------------------------------------------------------------------------

SECRET_PART = 16
"""A readable value (a claim, a request field) holding this many characters of the secret in
a row carries the secret: the diagnosis says ``SECRET_IN_TOKEN``, the signers refuse it.
(8 are only redacted from messages.)"""


def holds_part(text: str, secret: str, part: int = SECRET_PART) -> bool:
    """Whether ``text`` holds ``part`` characters of ``secret`` in a row: ``len(text)``
    windows, each a substring search of the secret. (A secret shorter than ``part`` is no
    Zoom secret; it is not searched for.)"""
    return any(text[i : i + part] in secret for i in range(len(text) - part + 1))


def refuse_readable_secret(secret: str, texts: Iterable[tuple[str, object]]) -> None:
    """Refuse a text claim that holds :data:`SECRET_PART` characters of the secret: a signed
    token is readable by every browser that joins (``SECRET_IN_TOKEN``).

    ``texts``: (parameter, value) pairs; the error names the parameter, never the text.
    """
    for parameter, text in texts:
        if isinstance(text, str) and holds_part(text, secret):
            raise InvalidParameterError(
                parameter,
                f"holds {SECRET_PART} or more characters of sdk_secret in a row; the token "
                "is readable by anyone who gets it, e.g. every browser that joins",
            )


RUN = 8
"""Runs of this many characters of a secret are redacted wherever they appear."""
REDACTED = "<redacted: the secret>"
"""What a redacted stretch of a message becomes."""
_PROBE = 4  # at most (RUN + 1) // 2, and at most MIN_REDACTABLE_LENGTH: see Redactor.__init__
_ENCODER = json.JSONEncoder(ensure_ascii=False)  # stateless; json.dumps(…, ensure_ascii=False)
# would build a new encoder on every call
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def _spellings(text: str) -> set[str]:
    """``text`` in every spelling the library or a consumer writes text in."""
    if set(text) <= _PLAIN:  # the usual secret: every escaping leaves it as it is
        return {text}
    return {
        text,
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
        repr(text)[1:-1],
        quote(text, safe=""),
        quote(text),
        # The command line's escaping of controls and invisible characters (cli's safe()).
        "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text),
    }


_WORD = 8  # bytes of an unsigned 64-bit int: an ASCII window of 8 characters is one int
_NATIVE = sys.byteorder


def _ascii_windows(data: bytes) -> Iterator[list[int]]:
    """Every window of :data:`_WORD` bytes of ``data``, as ints, in :data:`_WORD` batches.

    Batch ``k`` holds the windows that start at ``k``, ``k + 8``, ``k + 16``…: each batch is
    one slice, one cast and one ``tolist()``, all in C, whatever the bytes are.
    """
    size = len(data)
    for start in range(min(_WORD, size - _WORD + 1)):
        stop = start + (size - start) // _WORD * _WORD
        yield memoryview(data[start:stop]).cast("Q").tolist()


def _text_windows(text: str, size: int) -> set[str]:
    """Every window of ``size`` characters of ``text`` (any text, any size)."""
    return {text[i : i + size] for i in range(len(text) - size + 1)}


class _Keys:
    """The patterns in hash sets: every window of :data:`_WORD` characters of an ASCII
    spelling as an int, every other pattern as text, by its length."""

    __slots__ = ("_ascii_by_size", "_by_size", "_ints", "_run", "_spelt")

    def __init__(self, spelt: list[str], run: int) -> None:
        self._spelt, self._run = spelt, run
        ints: set[int] = set()
        by_size: dict[int, set[str]] = {}
        for spelling in spelt:
            size = min(run, len(spelling))
            if size == _WORD and spelling.isascii():
                ints.update(*_ascii_windows(spelling.encode()))
            elif spelling.isascii():
                by_size.setdefault(size, set()).update(_text_windows(spelling, size))
        self._ints = frozenset(ints)
        self._ascii_by_size = by_size
        self._by_size: Optional[dict[int, set[str]]] = None  # for non-ASCII text, on first use

    def found_in(self, text: str) -> bool:
        """Whether a window of ``text`` is a pattern (see :meth:`Redactor._search`)."""
        if text.isascii():
            if self._ints and any(
                not self._ints.isdisjoint(batch) for batch in _ascii_windows(text.encode())
            ):
                return True
            sizes = self._ascii_by_size
        else:
            sizes = self._every_pattern()
        return any(not found.isdisjoint(_text_windows(text, size)) for size, found in sizes.items())

    def _every_pattern(self) -> dict[int, set[str]]:
        if self._by_size is None:
            by_size: dict[int, set[str]] = {}
            for spelling in self._spelt:
                size = min(self._run, len(spelling))
                by_size.setdefault(size, set()).update(_text_windows(spelling, size))
            self._by_size = by_size
        return self._by_size


class Redactor:
    """Finds and blanks runs of the secrets given (the secret, other secrets, join tokens).

    The rule (docs/security.md): no run of :data:`RUN` consecutive characters of a secret
    appears in what leaves the library, in any of the spellings text takes on its way out:
    as is, JSON-escaped (ASCII or not), ``repr``-escaped, URL-escaped and with controls
    escaped as the command line does. Redaction runs on the finished text, after every
    value has been cut, so a cut copy of the secret is caught as surely as a whole one:
    each stretch covered by some window of :data:`RUN` characters of a spelling becomes
    ``marker``. A secret shorter than :data:`RUN` characters is matched whole.
    """

    def __init__(
        self,
        *texts: str,
        run: int = RUN,
        marker: str = REDACTED,
        shortest: int = MIN_REDACTABLE_LENGTH,
    ) -> None:
        """``texts``: each secret as text, as :func:`secret_texts` gives them.

        ``marker`` replaces a redacted stretch; spellings shorter than ``shortest`` are
        not looked for (the diagnosis refuses such secrets; see
        :data:`MIN_REDACTABLE_LENGTH`).
        """
        self._texts = texts
        self._run = run
        self._marker = marker
        self._spelt = [
            spelling
            for text in texts
            for spelling in _spellings(text)
            if min(run, len(spelling)) >= shortest
        ]
        # Every window of RUN characters of a spelling holds one of its 4-character pieces
        # that start at a multiple of 4 (a spelling shorter than RUN, matched whole, holds
        # its first; one shorter than 4 is its own probe): a text without any of these
        # pieces holds no run, and most texts are told so by these few searches, without
        # the windows below being made (quick_holds only).
        self._probes = tuple(
            dict.fromkeys(
                spelling[j : j + _PROBE]
                for spelling in self._spelt
                for j in range(0, max(len(spelling) - _PROBE + 1, 1), _PROBE)
            )
        )
        self._grams: Optional[tuple[str, ...]] = None
        self._keys: Optional[_Keys] = None
        self._nul = any("\0" in text for text in texts)
        self._last: tuple[Optional[str], bool] = (None, False)

    @property
    def grams(self) -> tuple[str, ...]:
        """Every window of :data:`RUN` characters of every spelling (made on first use)."""
        if self._grams is None:
            grams: list[str] = []
            uniform = True
            for spelling in self._spelt:
                size = min(self._run, len(spelling))
                grams += [spelling[i : i + size] for i in range(len(spelling) - size + 1)]
                uniform = uniform and size == self._run
            if not uniform:
                # Longest first, so that the whole of a short secret is found before a window.
                grams.sort(key=len, reverse=True)
            self._grams = tuple(grams)
        return self._grams

    def holds_run(self, text: str, run: int) -> bool:
        """Whether ``text`` holds ``run`` consecutive characters of the secret as is."""
        return any(
            secret[i : i + run] in text
            for secret in self._texts
            for i in range(max(len(secret) - run + 1, 1))
        )

    def __repr__(self) -> str:
        return f"<Redactor of {len(self.grams)} patterns>"

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds a run of the secret."""
        if text is self._last[0]:  # the payload's JSON text is asked about twice
            return self._last[1]
        found = self._search(text)
        self._last = (text, found)
        return found

    def quick_holds(self, text: str) -> bool:
        """:meth:`holds` by substring searches: faster, but for trusted text only.

        A substring search stops early and skips ahead depending on what it meets, so its
        cost tells how much of a secret ``text`` holds. Use it only on text that the
        secret's holder made (a token whose HMAC verified with the secret): the diagnosis
        of anything else uses :meth:`holds`.
        """
        if text is self._last[0]:
            return self._last[1]
        found = self._probe(text)
        self._last = (text, found)
        return found

    def _probe(self, text: str) -> bool:
        for probe in self._probes:
            if probe in text:
                break
        else:
            return False
        for gram in self.grams:  # noqa: SIM110 - a plain loop is twice as fast as any() here
            if gram in text:
                return True
        return False

    def _search(self, text: str) -> bool:
        """Whether a window of ``text`` is a pattern: the same work wherever, and whether, the
        secrets' characters occur in ``text``.

        Every window of ``text`` is looked up in a hash set, one lookup per window and
        pattern length, with no search that stops early or skips ahead depending on what
        it meets (a substring search does both, so its cost would tell how much of a
        secret a text holds): the work depends on the text's length and on whether it is
        ASCII, never on its likeness to a secret. Only a text that holds a run (and is
        redacted) ends sooner.
        """
        if self._keys is None:
            self._keys = _Keys(self._spelt, self._run)
        return self._keys.found_in(text)

    def redact(self, text: str) -> str:
        """``text`` with every run of the secret replaced by the marker."""
        for _ in range(3):
            spans = self._spans(text)
            if not spans:
                return text
            pieces: list[str] = []
            position = 0
            for start, stop in spans:
                pieces.extend((text[position:start], self._marker))
                position = stop
            pieces.append(text[position:])
            text = "".join(pieces)
        return self._marker  # the secret overlaps the marker itself: show nothing

    def _spans(self, text: str) -> list[list[int]]:
        """The stretches of ``text`` that runs cover, merged, in order."""
        spans: list[tuple[int, int]] = []
        for gram in self.grams:
            start = text.find(gram)
            while start != -1:
                spans.append((start, start + len(gram)))
                start = text.find(gram, start + 1)
        spans.sort()
        merged: list[list[int]] = []
        for start, stop in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], stop)
            else:
                merged.append([start, stop])
        return merged

    def holds_value(self, value: object) -> bool:
        """Whether a decoded JSON value (a claim, a header parameter) holds a run of it."""
        if isinstance(value, str):
            return self.holds(value)
        if value is None or isinstance(value, (bool, int, float)):
            return False
        try:
            text = _ENCODER.encode(value)
        except (ValueError, TypeError, RecursionError):
            return True  # cannot be read through: fail closed
        return self.holds(text)

    def holds_any(self, texts: list[str]) -> bool:
        """Whether any of ``texts`` holds a run; one search for all of them.

        Joined with NUL: a window across the join would contain a NUL, and no pattern does
        unless the secret itself has one (then each text is searched alone).
        """
        if not texts:
            return False
        if self._nul:
            return any(self.holds(text) for text in texts)
        return self.holds("\0".join(texts))

    def mapping(self, mapping: dict[str, object]) -> dict[str, object]:
        """``mapping`` with every name and value that holds a run of it replaced."""
        try:  # one search over the JSON text (its escapes are among the patterns)
            whole: Optional[str] = _ENCODER.encode(mapping)
        except (ValueError, TypeError, RecursionError):
            whole = None
        if whole is not None and not self.holds(whole):
            return mapping
        redacted: dict[str, object] = {}
        for number, (name, value) in enumerate(mapping.items()):
            # Two redacted names must stay two claims.
            shown = f"{self._marker} #{number + 1}" if self.holds(name) else name
            redacted[shown] = self._marker if self.holds_value(value) else value
        return redacted


# --- echoes ------------------------------------------------------------------------------

SHOWN_CHARACTERS = 7
"""At most this many characters of a value are quoted in an error message.

Seven, so that no error can carry a run of :data:`RUN` characters of any secret (the
redaction rule) even when a secret is passed where another value belongs
(``role=secret``).
"""
MAX_SHOWN_DIGITS = 19
"""Integers with more digits than this (beyond 64 bits) are shown by their digit count."""


def int_digits(value: int) -> int:
    """The number of decimal digits of ``abs(value)``, without ``str()``.

    ``str()`` of an int over 4300 digits raises ``ValueError`` (Python's int-to-str limit) and
    is quadratic below it; this costs one power of ten.
    """
    size = abs(value)
    if size < 10:
        return 1
    estimate = int((size.bit_length() - 1) * 0.30102999566398120) + 1
    return estimate + 1 if size >= 10**estimate else estimate


def describe(value: object) -> str:
    """A short description of an argument for an error message.

    Never raises and never quotes more than :data:`SHOWN_CHARACTERS` characters of the
    value: ``repr`` of an int over 4300 digits would raise, and a long value may be a secret
    passed in the wrong place. An int (a number, never a secret) is shown whole up to
    :data:`MAX_SHOWN_DIGITS` digits, and by its digit count beyond.

    >>> describe("Zx9SecretValue0123456789")
    "'Zx9Secr…' (str), 24 characters long"
    >>> describe(10**30)
    'an int of 31 digits'
    """
    if isinstance(value, int) and not isinstance(value, bool):
        digits = int_digits(value)
        if digits > MAX_SHOWN_DIGITS:
            sign = "a negative" if value < 0 else "an"
            return f"{sign} int of {digits} digits"
        return f"{int(value)} (int)"
    if isinstance(value, (str, bytes)):
        return _describe_text(value)
    try:
        text = repr(value)
    except Exception:
        text = "?"
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return f"{text} ({type(value).__name__})"


def _describe_text(value: Union[str, bytes]) -> str:
    # The repr of the first characters only: bounded work for any length (the quote
    # character repr picks may differ from the whole value's, which is harmless).
    text = repr(value[: SHOWN_CHARACTERS + 1])
    kind = type(value).__name__
    if len(value) <= SHOWN_CHARACTERS and len(text) <= SHOWN_CHARACTERS + 3:
        return f"{text} ({kind})"
    prefix = "b" if isinstance(value, bytes) else ""
    quote_mark = text[-1]
    body = text[len(prefix) + 1 : -1][:SHOWN_CHARACTERS]
    unit = ("character" if isinstance(value, str) else "byte") + "s" * (len(value) != 1)
    return f"{prefix}{quote_mark}{body}…{quote_mark} ({kind}), {len(value)} {unit} long"
