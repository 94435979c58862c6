"""zoomsig.diagnose.report: Finding and Report, built by hand (no engine involved)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest

from zoomsig import (
    Finding,
    FindingCode,
    InvalidSignatureError,
    Report,
    Severity,
    TokenKind,
    ZoomSigError,
)
from zoomsig.diagnose.codes import CODE_INFO

C = FindingCode

ERROR = Finding.of(C.ROLE_MISSING, 'mn is "85746065432" but the token has no role', "role")
ERROR2 = Finding.of(C.IAT_IN_MILLISECONDS, "iat is 1763900000123, a 13-digit number", "iat")
WARNING = Finding.of(C.SURROUNDING_WHITESPACE, "the signature ends with '\\n'")
INFO = Finding.of(C.HOST_NEEDS_ZAK, "role is 1", "role")
EXPIRES = datetime(2025, 11, 23, 14, 12, 50, tzinfo=timezone.utc)


def _report(*findings: Finding, **kw: object) -> Report:
    return Report(TokenKind.MEETING_SDK, findings, **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- Finding


@pytest.mark.parametrize("code", list(FindingCode))
def test_finding_of_takes_severity_and_fix_from_code_info(code: FindingCode) -> None:
    finding = Finding.of(code, "what was found", "claim")
    assert finding.code is code
    assert finding.severity is CODE_INFO[code].severity
    assert finding.fix == CODE_INFO[code].fix
    assert finding.message == "what was found"
    assert finding.claim == "claim"


def test_finding_claim_defaults_to_none() -> None:
    assert Finding.of(C.EMPTY, "empty").claim is None


def test_finding_to_dict_has_stable_keys_and_plain_values() -> None:
    data = ERROR.to_dict()
    assert list(data) == ["code", "severity", "message", "fix", "claim"]
    assert data == {
        "code": "ROLE_MISSING",
        "severity": "ERROR",
        "message": ERROR.message,
        "fix": CODE_INFO[C.ROLE_MISSING].fix,
        "claim": "role",
    }
    assert all(type(v) is str for v in data.values())  # plain str, not the str enums
    assert json.loads(json.dumps(data)) == data
    assert Finding.of(C.EMPTY, "x").to_dict()["claim"] is None


def test_finding_str_names_severity_code_claim_message_and_fix() -> None:
    text = str(ERROR)
    assert "ROLE_MISSING" in text
    assert "[role]" in text
    assert ERROR.message in text
    assert ERROR.fix in text
    assert text.lower().startswith("error")
    assert "[" not in str(WARNING).split(":")[0]  # no claim, no brackets


def test_finding_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ERROR.message = "changed"  # type: ignore[misc]


def test_findings_compare_by_value() -> None:
    assert Finding.of(C.EMPTY, "x") == Finding.of(C.EMPTY, "x")
    assert Finding.of(C.EMPTY, "x") != Finding.of(C.EMPTY, "y")
    assert hash(Finding.of(C.EMPTY, "x")) == hash(Finding.of(C.EMPTY, "x"))


# ---------------------------------------------------------------------- Report basics


def test_empty_report_is_ok() -> None:
    report = Report(TokenKind.UNKNOWN)
    assert report.ok
    assert report.findings == ()
    assert report.errors == ()
    assert report.warnings == ()
    assert report.codes == frozenset()
    assert dict(report.header) == {}
    assert dict(report.claims) == {}
    assert report.signature_verified is None
    assert report.expires_at is None


def test_ok_is_false_only_with_an_error() -> None:
    assert _report(WARNING, INFO).ok
    assert not _report(ERROR).ok
    assert not _report(WARNING, ERROR, INFO).ok


def test_errors_warnings_and_codes() -> None:
    report = _report(ERROR, ERROR2, WARNING, INFO)
    assert report.errors == (ERROR, ERROR2)
    assert report.warnings == (WARNING,)
    assert report.codes == frozenset(
        {C.ROLE_MISSING, C.IAT_IN_MILLISECONDS, C.SURROUNDING_WHITESPACE, C.HOST_NEEDS_ZAK}
    )
    assert C.ROLE_MISSING in report.codes
    assert "ROLE_MISSING" in report.codes  # str enum: plain strings work too


def test_report_is_frozen() -> None:
    report = _report(ERROR)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.kind = TokenKind.VIDEO_SDK  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.findings = ()  # type: ignore[misc]


def test_report_default_mappings_are_read_only_and_not_shared() -> None:
    first, second = Report(TokenKind.UNKNOWN), Report(TokenKind.UNKNOWN)
    with pytest.raises(TypeError):
        first.claims["x"] = 1  # type: ignore[index]
    assert dict(second.claims) == {}


# ---------------------------------------------------------------------- raise_for_errors


def test_raise_for_errors_returns_the_report_when_ok() -> None:
    report = _report(WARNING, INFO)
    assert report.raise_for_errors() is report


def test_raise_for_errors_raises_with_the_report() -> None:
    report = _report(WARNING, ERROR, ERROR2)
    with pytest.raises(InvalidSignatureError) as raised:
        report.raise_for_errors()
    error = raised.value
    assert isinstance(error, ZoomSigError)
    assert error.report is report
    assert error.code == "invalid_signature"
    assert str(error).splitlines() == [
        "2 errors: ROLE_MISSING, IAT_IN_MILLISECONDS",
        f"- ROLE_MISSING: {ERROR.message}",
        f"- IAT_IN_MILLISECONDS: {ERROR2.message}",
    ]


def test_raise_for_errors_single_error_message() -> None:
    with pytest.raises(InvalidSignatureError) as raised:
        _report(ERROR).raise_for_errors()
    assert str(raised.value) == f"ROLE_MISSING: {ERROR.message}"


def test_raise_for_errors_names_every_error() -> None:
    third = Finding.of(C.EXPIRED, "expired 2 h ago", "exp")
    with pytest.raises(InvalidSignatureError) as raised:
        _report(WARNING, ERROR, ERROR2, third, INFO).raise_for_errors()
    text = str(raised.value)
    assert text.startswith("3 errors: ROLE_MISSING, IAT_IN_MILLISECONDS, EXPIRED\n")
    for finding in (ERROR, ERROR2, third):
        assert f"- {finding.code.value}: {finding.message}" in text
    assert "SURROUNDING_WHITESPACE" not in text
    assert "HOST_NEEDS_ZAK" not in text


def test_invalid_signature_error_is_shown_by_its_public_name() -> None:
    assert InvalidSignatureError.__module__ == "zoomsig"
    assert InvalidSignatureError.__qualname__ == "InvalidSignatureError"


# ---------------------------------------------------------------------- to_dict


def test_to_dict_has_stable_keys_and_is_json_ready() -> None:
    report = _report(
        ERROR,
        WARNING,
        header={"alg": "HS256", "typ": "JWT"},
        claims={"appKey": "k", "mn": "85746065432", "iat": 1, "exp": 2},
        signature_verified=False,
        expires_at=EXPIRES,
    )
    data = report.to_dict()
    assert list(data) == [
        "ok",
        "kind",
        "signature_verified",
        "expires_at",
        "header",
        "claims",
        "findings",
    ]
    assert data["ok"] is False
    assert data["kind"] == "MEETING_SDK"
    assert type(data["kind"]) is str
    assert data["signature_verified"] is False
    assert data["expires_at"] == "2025-11-23T14:12:50+00:00"
    assert data["header"] == {"alg": "HS256", "typ": "JWT"}
    claims = data["claims"]
    assert isinstance(claims, dict)
    assert claims["mn"] == "85746065432"
    assert data["findings"] == [ERROR.to_dict(), WARNING.to_dict()]
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("verified", [True, False, None])
def test_to_dict_signature_verified_is_a_json_bool_or_null(verified: object) -> None:
    data = _report(signature_verified=verified).to_dict()
    assert data["signature_verified"] is verified
    assert json.dumps(data["signature_verified"]) in ("true", "false", "null")


def test_to_dict_expires_at_is_iso_and_keeps_the_offset() -> None:
    local = EXPIRES.astimezone(timezone(timedelta(hours=5, minutes=30)))
    iso = _report(expires_at=local).to_dict()["expires_at"]
    assert iso == "2025-11-23T19:42:50+05:30"
    assert datetime.fromisoformat(iso) == EXPIRES  # type: ignore[arg-type]
    assert _report().to_dict()["expires_at"] is None


def test_to_dict_returns_fresh_copies() -> None:
    report = _report(claims={"mn": "1"})
    data = report.to_dict()
    data["claims"]["mn"] = "2"  # type: ignore[index]
    assert report.claims["mn"] == "1"


# ---------------------------------------------------------------------- __str__


def test_str_first_line_is_the_verdict() -> None:
    ok_lines = str(_report(WARNING, signature_verified=True)).splitlines()
    assert ok_lines[0].startswith("OK: Meeting SDK signature")
    assert "0 errors, 1 warning;" in ok_lines[0]
    assert "HMAC matches the secret" in ok_lines[0]
    bad = str(_report(ERROR, ERROR2, signature_verified=False)).splitlines()[0]
    assert bad.startswith("INVALID:")
    assert "2 errors, 0 warnings" in bad
    assert "does NOT match" in bad
    assert "not checked" in str(_report())


def test_str_lists_every_finding_with_code_and_fix() -> None:
    findings = (ERROR, ERROR2, WARNING, INFO)
    text = str(_report(*findings, expires_at=EXPIRES))
    assert "expires at 2025-11-23T14:12:50+00:00" in text
    for finding in findings:
        assert finding.code.value in text
        assert finding.fix in text
        assert finding.message in text
    # Each finding starts on its own line that names its severity and code.
    starts = [line for line in text.splitlines() if any(f.code.value in line for f in findings)]
    assert len(starts) == len(findings)
    assert [line.split()[0] for line in starts] == ["error", "error", "warning", "info"]


@pytest.mark.parametrize("kind", list(TokenKind))
def test_str_names_every_kind(kind: TokenKind) -> None:
    first = str(Report(kind)).splitlines()[0]
    assert first.startswith("OK: ")
    assert "signature" in first or "token" in first


def test_repr_is_short_kind_ok_and_codes() -> None:
    # pytest prints the repr of every value in a failed assert: keep it to one short line.
    text = repr(_report(ERROR, ERROR2, WARNING, INFO, header={"alg": "HS256"}))
    assert text == (
        "Report(kind=MEETING_SDK, ok=False, codes=[ROLE_MISSING, IAT_IN_MILLISECONDS, "
        "SURROUNDING_WHITESPACE, HOST_NEEDS_ZAK])"
    )
    assert repr(Report(TokenKind.UNKNOWN)) == "Report(kind=UNKNOWN, ok=True, codes=[])"


def test_repr_names_a_repeated_code_once() -> None:
    again = Finding.of(C.ROLE_MISSING, "again", "role")
    assert repr(_report(ERROR, again)).count("ROLE_MISSING") == 1


def test_severity_values_are_their_names() -> None:
    for severity in Severity:
        assert severity.value == severity.name
