"""sign_cobrowse_sdk and the Cobrowse SDK kind of the diagnosis.

The vectors are the official Cobrowse auth endpoint sample's answers (run with node on
127.0.0.1, its clock pinned: tests/vectors/official-cobrowse.json, outputs only).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _support import NOW, SENTINEL_SECRET, assert_rejected, jwt_parts, pyjwt_encode
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from zoomsig import (
    CobrowseRole,
    FindingCode,
    InvalidParameterError,
    TokenKind,
    decode_and_validate,
    sign_cobrowse_sdk,
)

OFFICIAL = json.loads(
    (Path(__file__).parent / "vectors" / "official-cobrowse.json").read_text(encoding="utf-8")
)
KEY, SECRET = OFFICIAL["sdk_key"], OFFICIAL["sdk_secret"]
SAMPLE_NOW = OFFICIAL["now_ms"] // 1000
_C = FindingCode


def _sample_kwargs(request: dict[str, Any]) -> dict[str, Any]:
    """The signer's arguments for one request to the sample (which parseInt()s strings)."""
    kwargs: dict[str, Any] = {
        "role": int(request["role"]),
        "user_id": request["userId"],
        "expires_in": int(request.get("expirationSeconds", 7200)),
    }
    if "userName" in request:
        kwargs["user_name"] = request["userName"]
    return kwargs


@pytest.mark.parametrize("vector", OFFICIAL["vectors"], ids=lambda v: v["name"])
def test_sign_cobrowse_sdk_is_byte_for_byte_the_official_sample(vector: dict[str, Any]) -> None:
    token = sign_cobrowse_sdk(
        sdk_key=KEY,
        sdk_secret=SECRET,
        now=SAMPLE_NOW,
        clock_skew=0,
        **_sample_kwargs(vector["request"]),
    )
    assert token == vector["token"]


@pytest.mark.parametrize("vector", OFFICIAL["vectors"], ids=lambda v: v["name"])
def test_valid_cobrowse_token_is_not_diagnosed_as_a_broken_video_sdk_token(
    vector: dict[str, Any],
) -> None:
    # Before: kind VIDEO_SDK with TOPIC_MISSING, VERSION_INVALID and UNKNOWN_CLAIM user_id.
    report = decode_and_validate(vector["token"], secret=SECRET, sdk_key=KEY, now=SAMPLE_NOW)
    assert report.kind is TokenKind.COBROWSE_SDK
    assert report.signature_verified is True
    assert [f.code for f in report.findings if f.code is not _C.LIFETIME_AT_MINIMUM] == []
    assert report.ok


def _token(**claims: Any) -> str:
    base: dict[str, Any] = {
        "app_key": KEY,
        "role_type": 1,
        "user_id": "user123",
        "user_name": "ekaansh",
        "iat": NOW,
        "exp": NOW + 7200,
    }
    base.update(claims)
    return pyjwt_encode({k: v for k, v in base.items() if v is not _DROP}, SECRET)


_DROP: Any = object()


def _codes(token: str, **kwargs: Any) -> list[FindingCode]:
    report = decode_and_validate(token, secret=SECRET, now=NOW, **kwargs)
    return [f.code for f in report.findings]


@pytest.mark.parametrize(
    ("mistake", "claims", "code"),
    [
        # The sample's own README shows a token with role_type 0 (a Video SDK role).
        ("video_sdk_role_0", {"role_type": 0}, _C.COBROWSE_ROLE_INVALID),
        ("role_as_string", {"role_type": "2"}, _C.COBROWSE_ROLE_INVALID),
        ("user_identity_instead_of_user_id", {"user_id": _DROP, "user_identity": "u1"},
         _C.USER_ID_MISSING),
        ("user_id_empty", {"user_id": ""}, _C.USER_ID_MISSING),
        ("user_id_36_characters", {"user_id": "u" * 36}, _C.USER_ID_TOO_LONG),
        ("user_id_a_database_number", {"user_id": 4711}, _C.USER_ID_TOO_LONG),
        ("user_name_81_characters", {"user_name": "n" * 81}, _C.USER_NAME_TOO_LONG),
        ("enable_byop_true", {"enable_byop": True}, _C.COBROWSE_OPTION_INVALID),
        ("appKey_spelt_as_the_meeting_sdk", {"app_key": _DROP, "appKey": KEY},
         _C.APP_KEY_MISSING),
        ("lifetime_72_hours", {"exp": NOW + 72 * 3600}, _C.LIFETIME_TOO_LONG),
        ("iat_in_milliseconds", {"iat": NOW * 1000, "exp": NOW * 1000 + 7200_000},
         _C.IAT_IN_MILLISECONDS),
    ],
)  # fmt: skip
def test_cobrowse_mistake_is_named(mistake: str, claims: dict[str, Any], code: FindingCode) -> None:
    codes = _codes(_token(**claims))
    assert code in codes, (mistake, codes)


def test_user_name_of_80_characters_is_fine() -> None:
    assert _codes(_token(user_name="n" * 80)) == []


