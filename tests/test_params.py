"""zoomsig._params: the argument checks shared by the signers."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from _support import SENTINEL_SECRET, assert_no_secret

from zoomsig import CredentialType, InvalidParameterError, Role, UnsupportedCredentialError
from zoomsig._params import (
    MEETING_NUMBER_DIGITS,
    check_clock_skew,
    check_credential,
    check_flag,
    check_key,
    check_lifetime,
    check_meeting_number,
    check_role,
    check_secret,
    check_text,
)
from zoomsig._secrecy import describe
from zoomsig._time import resolve_now

LONE_SURROGATE = "abc\ud800def"


def _raises(func: object, *args: object, **kwargs: object) -> InvalidParameterError:
    with pytest.raises(InvalidParameterError) as info:
        func(*args, **kwargs)  # type: ignore[operator]
    return info.value


# --- describe (zoomsig._errors) ---


def test_describe_short_value() -> None:
    assert describe("12-34") == "'12-34' (str)"
    assert describe(2) == "2 (int)"


def test_describe_cuts_long_values() -> None:
    """At most 7 characters of a value: never a run of 8 of a secret passed by mistake."""
    text = describe("x" * 100)
    assert text == "'xxxxxxx…' (str), 100 characters long"
    assert "x" * 8 not in text


# --- keys and secrets -------------------------------------------------------------------


@pytest.mark.parametrize("check", [check_key, check_secret])
@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param(None, "got NoneType", id="none"),
        pytest.param(SENTINEL_SECRET.encode(), "got bytes", id="bytes"),
        pytest.param(12345, "got int", id="int"),
        pytest.param("", "empty", id="empty"),
        pytest.param(SENTINEL_SECRET + "\n", "whitespace", id="trailing-newline"),
        pytest.param(" " + SENTINEL_SECRET, "whitespace", id="leading-space"),
        pytest.param(SENTINEL_SECRET + "\r\n", "whitespace", id="crlf"),
        pytest.param("\t", "whitespace", id="only-whitespace"),
        pytest.param(SENTINEL_SECRET + "\u00a0", "whitespace", id="trailing-nbsp"),
        pytest.param(SENTINEL_SECRET + LONE_SURROGATE, "Unicode", id="lone-surrogate"),
    ],
)
def test_key_and_secret_rejections(check: object, value: object, needle: str) -> None:
    exc = _raises(check, value, "the_parameter")
    assert exc.parameter == "the_parameter"
    assert str(exc).startswith("the_parameter: ")
    assert needle in str(exc)
    assert_no_secret(exc)


def test_key_is_returned_unchanged() -> None:
    assert check_key("Client ID 1", "sdk_key") == "Client ID 1"


def test_secret_is_returned_as_utf8_bytes() -> None:
    assert check_secret("sécret", "sdk_secret") == "sécret".encode()
    assert check_secret(SENTINEL_SECRET, "sdk_secret") == SENTINEL_SECRET.encode("ascii")


def test_whitespace_inside_a_key_is_fine() -> None:
    assert check_key("a b", "sdk_key") == "a b"


# --- credential types -------------------------------------------------------------------

MEETING = (CredentialType.MEETING_SDK, CredentialType.GENERAL_APP)


@pytest.mark.parametrize("value", [CredentialType.GENERAL_APP, "GENERAL_APP", "MEETING_SDK"])
def test_check_credential_accepts_members_and_values(value: object) -> None:
    assert check_credential(value, "credential_type", MEETING, "Meeting SDK signature") in MEETING
    assert isinstance(check_credential(value, "c", MEETING, "x"), CredentialType)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("meeting_sdk", id="lower-case"),
        pytest.param("S2S", id="nickname"),
        pytest.param(None, id="none"),
        pytest.param(0, id="int"),
        pytest.param(["MEETING_SDK"], id="list"),
        pytest.param(Role.HOST, id="other-enum"),
    ],
)
def test_check_credential_unknown(value: object) -> None:
    exc = _raises(check_credential, value, "credential_type", MEETING, "Meeting SDK signature")
    assert type(exc) is InvalidParameterError
    assert exc.parameter == "credential_type"
    for member in CredentialType:
        assert f"CredentialType.{member.name}" in str(exc)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (CredentialType.SERVER_TO_SERVER_OAUTH, "REST API"),
        (CredentialType.OAUTH, "GENERAL_APP"),
        (CredentialType.JWT_APP, "legacy"),
        (CredentialType.VIDEO_SDK, "Video SDK"),
    ],
)
def test_check_credential_unsupported(value: CredentialType, needle: str) -> None:
    with pytest.raises(UnsupportedCredentialError) as info:
        check_credential(value, "credential_type", MEETING, "Meeting SDK signature")
    message = str(info.value)
    assert info.value.parameter == "credential_type"
    assert needle in message
    assert "Meeting SDK signature" in message
    assert "CredentialType.MEETING_SDK or CredentialType.GENERAL_APP" in message


@pytest.mark.parametrize("value", [CredentialType.MEETING_SDK, CredentialType.GENERAL_APP])
def test_check_credential_has_help_for_meeting_credentials_elsewhere(value: CredentialType) -> None:
    with pytest.raises(UnsupportedCredentialError) as info:
        check_credential(value, "credential_type", (CredentialType.VIDEO_SDK,), "Video SDK token")
    assert "sign_meeting_sdk" in str(info.value)
    assert "CredentialType.VIDEO_SDK" in str(info.value)


# --- role -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, Role.PARTICIPANT), (1, Role.HOST), (Role.HOST, Role.HOST), (Role.PARTICIPANT, Role(0))],
)
def test_check_role_accepts(value: object, expected: Role) -> None:
    result = check_role(value)
    assert result is expected
    assert type(result) is Role


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param("1", "int()", id="str-one"),
        pytest.param(" 0", "int()", id="str-zero-padded"),
        pytest.param("host", "got 'host' (str)", id="str-word"),
        pytest.param(True, "a bool is not a role", id="bool-true"),
        pytest.param(False, "a bool is not a role", id="bool-false"),
        pytest.param(2, "got 2 (int)", id="two"),
        pytest.param(5, "got 5 (int)", id="webinar-internal-five"),
        pytest.param(-1, "got -1 (int)", id="minus-one"),
        pytest.param(1.0, "got 1.0 (float)", id="float"),
        pytest.param(None, "got None", id="none"),
    ],
)
def test_check_role_rejects(value: object, needle: str) -> None:
    exc = _raises(check_role, value)
    assert exc.parameter == "role"
    assert "Role.PARTICIPANT (0) or Role.HOST (1)" in str(exc)
    assert needle in str(exc)


def test_check_role_no_hint_for_other_types() -> None:
    assert ";" not in str(_raises(check_role, 2))
    assert ";" not in str(_raises(check_role, "2"))


def test_check_role_parameter_name() -> None:
    assert _raises(check_role, 3, "role_type").parameter == "role_type"


# --- meeting number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (123456789, "123456789"),
        ("123456789", "123456789"),
        (85746065432, "85746065432"),
        ("012345678", "012345678"),
        (999_999_999_999, "999999999999"),
    ],
)
def test_check_meeting_number_accepts(value: object, expected: str) -> None:
    assert check_meeting_number(value) == expected


def test_meeting_number_lengths() -> None:
    assert list(MEETING_NUMBER_DIGITS) == [9, 10, 11, 12]


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param("978-759-818", "pass '978759818' here and to join()", id="dashes"),
        pytest.param("978 759 818", "pass '978759818' here and to join()", id="spaces"),
        pytest.param(" 978759818", "pass '978759818'", id="leading-space"),
        pytest.param("857-4606-5432", "pass '85746065432'", id="eleven-digits-dashed"),
        pytest.param("12-34", "digits only", id="too-few-digits-dashed"),
        pytest.param("85746o65432", "digits only", id="letter-o"),
        pytest.param("٣٣٣٣٣٣٣٣٣", "digits only", id="arabic-indic-digits"),
        pytest.param(
            "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
            "digits only",
            id="fullwidth-digits",
        ),
        pytest.param("", "digits only", id="empty"),
        pytest.param("12345678", "9 to 12 digits, got 8", id="too-short"),
        pytest.param(12345678, "9 to 12 digits, got 8", id="too-short-int"),
        pytest.param("1234567890123", "9 to 12 digits, got 13", id="too-long"),
        pytest.param(True, "(bool)", id="bool"),
        pytest.param(857460654.0, "(float)", id="float"),
        pytest.param(None, "(NoneType)", id="none"),
        pytest.param(b"857460654", "(bytes)", id="bytes"),
    ],
)
def test_check_meeting_number_rejects(value: object, needle: str) -> None:
    exc = _raises(check_meeting_number, value)
    assert exc.parameter == "meeting_number"
    assert needle in str(exc)


@pytest.mark.parametrize("value", ["85746o65432", "٣٣٣٣٣٣٣٣٣", "12-34", "9787-59818x"])
def test_no_digits_suggestion_unless_only_separators(value: str) -> None:
    assert "pass" not in str(_raises(check_meeting_number, value))


# --- lifetime, clock skew, flags --------------------------------------------------------


@pytest.mark.parametrize("value", [1800, 7200, 172800])
def test_check_lifetime_accepts(value: int) -> None:
    assert check_lifetime(value) == value


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        pytest.param(1799, "got 1799", id="one-under-30-minutes"),
        pytest.param(172801, "got 172801", id="one-over-48-hours"),
        pytest.param(0, "got 0", id="zero"),
        pytest.param(-7200, "got -7200", id="negative"),
        pytest.param(7200 * 1000, "got 7200000", id="milliseconds"),
        pytest.param(7200.0, "(float)", id="float"),
        pytest.param(True, "(bool)", id="bool"),
        pytest.param("7200", "(str)", id="str"),
        pytest.param(None, "(NoneType)", id="none"),
    ],
)
def test_check_lifetime_rejects(value: object, needle: str) -> None:
    exc = _raises(check_lifetime, value)
    assert exc.parameter == "expires_in"
    assert needle in str(exc)


@pytest.mark.parametrize("value", [0, 30, 300])
def test_check_clock_skew_accepts(value: int) -> None:
    assert check_clock_skew(value) == value


@pytest.mark.parametrize("value", [-1, 301, 30.0, True, False, "30", None])
def test_check_clock_skew_rejects(value: object) -> None:
    exc = _raises(check_clock_skew, value)
    assert exc.parameter == "clock_skew"
    assert "0 to 300" in str(exc)


@pytest.mark.parametrize("value", [None, 0, 1])
def test_check_flag_accepts(value: object) -> None:
    assert check_flag(value, "video_webrtc_mode") == value


@pytest.mark.parametrize("value", [2, -1, True, False, 1.0, "1"])
def test_check_flag_rejects(value: object) -> None:
    exc = _raises(check_flag, value, "audio_webrtc_mode")
    assert exc.parameter == "audio_webrtc_mode"
    assert "None, 0 or 1" in str(exc)


# --- text -------------------------------------------------------------------------------


def test_check_text_accepts() -> None:
    assert check_text(None, "user_identity", 35) is None
    assert check_text("x" * 35, "user_identity", 35) == "x" * 35
    assert check_text("é" * 35, "user_identity", 35) == "é" * 35  # characters, not bytes
    assert check_text(" padded ", "topic", 200, required=True) == " padded "


@pytest.mark.parametrize(
    ("value", "required", "needle"),
    [
        pytest.param(None, True, "got None", id="required-none"),
        pytest.param("", True, "must not be empty", id="required-empty"),
        pytest.param("", False, "pass None to leave it out", id="optional-empty"),
        pytest.param("x" * 36, False, "at most 35 characters, got 36", id="too-long"),
        pytest.param(42, False, "got 42 (int)", id="int"),
        pytest.param(LONE_SURROGATE, False, "Unicode", id="lone-surrogate"),
    ],
)
def test_check_text_rejects(value: object, required: bool, needle: str) -> None:
    exc = _raises(check_text, value, "user_identity", 35, required=required)
    assert exc.parameter == "user_identity"
    assert needle in str(exc)


def test_required_empty_text_does_not_suggest_none() -> None:
    assert "None" not in str(_raises(check_text, "", "topic", 200, required=True))


def test_describe_huge_int_does_not_hit_the_int_to_str_limit() -> None:
    # repr() of an int over 4300 digits raises ValueError; an error message must not.
    assert describe(10**5000) == "an int of 5001 digits"
    assert describe(-(10**5000)) == "a negative int of 5001 digits"


class _Seconds(int):
    """A subclass of int, such as an IntEnum of the caller's own."""


def test_int_subclasses_pass_the_slow_path_as_before() -> None:
    # The checks try the common exact types first; other ints still take the full checks
    # and are accepted as they were (a regression test for the fast paths).
    assert check_role(_Seconds(1)) is Role.HOST
    assert check_lifetime(_Seconds(7200)) == 7200
    assert check_clock_skew(_Seconds(30)) == 30
    assert resolve_now(_Seconds(1763900000)) == 1763900000.0
    assert check_meeting_number(_Seconds(85746065432)) == "85746065432"
    with pytest.raises(InvalidParameterError, match=r"^expires_in: "):
        check_lifetime(_Seconds(60))


def test_an_aware_datetime_before_1970_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match=r"^now: 1969-12-31T23:59:59\+00:00 is before"):
        resolve_now(datetime(1969, 12, 31, 23, 59, 59, tzinfo=timezone.utc))
