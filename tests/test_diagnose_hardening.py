"""Issue 23: the diagnosis's secret guard and its legacy-signature encodings.

* The work of looking for the caller's secret in an input does not depend on where, or
  whether, the secret's characters occur in it (a cost that did would let anyone who can
  time a diagnosis with the secret find its pieces).
* A legacy signature has one spelling: an equivalent one (mixed base64 alphabets, unused
  bits set) is reported, never "ok".
"""

from __future__ import annotations

import base64
import json
import string
import sys
from functools import partial
from types import FrameType
from typing import Any, Callable, Optional

import pytest

import zoomsig
from zoomsig import FindingCode, LegacyEncoding, decode_and_validate, sign_legacy_web_sdk

C = FindingCode

SECRET = "Qw7rTy3uIo9pAs5dFg1hJk2lZx4cVb6n"
NOW = 1763900000
_FILLER_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_PACKAGE = zoomsig.__file__.rsplit("/", 1)[0]


# --- the secret guard's work --------------------------------------------------------------


def _filler(size: int, seed: int = 7) -> str:
    """Deterministic base64url-looking characters that hold no 4 characters of SECRET."""
    out: list[str] = []
    state = seed
    while len(out) < size:
        state = (state * 1103515245 + 12345) % 2**31
        out.append(_FILLER_ALPHABET[state >> 16 & 63])
    text = "".join(out)
    assert not any(SECRET[i : i + 4] in text for i in range(len(SECRET) - 3))
    return text


def _with_pieces(text: str, positions: list[int], size: int) -> str:
    """``text`` with pieces of ``size`` (< 8) characters of SECRET written at ``positions``."""
    chars = list(text)
    for number, position in enumerate(positions):
        start = (number * 3) % (len(SECRET) - size - 1) + 1
        chars[position : position + size] = SECRET[start : start + size]
        # The characters around a piece must not extend it into a run of 8.
        for where, secret_neighbour in ((position - 1, start - 1), (position + size, start + size)):
            if 0 <= where < len(chars) and chars[where] == SECRET[secret_neighbour]:
                chars[where] = "-"
    result = "".join(chars)
    assert not any(SECRET[i : i + 8] in result for i in range(len(SECRET) - 7))
    return result


