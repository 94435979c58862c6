"""sign_legacy_web_sdk: the pre-2.7.0 ``key.mn.ts.role.hash`` signature."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import math
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, assert_rejected

from zoomsig import (
    CredentialType,
    FindingCode,
    InvalidParameterError,
    LegacyEncoding,
    Role,
    Severity,
    TokenKind,
    UnsupportedCredentialError,
    _time,
    decode_and_validate,
    sign_legacy_web_sdk,
)
from zoomsig.cli import main

MN = "85746065432"
URL_SAFE_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
STANDARD_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def legacy(**overrides: Any) -> str:
    kwargs: dict[str, Any] = {
        "api_key": SDK_KEY,
        "api_secret": SDK_SECRET,
        "meeting_number": MN,
        "role": Role.PARTICIPANT,
        "now": NOW,
    }
    kwargs.update(overrides)
    return sign_legacy_web_sdk(**kwargs)


def split(signature: str) -> list[str]:
    """The five dot-separated fields of either outer dialect."""
    padded = signature + "=" * (-len(signature) % 4)
    return base64.urlsafe_b64decode(padded).decode("ascii").split(".")


def reference(key: str, secret: str, mn: str, timestamp: int, role: int) -> str:
    """zoom-rules.md section 3, written out with the standard library."""
    message = base64.b64encode(f"{key}{mn}{timestamp}{role}".encode())
    digest = base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest())
    return base64.b64encode(f"{key}.{mn}.{timestamp}.{role}.{digest.decode()}".encode()).decode()


# --- shape ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [0, 1])
def test_five_fields(role: int) -> None:
    key, mn, timestamp, role_text, digest = split(legacy(role=role))
    assert (key, mn, role_text) == (SDK_KEY, MN, str(role))
    assert timestamp == str(NOW * 1000 - 30000)
    assert len(base64.b64decode(digest, validate=True)) == 32
    assert digest.endswith("=")  # the inner hash keeps its standard padding


@pytest.mark.parametrize("role", [0, 1])
@pytest.mark.parametrize("mn", ["123456789", MN, "123456789012"])
def test_matches_the_written_out_rule(role: int, mn: str) -> None:
    expected = reference(SENTINEL_SECRET[::-1], SENTINEL_SECRET, mn, NOW * 1000 - 30000, role)
    token = legacy(
        api_key=SENTINEL_SECRET[::-1],
        api_secret=SENTINEL_SECRET,
        meeting_number=mn,
        role=role,
        encoding=LegacyEncoding.STANDARD,
    )
    assert token == expected


def test_dialects_differ_only_in_padding() -> None:
    for mn in ("123456789", "1234567890", MN, "123456789012"):
        for role in (0, 1):
            standard = legacy(meeting_number=mn, role=role, encoding=LegacyEncoding.STANDARD)
            url_safe = legacy(meeting_number=mn, role=role)
            assert set(standard) <= STANDARD_ALPHABET
            assert set(url_safe) <= URL_SAFE_ALPHABET
            assert "+" not in standard
            assert "/" not in standard
            assert standard.rstrip("=") == url_safe
            assert len(standard) % 4 == 0


def test_url_safe_strips_padding() -> None:
    # 22-char key + 11-digit number: the outer text needs '=' in the standard dialect.
    standard = legacy(encoding=LegacyEncoding.STANDARD)
    assert standard.endswith("=")
    assert not legacy().endswith("=")


def test_url_safe_translates_plus_and_slash() -> None:
    # With Zoom's letter-and-digit keys the outer base64 never holds '+' or '/' (an ASCII
    # byte ends in 6 one-bits only for '>', '?', '~', DEL); such a key forces them.
    key = "~~~~>>>???"
    standard = legacy(api_key=key, encoding=LegacyEncoding.STANDARD)
    url_safe = legacy(api_key=key)
    assert "+" in standard or "/" in standard
    assert url_safe == standard.replace("+", "-").replace("/", "_").rstrip("=")
    assert split(url_safe)[0] == key


# --- time -------------------------------------------------------------------------------


def test_timestamp_is_milliseconds_minus_30000() -> None:
    assert split(legacy(now=NOW + 0.5))[2] == str(NOW * 1000 + 500 - 30000)
    assert split(legacy(now=NOW + 0.25))[2] == str(NOW * 1000 + 250 - 30000)


def test_timestamp_from_aware_datetime() -> None:
    aware = datetime.fromtimestamp(NOW, tz=timezone(timedelta(hours=2))) + timedelta(
        milliseconds=750
    )
    assert split(legacy(now=aware))[2] == str(NOW * 1000 + 750 - 30000)
    assert legacy(now=datetime.fromtimestamp(NOW, tz=timezone.utc)) == legacy()


def test_now_none_reads_the_clock_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[None] = []

    def fake_time() -> float:
        calls.append(None)
        return float(NOW)

    monkeypatch.setattr(_time, "time", SimpleNamespace(time=fake_time))
    assert legacy(now=None) == legacy()
    assert len(calls) == 1


# --- accepted inputs --------------------------------------------------------------------


@pytest.mark.parametrize(("member", "value"), [(Role.PARTICIPANT, 0), (Role.HOST, 1)])
def test_role_enum_and_int_identical(member: Role, value: int) -> None:
    assert legacy(role=member) == legacy(role=value)


def test_int_and_str_meeting_numbers_identical() -> None:
    assert legacy(meeting_number=int(MN)) == legacy(meeting_number=MN)


@pytest.mark.parametrize(
    ("encoding", "padded"),
    [
        (LegacyEncoding.URL_SAFE, False),
        ("URL_SAFE", False),
        (LegacyEncoding.STANDARD, True),
        ("STANDARD", True),
    ],
)
def test_encoding_values(encoding: object, padded: bool) -> None:
    assert legacy(encoding=encoding).endswith("=") is padded


@pytest.mark.parametrize("credential", [CredentialType.JWT_APP, "JWT_APP"])
def test_usable_credential_types(credential: object) -> None:
    assert legacy(credential_type=credential) == legacy()


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        sign_legacy_web_sdk(SDK_KEY, SDK_SECRET, MN, 0)  # type: ignore[misc]


# --- refusals ---------------------------------------------------------------------------

S = SENTINEL_SECRET
IPE = InvalidParameterError
UCE = UnsupportedCredentialError
USABLE = ("CredentialType.JWT_APP",)

REJECTIONS = [
    pytest.param({"api_key": ""}, IPE, "api_key", ("empty",), id="empty-key"),
    pytest.param({"api_key": S.encode()}, IPE, "api_key", ("bytes",), id="key-bytes"),
    pytest.param({"api_key": S + "\n"}, IPE, "api_key", ("whitespace",), id="key-newline"),
    pytest.param({"api_secret": ""}, IPE, "api_secret", ("empty",), id="empty-secret"),
    pytest.param({"api_secret": None}, IPE, "api_secret", ("NoneType",), id="secret-none"),
    pytest.param(
        {"api_secret": S + " "}, IPE, "api_secret", ("whitespace",), id="secret-trailing-space"
    ),
    pytest.param({"api_secret": S.encode()}, IPE, "api_secret", ("bytes",), id="secret-bytes"),
    pytest.param({"meeting_number": None}, IPE, "meeting_number", ("NoneType",), id="mn-missing"),
    pytest.param(
        {"meeting_number": "978-759-818"}, IPE, "meeting_number", ("'978759818'",), id="mn-dashes"
    ),
    pytest.param(
        {"meeting_number": "978 759 818"}, IPE, "meeting_number", ("'978759818'",), id="mn-spaces"
    ),
    pytest.param(
        {"meeting_number": "meeting12"}, IPE, "meeting_number", ("digits only",), id="mn-letters"
    ),
    pytest.param({"meeting_number": "1234"}, IPE, "meeting_number", ("got 4",), id="mn-too-short"),
    pytest.param({"meeting_number": 10**12}, IPE, "meeting_number", ("got 13",), id="mn-too-long"),
    pytest.param({"meeting_number": False}, IPE, "meeting_number", ("bool",), id="mn-bool"),
    pytest.param({"role": None}, IPE, "role", ("NoneType",), id="role-missing"),
    pytest.param({"role": True}, IPE, "role", ("bool",), id="role-bool"),
    pytest.param({"role": "0"}, IPE, "role", ("int()",), id="role-string"),
    pytest.param({"role": 2}, IPE, "role", ("got 2",), id="role-2"),
    pytest.param({"now": datetime(2025, 1, 1)}, IPE, "now", ("naive",), id="now-naive"),
    pytest.param(
        {"now": 1763900000000}, IPE, "now", ("milliseconds",), id="now-already-milliseconds"
    ),
    pytest.param({"now": math.nan}, IPE, "now", ("finite",), id="now-nan"),
    pytest.param({"now": "1763900000"}, IPE, "now", ("str",), id="now-str"),
    pytest.param(
        {"encoding": "BASE64"}, IPE, "encoding", ("LegacyEncoding.URL_SAFE",), id="encoding-bogus"
    ),
    pytest.param(
        {"encoding": "url_safe"},
        IPE,
        "encoding",
        ("LegacyEncoding.STANDARD",),
        id="encoding-lower-case",
    ),
    pytest.param({"encoding": None}, IPE, "encoding", ("LegacyEncoding",), id="encoding-none"),
    pytest.param(
        {"encoding": CredentialType.JWT_APP},
        IPE,
        "encoding",
        ("LegacyEncoding",),
        id="encoding-wrong-enum",
    ),
    pytest.param(
        {"credential_type": CredentialType.MEETING_SDK},
        UCE,
        "credential_type",
        ("sign_meeting_sdk", *USABLE),
        id="meeting-sdk-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.GENERAL_APP},
        UCE,
        "credential_type",
        ("sign_meeting_sdk", *USABLE),
        id="general-app-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.VIDEO_SDK},
        UCE,
        "credential_type",
        USABLE,
        id="video-sdk-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.SERVER_TO_SERVER_OAUTH},
        UCE,
        "credential_type",
        ("REST API", *USABLE),
        id="s2s-oauth-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.OAUTH},
        UCE,
        "credential_type",
        USABLE,
        id="oauth-app-credentials",
    ),
    pytest.param(
        {"credential_type": "OAUTH"}, UCE, "credential_type", USABLE, id="oauth-as-string"
    ),
    pytest.param(
        {"credential_type": "JWT"},
        IPE,
        "credential_type",
        ("CredentialType.JWT_APP",),
        id="unknown-credential-type",
    ),
]


@pytest.mark.parametrize("secret_in", ["api_secret", "api_key"])
@pytest.mark.parametrize(("overrides", "error", "parameter", "needles"), REJECTIONS)
def test_rejected_before_signing_without_leaking_the_secret(
    overrides: dict[str, Any],
    error: type[Exception],
    parameter: str,
    needles: tuple[str, ...],
    secret_in: str,
) -> None:
    kwargs: dict[str, Any] = {
        "api_key": SDK_KEY,
        "api_secret": SDK_SECRET,
        "meeting_number": MN,
        "role": Role.HOST,
        "now": NOW,
        secret_in: SENTINEL_SECRET,
    }
    kwargs.update(overrides)
    assert_rejected(sign_legacy_web_sdk, kwargs, error, parameter, needles)


# --- diagnosis: the format is an error (issue 21) ----------------------------------------


def test_legacy_signature_reported_ok(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A legacy signature made as Zoom's old Node sample made it was "Verdict OK", exit 0.

    No Web SDK that Zoom still lets connect accepts the format (2.7.0 and later reject it;
    Zoom's quarterly minimum versions are far above): it is an error now, and the report
    still verifies the hash and reads the fields.
    """
    timestamp = NOW * 1000 - 30000
    token = reference(SDK_KEY, SDK_SECRET, "85746065432", timestamp, 0)
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW)
    assert report.kind is TokenKind.LEGACY_WEB_SDK
    assert not report.ok
    assert [(f.code, f.severity) for f in report.findings] == [
        (FindingCode.LEGACY_FORMAT, Severity.ERROR)
    ]
    assert report.signature_verified is True
    assert report.claims["meetingNumber"] == "85746065432"
    for name in ("ZOOM_SDK_KEY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ZOOM_SDK_SECRET", SDK_SECRET)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["check", token, "--now", str(NOW)]) == 1
    out = capsys.readouterr().out
    assert "LEGACY_FORMAT" in out
    assert SDK_SECRET not in out
