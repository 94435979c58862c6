"""Regression tests for known JWT attacks and parser hazards, one per advisory or class.

Named after PyJWT's ``tests/test_advisory.py``. zoomsig only ever computes HS256 with the
caller's secret: the token's header is reported, never used to choose an algorithm or a
key, and nothing in a token is fetched. Every decoder hazard (huge numbers, deep nesting,
NaN, duplicate keys, bad Unicode) ends in a finding, never an exception.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import socket
from collections.abc import Mapping
from typing import Callable, Optional, Union

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET

from zoomsig import (
    MAX_SIGNATURE_LENGTH,
    FindingCode,
    Report,
    decode_and_validate,
    sign_meeting_sdk,
)

MEETING = "85746065432"
CLAIMS: dict[str, object] = {
    "appKey": SDK_KEY,
    "sdkKey": SDK_KEY,
    "mn": MEETING,
    "role": 0,
    "iat": NOW,
    "exp": NOW + 7200,
    "tokenExp": NOW + 7200,
}
HS256_HEADER = {"alg": "HS256", "typ": "JWT"}

# Made with PyJWT + cryptography over CLAIMS (throw-away keys; only the tokens are kept).
RS256_TOKEN = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJhQmNEZUZnSGlKa0xtTm9QcVJzVDEyIiwic2R"
    "rS2V5IjoiYUJjRGVGZ0hpSmtMbU5vUHFSc1QxMiIsIm1uIjoiODU3NDYwNjU0MzIiLCJyb2xlIjowLCJpYXQiOj"
    "E3NjM5MDAwMDAsImV4cCI6MTc2MzkwNzIwMCwidG9rZW5FeHAiOjE3NjM5MDcyMDB9.ooJMvoHcW2pDFJ-NNn93q"
    "gE57GvPiS5cL6epfah2A093Uh4YAyfYHx-BtQxtiADeqefZRpY8obVptpUYJ-okFVvJ1vHUvSH5onKERaIJxGD8k"
    "FYdisefXSA4PMpiBh0M_G7bUfg8Xivmm3D3o0rImxzIfK9mGIj_-UUdP8H5S8ORfg3h21Ys4dKEHoA6aC0OtRNum"
    "34MbHRlLXfrxT1M7bDDTmLOMjim7ZEZMUTr0eEGVSPykdPrsQBf44DgJj4R6J_3kkFIrWSouCFcqvTTK1yEXc1lc"
    "jbymZQe0bP9p8CWuSNMmZmS14WXkmqLki9yvUYBiBQhpPJqDimMlq9OGQ"
)
ES256_TOKEN = (
    "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJhQmNEZUZnSGlKa0xtTm9QcVJzVDEyIiwic2R"
    "rS2V5IjoiYUJjRGVGZ0hpSmtMbU5vUHFSc1QxMiIsIm1uIjoiODU3NDYwNjU0MzIiLCJyb2xlIjowLCJpYXQiOj"
    "E3NjM5MDAwMDAsImV4cCI6MTc2MzkwNzIwMCwidG9rZW5FeHAiOjE3NjM5MDcyMDB9.jSJaA4kdESrujR1nCdOBC"
    "0BwIAht6HtEM1K1X9EdjHJHz-JiuCe86JyRJzTcmBzbq6XUuLDgolT9WaP8TaQMgg"
)
# The ES256 key's public half, as PEM and as an OpenSSH line (GHSA-ffqj-6fqr-9h24 shapes).
EC_PUBLIC_PEM = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkt7GK8ETE/ceZh6sIZ7ACdL73xvO\n"
    "7Lpa94eSxM5SzPvRjjTLnJhP5JDPoFyBvFtrgVKpdepVhsyXHpXm4X6Dmw==\n"
    "-----END PUBLIC KEY-----"
)
EC_PUBLIC_SSH = (
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJLexivBExP3HmYer"
    "CGewAnS+98bzuy6WveHksTOUsz70Y40y5yYT+SQz6Bcgbxba4FSqXXqVYbMlx6V5uF+g5s="
)

# Upper bound for one finding's message: long attacker-chosen values must be cut.
MAX_MESSAGE = 600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def part(value: Union[bytes, Mapping[str, object]]) -> str:
    raw = (
        value
        if isinstance(value, bytes)
        else json.dumps(dict(value), separators=(",", ":")).encode()
    )
    return b64url(raw)


def token(
    header: Union[bytes, Mapping[str, object]],
    payload: Union[bytes, Mapping[str, object]],
    key: Optional[bytes] = SDK_SECRET.encode(),
    digest: str = "sha256",
) -> str:
    """``header.payload.mac``; ``key=None`` leaves the signature part empty."""
    message = f"{part(header)}.{part(payload)}"
    mac = "" if key is None else b64url(hmac.digest(key, message.encode(), digest))
    return f"{message}.{mac}"


def check(value: Union[str, bytes], **kwargs: object) -> Report:
    """Diagnose at the vectors' fixed clock and check the report is well-formed and bounded."""
    kwargs.setdefault("now", NOW)
    report = decode_and_validate(value, **kwargs)  # type: ignore[arg-type]
    assert isinstance(report, Report)
    json.dumps(report.to_dict(), allow_nan=False)  # strict JSON, whatever the claims held
    assert str(report)
    repr(report)
    for finding in report.findings:
        assert len(finding.message) <= MAX_MESSAGE, finding.code
    return report