def _opcodes(call: Callable[[], object]) -> int:
    """How many bytecode instructions of zoomsig's own code ``call`` runs: its work."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Optional[Callable[..., Any]]:
        nonlocal count
        if not frame.f_code.co_filename.startswith(_PACKAGE):
            return None
        frame.f_trace_opcodes = True
        if event == "opcode":
            count += 1
        return trace

    previous = sys.gettrace()
    for _ in range(2):
        # Traced twice, counting the second time: Python 3.12 reports no opcode event in the
        # first tracing of a code object (and the first call also imports the engine).
        count = 0
        sys.settrace(trace)
        try:
            call()
        finally:
            sys.settrace(previous)
    assert count, "nothing was traced"
    return count


def _shapes(text: str) -> dict[str, str]:
    """``text`` as inputs of several shapes: a JWT whose claim holds it, and others whose
    parts a first character makes unreadable, so that the rest of the diagnosis takes the same
    steps whatever the text holds."""
    third = len(text) // 3
    return {
        "one long part": f"!{text}",
        "three parts": f"!{text[:third]}.!{text[third : 2 * third]}.!{text[2 * third :]}",
        "quoted": f'"!{text}"',
        "in a URL": f"https://example.com/join?signature=!{text}",
        "a long claim": ".".join(
            (
                _b64url(b'{"alg":"HS256","typ":"JWT"}'),
                _b64url(json.dumps({"appKey": "k", "x": text}).encode()),
                "A" * 43,
            )
        ),
    }


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_secret_guard_work_depended_on_where_the_secrets_characters_are() -> None:
    base = _filler(4000)
    length = len(base)
    variants = {
        "no piece": base,
        "4 characters, at the start": _with_pieces(base, [0, 8, 16], 4),
        "4 characters, at the end": _with_pieces(base, [length - 40, length - 20], 4),
        "4 characters, every 20": _with_pieces(base, list(range(0, length - 8, 20)), 4),
        "7 characters, every 50": _with_pieces(base, list(range(3, length - 8, 50)), 7),
    }
    for shape in _shapes(base):
        inputs = {name: _shapes(text)[shape] for name, text in variants.items()}
        work = {name: _opcodes(_diagnosis(text)) for name, text in inputs.items()}
        assert len(set(work.values())) == 1, f"{shape}: {work}"
        findings = {
            tuple(f.code for f in decode_and_validate(text, secret=SECRET, now=NOW).findings)
            for text in inputs.values()
        }
        assert len(findings) == 1


def _diagnosis(text: str) -> Callable[[], object]:
    return lambda: decode_and_validate(text, secret=SECRET, now=NOW)


def test_the_redactors_search_does_the_same_work_for_any_text_of_a_length() -> None:
    from zoomsig._secrecy import Redactor, secret_texts

    redactor = Redactor(*secret_texts(SECRET.encode()))
    base = _filler(1000)
    texts = [
        base,
        _with_pieces(base, list(range(0, 990, 12)), 4),
        _with_pieces(base, list(range(5, 990, 9)), 7),
        SECRET[:7] * 142 + "x" * 6,
    ]
    work = set()
    for text in texts:
        assert not redactor.holds(text)
        work.add(_opcodes(partial(_fresh_search, Redactor, secret_texts, text)))
    assert len(work) == 1, work


def _fresh_search(redactor: Any, texts: Any, text: str) -> bool:
    return bool(redactor(*texts(SECRET.encode())).holds(text))


def test_the_secret_guard_still_finds_the_secret_however_it_is_wrapped() -> None:
    for text in (SECRET, f'"{SECRET}"', f'{{"signature": "{SECRET}"}}', f"x.{SECRET}.y"):
        report = decode_and_validate(text, secret=SECRET, now=NOW)
        assert [f.code.value for f in report.findings] == ["MALFORMED"], text
        assert "contains your secret" in report.findings[0].message
    # A run of it is redacted, never the whole input refused.
    report = decode_and_validate(f"abc.{SECRET[:12]}.def", secret=SECRET, now=NOW)
    assert "contains your secret" not in " ".join(f.message for f in report.findings)
    assert SECRET[:8] not in repr(report)


def test_redaction_still_finds_runs_in_non_ascii_text_and_short_secrets() -> None:
    from zoomsig._secrecy import Redactor, secret_texts

    redactor = Redactor(*secret_texts(SECRET.encode()))
    assert redactor.holds(f"é{SECRET[3:11]}é")
    assert not redactor.holds(f"é{SECRET[3:10]}é")
    assert redactor.redact(f"é{SECRET[3:11]}é") == "é<redacted: the secret>é"
    short = Redactor("pässwd", shortest=1)
    assert short.holds("a pässwd b")
    assert short.holds("pässwd")
    assert not short.holds("pässw")
    assert Redactor("abcd").holds("xxabcdxx")


# --- legacy signatures: one spelling ------------------------------------------------------

_B64_CHARACTERS = string.ascii_letters + string.digits + "+/"
_SWAPS = {"/": "_", "_": "/", "+": "-", "-": "+"}


def _legacy_signatures() -> list[str]:
    signatures = []
    for encoding in LegacyEncoding:
        for api_key in (
            "abcdEFGHijklMNOPqrstUV",
            "abcdEFGHijklMNOPqrstU",
            "abcdEFGHijklMNOPqrstUVw",
        ):
            for meeting_number, role in ((123456789, 0), (98765432101, 1)):
                signatures.append(
                    sign_legacy_web_sdk(
                        api_key=api_key,
                        api_secret=SECRET,
                        meeting_number=meeting_number,
                        role=role,
                        now=NOW,
                        encoding=encoding,
                    )
                )
    return signatures


def _mutants(signature: str) -> set[str]:
    """One-character changes: every swap of alphabets, every change of the last base64
    character and of the one before any padding, and a deterministic sample of the rest."""
    body = len(signature.rstrip("="))
    mutants = set()
    for index, character in enumerate(signature):
        if index >= body - 2:
            replacements = _B64_CHARACTERS + "-_="
        else:
            replacements = _B64_CHARACTERS[index % 7 :: 7] + _SWAPS.get(character, "")
        for replacement in replacements:
            if replacement != character:
                mutants.add(signature[:index] + replacement + signature[index + 1 :])
    return mutants


def _inner_hash_spellings(signature: str) -> set[str]:
    """The signature with one character of its inner hash spelt in the other alphabet."""
    inner = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)).decode()
    head, _, digest = inner.rpartition(".")
    spellings = set()
    for index, character in enumerate(digest):
        if character in _SWAPS:
            changed = f"{head}.{digest[:index]}{_SWAPS[character]}{digest[index + 1 :]}"
            encoded = base64.urlsafe_b64encode(changed.encode()).decode()
            spellings.add(encoded if signature.endswith("=") else encoded.rstrip("="))
    return spellings


@pytest.mark.parametrize("signature", _legacy_signatures())
def test_equivalent_spellings_of_a_legacy_signature_verified_silently(signature: str) -> None:
    # A legacy signature is never ok (LEGACY_FORMAT is an error): "silently" is nothing but
    # that one finding.
    def silent(value: str) -> bool:
        return decode_and_validate(value, secret=SECRET, now=NOW).codes == {C.LEGACY_FORMAT}

    assert silent(signature)
    mutants = _mutants(signature) | _inner_hash_spellings(signature)
    reported_ok = [mutant for mutant in mutants if silent(mutant)]
    assert reported_ok == []


def test_a_legacy_hash_in_the_other_alphabet_is_named() -> None:
    signature = sign_legacy_web_sdk(
        api_key="abcdEFGHijklMNOPqrstUV",
        api_secret=SECRET,
        meeting_number=123456789,
        role=0,
        now=NOW,
    )
    inner = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)).decode()
    urlsafe = inner.replace("+", "-").replace("/", "_")
    assert urlsafe != inner
    report = decode_and_validate(
        base64.urlsafe_b64encode(urlsafe.encode()).decode().rstrip("="), secret=SECRET, now=NOW
    )
    assert not report.ok
    assert report.signature_verified is True  # no HMAC was forged: the spelling is wrong
    [malformed] = [f for f in report.findings if f.code.value == "MALFORMED"]
    assert malformed.claim == "hash"
    assert "standard base64" in malformed.message
