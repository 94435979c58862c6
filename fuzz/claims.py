"""Structure-aware fuzz cases for ``decode_and_validate``: tokens built from random *claims*.

Byte mutation rarely gets past base64 and JSON; this builds well-formed tokens whose claims
are hostile (huge and negative ints, 1e308, bools, null, lone surrogates, NUL, deep nesting,
duplicate keys, bytes that are not UTF-8, pieces of the secret), signs them with the
sentinel secret, wraps them the ways the cleaner undoes, and sometimes changes a character
after signing. One builder serves the hypothesis tests (``tests/test_fuzz_claims.py``) and
the atheris target (``fuzz/fuzz_claims.py``): it draws every choice from a
``random.Random``, which the tests get from hypothesis and the target from the fuzzer's bytes.
"""

# zoomsig is imported lazily (atheris instruments it first); invariants are asserts.
# ruff: noqa: S101, PLC0415, PT017
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import io
import json
import os
import random
from typing import NamedTuple, Optional, Union
from urllib.parse import quote

SECRET = "SENTINEL-s3cret-NEVER-PRINT-0042x"
"""The sentinel: no run of 8 of its characters may appear in any output."""
KEY = "aBcDeFgHiJkLmNoPqRsT12"
NOW = 1763900000
RUN = 8
NAMES = (
    "appKey", "sdkKey", "apiKey", "app_key", "mn", "role", "role_type", "iat", "exp",
    "tokenExp", "tpc", "version", "video_webrtc_mode", "geo_regions", "user_identity",
    "session_key", "meetingNumber", "iss", "aud", "sdkSecret", "x",
)  # fmt: skip
HEADER_NAMES = ("alg", "typ", "crit", "b64", "kid", "zm_skm", "v")


class Case(NamedTuple):
    """One input and what is known about it."""

    value: Union[str, bytes]
    changed: bool
    """The token was altered after signing or signed with another key: never ``ok``."""
    kwargs: dict[str, object]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def runs(secret: str = SECRET) -> list[str]:
    """Every run of :data:`RUN` characters of ``secret``: none may appear in an output."""
    return [secret[i : i + RUN] for i in range(len(secret) - RUN + 1)]


def leaked(text: str, secret: str = SECRET) -> Optional[str]:
    """The first run of the secret found in ``text``, or ``None``."""
    return next((run for run in runs(secret) if run in text), None)