def assert_rejected(report: Report) -> None:
    assert not report.ok
    assert report.signature_verified is not True


def test_baseline_token_is_ok() -> None:
    """The helpers above make a valid token, so every rejection below is the attack's doing."""
    valid = token(HS256_HEADER, CLAIMS)
    assert valid == sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        meeting_number=MEETING,
        role=0,
        now=NOW,
        clock_skew=0,
    )
    report = check(valid, secret=SDK_SECRET)
    assert report.ok
    assert report.signature_verified is True


# -- Algorithm confusion -----------------------------------------------------------------


@pytest.mark.parametrize("value", [RS256_TOKEN, ES256_TOKEN], ids=["RS256", "ES256"])
@pytest.mark.parametrize(
    "secret", [SDK_SECRET, EC_PUBLIC_PEM, EC_PUBLIC_SSH, None], ids=["secret", "pem", "ssh", "none"]
)
def test_asymmetric_token_is_never_ok(value: str, secret: Optional[str]) -> None:
    """CVE-2015-9235 / GHSA-ffqj-6fqr-9h24: a signature is never checked with a public key."""
    report = check(value, secret=secret)
    assert FindingCode.ALG_NOT_HS256 in report.codes
    assert_rejected(report)


def test_hmac_made_with_public_key_does_not_verify_against_the_secret() -> None:
    """GHSA-ffqj-6fqr-9h24: an attacker MACs with the public key; the checker uses the secret."""
    forged = token(HS256_HEADER, CLAIMS, key=EC_PUBLIC_SSH.encode())
    report = check(forged, secret=SDK_SECRET)
    assert FindingCode.SIGNATURE_MISMATCH in report.codes
    assert_rejected(report)
    forged_pem = token(HS256_HEADER, CLAIMS, key=EC_PUBLIC_PEM.encode())
    assert_rejected(check(forged_pem, secret=SDK_SECRET))


@pytest.mark.parametrize("digest", ["sha384", "sha512"])
def test_header_chosen_hmac_algorithm_is_reported_not_used(digest: str) -> None:
    """A token signed with HS384/HS512 under the right secret is not accepted."""
    alg = "HS" + digest[3:]
    forged = token({"alg": alg, "typ": "JWT"}, CLAIMS, digest=digest)
    report = check(forged, secret=SDK_SECRET)
    assert FindingCode.ALG_NOT_HS256 in report.codes
    assert report.header.get("alg") == alg  # reported as found
    assert_rejected(report)


