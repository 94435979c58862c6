"""zoomsig.errors_explained: Zoom's join error codes, checked against the SDK bundles' maps."""

from __future__ import annotations

import json

import pytest

from zoomsig import ERROR_CODES, ErrorExplanation, FindingCode, InvalidParameterError, explain_error
from zoomsig.errors_explained import _COMPONENT_VIEW, _MEETING_WEB, _VIDEO_SDK

# The codes the issue and the 6.2.0 / 2.5.0 bundles name for signature, credential, ZAK and
# OBF failures: each must have an entry.
REQUIRED = {
    200, 3010, 3265, 3623, 3636, 3704, 3705, 3706, 3707, 3708, 3709, 3710, 3711, 3712, 3713,
    4003, 4011, 4012, 4013, 4014, 4015, 4016, 4017, 4018, 4019, 5013, 10000,
}  # fmt: skip


def test_every_required_code_has_an_entry() -> None:
    assert set(ERROR_CODES) >= REQUIRED


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_entries_are_complete(code: int) -> None:
    entry = ERROR_CODES[code]
    assert entry.code == code
    assert entry.known
    assert entry.meaning
    assert entry.fix
    assert entry.source
    assert entry.causes
    assert all(entry.causes)
    assert entry.products
    assert set(entry.products) <= {_MEETING_WEB, _COMPONENT_VIEW, _VIDEO_SDK}
    assert all(isinstance(c, FindingCode) for c in entry.finding_codes)
    assert len(set(entry.finding_codes)) == len(entry.finding_codes)


def test_the_table_is_read_only_and_sorted() -> None:
    assert list(ERROR_CODES) == sorted(ERROR_CODES)
    with pytest.raises(TypeError):
        ERROR_CODES[1] = ERROR_CODES[3712]  # type: ignore[index]


def test_explanations_are_frozen() -> None:
    with pytest.raises(AttributeError):
        ERROR_CODES[3712].code = 1  # type: ignore[misc]


@pytest.mark.parametrize("given", [3712, "3712", " 3712\n"])
def test_explain_error_accepts_an_int_or_digits(given: object) -> None:
    assert explain_error(given) is ERROR_CODES[3712]  # type: ignore[arg-type]


def test_3712_points_at_the_hmac_findings_first() -> None:
    entry = explain_error(3712)
    assert entry.meaning == "Signature is invalid."
    assert entry.finding_codes[:2] == (
        FindingCode.SIGNATURE_MISMATCH,
        FindingCode.SIGNED_WITH_OTHER_SECRET,
    )


def test_3636_is_the_zak_and_obf_finding() -> None:
    assert explain_error(3636).finding_codes == (FindingCode.ZAK_AND_OBF_TOKEN,)


def test_4016_is_the_recording_token_not_the_obf_token() -> None:
    # The issue guessed 4016 belonged to the OBF family; the bundle maps it to the
    # recording (privilege) token.
    assert "recording" in explain_error(4016).meaning.lower()


@pytest.mark.parametrize("given", [1234, "99999", 5, -3712])
def test_an_unknown_code_is_an_answer_not_an_exception(given: object) -> None:
    entry = explain_error(given)  # type: ignore[arg-type]
    assert isinstance(entry, ErrorExplanation)
    assert entry.known is False
    assert str(entry.code) in entry.meaning
    assert entry.causes == ()
    assert entry.finding_codes == ()
    assert entry.fix


@pytest.mark.parametrize("given", ["abc", "37 12", "3712a", "٣٧١٢"])
def test_text_that_is_no_name_or_message_is_an_unknown_answer(given: str) -> None:
    entry = explain_error(given)
    assert entry.known is False
    assert given not in entry.meaning


@pytest.mark.parametrize("given", ["", "  ", True, 37.12, None])
def test_a_non_number_names_the_parameter(given: object) -> None:
    with pytest.raises(InvalidParameterError) as info:
        explain_error(given)  # type: ignore[arg-type]
    assert info.value.parameter == "code"


def test_a_long_non_number_is_not_echoed() -> None:
    sentinel = "S3cr3tS3ntinel" * 30
    entry = explain_error(sentinel)
    assert entry.known is False
    assert "S3cr3t" not in str(entry.to_dict())


def test_to_dict_is_json_ready_and_complete() -> None:
    data = explain_error(4011).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "code", "known", "meaning", "causes", "fix", "finding_codes", "products", "source",
        "platform", "name", "messages",
    }  # fmt: skip
    assert data["code"] == 4011
    assert data["known"] is True
    unknown = explain_error(1234).to_dict()
    assert unknown["known"] is False
    assert unknown["causes"] == []


def test_explain_3610_said_no_token_causes_it() -> None:
    # c361e58 had no entry for 3610, although the 6.2.0 bundle maps server errno 124
    # "Token has expired." to it (tests/vectors/meetingsdk_6.2.0_error_map.json).
    entry = explain_error(3610)
    assert entry.known
    assert FindingCode.EXPIRED in entry.finding_codes


def test_explain_1_named_no_finding_for_a_signature_the_client_view_cannot_read() -> None:
    # Found by tests/e2e: the 6.2.0 client view shows 1 'Fail to join the meeting.' in the
    # browser for a token with a line break in it.
    codes = explain_error(1).finding_codes
    assert FindingCode.LINE_BREAKS in codes
    assert FindingCode.URL_ENCODED in codes


def test_explain_4003_named_no_finding_for_a_meeting_number_with_spaces() -> None:
    # Found by tests/e2e: the client view refuses join(meetingNumber="857 4606 5432") with
    # 4003 'meetingNumber length > 12'; decode_and_validate says MEETING_NUMBER_MISMATCH.
    assert FindingCode.MEETING_NUMBER_MISMATCH in explain_error(4003).finding_codes


def test_4017_advice_was_to_wait_and_retry_without_a_limit() -> None:
    """explain_error(4017) said "wait and retry", and the native code pointed to a recipe
    that did not exist; every retry emails the host. Both now give the documented policy:
    join on a sign, else at most 3 retries with a fresh token, and where it is written."""
    from pathlib import Path

    web = explain_error(4017)
    native = explain_error("MEETING_FAIL_AUTHORIZED_USER_NOT_INMEETING")
    assert (native.platform, native.code) == ("native", 501)
    for entry in (web, native):
        assert "Do not retry in a loop" in entry.fix
        assert "notifies (emails) the meeting's host" in entry.fix
        assert "at most 3 times, 60 s, 120 s and 240 s" in entry.fix
        assert "fresh OBF token (single-use)" in entry.fix
        assert "'Retrying an OBF join (4017)'" in entry.fix
    assert "MEETING_STATUS_ENDED" in native.fix  # the false "meeting ended" after 501
    page = (Path(__file__).resolve().parent.parent / "docs" / "credentials.md").read_text(
        encoding="utf-8"
    )
    assert "\n## Retrying an OBF join (4017)\n" in page
    assert "notifies the host" not in explain_error(4014).fix  # only where a retry helps
    assert "not in a loop" in explain_error(4019).fix
