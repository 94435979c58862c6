"""Regressions of the secret rules, met the way a user meets them (public API and CLI only).

Regression tests for issue 18 (item 2: the 7-character rule, four redactions of four
strengths, secret stripping that disagreed between modules) and issue 23 (secrets that are
not valid Unicode, unbounded work on long secret-like arguments, the webhook diagnosis'
weaker redaction).
"""

from __future__ import annotations

import io
import json
import sys
from typing import Callable
from urllib.parse import quote

import pytest
from _cli import clean_environment
from _support import NOW, SDK_KEY, SENTINEL_SECRET

from zoomsig import (
    FindingCode,
    InvalidParameterError,
    decode_and_validate,
    diagnose_webhook,
    explain_error,
    sign_meeting_sdk,
    sign_rtms_handshake,
    sign_video_sdk,
    sign_webhook,
    url_validation_response,
    verify_webhook,
)

C = FindingCode
MN = "85746065432"
BODY = b'{"event":"meeting.started","payload":{"account_id":"a"},"event_ts":1763900000000}'


def windows(secret: str, run: int = 8) -> list[str]:
    return [secret[i : i + run] for i in range(len(secret) - run + 1)]


def assert_no_run(text: str, secret: str) -> None:
    leaked = [w for w in windows(secret) if w in text]
    assert not leaked, f"{len(leaked)} runs of 8 characters of the value in the output"


BOM, NBSP = "\ufeff", "\u00a0"
MAX_SECRET_LENGTH = 8192


# --- defect 1: the 7-character rule ----------------------------------------------------


@pytest.mark.parametrize(
    "argument", ["Zx9SecretValue0123456789", " Zx9SecretValue0123456789 ", "3712Zx9Secret0123"]
)
def test_explain_error_quotes_no_run_of_8_characters_of_its_argument(argument: str) -> None:
    # Text is looked up as a Zoom error name or message; no match is an unknown answer.
    entry = explain_error(argument)
    assert entry.known is False
    assert_no_run(str(entry.to_dict()) + repr(entry), argument.strip())


@pytest.mark.parametrize(
    "code", [10**5000, -(10**5000), "9" * 5000], ids=["int", "negative", "str"]
)
def test_explain_error_of_a_huge_number_is_an_invalid_parameter_not_a_value_error(
    code: object,
) -> None:
    with pytest.raises(InvalidParameterError) as info:
        explain_error(code)  # type: ignore[arg-type]
    assert info.value.parameter == "code"
    assert len(str(info.value)) < 120


# --- defect 2: four redactions of four strengths ---------------------------------------

URL_SECRET = "Zx9+SecretValue/0123456789abcdefgh"  # a secret with characters URLs escape


def test_assert_valid_signature_does_not_preview_a_url_escaped_secret() -> None:
    from zoomsig.testing import assert_valid_signature

    leaked = quote(URL_SECRET, safe="")  # the service returned its secret, URL-encoded
    with pytest.raises(AssertionError) as info:
        assert_valid_signature(leaked, secret=URL_SECRET, now=NOW)
    assert_no_run(str(info.value), leaked)
    assert "(not shown: it holds part of the secret)" in str(info.value)


def test_zoomsig_check_does_not_preview_a_url_escaped_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from zoomsig.cli import main

    clean_environment(monkeypatch)
    monkeypatch.setenv("ZOOM_SDK_SECRET", URL_SECRET)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    leaked = quote(URL_SECRET, safe="")
    main(["check", leaked, "--now", str(NOW)])
    printed = capsys.readouterr()
    assert_no_run(printed.out + printed.err, leaked)


def test_diagnose_webhook_does_not_print_a_digit_token_pasted_as_the_timestamp() -> None:
    token = "98765432109876543210"  # an all-digit secret token, pasted into the header
    headers = {"x-zm-request-timestamp": token, "x-zm-signature": "v0=" + "0" * 64}
    report = diagnose_webhook(headers, BODY, secret_token=token, now=NOW)
    assert C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS in report.codes
    assert_no_run(str(report) + repr(report) + json.dumps(report.to_dict()), token)


def test_diagnose_webhook_redacts_an_escaped_secret_token() -> None:
    token = "Zx9+Tok/en5+Val/ue01+2"  # every raw run of 8 is broken by an escape
    event = json.dumps({"event": "leak " + quote(token, safe=""), "payload": {}}).encode()
    report = diagnose_webhook(
        sign_webhook(event, secret_token=token, timestamp=NOW), event, secret_token=token, now=NOW
    )
    assert_no_run(str(report) + json.dumps(report.to_dict()), quote(token, safe=""))


# --- defect 3: secret stripping that disagreed between modules -------------------------


@pytest.mark.parametrize("padded", [BOM + SENTINEL_SECRET, SENTINEL_SECRET + BOM])
def test_signers_refuse_a_secret_with_a_byte_order_mark_as_they_refuse_whitespace(
    padded: str,
) -> None:
    # decode_and_validate names the BOM as a mistake (SECRET_HAS_WHITESPACE): the signers
    # made such tokens silently, while they refused the same secret with a newline.
    signers: tuple[Callable[[], str], ...] = (
        lambda: sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=padded, meeting_number=MN, role=0, now=NOW
        ),
        lambda: sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=padded, topic="t", role=0, now=NOW),
    )
    for sign in signers:
        with pytest.raises(InvalidParameterError) as info:
            sign()
        assert info.value.parameter == "sdk_secret"
        assert "byte-order mark" in info.value.reason
        assert_no_run(repr(info.value), SENTINEL_SECRET)


