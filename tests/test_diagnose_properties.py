"""Properties of decode_and_validate, checked with hypothesis.

* whatever the signers produce is accepted;
* any single changed character of a valid signature is caught when the secret is given
  (including changes that only touch the unused low bits of a part's last character);
* no text and no bytes make it raise, and it always returns a Report;
* the secret, or a long piece of it, never appears in str(), repr() or to_dict().
"""

from __future__ import annotations

import base64
import json
import string
from typing import Any, Union

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, secret_fragments
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from mistakes import b64url, hs256, js_stringify, legacy_signature, make_jwt, meeting_claims

from zoomsig import (
    MAX_SIGNATURE_LENGTH,
    FindingCode,
    LegacyEncoding,
    Report,
    Role,
    Severity,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig._registry import text_length

FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
B64URL = string.ascii_letters + string.digits + "-_"
PRINTABLE = string.printable


def _describe(report: Report) -> str:
    return ", ".join(f"{f.code.value}({f.severity.value})" for f in report.findings) or "none"


# ------------------------------------------------------------------ valid tokens to mutate

VALID: dict[str, tuple[str, str]] = {
    "meeting_web": (
        sign_meeting_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=SDK_SECRET,
            meeting_number="85746065432",
            role=Role.PARTICIPANT,
            now=NOW,
        ),
        SDK_SECRET,
    ),
    "meeting_native": (
        sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW),
        SDK_SECRET,
    ),
    "video": (
        sign_video_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=SDK_SECRET,
            topic="Weekly sync",
            role=1,
            now=NOW,
            user_identity="user-42",
            geo_regions=["US", "DE"],
        ),
        SDK_SECRET,
    ),
    "legacy_url_safe": (
        sign_legacy_web_sdk(
            api_key=SDK_KEY, api_secret=SDK_SECRET, meeting_number="85746065432", role=0, now=NOW
        ),
        SDK_SECRET,
    ),
    "legacy_standard": (
        sign_legacy_web_sdk(
            api_key=SDK_KEY,
            api_secret=SDK_SECRET,
            meeting_number="85746065432",
            role=1,
            now=NOW,
            encoding=LegacyEncoding.STANDARD,
        ),
        SDK_SECRET,
    ),
    "sentinel_meeting": (
        sign_meeting_sdk(
            sdk_key=SDK_KEY,
            sdk_secret=SENTINEL_SECRET,
            meeting_number="85746065432",
            role=1,
            now=NOW,
        ),
        SENTINEL_SECRET,
    ),
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_unchanged_tokens_are_ok(name: str) -> None:
    token, secret = VALID[name]
    report = decode_and_validate(token, secret=secret, now=NOW)
    if name.startswith("legacy"):  # verified and read, but an error: no SDK accepts it now
        assert report.codes == {FindingCode.LEGACY_FORMAT}, _describe(report)
    else:
        assert report.ok, _describe(report)
    assert report.signature_verified is True


@FAST
@given(
    data=st.data(),
    name=st.sampled_from(sorted(VALID)),
    alphabet=st.sampled_from([B64URL, PRINTABLE]),
)
def test_any_single_changed_character_is_caught(
    data: st.DataObject, name: str, alphabet: str
) -> None:
    token, secret = VALID[name]
    index = data.draw(st.integers(0, len(token) - 1), label="index")
    char = data.draw(st.sampled_from(alphabet).filter(lambda c: c != token[index]), label="char")
    # Trailing '=' padding turned into whitespace is the same base64 with a stray space
    # (SURROUNDING_WHITESPACE): decoders do not need the padding.
    assume(not (token[index] == "=" and char.isspace() and not token[index + 1 :].strip("=")))
    changed = token[:index] + char + token[index + 1 :]
    report = decode_and_validate(changed, secret=secret, now=NOW)
    change = f"{token[index]!r}->{char!r} at {index}"
    assert not report.ok, f"{name}: {change} passed: {_describe(report)}"


def _last_char_variants(token: str, part: int) -> list[tuple[str, str]]:
    """Every other base64url character in the last position of one dot-separated part."""
    parts = token.split(".")
    last = parts[part][-1]
    out = []
    for char in B64URL:
        if char != last:
            changed = list(parts)
            changed[part] = changed[part][:-1] + char
            out.append((char, ".".join(changed)))
    return out


