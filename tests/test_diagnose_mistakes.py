"""decode_and_validate names each real-world mistake (the table lives in tests/mistakes.py).

Each case is a broken signature built the way the broken code makes it; the test id is the
mistake's name. A case passes when every expected code is reported with its CODE_INFO
severity, the report is not ok when one of them is an error, each such finding's message
names the offending value, and nothing in the report leaks the secret.
"""

from __future__ import annotations

import json
import re
from typing import Union

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, load_vectors, secret_fragments
from mistakes import CASES, MULTI_PROBLEM, Case, legacy_signature, make_jwt, meeting_claims

from zoomsig import FindingCode, InvalidSignatureError, Report, Severity, decode_and_validate
from zoomsig.diagnose.codes import CODE_INFO

C = FindingCode


def _run(case: Case) -> Report:
    return decode_and_validate(case.build(), **case.kwargs)  # type: ignore[arg-type]


def _describe(report: Report) -> str:
    return ", ".join(f"{f.code.value}({f.severity.value})" for f in report.findings) or "none"


def _has_error(codes: frozenset[FindingCode]) -> bool:
    return any(CODE_INFO[code].severity is Severity.ERROR for code in codes)


def _secrets(case: Case) -> list[str]:
    secrets = list(secret_fragments(SDK_SECRET))
    given = case.kwargs.get("secret")
    if isinstance(given, str) and given.strip() and given.strip() != SDK_SECRET:
        secrets.extend(secret_fragments(given.strip()))
    others = case.kwargs.get("other_secrets")
    if isinstance(others, dict):
        secrets.extend(f for value in others.values() for f in secret_fragments(str(value)))
    return secrets


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_mistake_is_diagnosed(case: Case) -> None:
    report = _run(case)
    got = report.codes
    missing = case.expect - got
    assert not missing, (
        f"{case.id}: expected {sorted(c.value for c in case.expect)}, "
        f"missing {sorted(c.value for c in missing)}; got {_describe(report)}"
    )
    if case.any_of:
        assert case.any_of & got, (
            f"{case.id}: expected one of {sorted(c.value for c in case.any_of)}; "
            f"got {_describe(report)}"
        )
    for code in case.expect:
        findings = [f for f in report.findings if f.code is code]
        want = CODE_INFO[code].severity
        for finding in findings:
            assert finding.severity is want, f"{case.id}: {code.value} is {finding.severity}"
            assert finding.message.strip(), f"{case.id}: {code.value} has an empty message"
            assert finding.fix.strip(), f"{case.id}: {code.value} has an empty fix"
        if code in case.mention:
            needle = case.mention[code].lower()
            assert any(needle in f.message.lower() for f in findings), (
                f"{case.id}: no {code.value} message mentions {case.mention[code]!r}: "
                f"{[f.message for f in findings]}"
            )
    must_fail = _has_error(case.expect) or (
        bool(case.any_of) and all(_has_error(frozenset({c})) for c in case.any_of)
    )
    if must_fail:
        assert not report.ok, f"{case.id}: report.ok is True with {_describe(report)}"
        with pytest.raises(InvalidSignatureError) as raised:
            report.raise_for_errors()
        assert raised.value.report is report
    elif not _has_error(case.also | case.any_of):
        # Only warnings or infos: Zoom accepts it, so the report must stay ok.
        assert report.ok, f"{case.id}: expected ok (warnings only), got {_describe(report)}"
        assert report.raise_for_errors() is report


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_no_unexplained_errors_or_warnings(case: Case) -> None:
    """Every error or warning is either expected or a stated consequence (no noise)."""
    report = _run(case)
    allowed = case.expect | case.also | case.any_of
    noise = sorted(
        f.code.value
        for f in report.findings
        if f.severity is not Severity.INFO and f.code not in allowed
    )
    assert not noise, f"{case.id}: unexpected {noise}; got {_describe(report)}"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_report_never_leaks_the_secret_or_the_whole_token(case: Case) -> None:
    signature = case.build()
    report = decode_and_validate(signature, **case.kwargs)  # type: ignore[arg-type]
    outputs = {
        "str": str(report),
        "repr": repr(report),
        "json": json.dumps(report.to_dict()),
    }
    for fragment in _secrets(case):
        for where, text in outputs.items():
            assert fragment not in text, f"{case.id}: a piece of the secret is in {where}()"
    text = signature.decode("latin-1") if isinstance(signature, bytes) else signature
    token = text.strip()
    if len(token) > 60 and "\n" not in token:
        for finding in report.findings:
            assert token not in finding.message, f"{case.id}: {finding.code.value} echoes the token"


