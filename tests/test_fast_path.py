"""The fast path for clean Meeting SDK signatures gives exactly the full diagnosis's report.

``zoomsig.diagnose._fast`` answers "no finding" for the one clean shape the signers make,
without running the rules. Every test here diagnoses a token twice, with the fast path and
with it switched off, and compares the two reports field by field (types included, since
``0 == False``). The clean tokens must also take the fast path, so that a guard that
stopped matching anything fails here instead of silently slowing every call down.
"""

from __future__ import annotations

import base64
import hmac
import json
from typing import Any, Optional, Union
from unittest import mock

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET
from hypothesis import given, settings
from hypothesis import strategies as st

from zoomsig import Report, decode_and_validate, sign_meeting_sdk
from zoomsig.diagnose import _engine
from zoomsig.diagnose._fast import fast_report
from zoomsig.testing.mistakes import MISTAKES

MN = "85746065432"
HEADER = {"alg": "HS256", "typ": "JWT"}
IAT = NOW - 30
CLAIMS: dict[str, object] = {
    "appKey": SDK_KEY,
    "sdkKey": SDK_KEY,
    "mn": MN,
    "role": 0,
    "iat": IAT,
    "exp": IAT + 7200,
    "tokenExp": IAT + 7200,
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def token(
    claims: object,
    *,
    header: object = HEADER,
    secret: str = SDK_SECRET,
    payload_json: Optional[str] = None,
) -> str:
    """A JWT over exactly these claims (or this payload text), as JSON.stringify writes it."""
    body = (
        payload_json
        if payload_json is not None
        else json.dumps(claims, separators=(",", ":"), ensure_ascii=False)
    )
    head = json.dumps(header, separators=(",", ":"))
    message = f"{b64url(head.encode())}.{b64url(body.encode())}"
    mac = hmac.digest(secret.encode(), message.encode(), "sha256")
    return f"{message}.{b64url(mac)}"


def with_claims(**changes: object) -> str:
    """:data:`CLAIMS` with some claims changed (a value of ``...`` removes the claim)."""
    claims = {**CLAIMS, **changes}
    return token({name: value for name, value in claims.items() if value is not ...})


def shape(report: Report) -> tuple[object, ...]:
    """Everything a caller can read from a report, with the type of every value."""
    return (
        report.kind,
        report.ok,
        report.signature_verified,
        report.expires_at,
        [(f.code, f.severity, f.message, f.fix, f.claim) for f in report.findings],
        [(name, type(value), value) for name, value in report.header.items()],
        [(name, type(value), value) for name, value in report.claims.items()],
        repr(report),
        str(report),
    )


def both(signature: Union[str, bytes], **kwargs: Any) -> tuple[Report, Report, bool]:
    """The report with the fast path, the full diagnosis's, and whether the fast one answered."""
    real = fast_report
    answered: list[bool] = []

    def spy(*args: Any, **kw: Any) -> Any:
        result = real(*args, **kw)
        answered.append(result is not None)
        return result

    with mock.patch.object(_engine, "fast_report", spy):
        fast = decode_and_validate(signature, **kwargs)
    with mock.patch.object(_engine, "fast_report", return_value=None):
        full = decode_and_validate(signature, **kwargs)
    return fast, full, any(answered)


def assert_same(signature: Union[str, bytes], **kwargs: Any) -> bool:
    """Both paths agree; returns whether the fast path answered (then with no finding)."""
    fast, full, answered = both(signature, **kwargs)
    assert shape(fast) == shape(full)
    assert fast == full
    if answered:
        assert fast.ok
        assert not fast.findings
    return answered


# --------------------------------------------------------------------- clean: fast path


@pytest.mark.parametrize("include_sdk_key", [True, False])
@pytest.mark.parametrize("video_webrtc_mode", [None, 0, 1])
@pytest.mark.parametrize("expires_in", [1801, 7200, 172800])
@pytest.mark.parametrize("secret", [SDK_SECRET, None])
def test_signed_tokens_take_the_fast_path(
    include_sdk_key: bool, video_webrtc_mode: Optional[int], expires_in: int, secret: Optional[str]
) -> None:
    signature = sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        meeting_number=MN,
        role=0,
        now=NOW,
        expires_in=expires_in,
        video_webrtc_mode=video_webrtc_mode,
        include_sdk_key=include_sdk_key,
    )
    assert assert_same(signature, secret=secret, now=NOW)