@pytest.mark.parametrize("alg", ["RS256", "HS512", "ES256", "PS256", "EdDSA", "hs256", "HS256 "])
def test_alg_header_never_selects_the_algorithm(alg: str) -> None:
    """Only HS256 is computed: a right HS256 MAC under a wrong ``alg`` is still an error."""
    report = check(token({"alg": alg, "typ": "JWT"}, CLAIMS), secret=SDK_SECRET)
    assert FindingCode.ALG_NOT_HS256 in report.codes
    assert not report.ok


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE", ""])
@pytest.mark.parametrize(
    "signature", ["", "random", "empty-key"], ids=["no-signature", "random", "empty-key"]
)
def test_alg_none(alg: str, signature: str) -> None:
    """CVE-2015-2951 family: ``alg: none`` is an error and never verified."""
    header = {"alg": alg, "typ": "JWT"}
    if signature == "":
        value = token(header, CLAIMS, key=None)
    elif signature == "random":
        value = token(header, CLAIMS, key=b"attacker")
    else:
        value = token(header, CLAIMS, key=b"")
    for secret in (SDK_SECRET, None):
        report = check(value, secret=secret)
        assert FindingCode.ALG_NOT_HS256 in report.codes
        assert_rejected(report)


def test_alg_none_header_without_signature_part() -> None:
    """Two parts only (``header.payload``): not a JWS at all."""
    value = f"{part({'alg': 'none'})}.{part(CLAIMS)}"
    for secret in (SDK_SECRET, None):
        assert_rejected(check(value, secret=secret))


def test_missing_alg() -> None:
    report = check(token({"typ": "JWT"}, CLAIMS), secret=SDK_SECRET)
    assert FindingCode.ALG_NOT_HS256 in report.codes
    assert not report.ok


@pytest.mark.parametrize("alg", [None, 256, ["HS256"], {"HS256": True}, True])
def test_alg_of_wrong_json_type(alg: object) -> None:
    report = check(token({"alg": alg, "typ": "JWT"}, CLAIMS), secret=SDK_SECRET)
    assert not report.ok


# -- Headers that ask for keys or processing ----------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("zoomsig opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


ATTACKER_KEY = b"attacker-chosen-key-0123456789ab"


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    "extra",
    [
        {"jku": "https://attacker.example/jwks.json"},
        {"x5u": "https://attacker.example/cert.pem"},
        {"jwk": {"kty": "oct", "k": b64url(ATTACKER_KEY)}},
        {"kid": "../../../../dev/null"},
        {"kid": "' UNION SELECT 'attacker-chosen-key-0123456789ab' --"},
        {"kid": "https://attacker.example/key"},
        {"crit": ["exp"]},
        {"crit": ["jku"], "jku": "https://attacker.example/jwks.json"},
        {"x5c": ["MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"]},
    ],
    ids=["jku", "x5u", "jwk", "kid-path", "kid-sql", "kid-url", "crit", "crit-jku", "x5c"],
)
def test_key_headers_are_not_fetched_or_used(extra: dict[str, object]) -> None:
    """The key is the caller's secret: a header naming or embedding a key changes nothing."""
    header = {**HS256_HEADER, **extra}
    for key in (ATTACKER_KEY, b""):
        report = check(token(header, CLAIMS, key=key), secret=SDK_SECRET)
        assert FindingCode.SIGNATURE_MISMATCH in report.codes
        assert_rejected(report)
        assert check(token(header, CLAIMS, key=key)).signature_verified is None
    # Signed with the real secret, the extra header fields are shown but not acted upon.
    report = check(token(header, CLAIMS), secret=SDK_SECRET)
    assert report.signature_verified is True
    assert all(report.header.get(name) == value for name, value in extra.items())


