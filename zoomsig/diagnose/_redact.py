"""Redaction: no run of :data:`RUN` characters of the secret leaves a diagnosis.

The rule (docs/security.md): no run of 8 or more consecutive characters of the secret
appears in any finding message, claim name, header or claim value of a report, in any of
the spellings the library or a consumer writes text in: as is, JSON-escaped (ASCII or not),
``repr``-escaped and URL-escaped. Redaction runs on the finished text, after every value has
been cut, so a cut copy of the secret is caught as surely as a whole one: each stretch of a
message covered by some 8-character window of a secret spelling becomes
:data:`REDACTED`. A secret shorter than 8 characters is matched whole.
"""

from __future__ import annotations

import json
from typing import Optional
from urllib.parse import quote

__all__ = ["REDACTED", "RUN", "Redactor", "secret_texts"]

RUN = 8
"""Runs of this many characters of the secret are redacted wherever they appear."""
REDACTED = "<redacted: the secret>"
_MIN_SECRET = 4  # decode_and_validate refuses shorter secrets (it could not redact them)
_PROBE = 4  # at most (RUN + 1) // 2, and at most _MIN_SECRET: see Redactor.__init__
_BOM, _NBSP = "\ufeff", "\u00a0"
_ENCODER = json.JSONEncoder(ensure_ascii=False)  # stateless; json.dumps(…, ensure_ascii=False)
# would build a new encoder on every call


def secret_texts(secret: bytes) -> tuple[str, ...]:
    """The secret as text, and without the whitespace, BOM or no-break space around it."""
    text = secret.decode("utf-8", "replace")
    bare = text.strip().lstrip(_BOM).strip(_NBSP).strip()
    return tuple(dict.fromkeys(t for t in (text, bare) if t))


_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def _spellings(text: str) -> set[str]:
    if set(text) <= _PLAIN:  # the usual secret: every escaping leaves it as it is
        return {text}
    return {
        text,
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
        repr(text)[1:-1],
        quote(text, safe=""),
        quote(text),
        "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text),
    }


class Redactor:
    """Finds and blanks runs of the secrets given (the secret, other secrets, join tokens)."""

    def __init__(self, *texts: str, run: int = RUN) -> None:
        """``texts``: each secret as text, as :func:`secret_texts` gives them."""
        self._texts = texts
        self._run = run
        self._spelt = [
            spelling
            for text in texts
            for spelling in _spellings(text)
            if min(run, len(spelling)) >= _MIN_SECRET
        ]
        # Every window of RUN characters of a spelling holds one of its 4-character pieces
        # that start at a multiple of 4 (a spelling shorter than RUN, matched whole, holds
        # its first): a text without any of these pieces holds no run, and most texts are
        # told so by these few searches, without the windows below being made.
        self._probes = tuple(
            dict.fromkeys(
                spelling[j : j + _PROBE]
                for spelling in self._spelt
                for j in range(0, len(spelling) - _PROBE + 1, _PROBE)
            )
        )
        self._grams: Optional[tuple[str, ...]] = None
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

    def _search(self, text: str) -> bool:
        for probe in self._probes:
            if probe in text:
                break
        else:
            return False
        for gram in self.grams:  # noqa: SIM110 - a plain loop is twice as fast as any() here
            if gram in text:
                return True
        return False

    def redact(self, text: str) -> str:
        """``text`` with every run of the secret replaced by :data:`REDACTED`."""
        for _ in range(3):
            spans: list[tuple[int, int]] = []
            for gram in self.grams:
                start = text.find(gram)
                while start != -1:
                    spans.append((start, start + len(gram)))
                    start = text.find(gram, start + 1)
            if not spans:
                return text
            spans.sort()
            merged: list[list[int]] = []
            for start, stop in spans:
                if merged and start <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], stop)
                else:
                    merged.append([start, stop])
            pieces: list[str] = []
            position = 0
            for start, stop in merged:
                pieces.extend((text[position:start], REDACTED))
                position = stop
            pieces.append(text[position:])
            text = "".join(pieces)
        return REDACTED  # the secret overlaps the marker itself: show nothing

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
            shown = f"{REDACTED} #{number + 1}" if self.holds(name) else name
            redacted[shown] = REDACTED if self.holds_value(value) else value
        return redacted