def test_enable_byop_1_is_a_known_claim() -> None:
    assert _codes(_token(enable_byop=1)) == []


def test_cobrowse_token_given_to_a_meeting_join_is_named() -> None:
    codes = _codes(_token(), meeting_number="85746065432")
    assert _C.COBROWSE_SDK_TOKEN in codes


def test_cobrowse_token_given_to_a_video_sdk_session_is_named() -> None:
    codes = _codes(_token(role_type=2), topic="support")
    assert _C.COBROWSE_SDK_TOKEN in codes


def test_expect_cobrowse_applies_its_rules_to_a_token_that_does_not_say_it() -> None:
    # {app_key, role_type 1, iat, exp}: no Cobrowse claim shows, so by its claims alone it
    # is a (broken) Video SDK token; the caller who says Cobrowse hears what is missing.
    token = _token(user_id=_DROP, user_name=_DROP)
    assert decode_and_validate(token, now=NOW).kind is TokenKind.VIDEO_SDK
    report = decode_and_validate(token, now=NOW, expect=TokenKind.COBROWSE_SDK)
    assert report.kind is TokenKind.COBROWSE_SDK
    assert [f.code for f in report.errors] == [_C.USER_ID_MISSING]


def test_sign_cobrowse_sdk_payload_order_and_defaults() -> None:
    token = sign_cobrowse_sdk(
        sdk_key=KEY, sdk_secret=SECRET, role=CobrowseRole.CUSTOMER, user_id="c-1", now=NOW
    )
    header, claims, _ = jwt_parts(token)
    assert json.loads(header) == {"alg": "HS256", "typ": "JWT"}
    assert list(claims) == ["app_key", "role_type", "user_id", "user_name", "iat", "exp"]
    assert claims["user_name"] == "c-1"
    assert claims["iat"] == NOW - 30
    assert claims["exp"] - claims["iat"] == 7200


def test_sign_cobrowse_sdk_enable_byop_is_sent_last() -> None:
    token = sign_cobrowse_sdk(
        sdk_key=KEY, sdk_secret=SECRET, role=1, user_id="c-1", now=NOW, enable_byop=1
    )
    _, claims, _ = jwt_parts(token)
    assert list(claims)[-1] == "enable_byop"
    assert claims["enable_byop"] == 1


def _kwargs(**overrides: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "sdk_key": KEY,
        "sdk_secret": SENTINEL_SECRET,
        "role": CobrowseRole.AGENT,
        "user_id": "agent-7",
        "now": NOW,
    }
    kwargs.update(overrides)
    return kwargs


@pytest.mark.parametrize(
    ("overrides", "parameter", "needles"),
    [
        ({"role": 0}, "role", ("Video SDK role",)),
        ({"role": True}, "role", ("bool",)),
        ({"role": "2"}, "role", ("int()",)),
        ({"role": 3}, "role", ("CUSTOMER (1)",)),
        ({"user_id": ""}, "user_id", ("empty",)),
        ({"user_id": None}, "user_id", ("str",)),
        ({"user_id": "u" * 36}, "user_id", ("35",)),
        ({"user_name": "n" * 81}, "user_name", ("80",)),
        ({"enable_byop": 2}, "enable_byop", ()),
        ({"expires_in": 60}, "expires_in", ("1800",)),
        ({"sdk_key": " KEY"}, "sdk_key", ("whitespace",)),
        ({"user_name": f"name {SENTINEL_SECRET[:20]}"}, "user_name", ("readable",)),
    ],
)
def test_sign_cobrowse_sdk_refuses(
    overrides: dict[str, Any], parameter: str, needles: tuple[str, ...]
) -> None:
    assert_rejected(sign_cobrowse_sdk, _kwargs(**overrides), InvalidParameterError, parameter,
                    needles)  # fmt: skip


def test_cobrowse_role_values_are_zoom_s() -> None:
    assert [int(role) for role in CobrowseRole] == [1, 2]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=35,
)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    role=st.sampled_from(list(CobrowseRole)),
    user_id=_TEXT,
    user_name=st.one_of(st.none(), _TEXT),
    expires_in=st.integers(1801, 172800),
    byop=st.sampled_from([None, 0, 1]),
)
def test_whatever_sign_cobrowse_sdk_makes_the_diagnosis_accepts(
    role: CobrowseRole, user_id: str, user_name: Any, expires_in: int, byop: Any
) -> None:
    from zoomsig._registry import text_length

    assume(text_length(user_id) <= 35)
    token = sign_cobrowse_sdk(
        sdk_key=KEY, sdk_secret=SECRET, role=role, user_id=user_id, user_name=user_name,
        expires_in=expires_in, now=NOW, enable_byop=byop,
    )  # fmt: skip
    report = decode_and_validate(token, secret=SECRET, sdk_key=KEY, now=NOW)
    assert report.kind is TokenKind.COBROWSE_SDK
    assert report.ok, [f.code for f in report.findings]
    assert report.signature_verified is True