@pytest.mark.parametrize("padded", [BOM + SENTINEL_SECRET, SENTINEL_SECRET + NBSP + BOM])
def test_verify_webhook_refuses_a_secret_token_with_a_byte_order_mark(padded: str) -> None:
    headers = sign_webhook(BODY, secret_token=SENTINEL_SECRET, timestamp=NOW)
    with pytest.raises(InvalidParameterError) as info:
        verify_webhook(headers, BODY, secret_token=padded, now=NOW)
    assert info.value.parameter == "secret_token"


def test_diagnose_webhook_names_a_byte_order_mark_on_the_secret_token() -> None:
    headers = sign_webhook(BODY, secret_token=SENTINEL_SECRET, timestamp=NOW)
    report = diagnose_webhook(headers, BODY, secret_token=BOM + SENTINEL_SECRET, now=NOW)
    assert report.codes == {C.WEBHOOK_SECRET_HAS_WHITESPACE}
    assert "matches once it is stripped" in report.findings[0].message


# --- issue 23: secrets that are not valid Unicode --------------------------------------

BROKEN = "SENTINEL-s3cret\udcff-NEVER-PRINT-0042"  # a non-UTF-8 byte under surrogateescape
HEADERS = {"x-zm-request-timestamp": str(NOW), "x-zm-signature": "v0=" + "0" * 64}
RTMS = {"client_id": "demoClientId123", "client_secret": SENTINEL_SECRET}
RTMS_IDS = {"meeting_uuid": "4444AAAiAAAAAiAAAAAiAA==", "rtms_stream_id": "609340fb8d5a"}
CALLS: dict[str, tuple[str, Callable[[], object]]] = {
    "verify_webhook": (
        "secret_token",
        lambda: verify_webhook(HEADERS, BODY, secret_token=BROKEN, now=NOW),
    ),
    "url_validation_response": (
        "secret_token",
        lambda: url_validation_response(
            {"event": "endpoint.url_validation", "payload": {"plainToken": "x"}},
            secret_token=BROKEN,
        ),
    ),
    "sign_webhook": (
        "secret_token",
        lambda: sign_webhook(BODY, secret_token=BROKEN, timestamp=NOW),
    ),
    "diagnose_webhook": (
        "secret_token",
        lambda: diagnose_webhook(HEADERS, BODY, secret_token=BROKEN, now=NOW),
    ),
    "diagnose_webhook verification_token": (
        "verification_token",
        lambda: diagnose_webhook(
            HEADERS, BODY, secret_token="t0ken-abc", verification_token=BROKEN, now=NOW
        ),
    ),
    "sign_rtms_handshake": (
        "client_secret",
        lambda: sign_rtms_handshake(**{**RTMS, "client_secret": BROKEN}, **RTMS_IDS),
    ),
    "sign_rtms_handshake meeting_uuid": (
        "meeting_uuid",
        lambda: sign_rtms_handshake(**RTMS, meeting_uuid="m\udcff", rtms_stream_id="r"),
    ),
    "decode_and_validate secret": (
        "secret",
        lambda: decode_and_validate("x", secret=BROKEN, now=NOW),
    ),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_secret_that_is_not_valid_unicode_is_an_invalid_parameter_not_a_unicode_error(
    name: str,
) -> None:
    parameter, call = CALLS[name]
    with pytest.raises(InvalidParameterError) as info:
        call()
    assert info.value.parameter == parameter
    assert info.value.__context__ is None
    assert info.value.__cause__ is None
    shown = repr(info.value) + repr(info.value.args)
    assert "\udcff" not in shown
    assert_no_run(shown, BROKEN)


@pytest.mark.parametrize("parameter", ["zak", "obf_token"])
def test_a_join_token_that_is_not_valid_unicode_is_an_invalid_parameter(parameter: str) -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, meeting_number=MN, role=0, now=NOW
    )
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate(token, now=NOW, **{parameter: BROKEN})  # type: ignore[arg-type]
    assert info.value.parameter == parameter
    assert info.value.__context__ is None


# --- issue 23: length first ------------------------------------------------------------

LONG = "a" * (MAX_SECRET_LENGTH * 16)


@pytest.mark.parametrize(
    ("parameter", "call"),
    [
        ("secret", lambda: decode_and_validate("x", secret=LONG, now=NOW)),
        ("secret", lambda: decode_and_validate("x", secret=LONG.encode(), now=NOW)),
        ("other_secrets", lambda: decode_and_validate("x", other_secrets={"old": LONG}, now=NOW)),
        ("secret_token", lambda: verify_webhook(HEADERS, BODY, secret_token=LONG, now=NOW)),
        ("secret_token", lambda: diagnose_webhook(HEADERS, BODY, secret_token=LONG, now=NOW)),
    ],
)
def test_an_oversized_secret_is_refused_before_any_work(
    parameter: str, call: Callable[[], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_patterns(*args: object, **kwargs: object) -> None:
        raise AssertionError("redaction patterns built from an oversized secret")

    monkeypatch.setattr("zoomsig._secrecy.Redactor.__init__", no_patterns)
    with pytest.raises(InvalidParameterError) as info:
        call()
    assert info.value.parameter == parameter
    assert "refused unread" in info.value.reason


@pytest.mark.parametrize("parameter", ["zak", "obf_token"])
def test_an_oversized_join_token_is_refused_before_any_work(
    parameter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_patterns(*args: object, **kwargs: object) -> None:
        raise AssertionError("redaction patterns built from an oversized token")

    monkeypatch.setattr("zoomsig._secrecy.Redactor.__init__", no_patterns)
    with pytest.raises(InvalidParameterError) as info:
        decode_and_validate("x", now=NOW, **{parameter: LONG})  # type: ignore[arg-type]
    assert info.value.parameter == parameter
