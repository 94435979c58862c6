"""What the endpoint, webhook and CLI fuzz cases share: hostile text, the leak check and the
known-defect marker.

The case builders (``endpoint_cases.py``, ``webhook_cases.py``, ``cli_cases.py``) draw every
choice from a ``random.Random``: hypothesis gives one to the tests, the fuzz targets a
:class:`claims.ByteRandom` over the fuzzer's bytes (so a crash replays from its bytes).
"""

from __future__ import annotations

import random
from typing import Optional

from claims import RUN

__all__ = ["MARKER", "RUN", "KnownDefect", "hostile_text", "leaked", "secret_piece"]

MARKER = "Q7-echo-marker-9"
"""A client-sent string that no error response may echo (a stand-in for anything a client
sends: responses say what is wrong with a value, never the value)."""

_ODD_CHARACTERS = (
    "\x00", "\x1b", "\x7f", "\x9b", "\u202e", "\u200b", "\ufeff", "\u2028", "\\", '"', "'",
    "\ud800", "\udfff", "\udcff", "\U0001f600", "\u0130", "\u212a", "\u0661",
)  # fmt: skip


class KnownDefect(AssertionError):  # noqa: N818 - a finding, not an error of the fuzzer
    """A broken claim that an open issue already names (see ``kind``): the fuzz targets count
    these instead of stopping, and the tests mark them ``xfail(strict=True)``; once the
    library is fixed, the kind is taken out of its module's ``KNOWN`` and the check fails."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"known defect {kind}: {detail}")
        self.kind = kind


def leaked(text: str, *secrets: str) -> Optional[str]:
    """The first run of :data:`RUN` characters of any of ``secrets`` found in ``text``."""
    for secret in secrets:
        for start in range(len(secret) - RUN + 1):
            if secret[start : start + RUN] in text:
                return secret[start : start + RUN]
    return None


def secret_piece(rng: random.Random, secret: str) -> str:
    """The secret, or a run of it of at least 8 characters, maybe with text around it."""
    start = rng.randrange(len(secret) - RUN + 1)
    piece = secret[start : start + rng.randrange(RUN, len(secret) + 1)]
    return rng.choice(("", "x", "meeting-", "=", " ")) + piece + rng.choice(("", "\n", "!", "\\"))


def hostile_text(rng: random.Random, secret: str, *, longest: int = 3000) -> str:
    """A string a hostile client might send: odd characters, lone surrogates, the secret or a
    piece of it, quotes and backslashes, numbers that are not, very long runs."""
    pick = rng.randrange(12)
    if pick == 0:
        return "".join(rng.choice(_ODD_CHARACTERS) for _ in range(rng.randrange(1, 6)))
    if pick == 1:
        return secret_piece(rng, secret)
    if pick == 2:
        return rng.choice(('"', "\\", '\\"', "\\u")) * rng.randrange(1, longest)
    if pick == 3:
        return rng.choice(("0123456789", "9", "1 2", "-", "١٢", "0x1", "1e3", "1.5")) * (
            rng.randrange(1, 40)
        )
    if pick == 4:
        return rng.choice(("", " ", "\t\n", "null", "true", "NaN", "Infinity", "[]", "{}"))
    if pick == 5:
        return MARKER + rng.choice(("", "\ud800", "x" * rng.randrange(300)))
    if pick == 6:
        return "x" * rng.randrange(longest)
    if pick == 7:
        return chr(rng.randrange(0xD800, 0xE000)) + secret_piece(rng, secret)
    return "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(1, 24)))