class ByteRandom(random.Random):
    """A ``random.Random`` whose every choice is read from ``data`` (zeros once it runs out),
    so that a coverage-guided fuzzer steers the structure byte by byte."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._position = 0
        super().__init__(0)

    def getrandbits(self, k: int, /) -> int:
        size = (k + 7) // 8
        chunk = self._data[self._position : self._position + size]
        self._position += size
        return int.from_bytes(chunk.ljust(size, b"\0"), "little") >> (size * 8 - k)

    def random(self) -> float:
        return self.getrandbits(53) / (1 << 53)


def _text(rng: random.Random) -> str:
    pick = rng.randrange(8)
    if pick == 0:
        return "".join(chr(rng.choice((0, 0x7F, 0x9B, 0x202E, 0x200B, 0xFEFF))) for _ in range(3))
    if pick == 1:
        return chr(rng.randrange(0xD800, 0xE000)) + "x"  # a lone surrogate
    if pick == 2:  # a piece of the secret, perhaps with text around it
        start = rng.randrange(len(SECRET))
        piece = SECRET[start : start + rng.randrange(1, len(SECRET) + 1)]
        return rng.choice(("", "meeting-of-user-", "k-")) + piece + rng.choice(("", "!", "\\"))
    if pick == 3:
        return SECRET
    if pick == 4:
        return "".join(rng.choice("0123456789 -") for _ in range(rng.randrange(15)))
    if pick == 5:
        return "x" * rng.randrange(300)
    return "".join(chr(rng.randrange(32, 0x3000)) for _ in range(rng.randrange(12)))


def _number(rng: random.Random) -> object:
    pick = rng.randrange(9)
    if pick == 0:
        return rng.choice((-1, 1)) * 10 ** rng.randrange(15, 3000) + rng.randrange(10)
    if pick == 1:
        return rng.choice((1e308, -1e308, 5e-324, 1.5, 1763900000.5, 1.7639e12, -0.0))
    if pick == 2:
        return NOW + rng.randrange(-(10**6), 10**6)
    if pick == 3:
        return (NOW + rng.randrange(-(10**5), 10**5)) * 1000
    if pick == 4:
        return rng.choice((True, False, None))
    if pick == 5:
        return rng.randrange(-3, 4)
    if pick == 6:
        return int(rng.choice(("85746065432", "880", "123456789", "9" * 19, "9" * 20)))
    return rng.randrange(-(2**64), 2**64)


def _value(rng: random.Random, depth: int = 0) -> object:
    pick = rng.randrange(10 if depth < 3 else 7)
    if pick < 3:
        return _number(rng)
    if pick < 7:
        return _text(rng)
    if pick < 9:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    return {_text(rng): _value(rng, depth + 1) for _ in range(rng.randrange(3))}


def _claims(rng: random.Random) -> dict[str, object]:
    claims: dict[str, object] = {
        "appKey": KEY,
        "sdkKey": KEY,
        "mn": "85746065432",
        "role": 0,
        "iat": NOW - 30,
        "exp": NOW + 7170,
        "tokenExp": NOW + 7170,
    }
    if rng.randrange(4) == 0:
        claims = {"app_key": KEY, "tpc": "t", "role_type": 0, "version": 1}
        claims.update({"iat": NOW - 30, "exp": NOW + 7170})
    if rng.randrange(3) == 0:  # the time and number claims, where arithmetic happens
        claims[rng.choice(("iat", "exp", "tokenExp", "mn", "role", "role_type"))] = _number(rng)
    for _ in range(rng.randrange(4)):
        name = rng.choice(NAMES) if rng.randrange(3) else _text(rng)
        if rng.randrange(5) == 0:
            claims.pop(name, None)
        else:
            claims[name] = _value(rng)
    return claims


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _payload(rng: random.Random, claims: dict[str, object]) -> bytes:
    """The claims as JSON text, sometimes with raw hazards json.dumps cannot make."""
    # ASCII JSON writes a lone surrogate as a \ud800 escape, which JSON.parse and json.loads
    # both accept; raw, it is not UTF-8 (PAYLOAD_INVALID).
    text = json.dumps(claims, ensure_ascii=rng.randrange(4) > 0, allow_nan=False)
    pick = rng.randrange(16)
    if pick == 0:  # deep nesting
        depth = rng.randrange(1, 5000)
        text = text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    elif pick == 1:  # duplicate keys: JavaScript keeps the last, so does Python
        name = rng.choice(NAMES)
        text = "{" + f'"{name}": {_json(_value(rng))}, ' + text[1:-1] + f', "{name}": 1' + "}"
    elif pick == 2:  # an integer beyond Python's 4300-digit parse limit
        text = text[:-1] + ', "exp": ' + "9" * rng.randrange(4290, 5000) + "}"
    elif pick == 3:
        text = text[:-1] + ', "n": NaN}'
    payload = text.encode("utf-8", "surrogatepass")
    if rng.randrange(20) == 0:  # bytes that are not UTF-8
        cut = rng.randrange(len(payload))
        payload = payload[:cut] + rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80")) + payload[cut:]
    return payload


def _header(rng: random.Random) -> dict[str, object]:
    header: dict[str, object] = {"alg": "HS256", "typ": "JWT"}
    for _ in range(rng.randrange(3) if rng.randrange(3) == 0 else 0):
        header[rng.choice(HEADER_NAMES)] = _value(rng)
    return header


def _wrap(rng: random.Random, value: str) -> str:
    """Wrap the token the ways the cleaner knows how to undo (and some it does not)."""
    for _ in range(rng.randrange(3)):
        pick = rng.randrange(15)
        if pick == 0:
            value = '"' + value + '"'
        elif pick == 1:
            value = _json({rng.choice(("signature", "token", "jwt", "sdkJWT")): value})
        elif pick == 2:
            value = _json({"data": {"signature": value}})
        elif pick == 3:
            value = quote(value, safe="")
        elif pick == 4:
            value = "Bearer " + value
        elif pick == 5:
            width = rng.randrange(10, 80)
            value = "\n".join(value[i : i + width] for i in range(0, len(value), width))
        elif pick == 6:
            value = value.replace("-", "+").replace("_", "/").replace("+", " ")
        elif pick == 7:
            value = rng.choice(("\u200b", "\ufeff", " ", "\r\n", "\u2060", "\t")) + value
        elif pick == 8:
            value += rng.choice(("\n", "\u200d", ",", ".", ";", "\r"))
        elif pick == 9:
            value = "`" + value + "`"
        elif pick == 10:
            value = "b'" + value + "'"
        elif pick == 11:
            value = "&quot;" + value + "&quot;"
        elif pick == 12:
            value = "\u201c" + value + "\u201d"
        elif pick == 13:
            value = "'" + value + "'"
        else:
            value = _json(value)
    return value


def build(rng: random.Random) -> Case:
    """One fuzz case: a token from random claims, signed with the sentinel, maybe altered."""
    head = b64url(_json(_header(rng)).encode("utf-8", "surrogatepass"))
    signing_input = head + "." + b64url(_payload(rng, _claims(rng)))
    key = SECRET.encode()
    changed = False
    if rng.randrange(8) == 0:
        key = rng.choice((b"another-secret-of-32-characters!", SECRET.encode() + b"\n", b""))
        changed = True
    value = signing_input + "." + b64url(hmac.digest(key, signing_input.encode(), hashlib.sha256))
    if rng.randrange(4) == 0:  # change one character after signing
        position = rng.randrange(len(value))
        old = value[position]
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
        value = value[:position] + rng.choice(alphabet.replace(old, "")) + value[position + 1 :]
        changed = True
    value = _wrap(rng, value)
    kwargs: dict[str, object] = {"now": NOW}
    if rng.randrange(2):
        kwargs["meeting_number"] = rng.choice(("85746065432", 88049499009))
    if rng.randrange(2):
        kwargs["role"] = rng.randrange(2)
    if rng.randrange(3) == 0:
        kwargs["sdk_key"] = KEY
    if rng.randrange(6) == 0:
        kwargs["topic"] = "t"
    encoded: Union[str, bytes] = value
    if rng.randrange(4) == 0:
        encoded = value.encode("utf-8", "surrogatepass")
        if rng.randrange(4) == 0:  # input bytes that are not UTF-8
            cut = rng.randrange(len(encoded) + 1)
            encoded = encoded[:cut] + rng.choice((b"\xff", b"\xc3(", b"\x80")) + encoded[cut:]
            changed = True
    return Case(encoded, changed, kwargs)


def _texts(report: object) -> list[str]:
    to_dict = report.to_dict()  # type: ignore[attr-defined]
    return [
        str(report),
        repr(report),
        json.dumps(to_dict, allow_nan=False),
        json.dumps(to_dict, ensure_ascii=False, allow_nan=False),
    ]


def run_cli(value: Union[str, bytes], kwargs: dict[str, object]) -> str:
    """``zoomsig check`` (plain and ``--json``) on the case, the secret in ZOOM_SDK_SECRET."""
    from zoomsig.cli import main

    token = value if isinstance(value, str) else value.decode("utf-8", "surrogateescape")
    options = ["--now", str(NOW)]
    if "meeting_number" in kwargs:
        options += ["--meeting", str(kwargs["meeting_number"])]
    if "role" in kwargs:
        options += ["--role", str(kwargs["role"])]
    outputs: list[str] = []
    saved = os.environ.get("ZOOM_SDK_SECRET")
    os.environ["ZOOM_SDK_SECRET"] = SECRET
    try:
        for extra in ([], ["--json"]):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = main(["check", *extra, *options, "--", token])
            assert status in (0, 1, 2), (status, err.getvalue()[-300:])
            outputs.append(out.getvalue() + err.getvalue())
    finally:
        if saved is None:
            del os.environ["ZOOM_SDK_SECRET"]
        else:
            os.environ["ZOOM_SDK_SECRET"] = saved
    return "\n".join(outputs)


def check(case: Case, *, cli: bool = False) -> None:
    """Every invariant of one case; raises AssertionError (or the library's exception)."""
    from zoomsig import Report, decode_and_validate

    try:
        report = decode_and_validate(case.value, secret=SECRET, **case.kwargs)  # type: ignore[arg-type]
    except Exception as exc:  # any exception is a failure; its text must not leak either
        run = leaked(f"{exc!s}{exc!r}")
        raise AssertionError(f"raised {type(exc).__name__} (leaks: {run is not None})") from None
    assert isinstance(report, Report)
    for text in _texts(report):
        run = leaked(text)
        assert run is None, f"{run!r} of the secret in the report: {text[:200]!r}"
    if report.ok:
        assert report.signature_verified is True
        assert not case.changed, "a token changed after signing is ok"
    for finding in report.findings:
        assert len(finding.message) <= 600, finding.code
    if not report.ok:
        try:
            report.raise_for_errors()
        except Exception as exc:
            assert leaked(f"{exc!s}{exc!r}") is None
    if cli:
        text = run_cli(case.value, case.kwargs)
        run = leaked(text)
        assert run is None, f"{run!r} of the secret in zoomsig check's output"