def test_clean_token_with_every_expectation_met_takes_the_fast_path() -> None:
    signature = with_claims()
    assert assert_same(
        signature, secret=SDK_SECRET, sdk_key=SDK_KEY, meeting_number=MN, role=0, now=NOW
    )
    assert assert_same(signature, secret=SDK_SECRET, meeting_number=int(MN), now=NOW)
    assert assert_same(signature.encode(), secret=SDK_SECRET.encode(), now=NOW)


def test_clean_token_with_a_secret_in_other_secrets_takes_the_fast_path() -> None:
    assert assert_same(
        with_claims(), secret=SDK_SECRET, other_secrets={"webhook": SENTINEL_SECRET}, now=NOW
    )


def test_clean_token_with_join_options_takes_the_fast_path() -> None:
    # The join rules run after either path, on the same claims.
    assert assert_same(with_claims(), secret=SDK_SECRET, zak="", obf_token="", now=NOW)


# ------------------------------------------------------ the edges of each guard: both agree

EDGES: dict[str, tuple[dict[str, object], dict[str, Any]]] = {
    # time: the boundary of each time rule, on both sides
    "expires_soon_300": ({}, {"now": IAT + 7200 - 300}),
    "expires_soon_301": ({}, {"now": IAT + 7200 - 301}),
    "expired": ({}, {"now": IAT + 7200}),
    "iat_future_60": ({}, {"now": IAT - 60}),
    "iat_future_61": ({}, {"now": IAT - 61}),
    "lifetime_1800": ({"exp": IAT + 1800, "tokenExp": IAT + 1800}, {}),
    "lifetime_1801": ({"exp": IAT + 1801, "tokenExp": IAT + 1801}, {}),
    "lifetime_172800": ({"exp": IAT + 172800, "tokenExp": IAT + 172800}, {}),
    "lifetime_172801": ({"exp": IAT + 172801, "tokenExp": IAT + 172801}, {}),
    "token_exp_earlier": ({"tokenExp": IAT + 7199}, {}),
    "token_exp_later": ({"tokenExp": IAT + 7201}, {}),
    "token_exp_lifetime": ({"tokenExp": 7200}, {}),
    "token_exp_float": ({"tokenExp": float(IAT + 7200)}, {}),
    "token_exp_missing": ({"tokenExp": ...}, {}),
    "iat_float": ({"iat": float(IAT)}, {}),
    "iat_negative": ({"iat": -1}, {}),
    "iat_ms": ({"iat": IAT * 1000}, {}),
    "exp_ms": ({"exp": (IAT + 7200) * 1000, "tokenExp": (IAT + 7200) * 1000}, {}),
    "exp_huge": ({"exp": 10**25, "tokenExp": 10**25}, {}),
    "iat_missing": ({"iat": ...}, {}),
    "exp_string": ({"exp": str(IAT + 7200)}, {}),
    "iat_bool": ({"iat": True}, {}),
    # role
    "role_1": ({"role": 1}, {}),
    "role_1_with_zak": ({"role": 1}, {"zak": "eyJzak"}),
    "role_string": ({"role": "0"}, {}),
    "role_false": ({"role": False}, {}),
    "role_float": ({"role": 0.0}, {}),
    "role_null": ({"role": None}, {}),
    "role_missing": ({"role": ...}, {}),
    "role_expected_host": ({}, {"role": 1}),
    # meeting number
    "mn_int": ({"mn": int(MN)}, {}),
    "mn_8_digits": ({"mn": "12345678"}, {}),
    "mn_9_digits": ({"mn": "123456789"}, {}),
    "mn_12_digits": ({"mn": "123456789012"}, {}),
    "mn_13_digits": ({"mn": "1234567890123"}, {}),
    "mn_spaces": ({"mn": "857 4606 5432"}, {}),
    "mn_fullwidth": (
        {"mn": "\uff18\uff15\uff17\uff14\uff16\uff10\uff16\uff15\uff14\uff13\uff12"},
        {},
    ),
    "mn_missing": ({"mn": ...}, {}),
    "mn_and_role_missing": ({"mn": ..., "role": ...}, {}),
    "mn_other_meeting": ({}, {"meeting_number": "123456789"}),
    "mn_expected_with_spaces": ({}, {"meeting_number": "857 4606 5432"}),
    "meeting_number_claim": ({"mn": ..., "meetingNumber": MN}, {}),
    # keys
    "app_key_padded": ({"appKey": SDK_KEY + "\n", "sdkKey": SDK_KEY + "\n"}, {}),
    "app_key_space": ({"appKey": " " + SDK_KEY, "sdkKey": " " + SDK_KEY}, {}),
    "app_key_nbsp": ({"appKey": SDK_KEY + "\u00a0", "sdkKey": SDK_KEY + "\u00a0"}, {}),
    "app_key_empty": ({"appKey": "", "sdkKey": ""}, {}),
    "app_key_int": ({"appKey": 12345, "sdkKey": 12345}, {}),
    "sdk_key_other": ({"sdkKey": "another-key"}, {}),
    "sdk_key_only": ({"appKey": ...}, {}),
    "sdk_key_null": ({"sdkKey": None}, {}),
    "api_key": ({"apiKey": SDK_KEY}, {}),
    "expected_other_key": ({}, {"sdk_key": "another-key"}),
    "app_key_holds_secret_run": ({"appKey": SDK_SECRET[3:14], "sdkKey": SDK_SECRET[3:14]}, {}),
    "app_key_is_secret": ({"appKey": SDK_SECRET, "sdkKey": SDK_SECRET}, {}),
    "app_key_named_secret": ({"sdkSecret": "x"}, {}),
    "app_key_unicode": ({"appKey": "clé-ünïcode", "sdkKey": "clé-ünïcode"}, {}),
    # other claims
    "webrtc_2": ({"video_webrtc_mode": 2}, {}),
    "webrtc_true": ({"video_webrtc_mode": True}, {}),
    "webrtc_null": ({"video_webrtc_mode": None}, {}),
    "webrtc_string": ({"video_webrtc_mode": "1"}, {}),
    "audio_option": ({"audio_webrtc_mode": 1}, {}),
    "unknown_claim": ({"userName": "x"}, {}),
    "video_claims": ({"tpc": "topic"}, {}),
    "iss_zoom": ({"iss": "zm:cid:x"}, {}),
    "topic_expected": ({}, {"topic": "Weekly sync"}),
    # secrets
    "secret_wrong": ({}, {"secret": "Wr0ngSecretWr0ngSecretWr0ngSecr3"}),
    "secret_short": ({}, {"secret": SDK_SECRET[:20]}),
    "secret_padded": ({}, {"secret": SDK_SECRET + "\n"}),
    "no_secret_other_secrets": ({}, {"secret": None, "other_secrets": {"sdk": SDK_SECRET}}),
    "other_secret_signed": ({}, {"secret": SENTINEL_SECRET, "other_secrets": {"sdk": SDK_SECRET}}),
    "key_as_secret": ({}, {"secret": SDK_KEY, "sdk_key": SDK_KEY}),
}


