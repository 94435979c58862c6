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
from collections.abc import Iterable
from urllib.parse import quote

__all__ = ["REDACTED", "RUN", "Redactor", "secret_texts"]

RUN = 8
"""Runs of this many characters of the secret are redacted wherever they appear."""
REDACTED = "<redacted: the secret>"
_MIN_SECRET = 4  # decode_and_validate refuses shorter secrets (it could not redact them)
_BOM, _NBSP = "\ufeff", "\u00a0"


def secret_texts(secret: bytes) -> tuple[str, ...]:
    """The secret as text, and without the whitespace, BOM or no-break space around it."""
    text = secret.decode("utf-8", "replace")
    bare = text.strip().lstrip(_BOM).strip(_NBSP).strip()
    return tuple(dict.fromkeys(t for t in (text, bare) if t))


def _spellings(text: str) -> Iterable[str]:
    yield text
    yield json.dumps(text)[1:-1]
    yield json.dumps(text, ensure_ascii=False)[1:-1]
    yield repr(text)[1:-1]
    yield quote(text, safe="")
    yield quote(text)
    yield "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class Redactor:
    """Finds and blanks runs of the secret; built once per diagnosis."""

    def __init__(self, secret: bytes, run: int = RUN) -> None:
        grams: set[str] = set()
        for text in secret_texts(secret):
            for spelling in _spellings(text):
                size = min(run, len(spelling))
                if size < _MIN_SECRET:
                    continue
                grams.update(spelling[i : i + size] for i in range(len(spelling) - size + 1))
        # Longest first, so that the whole of a short secret is found before a window of it.
        self.grams: tuple[str, ...] = tuple(sorted(grams, key=len, reverse=True))

    def __repr__(self) -> str:
        return f"<Redactor of {len(self.grams)} patterns>"

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds a run of the secret."""
        return any(gram in text for gram in self.grams)

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
            text = json.dumps(value, ensure_ascii=False)
        except (ValueError, TypeError, RecursionError):
            return True  # cannot be read through: fail closed
        return self.holds(text)

    def mapping(self, mapping: dict[str, object]) -> dict[str, object]:
        """``mapping`` with every name and value that holds a run of it replaced."""
        if not any(self.holds(k) or self.holds_value(v) for k, v in mapping.items()):
            return mapping
        redacted: dict[str, object] = {}
        for number, (name, value) in enumerate(mapping.items()):
            # Two redacted names must stay two claims.
            shown = f"{REDACTED} #{number + 1}" if self.holds(name) else name
            redacted[shown] = REDACTED if self.holds_value(value) else value
        return redacted
