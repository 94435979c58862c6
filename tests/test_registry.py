"""zoomsig._registry: one row per claim and request field, read by every consumer.

The signer, the diagnosis, the endpoint and the FastAPI request model apply the same limit,
counted the same way (UTF-16 code units, as Zoom's JavaScript counts), and report the same
field; the regression tests of issue 18 are named after what went wrong.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET
from mistakes import make_jwt, meeting_claims, video_claims

from zoomsig import (
    InvalidParameterError,
    InvalidWebhookError,
    decode_and_validate,
    sign_video_sdk,
    verify_webhook,
)
from zoomsig._registry import (
    LIFETIME,
    MAX_USER_KEY,
    MEETING_SDK_CLAIMS,
    MILLISECONDS,
    VIDEO_SDK_CLAIMS,
    VIDEO_SDK_REQUEST,
    FieldKind,
    FieldRule,
    request_fields,
    text_length,
    texts,
)
from zoomsig._time import resolve_now
from zoomsig.diagnose._context import Context
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import MEETING_CLAIMS, VIDEO_CLAIMS
from zoomsig.diagnose._rules_join import host_without_zak, join_rules
from zoomsig.diagnose._rules_meeting import meeting_rules
from zoomsig.diagnose.codes import FindingCode
from zoomsig.endpoint import VIDEO_SDK_FIELDS, EndpointResponse, video_sdk_response

C = FindingCode
EMOJI = "\N{PARTY POPPER}"  # one code point, two UTF-16 code units
TEXT_ROWS = texts(VIDEO_SDK_CLAIMS.values())


def _sign(**optional: Any) -> str:
    return sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="Weekly sync", role=0, now=NOW, **optional
    )


def _codes(token: str, **expected: Any) -> set[FindingCode]:
    report = decode_and_validate(token, secret=SDK_SECRET, now=NOW, **expected)
    return set(report.codes)


def _video_request_model() -> Any:
    pytest.importorskip("fastapi")
    from zoomsig.contrib.fastapi import VideoSdkRequest

    return VideoSdkRequest


# ------------------------------------------------------------------ the rows themselves


def test_rows_are_frozen_and_their_codes_exist() -> None:
    row = VIDEO_SDK_CLAIMS["tpc"]
    with pytest.raises(AttributeError):
        row.limit = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        VIDEO_SDK_CLAIMS["tpc"] = row  # type: ignore[index]
    for table in (MEETING_SDK_CLAIMS, VIDEO_SDK_CLAIMS):
        for name, rule in table.items():
            assert rule.claim == name
            assert rule.code is None or rule.code in FindingCode.__members__
            if rule.kind is FieldKind.TEXT:
                assert rule.limit is not None
            if rule.flag is not None:
                assert rule.flag.startswith("--")
    assert LIFETIME.code in FindingCode.__members__


def test_text_length_counts_utf16_code_units() -> None:
    assert text_length("") == 0
    assert text_length("Weekly sync") == 11
    assert text_length("Stra\N{LATIN SMALL LETTER SHARP S}e") == 6
    assert text_length(f"a{EMOJI}") == 3


def test_every_consumer_reads_the_rows() -> None:
    # The endpoint's fields, the FastAPI model's aliases, the diagnosis's known claims and
    # the signer's keywords all come from (or match) the one table.
    assert request_fields(VIDEO_SDK_REQUEST) == VIDEO_SDK_FIELDS
    assert frozenset(VIDEO_SDK_CLAIMS) == VIDEO_CLAIMS
    assert frozenset(MEETING_SDK_CLAIMS) == MEETING_CLAIMS
    keywords = set(inspect.signature(sign_video_sdk).parameters)
    for rule in VIDEO_SDK_CLAIMS.values():
        if rule.parameter not in (None, "now"):
            assert rule.parameter in keywords, rule


def test_cloud_recording_election_is_spelled_once() -> None:
    """Issue 18: the claim was spelled in six modules; every consumer reads its row."""
    rule = VIDEO_SDK_CLAIMS["cloud_recording_election"]
    assert rule == FieldRule(
        "cloud_recording_election",
        "cloud_recording_election",
        "cloudRecordingElection",
        "--cloud-recording-election",
        FieldKind.FLAG,
        code="VIDEO_OPTION_INVALID",
    )
    assert rule.request_field in VIDEO_SDK_FIELDS
    model = _video_request_model()
    aliases = {field.alias or name for name, field in model.model_fields.items()}
    assert aliases == set(VIDEO_SDK_FIELDS)
    assert C.VIDEO_OPTION_INVALID in _codes(
        make_jwt(video_claims(cloud_recording_election=2)), sdk_key=SDK_KEY
    )
    response = video_sdk_response(
        {"sessionName": "s", "role": 0, "cloudRecordingElection": 2},
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
    )
    assert _properties(response) == ["cloudRecordingElection"]


# ------------------------------------------------------------------ defect 1: topic length


def test_topic_ending_in_an_emoji_is_refused_by_signer_diagnosis_and_endpoint_alike() -> None:
    """Issue 18: a 200-character topic ending in an emoji is 201 UTF-16 code units (what
    Zoom's JavaScript counts). It was signed by ``sign_video_sdk``, passed the diagnosis
    and was refused by ``video_sdk_response`` with a 400; now all of them refuse it."""
    topic = "x" * 199 + EMOJI
    assert len(topic) == 200
    assert text_length(topic) == 201

    with pytest.raises(InvalidParameterError) as raised:
        sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=topic, role=0, now=NOW)
    assert raised.value.parameter == "topic"
    assert "got 201" in str(raised.value)
    assert "UTF-16" in str(raised.value)

    report = decode_and_validate(
        make_jwt(video_claims(tpc=topic)), secret=SDK_SECRET, sdk_key=SDK_KEY, now=NOW
    )
    assert C.TOPIC_TOO_LONG in report.codes
    assert "tpc is 201 characters long" in str(report)

    response = video_sdk_response(
        {"sessionName": topic, "role": 0}, sdk_key=SDK_KEY, sdk_secret=SDK_SECRET
    )
    assert response.status == 400
    assert _properties(response) == ["sessionName"]

    from pydantic import ValidationError

    model = _video_request_model()
    with pytest.raises(ValidationError):
        model.model_validate({"sessionName": topic, "role": 0})

    # One code unit less is accepted by all of them.
    fits = "x" * 198 + EMOJI
    token = sign_video_sdk(sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=fits, role=0, now=NOW)
    assert C.TOPIC_TOO_LONG not in _codes(token)
    assert video_sdk_response(
        {"sessionName": fits, "role": 0}, sdk_key=SDK_KEY, sdk_secret=SDK_SECRET
    ).ok
    model.model_validate({"sessionName": fits, "role": 0})


@pytest.mark.parametrize("rule", TEXT_ROWS, ids=lambda rule: rule.claim)
def test_every_text_limit_is_the_same_in_signer_and_diagnosis(rule: FieldRule) -> None:
    assert rule.limit is not None
    assert rule.parameter is not None
    assert rule.claim is not None
    at_limit = "u" * (rule.limit - 1) + "v"
    over = "u" * (rule.limit - 1) + EMOJI  # limit code points, limit + 1 code units
    assert rule.code is not None
    assert FindingCode(rule.code) not in _codes(_sign(**{rule.parameter: at_limit}))
    with pytest.raises(InvalidParameterError) as raised:
        _sign(**{rule.parameter: over})
    assert raised.value.parameter == rule.parameter
    found = _codes(make_jwt(video_claims(**{rule.claim: over})))
    assert FindingCode(rule.code) in found


# ------------------------------------------------------------------ defect 2: user_key


def test_user_key_is_limited_by_its_own_row_in_the_diagnosis() -> None:
    """Issue 18: the diagnosis limited ``user_key`` by ``MAX_SESSION_KEY`` (equal today, by
    chance) and reported it as ``USER_IDENTITY_TOO_LONG``, a code titled "longer than 35
    characters". It now reads ``user_key``'s row, and its message says the limit, 36."""
    assert VIDEO_SDK_CLAIMS["user_key"].limit == MAX_USER_KEY == 36
    token = make_jwt(video_claims(user_key="k" * 37))
    report = decode_and_validate(token, secret=SDK_SECRET, sdk_key=SDK_KEY, now=NOW)
    (finding,) = (f for f in report.findings if f.claim == "user_key")
    assert finding.code is C.USER_IDENTITY_TOO_LONG  # the closest existing code
    assert finding.message.endswith("Zoom allows at most 36")
    with pytest.raises(InvalidParameterError):
        _sign(user_key="k" * 37)
    assert "user_key" not in {f.claim for f in decode_and_validate(
        _sign(user_key="k" * 36), secret=SDK_SECRET, now=NOW
    ).findings}  # fmt: skip


# ------------------------------------------------------------------ defect 3: telemetry


def test_telemetry_tracking_id_over_its_limit_is_refused_everywhere() -> None:
    """Issue 18: ``telemetry_tracking_id`` was limited by ``MAX_TOPIC`` in the signer, by a
    private constant in the endpoint, and not at all in the FastAPI model or the diagnosis."""
    rule = VIDEO_SDK_CLAIMS["telemetry_tracking_id"]
    assert rule.limit == 200
    over = "t" * 201
    with pytest.raises(InvalidParameterError) as raised:
        _sign(telemetry_tracking_id=over)
    assert raised.value.parameter == "telemetry_tracking_id"
    response = video_sdk_response(
        {"sessionName": "s", "role": 0, "telemetryTrackingId": over},
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
    )
    assert _properties(response) == ["telemetryTrackingId"]
    report = decode_and_validate(
        make_jwt(video_claims(telemetry_tracking_id=over)), secret=SDK_SECRET, now=NOW
    )
    assert [f.claim for f in report.errors] == ["telemetry_tracking_id"]
    assert "at most 200" in report.errors[0].message

    from pydantic import ValidationError

    model = _video_request_model()
    with pytest.raises(ValidationError):
        model.model_validate({"sessionName": "s", "role": 0, "telemetryTrackingId": over})
    model.model_validate({"sessionName": "s", "role": 0, "telemetryTrackingId": "t" * 200})


# ------------------------------------------------------------------ defect 5: milliseconds


def test_a_twelve_digit_time_is_milliseconds_for_now_the_claims_and_webhooks() -> None:
    """Issue 18: ``now=`` and webhooks read 10**11 and up as milliseconds, the diagnosis only
    10**12 and up, so 946684800000 (1 January 2000, in ms) was a time in the year 31969."""
    ms = 946684800000
    assert ms >= MILLISECONDS
    with pytest.raises(InvalidParameterError, match="milliseconds"):
        resolve_now(ms)
    token = make_jwt(meeting_claims(iat=ms, exp=ms + 7_200_000, tokenExp=ms + 7_200_000))
    codes = _codes(token)
    assert {C.IAT_IN_MILLISECONDS, C.EXP_IN_MILLISECONDS} <= codes
    assert C.IAT_IN_FUTURE not in codes
    with pytest.raises(InvalidWebhookError) as raised:
        verify_webhook(
            {"x-zm-request-timestamp": str(ms), "x-zm-signature": "v0=" + "0" * 64},
            b"{}",
            secret_token="secret-token-for-tests",
            now=NOW,
        )
    assert raised.value.finding_code is C.WEBHOOK_TIMESTAMP_IN_MILLISECONDS
    # The last time in seconds is still seconds everywhere.
    assert resolve_now(MILLISECONDS - 1) == MILLISECONDS - 1


# ------------------------------------------------------------------ defect 6: sideways imports


def test_the_diagnosis_imports_no_signer_for_zoom_limits() -> None:
    """Issue 18: the Video SDK rules imported Zoom's limits from the ``video_sdk`` signer."""
    code = (
        "import sys\n"
        "import zoomsig.diagnose._rules_video, zoomsig.diagnose._rules_meeting\n"
        "import zoomsig.diagnose._rules_legacy, zoomsig.diagnose._rules_time\n"
        "signers = ('zoomsig.video_sdk', 'zoomsig.meeting_sdk', 'zoomsig.legacy')\n"
        "print(sorted(name for name in signers if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------ add-then-retract


def _context(**join: Any) -> Context:
    return Context(now=NOW, sdk_key=None, meeting_number=None, role=None, topic=None, **join)


def test_host_needs_zak_is_not_added_then_retracted() -> None:
    """Issue 18: the rule added HOST_NEEDS_ZAK and the engine removed it again when a ZAK was
    given or HOST_WITHOUT_ZAK fired. The rule now sees the join options in its Context."""
    host = meeting_claims(role=1)

    def codes(context: Context) -> set[FindingCode]:
        found = Findings()
        meeting_rules(host, context, found)
        return {f.code for f in found}

    assert C.HOST_NEEDS_ZAK in codes(_context())  # nothing said about join(): the reminder
    assert C.HOST_NEEDS_ZAK not in codes(_context(zak="a-zak"))  # answered
    for told in ({"zak": ""}, {"obf_token": "an-obf-token"}):
        context = _context(**told)
        assert host_without_zak(host, context)
        assert C.HOST_NEEDS_ZAK not in codes(context)  # replaced by the sharper finding
        join = Findings()
        join_rules("x.y.z", host, context, join)
        assert C.HOST_WITHOUT_ZAK in {f.code for f in join}
    assert not host_without_zak(meeting_claims(role=0), _context(zak=""))


# ------------------------------------------------------------------ the command line


_CLI_TEXTS = [
    rule
    for rule in VIDEO_SDK_CLAIMS.values()
    if rule.kind is FieldKind.TEXT and rule.flag is not None and not rule.required
]


@pytest.mark.parametrize("rule", _CLI_TEXTS, ids=lambda rule: rule.flag)
def test_sign_video_options_come_from_the_rows_and_name_the_flag(
    rule: FieldRule, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``zoomsig sign video`` has one option per optional row, named by the row's flag, and
    a value over the row's limit (counted as Zoom counts) is refused naming that flag."""
    from zoomsig.cli import main

    monkeypatch.setenv("ZOOM_SDK_KEY", SDK_KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET", SDK_SECRET)
    assert rule.flag is not None
    assert rule.limit is not None
    value = "x" * (rule.limit - 1) + "\U0001f389"  # one character under, one unit over
    code = main(["sign", "video", "--topic", "t", "--role", "0", rule.flag, value])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert rule.flag in err
    assert f"at most {rule.limit}" in err
    assert SDK_SECRET not in out + err
    assert main(["sign", "video", "--topic", "t", "--role", "0", rule.flag, "x"]) == 0
    token = capsys.readouterr().out.strip()
    assert decode_and_validate(token, secret=SDK_SECRET, now=None).claims[rule.claim or ""] == "x"


def _properties(response: EndpointResponse) -> list[object]:
    """The ``property`` of each error of an endpoint's 400."""
    errors = response.to_dict()["errors"]
    assert isinstance(errors, list)
    return [error["property"] for error in errors]