@pytest.mark.parametrize(("changes", "options"), list(EDGES.values()), ids=list(EDGES))
def test_both_paths_agree_at_the_edge_of_each_rule(
    changes: dict[str, object], options: dict[str, Any]
) -> None:
    kwargs: dict[str, Any] = {"secret": SDK_SECRET, "now": NOW, **options}
    assert_same(with_claims(**changes), **kwargs)


def test_clean_boundaries_take_the_fast_path() -> None:
    # The clean side of each boundary above is answered by the fast path.
    for name in ("expires_soon_301", "iat_future_60", "lifetime_1801", "lifetime_172800",
                 "mn_9_digits", "mn_12_digits", "app_key_unicode"):  # fmt: skip
        changes, options = EDGES[name]
        assert assert_same(
            with_claims(**changes), **{"secret": SDK_SECRET, "now": NOW, **options}
        ), name


ENCODINGS = {
    "header_keys_reversed": token(CLAIMS, header={"typ": "JWT", "alg": "HS256"}),
    "header_alg_none": token(CLAIMS, header={"alg": "none", "typ": "JWT"}),
    "header_extra": token(CLAIMS, header={"alg": "HS256", "typ": "JWT", "kid": "1"}),
    "escaped_claim": token(
        CLAIMS, payload_json=json.dumps(CLAIMS, separators=(",", ":")).replace("a", "\\u0061", 1)
    ),
    "spaced_json": token(CLAIMS, payload_json=json.dumps(CLAIMS)),
    "duplicate_claim": token(
        CLAIMS, payload_json='{"role":1,' + json.dumps(CLAIMS, separators=(",", ":"))[1:]
    ),
    "payload_array": token([1, 2]),
    "signature_cut": with_claims()[:-1],
    "signature_longer": with_claims() + "A",
    "signature_not_canonical": with_claims()[:-1] + chr(ord(with_claims()[-1]) + 1),
    "signature_empty": with_claims().rsplit(".", 1)[0] + ".",
    "padded": with_claims() + "=",
    "quoted": f'"{with_claims()}"',
}


