"""Regression tests for issue 9 (hostile input), one per numbered defect, each reproduced
the way the adversarial review found it.

The redaction rule they check (docs/security.md): no run of 8 or more characters of the
secret appears in any output of the library or of ``zoomsig check``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import sys
from typing import Optional, Union
from urllib.parse import quote

import jwt as pyjwt
import pytest
from _support import NOW, SDK_KEY, SENTINEL_SECRET

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    Report,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)
from zoomsig.cli import main

C = FindingCode
S = SENTINEL_SECRET
MEETING = "85746065432"
HEADER: dict[str, object] = {"alg": "HS256", "typ": "JWT"}
RUN = 8


def claims(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "appKey": SDK_KEY,
        "sdkKey": SDK_KEY,
        "mn": MEETING,
        "role": 0,
        "iat": NOW - 30,
        "exp": NOW + 7170,
        "tokenExp": NOW + 7170,
    }
    base.update(changes)
    return base


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def token(
    payload: Union[dict[str, object], bytes],
    header: Optional[dict[str, object]] = None,
    key: Union[str, bytes] = S,
) -> str:
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    head = b64url(json.dumps(header or HEADER).encode()) + "." + b64url(raw)
    secret = key.encode() if isinstance(key, str) else key
    return head + "." + b64url(hmac.digest(secret, head.encode(), hashlib.sha256))


def runs(secret: str) -> list[str]:
    return [secret[i : i + RUN] for i in range(len(secret) - RUN + 1)]


def assert_no_run(text: str, secret: str = S) -> None:
    for run in runs(secret):
        assert run not in text, f"{run!r} of the secret leaked: {text[:300]!r}"


def outputs(report: Report) -> str:
    """Every text a report gives out."""
    return "\n".join(
        [
            str(report),
            repr(report),
            json.dumps(report.to_dict(), allow_nan=False),
            json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False),
            *(repr(finding) for finding in report.findings),
        ]
    )


def check(value: Union[str, bytes], secret: Optional[str] = S, **kwargs: object) -> Report:
    kwargs.setdefault("now", NOW)
    report = decode_and_validate(value, secret=secret, **kwargs)  # type: ignore[arg-type]
    if secret is not None:
        assert_no_run(outputs(report), secret)
    return report


def cli(
    value: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *options: str,
    secret: str = S,
) -> str:
    """``zoomsig check`` with the secret in ZOOM_SDK_SECRET and the token on stdin, plain and
    --json; returns both outputs (each run must end with a status, not a traceback)."""
    monkeypatch.setenv("ZOOM_SDK_SECRET", secret)
    texts = []
    for extra in ((), ("--json",)):
        monkeypatch.setattr(sys, "stdin", io.StringIO(value))
        code = main(["check", *extra, *options, "--now", str(NOW), "-"])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (code, err[-500:])
        assert "Traceback" not in err
        texts.append(out + err)
    text = "\n".join(texts)
    assert_no_run(text, secret)
    return text


# -- 1. unbounded claim integers --------------------------------------------------------


def test_issue9_1_exp_of_400_negative_digits_does_not_raise_overflow_error() -> None:
    report = check(token(claims(exp=-int("9" * 400))))
    assert C.INTEGER_OUT_OF_RANGE in report.codes
    assert not report.ok
    message = next(f.message for f in report.findings if f.code is C.INTEGER_OUT_OF_RANGE)
    assert "exp is a negative integer of 400 digits" in message  # the sign is not a digit
    assert "9999999999" not in outputs(report)  # shown by digit count, never printed whole


def test_issue9_1_lifetime_over_4300_digits_does_not_hit_the_int_to_str_limit() -> None:
    # exp - iat = 10**4300: 4301 digits, past Python's int-to-str limit.
    payload = json.dumps(claims(iat=-1, tokenExp=0))[:-1] + ', "exp": ' + "9" * 4300 + "}"
    report = check(token(payload.replace('"exp": 1763907170, ', "").encode()))
    assert C.INTEGER_OUT_OF_RANGE in report.codes
    assert report.claims["exp"] == "<an integer of 4300 digits>"


def test_issue9_1_integer_over_python_parse_limit_is_out_of_range_not_invalid_json() -> None:
    payload = json.dumps(claims())[:-1] + ', "big": [' + "7" * 5000 + "]}"
    report = check(token(payload.encode()))
    assert C.PAYLOAD_INVALID not in report.codes
    assert report.claims["big"] == ["<an integer of 5000 digits>"]


@pytest.mark.parametrize("digits", [19, 20])
def test_issue9_1_bound_is_19_digits(digits: int) -> None:
    report = check(token(claims(exp=int("9" * digits), tokenExp=NOW)))
    assert (C.INTEGER_OUT_OF_RANGE in report.codes) is (digits > 19)


def test_issue9_1_zoomsig_check_prints_no_traceback_for_huge_claims(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    value = token(claims(exp=-(10**400), iat=10**300))
    text = cli(value, monkeypatch, capsys)
    assert "INTEGER_OUT_OF_RANGE" in text
    assert "1" + "0" * 30 not in text


# -- 2. the "input contains your secret" guard on every peeled layer ------------------------


@pytest.mark.parametrize(
    "wrapped",
    [
        pytest.param(S[:16] + "\n" + S[16:], id="line-break-inside"),
        pytest.param(S[:10] + "\r\n" + S[10:20] + "\r\n" + S[20:], id="crlf-lines"),
        pytest.param(S[:3] + "".join(f"%{ord(c):02X}" for c in S[3:9]) + S[9:], id="url-escapes"),
        pytest.param(quote(quote(S, safe=""), safe=""), id="url-encoded-twice"),
        pytest.param('"' + "".join(f"\\u{ord(c):04x}" for c in S) + '"', id="json-u-escapes"),
        pytest.param(json.dumps({"signature": S}), id="response-object"),
        pytest.param(json.dumps({"data": {"token": S}}), id="nested-response-object"),
        pytest.param(json.dumps(json.dumps({"signature": S})), id="json-encoded-twice"),
        pytest.param("Bearer " + S, id="bearer"),
        pytest.param("'" + S + "'", id="single-quotes"),
    ],
)
def test_issue9_2_secret_guard_runs_on_every_peeled_layer(wrapped: str) -> None:
    report = check(wrapped)
    assert [f.code for f in report.findings] == [C.MALFORMED]
    assert "contains your secret" in report.findings[0].message
    assert report.signature_verified is False


# -- 3. redaction before cutting, in every escaped form ---------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(claims(mn="meeting-of-user-" + S), id="mn-prefix"),
        pytest.param(claims(appKey="prefix-" + S), id="appkey-prefix"),
        pytest.param({**claims(), "a" * 20 + S: 1}, id="claim-name"),
        pytest.param({**claims(), "x": S[:24]}, id="cut-copy-in-claim"),
        pytest.param(claims(appKey={"nested": ["a" * 30 + S]}), id="nested"),
    ],
)
def test_issue9_3_cut_values_keep_no_run_of_the_secret(payload: dict[str, object]) -> None:
    report = check(token(payload))
    assert not report.ok


def test_issue9_3_secret_with_backslash_and_quote_is_redacted_in_json_escaped_form(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "Ab\\cd\"ef'gh" + S[11:]
    value = token(claims(mn=secret, appKey="k-" + secret), key=secret)
    report = check(value, secret=secret)
    assert C.SECRET_IN_TOKEN in report.codes
    escaped = json.dumps(secret)[1:-1]
    for text in (outputs(report), cli(value, monkeypatch, capsys, secret=secret)):
        for run in runs(escaped) + runs(repr(secret)[1:-1]):
            assert run not in text


def test_issue9_3_zoomsig_check_output_has_no_run_of_the_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    value = token({**claims(mn="meeting-of-user-" + S), "z" * 20 + S: S[:20]})
    cli(value, monkeypatch, capsys, "--meeting", MEETING)


# -- 5. every echoed value is a short prefix, never the secret ------------------------------


SIGNERS = {
    "meeting": lambda **kw: sign_meeting_sdk(
        **{"sdk_key": SDK_KEY, "sdk_secret": S, "meeting_number": MEETING, "role": 0, **kw}
    ),
    "video": lambda **kw: sign_video_sdk(
        **{"sdk_key": SDK_KEY, "sdk_secret": S, "topic": "t", "role": 0, **kw}
    ),
    "legacy": lambda **kw: sign_legacy_web_sdk(
        **{"api_key": SDK_KEY, "api_secret": S, "meeting_number": MEETING, "role": 0, **kw}
    ),
}
PARAMETERS = {
    "meeting": ["meeting_number", "role", "expires_in", "clock_skew", "video_webrtc_mode", "now"],
    "video": ["role", "expires_in", "clock_skew", "geo_regions", "cloud_recording_option", "now"],
    "legacy": ["meeting_number", "role", "now"],
}


@pytest.mark.parametrize(
    ("signer", "parameter"),
    [(signer, parameter) for signer, names in PARAMETERS.items() for parameter in names],
)
@pytest.mark.parametrize(
    "value", [S, "prefix " + S, S.encode(), [S]], ids=["secret", "prefixed", "bytes", "list"]
)
def test_issue9_5_parameter_error_never_prints_the_secret(
    signer: str, parameter: str, value: object
) -> None:
    with pytest.raises(InvalidParameterError) as info:
        SIGNERS[signer](**{parameter: value})
    exc = info.value
    assert exc.parameter == parameter
    for text in (str(exc), repr(exc), exc.reason, *map(repr, exc.args)):
        assert_no_run(text)


@pytest.mark.parametrize("parameter", ["role", "meeting_number", "sdk_key", "topic", "now"])
def test_issue9_5_decode_and_validate_parameter_error_never_prints_the_secret(
    parameter: str,
) -> None:
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate("x.y.z", secret=S, **{parameter: [S]})  # type: ignore[arg-type]
    assert_no_run(str(info.value) + repr(info.value))
    if parameter in ("role", "now"):
        with pytest.raises(InvalidParameterError) as info:
            decode_and_validate("x.y.z", secret=S, **{parameter: S})  # type: ignore[arg-type]
        assert_no_run(str(info.value) + repr(info.value))


# -- 6. legacy field boundaries ----------------------------------------------------------


def _legacy_fields(value: str) -> list[str]:
    return base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_").decode().split(".")


def _legacy(fields: list[str]) -> str:
    return base64.b64encode(".".join(fields).encode()).decode()


def test_issue9_6_recut_legacy_signature_naming_another_meeting_is_not_ok() -> None:
    original = sign_legacy_web_sdk(
        api_key="demoApiKey12", api_secret=S, meeting_number="123456789", role=0, now=NOW
    )
    key, mn, ts, role, digest = _legacy_fields(original)
    recut = _legacy([key, mn + ts[0], ts[1:], role, digest])  # meeting 1234567891
    report = check(recut)
    assert report.signature_verified is True  # the HMAC cannot tell
    assert C.LEGACY_FIELDS_INVALID in report.codes  # but a 12-digit timestamp can
    assert not report.ok
    # Moving a key character into the meeting number keeps every shape valid: only the
    # caller's meeting number can tell, and then it is an error.
    shifted = _legacy([key[:-1], key[-1] + mn, ts, role, digest])
    assert check(shifted).signature_verified is True
    report = check(shifted, meeting_number="123456789")
    assert C.MEETING_NUMBER_MISMATCH in report.codes
    assert not report.ok
    legacy_format = next(f for f in report.findings if f.code is C.LEGACY_FORMAT)
    assert "cannot bind its fields" in legacy_format.message


@pytest.mark.parametrize(
    ("mn", "ts"),
    [("12345678", "1763899970000"), ("1234567890123", "1763899970000"), (MEETING, "17638999700")],
)
def test_issue9_6_legacy_field_shapes_are_checked(mn: str, ts: str) -> None:
    message = "".join(["demoApiKey12", mn, ts, "0"]).encode()
    mac = base64.b64encode(hmac.digest(S.encode(), base64.b64encode(message), "sha256")).decode()
    report = check(_legacy(["demoApiKey12", mn, ts, "0", mac]))
    assert C.LEGACY_FIELDS_INVALID in report.codes
    assert report.signature_verified is True


# -- 7. non-string keys ------------------------------------------------------------------


@pytest.mark.parametrize("key", [True, 12345, [SDK_KEY], {"id": SDK_KEY}, None, 10**30])
@pytest.mark.parametrize("kind", ["meeting", "video"])
def test_issue9_7_non_string_key_is_an_error(key: object, kind: str) -> None:
    if kind == "meeting":
        payload = claims(appKey=key, sdkKey=key)
    else:
        payload = {
            "app_key": key,
            "tpc": "t",
            "role_type": 0,
            "version": 1,
            "iat": NOW - 30,
            "exp": NOW + 7170,
        }
    report = check(token(payload))
    assert C.APP_KEY_NOT_STRING in report.codes
    assert not report.ok


# -- 8. invisible characters -------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\u200d", "\u200c", "\ufeff"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_issue9_8_invisible_character_around_a_token_is_an_error(char: str, where: str) -> None:
    valid = token(claims())
    report = check(char + valid if where == "before" else valid + char)
    assert C.INVISIBLE_CHARACTERS in report.codes
    assert not report.ok
    message = next(f.message for f in report.findings if f.code is C.INVISIBLE_CHARACTERS)
    assert f"U+{ord(char):04X}" in message


def test_issue9_8_plain_whitespace_is_still_only_a_warning() -> None:
    report = check(" " + token(claims()) + "\n")
    assert report.codes == {C.SURROUNDING_WHITESPACE}
    assert report.ok


# -- 9. smaller ones ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        {**HEADER, "crit": ["exp"]},
        {**HEADER, "crit": ["b64"], "b64": False},
        {**HEADER, "b64": False},
    ],
    ids=["crit", "crit-b64", "b64-false"],
)
def test_issue9_9_header_crit_or_b64_false_is_reported_like_pyjwt_refuses_it(
    header: dict[str, object],
) -> None:
    value = token(claims(), header=header)
    with pytest.raises(pyjwt.InvalidTokenError):
        pyjwt.decode(value, S, algorithms=["HS256"])
    report = check(value)
    assert C.HEADER_UNSUPPORTED in report.codes
    assert not report.ok


@pytest.mark.parametrize("signer", ["meeting", "legacy"])
def test_issue9_9_huge_meeting_number_is_an_invalid_parameter_error(signer: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        SIGNERS[signer](meeting_number=10**5000)
    assert info.value.parameter == "meeting_number"
    assert "5001 digits" in str(info.value)
    with pytest.raises(InvalidParameterError, match="5001 digits"):
        decode_and_validate("x.y.z", meeting_number=10**5000)


@pytest.mark.parametrize("signer", ["meeting", "video"])
def test_issue9_9_huge_expires_in_is_an_invalid_parameter_error(signer: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        SIGNERS[signer](expires_in=10**5000)
    assert info.value.parameter == "expires_in"
    assert "5001 digits" in str(info.value)


@pytest.mark.parametrize("now", [10**5000, -(10**30)], ids=["5001-digits", "negative-31-digits"])
def test_issue9_9_huge_now_is_an_invalid_parameter_error(now: int) -> None:
    with pytest.raises(InvalidParameterError, match="digits") as info:
        decode_and_validate("x.y.z", now=now)
    assert info.value.parameter == "now"
    with pytest.raises(InvalidParameterError, match="digits"):
        SIGNERS["meeting"](now=now)


@pytest.mark.parametrize("secret", ["a", "ab", "abc", " abc\n"])
def test_issue9_9_secret_under_4_characters_is_refused(secret: str) -> None:
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate(token(claims(), key=secret), secret=secret, now=NOW)
    assert info.value.parameter == "secret"
    assert repr(secret.strip()) not in str(info.value)


def test_issue9_9_secret_of_4_characters_is_checked_with_a_warning() -> None:
    report = check(token(claims(), key="abcd"), secret="abcd")
    assert report.signature_verified is True
    assert C.SECRET_TOO_SHORT in report.codes


# -- diagnosis gaps of the same kind ---------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "code"),
    [
        ("iat", C.IAT_NOT_INTEGER),
        ("exp", C.EXP_NOT_INTEGER),
        ("role", C.ROLE_NOT_INTEGER),
        ("tokenExp", C.TOKEN_EXP_NOT_INTEGER),
        ("mn", C.MEETING_NUMBER_INVALID),
    ],
)
def test_issue9_null_claim_is_not_an_integer_probably_nan(claim: str, code: FindingCode) -> None:
    report = check(token(claims(**{claim: None})))
    assert code in report.codes
    assert not {C.IAT_MISSING, C.EXP_MISSING, C.ROLE_MISSING, C.MEETING_NUMBER_MISSING} & (
        report.codes
    )
    message = next(f.message for f in report.findings if f.code is code)
    assert "NaN" in message


def test_issue9_parseint_of_spaced_meeting_number_is_invalid_and_another_meeting() -> None:
    report = check(token(claims(mn=880)), meeting_number=88049499009)
    assert {C.MEETING_NUMBER_INVALID, C.MEETING_NUMBER_MISMATCH} <= report.codes


def test_issue9_spaced_meeting_number_is_invalid_but_the_same_meeting() -> None:
    report = check(token(claims(mn="880 4949 9009")), meeting_number=88049499009)
    assert C.MEETING_NUMBER_INVALID in report.codes
    assert C.MEETING_NUMBER_MISMATCH not in report.codes


def test_issue9_null_role_is_compared_with_the_expected_role() -> None:
    report = check(token(claims(role=None)), role=1)
    assert {C.ROLE_NOT_INTEGER, C.ROLE_MISMATCH} <= report.codes


def test_issue9_string_role_of_the_expected_value_is_not_a_mismatch() -> None:
    report = check(token(claims(role="1")), role=1)
    assert C.ROLE_NOT_INTEGER in report.codes
    assert C.ROLE_MISMATCH not in report.codes


@pytest.mark.parametrize(
    ("signed_with", "checked_with"),
    [
        (S + "\r", S),
        (S + "\t", S),
        (S + "\u00a0", S),
        ("\ufeff" + S, S),
        ("\ufeff" + S + "\r\n", S),
        (S, S + "\r"),
        (S, "\ufeff" + S),
        (S, S + "\u00a0"),
    ],
    ids=["cr", "tab", "nbsp", "bom", "bom-crlf", "checked-cr", "checked-bom", "checked-nbsp"],
)
def test_issue9_every_whitespace_form_around_the_secret(
    signed_with: str, checked_with: str
) -> None:
    report = check(token(claims(), key=signed_with), secret=checked_with)
    assert C.SECRET_HAS_WHITESPACE in report.codes
    assert C.SIGNATURE_MISMATCH not in report.codes
