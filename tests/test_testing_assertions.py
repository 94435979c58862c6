"""zoomsig.testing's assertion helpers: what a failing test of a service shows.

The failure messages are checked as a whole, in a real pytest run (``pytester``): every
error and every fix is there, at the test's own line, with no secret, no private module
path and no zoomsig frame in the traceback.
"""

from __future__ import annotations

import re

import pytest
from _support import NOW, SENTINEL_SECRET

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    Role,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
)
from zoomsig.diagnose.codes import CODE_INFO
from zoomsig.testing import assert_findings, assert_valid_signature, fake_credentials
from zoomsig.testing.mistakes import MISTAKES_BY_NAME

pytest_plugins = ["pytester"]

C = FindingCode
MN = "85746065432"
CREDS = fake_credentials()


def secret_runs(secret: str = SENTINEL_SECRET) -> list[str]:
    """Every run of 8 characters of the secret: none may appear in any output."""
    return [secret[i : i + 8] for i in range(len(secret) - 7)]


def assert_no_secret_in(text: str, secret: str = SENTINEL_SECRET) -> None:
    leaked = [run for run in secret_runs(secret) if run in text]
    assert not leaked, f"{len(leaked)} runs of the secret in the output"


def good(secret: str = SENTINEL_SECRET, **kw: object) -> str:
    return sign_meeting_sdk(
        sdk_key=CREDS.key,
        sdk_secret=secret,
        meeting_number=MN,
        role=Role.PARTICIPANT,
        now=NOW,
        **kw,  # type: ignore[arg-type]
    )


def broken(name: str, secret: str = SENTINEL_SECRET, role: int = 0) -> str:
    return MISTAKES_BY_NAME[name].make(
        sdk_key=CREDS.key, sdk_secret=secret, meeting_number=MN, role=role, now=NOW
    )


# ------------------------------------------------------------------ assert_valid_signature


def test_assert_valid_signature_returns_the_report() -> None:
    report = assert_valid_signature(
        good(), secret=SENTINEL_SECRET, sdk_key=CREDS.key, meeting_number=MN, role=0, now=NOW
    )
    assert report.ok
    assert report.signature_verified is True


def test_assert_valid_signature_lists_every_error_with_its_fix() -> None:
    token = broken("milliseconds")
    with pytest.raises(AssertionError) as raised:
        assert_valid_signature(token, secret=SENTINEL_SECRET, meeting_number=MN, role=0, now=NOW)
    text = str(raised.value)
    assert text.startswith("the Meeting SDK signature is not valid (2 errors, 0 warnings)")
    for code in (C.IAT_IN_MILLISECONDS, C.EXP_IN_MILLISECONDS):
        assert f"error {code.value}" in text
        assert f"fix: {CODE_INFO[code].fix}" in text
    assert token not in text
    assert token[:12] + "…" in text


def test_assert_valid_signature_fails_on_a_warning() -> None:
    # Exactly 1800 s: the LIFETIME_AT_MINIMUM warning (a legacy signature is an error now).
    at_minimum = sign_meeting_sdk(
        sdk_key=CREDS.key,
        sdk_secret=SENTINEL_SECRET,
        meeting_number=MN,
        role=0,
        now=NOW,
        expires_in=1800,
    )
    with pytest.raises(AssertionError, match=r"has warnings \(0 errors, 1 warning\)") as raised:
        assert_valid_signature(at_minimum, secret=SENTINEL_SECRET, now=NOW)
    assert "warning LIFETIME_AT_MINIMUM" in str(raised.value)
    assert "allow={FindingCode.<CODE>}" in str(raised.value)


def test_assert_valid_signature_allow_tolerates_codes_by_enum_or_name() -> None:
    legacy = sign_legacy_web_sdk(
        api_key=CREDS.key, api_secret=SENTINEL_SECRET, meeting_number=MN, role=0, now=NOW
    )
    report = assert_valid_signature(
        legacy, secret=SENTINEL_SECRET, now=NOW, allow=["LEGACY_FORMAT"]
    )
    assert report.codes == {C.LEGACY_FORMAT}
    expired = broken("expired")
    assert_valid_signature(expired, secret=SENTINEL_SECRET, now=NOW, allow={C.EXPIRED})


def test_assert_valid_signature_allow_keeps_the_other_errors() -> None:
    token = broken("milliseconds")
    with pytest.raises(AssertionError) as raised:
        assert_valid_signature(
            token, secret=SENTINEL_SECRET, now=NOW, allow={C.IAT_IN_MILLISECONDS}
        )
    assert "IAT_IN_MILLISECONDS" not in str(raised.value)
    assert "EXP_IN_MILLISECONDS" in str(raised.value)