@pytest.mark.parametrize("signature", list(ENCODINGS.values()), ids=list(ENCODINGS))
def test_both_paths_agree_on_other_encodings(signature: str) -> None:
    assert_same(signature, secret=SDK_SECRET, now=NOW)
    assert_same(signature, now=NOW)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_both_paths_agree_on_every_catalogued_mistake(mistake: Any) -> None:
    signature = mistake.make(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MN, role=0, now=NOW
    )
    assert_same(
        signature, secret=SDK_SECRET, sdk_key=SDK_KEY, meeting_number=MN, role=0, now=NOW + 60
    )


_VALUES = st.one_of(
    st.integers(min_value=-2, max_value=2),
    st.integers(min_value=IAT - 400, max_value=IAT + 180_000),
    st.sampled_from([SDK_KEY, MN, "", " ", "0", "1", "123456789", None, True, False, 0.0, 10**20]),
    st.text(max_size=14),
)
_NAMES = st.sampled_from(
    ["appKey", "sdkKey", "mn", "role", "iat", "exp", "tokenExp", "video_webrtc_mode", "other"]
)


@settings(max_examples=400, deadline=None)
@given(
    changes=st.dictionaries(_NAMES, _VALUES, max_size=3),
    drop=st.sets(_NAMES, max_size=2),
    now=st.integers(min_value=IAT - 120, max_value=IAT + 180_000),
    expect=st.fixed_dictionaries(
        {},
        optional={
            "sdk_key": st.sampled_from([SDK_KEY, "other"]),
            "meeting_number": st.sampled_from([MN, int(MN), "123456789"]),
            "role": st.sampled_from([0, 1]),
        },
    ),
    secret=st.sampled_from([SDK_SECRET, None, SENTINEL_SECRET]),
)
def test_both_paths_agree_on_generated_claims(
    changes: dict[str, object],
    drop: set[str],
    now: int,
    expect: dict[str, object],
    secret: Optional[str],
) -> None:
    claims = {name: value for name, value in {**CLAIMS, **changes}.items() if name not in drop}
    assert_same(token(claims), secret=secret, now=now, **expect)