def test_unencoded_payload_b64_false() -> None:
    """RFC 7797 ``b64: false``: the payload part is raw JSON, which is not a Zoom token."""
    header = part({"alg": "HS256", "typ": "JWT", "b64": False, "crit": ["b64"]})
    raw = json.dumps({"role": 0, "mn": MEETING}, separators=(",", ":"))
    message = f"{header}.{raw}"
    mac = b64url(hmac.digest(SDK_SECRET.encode(), message.encode(), "sha256"))
    report = check(f"{message}.{mac}", secret=SDK_SECRET)
    assert not report.ok
    # b64 false with an encoded payload: the header asks for processing Zoom does not do.
    report = check(
        token({**HS256_HEADER, "b64": False, "crit": ["b64"]}, CLAIMS), secret=SDK_SECRET
    )
    assert report.header.get("b64") is False


# -- Header and payload parsing hazards ---------------------------------------------------


@pytest.mark.parametrize(
    ("header", "bad"),
    [
        (b'{"alg":"HS256","alg":"none","typ":"JWT"}', True),
        (b'{"alg":"none","alg":"RS256","typ":"JWT"}', True),
        (b'{"alg":"none","alg":"HS256","typ":"JWT"}', False),
    ],
)
def test_duplicate_header_keys(header: bytes, bad: bool) -> None:
    """Duplicate keys: whatever the engine does, it must not see HS256 where Zoom's
    ``JSON.parse`` (last one wins) sees another algorithm."""
    report = check(token(header, CLAIMS), secret=SDK_SECRET)
    if bad:
        assert (
            FindingCode.ALG_NOT_HS256 in report.codes or FindingCode.HEADER_INVALID in report.codes
        )
        assert not report.ok


def test_duplicate_payload_keys() -> None:
    """``{"role":1,"role":0}``: Zoom reads role 0 (last wins); the report must agree or refuse."""
    body = json.dumps(CLAIMS, separators=(",", ":"))[:-1] + ',"role":1}'
    report = check(token(HS256_HEADER, body.encode()), secret=SDK_SECRET, role=0)
    assert report.claims.get("role") == 1 or not report.ok


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("claim", ["iat", "exp", "role", "mn"])
def test_json_nan_and_infinity(constant: str, claim: str) -> None:
    """``JSON.parse`` refuses NaN/Infinity, so Zoom does too; the report stays strict JSON."""
    body = json.dumps({**CLAIMS, claim: "@"}, separators=(",", ":")).replace('"@"', constant)
    report = check(token(HS256_HEADER, body.encode()), secret=SDK_SECRET)
    assert not report.ok


def test_nan_in_header() -> None:
    report = check(token(b'{"alg":"HS256","typ":"JWT","x":NaN}', CLAIMS), secret=SDK_SECRET)
    json.dumps(report.to_dict(), allow_nan=False)


@pytest.mark.parametrize("digits", [4299, 4301, 5000])
@pytest.mark.parametrize("claim", ["iat", "exp", "role", "tokenExp", "x"])
def test_huge_integers(digits: int, claim: str) -> None:
    """Past ``sys.int_info.str_digits_check_threshold`` int parsing raises ValueError (3.11+)."""
    body = json.dumps({**CLAIMS, claim: "@"}, separators=(",", ":")).replace('"@"', "7" * digits)
    value = token(HS256_HEADER, body.encode())
    assert len(value) <= MAX_SIGNATURE_LENGTH
    report = check(value, secret=SDK_SECRET)
    if claim in ("iat", "exp", "role"):
        assert not report.ok


def test_huge_integer_in_header() -> None:
    value = token(f'{{"alg":"HS256","typ":"JWT","kid":{"9" * 5000}}}'.encode(), CLAIMS)
    check(value, secret=SDK_SECRET)


def test_huge_float_exponent() -> None:
    body = json.dumps({**CLAIMS, "exp": "@"}, separators=(",", ":")).replace('"@"', "1e999999")
    assert not check(token(HS256_HEADER, body.encode()), secret=SDK_SECRET).ok