@pytest.mark.parametrize("name", ["meeting_web", "meeting_native", "video", "sentinel_meeting"])
@pytest.mark.parametrize("part", [0, 1, 2], ids=["header", "payload", "signature"])
def test_non_canonical_last_character_is_caught(name: str, part: int) -> None:
    """A 43-character HMAC has 2 unused low bits: changing only those decodes to the same
    bytes, so a lax decoder would accept the token. Every variant must be rejected."""
    token, secret = VALID[name]
    passed = [
        char
        for char, changed in _last_char_variants(token, part)
        if decode_and_validate(changed, secret=secret, now=NOW).ok
    ]
    last = token.split(".")[part][-1]
    assert not passed, f"{name} part {part}: last char {last!r} -> {passed} accepted"


@pytest.mark.parametrize("name", ["legacy_url_safe"])
def test_non_canonical_legacy_outer_last_character_is_caught(name: str) -> None:
    token, secret = VALID[name]
    passed = []
    for char in B64URL:
        if char != token[-1]:
            changed = token[:-1] + char
            if decode_and_validate(changed, secret=secret, now=NOW).ok:
                passed.append(char)
    assert not passed, f"legacy outer last char {token[-1]!r} -> {passed} accepted"


# ------------------------------------------------------------------ signer outputs are accepted


@FAST
@given(
    mn=st.one_of(st.integers(10**8, 10**12 - 1), st.from_regex(r"\A[1-9][0-9]{8,11}\Z")),
    role=st.sampled_from([0, 1, Role.PARTICIPANT, Role.HOST]),
    life=st.integers(1801, 172800),
    skew=st.integers(0, 300),
    now=st.integers(1_500_000_000, 4_000_000_000),
    webrtc=st.sampled_from([None, 0, 1]),
    native=st.booleans(),
)
def test_meeting_signer_output_is_always_accepted(
    mn: Union[int, str], role: int, life: int, skew: int, now: int, webrtc: Any, native: bool
) -> None:
    params: dict[str, Any] = {} if native else {"meeting_number": mn, "role": role}
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        expires_in=life,
        now=now,
        clock_skew=skew,
        video_webrtc_mode=webrtc,
        **params,
    )
    report = decode_and_validate(token, secret=SDK_SECRET, sdk_key=SDK_KEY, now=now, **params)
    assert report.ok, _describe(report)
    assert report.signature_verified is True
    assert not report.warnings, _describe(report)


@FAST
@given(
    topic=st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200).filter(
        lambda text: text_length(text) <= 200  # Zoom counts UTF-16 code units
    ),
    role=st.sampled_from([0, 1]),
    life=st.integers(1801, 172800),
    identity=st.one_of(
        st.none(),
        st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=35).filter(
            lambda text: text_length(text) <= 35
        ),
    ),
    regions=st.one_of(
        st.none(), st.lists(st.sampled_from(["US", "DE", "JP", "AU"]), min_size=1, max_size=4)
    ),
)
def test_video_signer_output_is_always_accepted(
    topic: str, role: int, life: int, identity: Any, regions: Any
) -> None:
    token = sign_video_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        topic=topic,
        role=role,
        expires_in=life,
        now=NOW,
        user_identity=identity,
        geo_regions=regions,
    )
    report = decode_and_validate(token, secret=SDK_SECRET, topic=topic, now=NOW)
    assert report.ok, _describe(report)
    assert report.signature_verified is True
    assert not report.warnings, _describe(report)


# ------------------------------------------------------------------ never raises


def _check_report(report: object) -> None:
    assert isinstance(report, Report)
    json.dumps(report.to_dict())
    str(report)
    repr(report)
    for finding in report.findings:
        assert finding.message
        assert finding.fix
    if report.signature_verified is False:
        assert not report.ok, f"HMAC does not match but ok: {_describe(report)}"


@FAST
@given(st.text(max_size=600))
@example("")
@example("..")
@example("a.b.c")
@example("....")
@example("eyJ.eyJ.")
@example("%")
@example("%ZZ")
@example('{"signature": 1}')
@example('{"signature": {"signature": "x"}}')
@example('"')
@example("Bearer ")
@example("\x00")
@example("\ud800")
def test_any_text_returns_a_report(text: str) -> None:
    _check_report(decode_and_validate(text, secret=SDK_SECRET, now=NOW))
    _check_report(decode_and_validate(text))