def test_assert_valid_signature_wrong_secret() -> None:
    with pytest.raises(AssertionError, match="SIGNATURE_MISMATCH"):
        assert_valid_signature(
            good(secret="another-secret-of-32-characters!!"), secret=SENTINEL_SECRET, now=NOW
        )


@pytest.mark.parametrize("value", [None, 42, {"signature": "x"}])
def test_not_a_string_is_an_assertion_error(value: object) -> None:
    with pytest.raises(
        AssertionError, match=f"expected a signature \\(str\\), got {type(value).__name__}"
    ):
        assert_valid_signature(value, secret=SENTINEL_SECRET)


@pytest.mark.parametrize("allow", [["NOT_A_CODE"], "EXPIRED", [1]])
def test_allow_must_be_finding_codes(allow: object) -> None:
    with pytest.raises(InvalidParameterError) as raised:
        assert_valid_signature(good(), secret=SENTINEL_SECRET, now=NOW, allow=allow)  # type: ignore[arg-type]
    assert raised.value.parameter == "allow"


def test_preview_is_hidden_when_the_token_starts_with_the_secret() -> None:
    with pytest.raises(AssertionError) as raised:
        assert_valid_signature(SENTINEL_SECRET, secret=SENTINEL_SECRET, now=NOW)
    assert "(not shown: it holds part of the secret)" in str(raised.value)
    assert_no_secret_in(str(raised.value))


def test_message_never_holds_the_secret_even_when_the_token_does() -> None:
    token = broken("key_secret_swapped")  # the secret ships in appKey
    with pytest.raises(AssertionError) as raised:
        assert_valid_signature(token, secret=SENTINEL_SECRET, sdk_key=CREDS.key, now=NOW)
    text = str(raised.value)
    assert "KEY_SECRET_SWAPPED" in text
    assert "SECRET_IN_TOKEN" in text
    assert_no_secret_in(text)


# ------------------------------------------------------------------------ assert_findings


def test_assert_findings_passes_and_returns_the_report() -> None:
    report = assert_findings(
        broken("role_missing"), C.ROLE_MISSING, secret=SENTINEL_SECRET, now=NOW
    )
    assert C.ROLE_MISSING in report.codes
    assert_findings(broken("milliseconds"), ["IAT_IN_MILLISECONDS"], now=NOW)


def test_assert_findings_exact() -> None:
    token = broken("milliseconds")
    codes = {C.IAT_IN_MILLISECONDS, C.EXP_IN_MILLISECONDS}
    assert_findings(token, codes, exact=True, secret=SENTINEL_SECRET, now=NOW)
    with pytest.raises(AssertionError) as raised:
        assert_findings(token, {C.IAT_IN_MILLISECONDS}, exact=True, secret=SENTINEL_SECRET, now=NOW)
    text = str(raised.value)
    assert "was expected to have exactly IAT_IN_MILLISECONDS" in text
    assert "unexpected: EXP_IN_MILLISECONDS" in text
    assert "missing" not in text


def test_assert_findings_exact_ignores_infos() -> None:
    host = sign_meeting_sdk(
        sdk_key=CREDS.key, sdk_secret=SENTINEL_SECRET, meeting_number=MN, role=1, now=NOW
    )
    expired_host = broken("expired", role=1)
    report = assert_findings(expired_host, C.EXPIRED, exact=True, secret=SENTINEL_SECRET, now=NOW)
    assert C.HOST_NEEDS_ZAK in report.codes
    assert_valid_signature(host, secret=SENTINEL_SECRET, now=NOW)


def test_assert_findings_missing_lists_what_was_reported() -> None:
    with pytest.raises(AssertionError) as raised:
        assert_findings(good(), {C.EXPIRED, C.ROLE_MISSING}, secret=SENTINEL_SECRET, now=NOW)
    text = str(raised.value)
    assert "missing: EXPIRED, ROLE_MISSING" in text
    assert "reported: nothing" in text


def test_assert_findings_needs_codes() -> None:
    with pytest.raises(InvalidParameterError) as raised:
        assert_findings(good(), [], now=NOW)
    assert raised.value.parameter == "codes"


# ------------------------------------------------------------- in a real pytest run