@pytest.mark.parametrize(
    ("bracket", "depth"),
    [("[]", 10), ("[]", 900), ("[]", 1500), ("[]", 2400), ("{}", 10), ("{}", 500), ("{}", 960)],
)
@pytest.mark.parametrize("where", ["header", "payload"])
def test_deeply_nested_json(bracket: str, depth: int, where: str) -> None:
    """No RecursionError escapes, from parsing or from rendering the report."""
    nested = '{"a":' * depth + "1" + "}" * depth if bracket == "{}" else "[" * depth + "]" * depth
    if where == "header":
        value = token(f'{{"alg":"HS256","typ":"JWT","x":{nested}}}'.encode(), CLAIMS)
    else:
        body = json.dumps({**CLAIMS, "x": "@"}, separators=(",", ":")).replace('"@"', nested)
        value = token(HS256_HEADER, body.encode())
    assert len(value) <= MAX_SIGNATURE_LENGTH
    check(value, secret=SDK_SECRET)


def _in_deep_stack(frames: int, function: Callable[[], object]) -> object:
    """Call ``function`` under ``frames`` extra stack frames, as a web framework would."""
    if frames == 0:
        return function()
    return _in_deep_stack(frames - 1, function)


@pytest.mark.parametrize("claim", ["role", "mn", "iat", "x"])
@pytest.mark.parametrize("stack", [0, 150], ids=["shallow-caller", "deep-caller"])
def test_nesting_near_the_recursion_limit(claim: str, stack: int) -> None:
    """Whether ``json`` can parse a deep value depends on the caller's stack depth. At every
    depth the parse either fails cleanly or the report (``to_dict``, ``str``) still renders:
    a RecursionError from rendering a claim value once it was parsed is the bug."""
    for depth in range(700, 1001, 4):
        nested = "[" * depth + "]" * depth
        body = json.dumps({**CLAIMS, claim: "@"}, separators=(",", ":")).replace('"@"', nested)
        value = token(HS256_HEADER, body.encode())
        _in_deep_stack(stack, functools.partial(check, value, secret=SDK_SECRET))


@pytest.mark.parametrize(
    "header",
    [
        {"alg": "HS256", "typ": "JWT", "x": "é✓🙂 中文"},
        {"alg": "HS256", "typ": "JWT\u202e"},
        {"alg": "HS256\u0000", "typ": "JWT"},
        {"alg": "\uff28\uff33256", "typ": "JWT"},  # fullwidth letters
    ],
)
def test_non_ascii_headers(header: dict[str, object]) -> None:
    raw = json.dumps(header, ensure_ascii=False).encode()
    check(token(raw, CLAIMS), secret=SDK_SECRET)
    check(token(json.dumps(header).encode(), CLAIMS), secret=SDK_SECRET)


@pytest.mark.parametrize(
    "raw",
    [b"\xff\xfe{}", b'{"alg":"HS256","typ":"\xc3"}', b'{"alg":"\xed\xa0\x80"}', b"\x00" * 8],
)
def test_header_not_utf8(raw: bytes) -> None:
    report = check(token(raw, CLAIMS), secret=SDK_SECRET)
    assert FindingCode.HEADER_INVALID in report.codes


@pytest.mark.parametrize(
    "value",
    ["\ud800.\udfff.x", "eyJ\ud83d.eyJ.sig", "\udcff" * 50, "é" * 100, "\x00" * 64],
    ids=["lone-surrogates", "half-pair", "many-surrogates", "accents", "nul"],
)
def test_unencodable_text_input(value: str) -> None:
    """Lone surrogates cannot be encoded to UTF-8: a finding, not UnicodeEncodeError."""
    for secret in (None, SDK_SECRET):
        assert not check(value, secret=secret).ok


def _legacy(timestamp: str) -> str:
    fields = f"{SDK_KEY}.85746065432.{timestamp}.0.{'A' * 43}="
    return base64.b64encode(fields.encode()).decode()