@FAST
@given(st.binary(max_size=600))
@example(b"\xff")
@example(b"\xef\xbb\xbf")
def test_any_bytes_return_a_report(data: bytes) -> None:
    _check_report(decode_and_validate(data, secret=SDK_SECRET, now=NOW))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
CLAIM_NAMES = st.sampled_from(
    [
        "appKey",
        "sdkKey",
        "app_key",
        "mn",
        "role",
        "role_type",
        "tpc",
        "version",
        "iat",
        "exp",
        "tokenExp",
        "video_webrtc_mode",
        "audio_webrtc_mode",
        "user_identity",
        "session_key",
        "geo_regions",
        "cloud_recording_option",
        "iss",
        "aud",
        "meetingNumber",
        "apiKey",
    ]
)


@FAST
@given(
    claims=st.dictionaries(CLAIM_NAMES, JSONISH, max_size=10),
    header=st.dictionaries(st.sampled_from(["alg", "typ", "kid", "zm_skm"]), JSONISH, max_size=3),
    kwargs=st.fixed_dictionaries(
        {},
        optional={
            "meeting_number": st.sampled_from(["85746065432", 123456789]),
            "role": st.sampled_from([0, 1]),
            "topic": st.text(max_size=10),
            "sdk_key": st.sampled_from([SDK_KEY, "other"]),
            "secret": st.sampled_from([SDK_SECRET, SENTINEL_SECRET, "short"]),
        },
    ),
)
def test_any_json_claims_return_a_report(
    claims: dict[str, Any], header: dict[str, Any], kwargs: dict[str, Any]
) -> None:
    h = b64url(json.dumps(header).encode())
    p = b64url(json.dumps(claims).encode())
    token = f"{h}.{p}.{b64url(hs256(SDK_SECRET, f'{h}.{p}'))}"
    _check_report(decode_and_validate(token, now=NOW, **kwargs))


@pytest.mark.parametrize(
    "payload",
    [
        b'{"iat":' + b"9" * 5000 + b"}",  # past Python's int-parsing digit limit
        b"[" * 3000 + b"]" * 3000,  # deeper than the recursion limit
        b'{"a":' * 1500 + b"1" + b"}" * 1500,
        b'{"iat": NaN, "exp": Infinity, "mn": -Infinity, "role": 1e400}',
        b'{"role": 0, "role": 1}',
        b'{"mn": "\\ud800"}',
        b"\xff\xfe{}",
    ],
)
def test_hostile_payloads_return_a_report(payload: bytes) -> None:
    header = b64url(js_stringify({"alg": "HS256", "typ": "JWT"}))
    body = b64url(payload)
    token = f"{header}.{body}.{b64url(hs256(SDK_SECRET, f'{header}.{body}'))}"
    report = decode_and_validate(token[:MAX_SIGNATURE_LENGTH], secret=SDK_SECRET, now=NOW)
    _check_report(report)


@pytest.mark.parametrize(
    "outer",
    [
        "..." + "." * 10,
        "a.b.c.d.e",
        "key.mn.ts.role.hash",
        "k.123456789.1763899970000.0.",
        "k.123456789.1763899970000.0." + "=" * 44,
        "k.123456789." + "9" * 400 + ".0.aGFzaA==",
    ],
)
def test_hostile_legacy_fields_return_a_report(outer: str) -> None:
    encoded = base64.b64encode(outer.encode()).decode()
    _check_report(decode_and_validate(encoded, secret=SDK_SECRET, now=NOW))


@pytest.mark.parametrize("aud", [[], {}, ["clientsm"], {"a": 1}])
def test_non_string_aud_returns_a_report(aud: object) -> None:
    token = make_jwt({**meeting_claims(), "aud": aud})
    _check_report(decode_and_validate(token, secret=SDK_SECRET, now=NOW))


@pytest.mark.parametrize("timestamp", ["9" * 400, "9" * 40, "-5", "0"])
def test_absurd_legacy_timestamp_returns_a_report(timestamp: str) -> None:
    outer = base64.b64encode(f"k.123456789.{timestamp}.0.aGFzaA==".encode()).decode()
    _check_report(decode_and_validate(outer, secret=SDK_SECRET, now=NOW))
    _check_report(decode_and_validate(outer))