SERVICE_TEST = '''
import jwt

from zoomsig.testing import assert_findings, assert_valid_signature
from zoomsig.testing.mistakes import MISTAKES_BY_NAME

SECRET = "{secret}"
NOW = {now}


def service_sign(key, secret, meeting_number, role):
    """A hand-rolled signer with three mistakes: no role, iat and exp in milliseconds."""
    iat = NOW * 1000
    claims = {{"appKey": key, "mn": meeting_number, "iat": iat, "exp": iat + 7200000,
              "tokenExp": iat + 7200000}}
    return jwt.encode(claims, secret, algorithm="HS256")


def test_valid(zoom_meeting_sdk_credentials):
    token = service_sign(zoom_meeting_sdk_credentials.key, SECRET, "{mn}", 0)
    assert_valid_signature(token, secret=SECRET, meeting_number="{mn}", role=0, now=NOW)


def test_findings():
    token = MISTAKES_BY_NAME["expired"].make(
        sdk_key="k" * 22, sdk_secret=SECRET, meeting_number="{mn}", role=0, now=NOW)
    assert_findings(token, ["ROLE_MISSING"], secret=SECRET, now=NOW)


def test_raise_for_errors(zoom_meeting_sdk_credentials):
    from zoomsig import decode_and_validate
    token = service_sign(zoom_meeting_sdk_credentials.key, SECRET, "{mn}", 0)
    decode_and_validate(token, secret=SECRET, now=NOW).raise_for_errors()
'''


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    source = SERVICE_TEST.format(secret=SENTINEL_SECRET, now=NOW, mn=MN)
    pytester.makepyfile(test_service=source.strip())
    return pytester.runpytest("-p", "no:cacheprovider", "-W", "ignore::UserWarning", *args)


def _line(needle: str) -> int:
    """The line of the test module that holds ``needle`` (1-based)."""
    lines = SERVICE_TEST.strip().splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def _section(output: str, name: str) -> str:
    match = re.search(rf"_{{3,}} {name} _{{3,}}\n(.*?)(?=\n_{{3,}} |\n={{3,}} )", output, re.S)
    assert match, f"no failure section for {name}"
    return match.group(1)


@pytest.mark.parametrize("tb", ["auto", "long", "short"])
def test_failure_output_in_pytest(pytester: pytest.Pytester, tb: str) -> None:
    result = _run(pytester, f"--tb={tb}")
    result.assert_outcomes(failed=3)
    output = result.stdout.str()
    assert_no_secret_in(output)
    for private in ("zoomsig/", "zoomsig\\", "zoomsig._", "zoomsig.diagnose"):
        assert private not in output
    # Every source location shown is the test module's.
    assert set(re.findall(r"([\w/.-]+\.py):\d+", output)) == {"test_service.py"}

    valid = _section(output, "test_valid")
    codes = (C.ROLE_MISSING, C.IAT_IN_MILLISECONDS, C.EXP_IN_MILLISECONDS)
    for code in codes:
        assert f"error {code.value}" in valid
        assert f"fix: {CODE_INFO[code].fix}" in valid
    # The failure points at the test's own line, and only at it.
    assert re.findall(r"test_service\.py:(\d+)", valid) == [
        str(_line("assert_valid_signature(token"))
    ]

    findings = _section(output, "test_findings")
    assert "missing: ROLE_MISSING" in findings
    assert "error EXPIRED [exp]" in findings
    assert f"fix: {CODE_INFO[C.EXPIRED].fix}" in findings
    assert re.findall(r"test_service\.py:(\d+)", findings) == [str(_line("assert_findings(token"))]

    raised = _section(output, "test_raise_for_errors")
    assert "zoomsig.InvalidSignatureError: 3 errors: ROLE_MISSING" in raised
    for code in codes:
        assert f"- {code.value}: " in raised
    assert re.findall(r"test_service\.py:(\d+)", raised) == [str(_line(".raise_for_errors()"))]


def test_short_summary_line_names_the_problem(pytester: pytest.Pytester) -> None:
    result = _run(pytester, "-rf")
    result.stdout.fnmatch_lines(
        ["FAILED test_service.py::test_valid - AssertionError: the Meeting SDK*"]
    )


def test_assert_findings_message_as_a_whole() -> None:
    token = broken("expired")
    with pytest.raises(AssertionError) as raised:
        assert_findings(token, {C.ROLE_MISSING, C.EXPIRED}, secret=SENTINEL_SECRET, now=NOW)
    (expired,) = decode_and_validate(token, now=NOW).findings
    assert str(raised.value) == (
        f"the Meeting SDK signature {token[:12]!r}"[:-1] + "…' was expected to have "
        "EXPIRED, ROLE_MISSING\n"
        "missing: ROLE_MISSING\n"
        "reported:\n"
        f"  error EXPIRED [exp]: {expired.message}\n"
        f"    fix: {CODE_INFO[C.EXPIRED].fix}"
    )