def test_every_code_has_a_case() -> None:
    covered: set[FindingCode] = set()
    for case in CASES:
        covered |= case.expect
    # The WEBHOOK_* codes belong to diagnose_webhook: tests/test_webhook_diagnose.py and the
    # examples of docs/finding-codes.md (checked by tests/test_docs.py) cover each of them.
    expected = {code for code in FindingCode if not code.value.startswith("WEBHOOK_")}
    assert covered == expected, sorted(c.value for c in expected - covered)


def test_every_code_has_severity_title_and_fix() -> None:
    assert set(CODE_INFO) == set(FindingCode)
    for code, info in CODE_INFO.items():
        assert code.value == code.name
        assert isinstance(info.severity, Severity)
        assert info.title.strip(), code
        assert info.fix.strip(), code
        assert info.fix.rstrip().endswith((".", ")")), f"{code.value}: fix is not a sentence"


def test_case_ids_are_snake_case_and_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    for case_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", case_id), case_id


def test_also_and_expect_do_not_overlap() -> None:
    for case in CASES:
        assert not case.expect & case.also, case.id


def test_multiple_independent_problems_are_all_reported() -> None:
    report = _run(MULTI_PROBLEM)
    missing = MULTI_PROBLEM.expect - report.codes
    assert not missing, f"missing {sorted(c.value for c in missing)}; got {_describe(report)}"
    assert not report.ok
    assert len(report.errors) >= len(MULTI_PROBLEM.expect)


def test_findings_are_sorted_errors_first() -> None:
    report = _run(MULTI_PROBLEM)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    ranks = [order[f.severity] for f in report.findings]
    assert ranks == sorted(ranks)


# ---- the builders are faithful: with the right inputs they reproduce Zoom's own outputs.


def test_make_jwt_reproduces_the_official_meeting_vector() -> None:
    vector = load_vectors()["meeting_sdk"][0]
    inputs = vector["inputs"]
    exp = inputs["now"] + inputs["expires_in"]
    claims = meeting_claims(iat=inputs["now"], exp=exp, tokenExp=exp)
    assert make_jwt(claims) == vector["signature"]


@pytest.mark.parametrize("standard", [False, True])
def test_legacy_signature_reproduces_the_official_vectors(standard: bool) -> None:
    from mistakes import b64std, b64url

    for vector in load_vectors()["legacy_web_sdk"]:
        inputs = vector["inputs"]
        made = legacy_signature(
            key=inputs["api_key"],
            mn=inputs["meeting_number"],
            ts=vector["timestamp_ms"],
            role=inputs["role"],
            secret=inputs["api_secret"],
            outer=b64std if standard else b64url,
        )
        assert made == vector["signature_standard" if standard else "signature_url_safe"]


def test_table_uses_fixed_clock() -> None:
    for case in CASES:
        now: Union[int, float, None] = case.kwargs.get("now")  # type: ignore[assignment]
        assert now is not None, case.id
        assert abs(now - NOW) < 86400, case.id


def test_sdk_key_is_not_a_secret_fragment() -> None:
    # The leak checks would be meaningless if the key shared text with the secret.
    assert not any(fragment in SDK_KEY for fragment in secret_fragments(SDK_SECRET))