@pytest.mark.parametrize(
    "hash_text",
    [
        "D=95tWypM3opV0qBdWx7worDKJdQlxU9XTp3PSoGrJ8=",  # one character changed in transit
        "n8C584UMRN9JEmzr6kOCgUIjIybMbV4RpFm93ewb4v4:",
        "not base64 at all",
    ],
)
def test_legacy_with_undecodable_hash_is_not_ok(hash_text: str) -> None:
    outer = base64.b64encode(f"{SDK_KEY}.85746065432.{NOW * 1000 - 30000}.1.{hash_text}".encode())
    report = decode_and_validate(outer.decode(), secret=SDK_SECRET, now=NOW)
    assert not report.ok, _describe(report)
    assert report.signature_verified is False


# ------------------------------------------------------------------ the secret never leaks


def _assert_no_leak(report: Report, secret: str = SENTINEL_SECRET) -> None:
    outputs = {"str": str(report), "repr": repr(report), "json": json.dumps(report.to_dict())}
    for fragment in secret_fragments(secret):
        for where, text in outputs.items():
            assert fragment not in text, f"secret piece {fragment!r} in {where}(): {text[:300]}"


def _near_misses(secret: str) -> list[str]:
    return [
        secret[:-1],
        secret[:-1] + ("y" if secret[-1] != "y" else "z"),
        secret + "\n",
        " " + secret,
        secret.upper(),
        secret[1:] + secret[0],
        base64.b64encode(secret.encode()).decode(),
    ]


@FAST
@given(
    claims=st.dictionaries(CLAIM_NAMES, JSONISH, max_size=8),
    check=st.sampled_from(range(8)),
    use_template=st.booleans(),
)
def test_sentinel_never_leaks_for_random_tokens(
    claims: dict[str, Any], check: int, use_template: bool
) -> None:
    if use_template:
        claims = {**meeting_claims(), **claims}
    token = make_jwt(claims, key=SENTINEL_SECRET)
    secret = ([SENTINEL_SECRET, *_near_misses(SENTINEL_SECRET)])[check]
    _assert_no_leak(decode_and_validate(token, secret=secret, now=NOW))


@pytest.mark.parametrize("variant", range(8))
def test_sentinel_never_leaks_for_signer_tokens(variant: int) -> None:
    secret = ([SENTINEL_SECRET, *_near_misses(SENTINEL_SECRET)])[variant]
    tokens = [
        sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, meeting_number=123456789, role=1, now=NOW
        ),
        sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, topic="t", role=0, now=NOW),
        legacy_signature(secret=SENTINEL_SECRET),
        legacy_signature(secret=SENTINEL_SECRET, hash_over_raw=True),
        make_jwt(meeting_claims(), key=SENTINEL_SECRET + "\n"),
        make_jwt(meeting_claims(), key=SDK_KEY),
    ]
    for token in tokens:
        for given_secret in (secret, SENTINEL_SECRET):
            report = decode_and_validate(token, secret=given_secret, sdk_key=SDK_KEY, now=NOW)
            _assert_no_leak(report)
            if secret != SENTINEL_SECRET:
                _assert_no_leak(report, secret)


@pytest.mark.parametrize("where", ["appKey", "sdkKey", "mn", "tpc", "user_identity", "role"])
def test_a_claim_equal_to_the_secret_is_redacted(where: str) -> None:
    claims = {**meeting_claims(), where: SENTINEL_SECRET}
    token = make_jwt(claims, key=SENTINEL_SECRET)
    _assert_no_leak(decode_and_validate(token, secret=SENTINEL_SECRET, sdk_key=SDK_KEY, now=NOW))


@pytest.mark.parametrize(
    "pasted",
    [
        SENTINEL_SECRET,
        " " + SENTINEL_SECRET + "\n",
        json.dumps(SENTINEL_SECRET),
        json.dumps({"signature": SENTINEL_SECRET}),
    ],
)
def test_secret_pasted_as_the_signature_is_not_echoed(pasted: str) -> None:
    report = decode_and_validate(pasted, secret=SENTINEL_SECRET, now=NOW)
    assert not report.ok
    _assert_no_leak(report)


def test_checked_with_the_right_sentinel_is_ok_and_silent() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, meeting_number="85746065432", role=0, now=NOW
    )
    report = decode_and_validate(token, secret=SENTINEL_SECRET, now=NOW)
    assert report.ok
    assert report.signature_verified is True
    assert all(f.severity is Severity.INFO for f in report.findings) or not report.findings
    _assert_no_leak(report)