@pytest.mark.parametrize(
    "value",
    [
        " " * 3000 + token(HS256_HEADER, CLAIMS),
        token(HS256_HEADER, CLAIMS) + "\n" * 3000,
        token(HS256_HEADER, {**CLAIMS, "k" * 3000: 1}),
        token(HS256_HEADER, {**CLAIMS, "mn": "8-" * 1500}),
        token(HS256_HEADER, {**CLAIMS, "mn": "85746065432" + "#23" * 900}),
        json.dumps({"x" * 2000: 1, "y" * 2000: 2}),
        _legacy("9" * 20),
        _legacy("9" * 400),
        _legacy("9" * 4400),
    ],
    ids=[
        "leading-spaces",
        "trailing-newlines",
        "long-claim-name",
        "dashed-mn",
        "mn-with-junk",
        "response-keys",
        "legacy-ts-20",
        "legacy-ts-400",
        "legacy-ts-4400",
    ],
)
def test_attacker_values_are_cut_in_messages(value: str) -> None:
    """Found by fuzz/fuzz_decode.py: long attacker-chosen values echoed whole into findings,
    and a legacy timestamp too large for a float or a datetime."""
    assert len(value) <= MAX_SIGNATURE_LENGTH
    for secret in (SDK_SECRET, None):
        check(value, secret=secret)
        check(value.encode(), secret=secret)


def test_oversized_header_is_bounded() -> None:
    """A header just under the size cap is parsed; its long values are cut in messages."""
    room = (MAX_SIGNATURE_LENGTH - len(token(HS256_HEADER, CLAIMS))) * 3 // 4 - 40
    long_alg = "X" * room
    value = token({"alg": long_alg, "typ": "JWT"}, CLAIMS)
    assert len(value) <= MAX_SIGNATURE_LENGTH
    report = check(value, secret=SDK_SECRET)
    assert FindingCode.ALG_NOT_HS256 in report.codes
    text = str(report)
    assert long_alg not in text


def test_header_over_the_size_cap_is_not_parsed() -> None:
    value = token({"alg": "HS256", "typ": "JWT", "x": "y" * MAX_SIGNATURE_LENGTH}, CLAIMS)
    report = check(value, secret=SDK_SECRET)
    assert FindingCode.TOO_LONG in report.codes
    assert_rejected(report)


@pytest.mark.parametrize("size", [MAX_SIGNATURE_LENGTH + 1, 10**6])
def test_oversized_input_is_refused(size: int) -> None:
    value = token(HS256_HEADER, CLAIMS)
    value += "A" * (size - len(value))
    for item in (value, value.encode()):
        report = check(item, secret=SDK_SECRET)
        assert FindingCode.TOO_LONG in report.codes
        assert_rejected(report)


def test_many_dots_and_empty_parts() -> None:
    for value in (".", "..", "...", "." * 500, "a." * 2000, ".".join(["eyJ"] * 200)):
        assert_rejected(check(value, secret=SDK_SECRET))


def test_signature_over_a_different_header() -> None:
    """Signature transplanted from another token with the same payload does not verify."""
    genuine = token(HS256_HEADER, CLAIMS)
    other = token({"alg": "HS256", "typ": "JWT", "kid": "1"}, CLAIMS)
    transplanted = ".".join([*other.split(".")[:2], genuine.split(".")[2]])
    report = check(transplanted, secret=SDK_SECRET)
    assert FindingCode.SIGNATURE_MISMATCH in report.codes
    assert_rejected(report)


def test_truncated_mac_prefix_is_not_accepted() -> None:
    """A MAC cut short (e.g. a 16-byte prefix) must not verify on its prefix alone."""
    genuine = token(HS256_HEADER, CLAIMS)
    head, body, sig = genuine.split(".")
    mac = hmac.digest(SDK_SECRET.encode(), f"{head}.{body}".encode(), hashlib.sha256)
    for cut in (0, 1, 16, 31):
        report = check(f"{head}.{body}.{b64url(mac[:cut])}", secret=SDK_SECRET)
        assert_rejected(report)
    assert sig == b64url(mac)
