"""zoomsig.endpoint: the framework-free signature endpoint.

Table-driven over the corpus that was sent to Zoom's official samples
(``tests/endpoint_corpus.py``; the samples' answers are recorded in
``tests/vectors/official-endpoints.json`` by ``scripts/parity_official_endpoints.py``).
Where zoomsig differs on purpose, the corpus says how and why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import jwt
import pytest
from _support import SENTINEL_SECRET
from endpoint_corpus import CASES, DIFFERENCES, KEY, SECRET, Case
from hypothesis import given, settings
from hypothesis import strategies as st

from zoomsig import InvalidParameterError, Role, decode_and_validate
from zoomsig.endpoint import (
    MAX_BODY_SIZE,
    MEETING_SDK_FIELDS,
    VIDEO_SDK_FIELDS,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    check_meeting_sdk_credentials,
    check_video_sdk_credentials,
    is_json_content_type,
    meeting_sdk_response,
    too_large_response,
    video_sdk_response,
)

OFFICIAL: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors" / "official-endpoints.json").read_text("utf-8")
)
BOTH_ROLES = {Role.PARTICIPANT, Role.HOST}
MEETING = "85746065432"
NOW = 1763900000


def _respond(case: Case) -> EndpointResponse:
    if case.sdk == "meeting":
        return meeting_sdk_response(
            case.body,
            sdk_key=KEY,
            sdk_secret=SECRET,
            # As the parity run: the sample's claims, sdkKey included (not the default).
            policy=MeetingSdkPolicy(roles=BOTH_ROLES, include_sdk_key=True),
            content_type=case.content_type or "",
        )
    return video_sdk_response(
        case.body,
        sdk_key=KEY,
        sdk_secret=SECRET,
        policy=VideoSdkPolicy(roles=BOTH_ROLES),
        content_type=case.content_type or "",
    )


def _claims(signature: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(
        signature, SECRET, algorithms=["HS256"], options={"verify_exp": False}
    )
    claims["lifetime"] = claims.pop("exp") - claims.pop("iat")
    if "tokenExp" in claims:
        claims["tokenExp"] = "present"
    return claims


def _properties(response: EndpointResponse) -> list[str]:
    errors = response.to_dict().get("errors", [])
    assert isinstance(errors, list)
    return sorted({e["property"] for e in errors})


def test_corpus_is_the_recorded_one() -> None:
    assert len(CASES) >= 60
    assert sorted(OFFICIAL) == sorted(case.name for case in CASES)
    assert set(DIFFERENCES) <= set(OFFICIAL)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_answers_as_the_official_sample_or_as_documented(case: Case) -> None:
    official = OFFICIAL[case.name]
    response = _respond(case)
    difference = DIFFERENCES.get(case.name)
    if difference is not None and not difference.claims_only:
        assert response.status == difference.status
        assert _properties(response) == list(difference.properties or ())
        assert (official["status"], official["properties"]) != (
            response.status,
            _properties(response) or None,
        )
        return
    assert response.status == official["status"]
    if response.status == 200:
        body = response.to_dict()
        assert sorted(body) == official["keys"]
        claims = {"header": {"alg": "HS256", "typ": "JWT"}, **_claims(str(body["signature"]))}
        if difference is not None:  # claims_only: mn as a string where the sample sent a number
            assert claims != official["claims"]
            assert claims["mn"] == str(int(official["claims"]["mn"]))
            claims["mn"] = official["claims"]["mn"]
        assert claims == official["claims"]
    elif official["properties"] is not None:
        assert _properties(response) == official["properties"]
    else:  # the sample answered with Express's HTML error page
        assert _properties(response) == ["$body"]


def test_every_field_error_is_reported_at_once() -> None:
    response = meeting_sdk_response(
        {"meetingNumber": "x", "role": "host", "expirationSeconds": 5, "videoWebRtcMode": 3},
        sdk_key=KEY,
        sdk_secret=SECRET,
    )
    assert response.status == 400
    errors = response.to_dict()["errors"]
    assert isinstance(errors, list)
    assert [e["property"] for e in errors] == [
        "meetingNumber",
        "role",
        "expirationSeconds",
        "videoWebRtcMode",
    ]
    assert all(set(e) == {"property", "reason"} and e["reason"] for e in errors)


def test_fields_are_exactly_the_official_samples() -> None:
    assert set(MEETING_SDK_FIELDS) == {
        "meetingNumber",
        "role",
        "expirationSeconds",
        "videoWebRtcMode",
    }
    # The sample's 12, and cloudRecordingTranscriptOption from Zoom's 2026 auth page.
    assert len(VIDEO_SDK_FIELDS) == 13
    assert "audioCompatibleMode" in VIDEO_SDK_FIELDS
    assert VIDEO_SDK_FIELDS[-1] == "cloudRecordingTranscriptOption"


def test_signature_passes_zoomsigs_own_diagnosis() -> None:
    response = meeting_sdk_response(
        {"meetingNumber": MEETING, "role": "0"}, sdk_key=KEY, sdk_secret=SECRET, now=NOW
    )
    assert response.ok
    assert response.body["sdkKey"] == KEY
    decode_and_validate(
        str(response.body["signature"]),
        secret=SECRET,
        sdk_key=KEY,
        meeting_number=MEETING,
        role=0,
        now=NOW,
    ).raise_for_errors()


def test_response_is_frozen_and_json_ready() -> None:
    response = meeting_sdk_response(b"[", sdk_key=KEY, sdk_secret=SECRET)
    with pytest.raises(AttributeError):
        response.status = 200  # type: ignore[misc]
    with pytest.raises(TypeError):
        response.body["errors"] = []  # type: ignore[index]
    assert json.loads(response.to_json()) == response.to_dict()
    copy = response.to_dict()
    copy["errors"] = []
    assert response.to_dict()["errors"]


# Policy: the secure default


def test_default_policy_refuses_host() -> None:
    response = meeting_sdk_response(
        {"meetingNumber": MEETING, "role": 1}, sdk_key=KEY, sdk_secret=SECRET
    )
    assert response.status == 403
    assert _properties(response) == ["role"]
    video = video_sdk_response({"sessionName": "s", "role": 1}, sdk_key=KEY, sdk_secret=SECRET)
    assert video.status == 403
    assert _properties(video) == ["role"]


def test_policy_can_allow_host() -> None:
    response = meeting_sdk_response(
        {"meetingNumber": MEETING, "role": 1},
        sdk_key=KEY,
        sdk_secret=SECRET,
        policy=MeetingSdkPolicy(roles=[0, 1]),
    )
    assert response.ok
    assert _claims(str(response.body["signature"]))["role"] == 1


def test_policy_restricts_meetings_and_then_refuses_native_tokens() -> None:
    policy = MeetingSdkPolicy(meeting_numbers=[MEETING])
    allowed = meeting_sdk_response(
        {"meetingNumber": MEETING, "role": 0}, sdk_key=KEY, sdk_secret=SECRET, policy=policy
    )
    assert allowed.ok
    for body in ({"meetingNumber": "123456789", "role": 0}, {}):
        refused = meeting_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET, policy=policy)
        assert refused.status == 403
        assert _properties(refused) == ["meetingNumber"]


def test_policy_can_refuse_native_tokens() -> None:
    refused = meeting_sdk_response(
        {}, sdk_key=KEY, sdk_secret=SECRET, policy=MeetingSdkPolicy(allow_native=False)
    )
    assert refused.status == 403


def test_policy_pins_the_lifetime_and_refuses_another() -> None:
    policy = MeetingSdkPolicy(expires_in=3600)
    pinned = meeting_sdk_response({}, sdk_key=KEY, sdk_secret=SECRET, policy=policy)
    assert _claims(str(pinned.body["signature"]))["lifetime"] == 3600
    same = meeting_sdk_response(
        {"expirationSeconds": "3600"}, sdk_key=KEY, sdk_secret=SECRET, policy=policy
    )
    assert same.ok
    other = meeting_sdk_response(
        {"expirationSeconds": 7200}, sdk_key=KEY, sdk_secret=SECRET, policy=policy
    )
    assert other.status == 403
    assert _properties(other) == ["expirationSeconds"]
    video = video_sdk_response(
        {"sessionName": "s", "role": 0, "expirationSeconds": 7200},
        sdk_key=KEY,
        sdk_secret=SECRET,
        policy=VideoSdkPolicy(expires_in=3600),
    )
    assert video.status == 403


def test_policy_restricts_session_names_ignoring_case() -> None:
    policy = VideoSdkPolicy(session_names=["Team-Standup"])
    for name in ("team-standup", "TEAM-STANDUP"):
        ok = video_sdk_response(
            {"sessionName": name, "role": 0}, sdk_key=KEY, sdk_secret=SECRET, policy=policy
        )
        assert ok.ok
    refused = video_sdk_response(
        {"sessionName": "other", "role": 0}, sdk_key=KEY, sdk_secret=SECRET, policy=policy
    )
    assert refused.status == 403
    assert _properties(refused) == ["sessionName"]


def test_policy_arguments_are_checked() -> None:
    with pytest.raises(InvalidParameterError) as caught:
        MeetingSdkPolicy(roles=[2])
    assert caught.value.parameter == "roles"
    with pytest.raises(InvalidParameterError) as caught:
        MeetingSdkPolicy(meeting_numbers="85746065432")
    assert caught.value.parameter == "meeting_numbers"
    with pytest.raises(InvalidParameterError) as caught:
        VideoSdkPolicy(session_names="team")
    assert caught.value.parameter == "session_names"
    with pytest.raises(InvalidParameterError) as caught:
        MeetingSdkPolicy(expires_in=60)
    assert caught.value.parameter == "expires_in"
    with pytest.raises(InvalidParameterError):
        VideoSdkPolicy(expires_in=10**6)


def test_field_errors_come_before_policy() -> None:
    response = meeting_sdk_response(
        {"meetingNumber": MEETING, "role": 1, "expirationSeconds": 5},
        sdk_key=KEY,
        sdk_secret=SECRET,
    )
    assert response.status == 400
    assert _properties(response) == ["expirationSeconds"]


# Body, content type and size


def test_example_body_caps_413_past_max_body_size() -> None:
    """Issue 9, item 5: a 400 MiB body got a 400 MiB 400-response; now 413, small."""
    body = json.dumps({"meetingNumber": MEETING, "role": 0, "x": "y" * MAX_BODY_SIZE}).encode()
    response = meeting_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET)
    assert response.status == 413
    assert len(response.to_json()) < 200
    assert too_large_response() == response
    just_under = meeting_sdk_response(
        body[: MAX_BODY_SIZE - 2] + b'"}', sdk_key=KEY, sdk_secret=SECRET
    )
    assert just_under.status != 413
    small_cap = video_sdk_response(b"{}", sdk_key=KEY, sdk_secret=SECRET, max_body_size=1)
    assert small_cap.status == 413


@pytest.mark.parametrize("depth", [1000, 5000])
def test_json_nested_1000_deep_is_a_400_not_a_500(depth: int) -> None:
    """Issue 9, item 9: the Flask recipe answered 500 (RecursionError) to deep JSON."""
    body = b"[" * depth + b"]" * depth
    response = meeting_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET)
    assert response.status == 400
    assert _properties(response) == ["$body"]
    decoded_elsewhere = video_sdk_response([[]], sdk_key=KEY, sdk_secret=SECRET)
    assert decoded_elsewhere.status == 400


@pytest.mark.parametrize(
    ("content_type", "json_ok"),
    [
        ("application/json", True),
        ("application/json; charset=utf-8", True),
        ("Application/JSON", True),
        ("text/plain", False),
        ("application/x-www-form-urlencoded", False),
        ("multipart/form-data; boundary=x", False),
        ("", False),
        (None, False),
    ],
)
def test_content_type(content_type: Any, json_ok: bool) -> None:
    assert is_json_content_type(content_type) is json_ok
    if content_type is not None:
        response = meeting_sdk_response(
            b"{}", sdk_key=KEY, sdk_secret=SECRET, content_type=content_type
        )
        assert (response.status == 415) is not json_ok


def test_decoded_bodies_are_accepted() -> None:
    assert meeting_sdk_response(
        {"meetingNumber": MEETING, "role": 0}, sdk_key=KEY, sdk_secret=SECRET
    ).ok
    assert meeting_sdk_response(bytearray(b"{}"), sdk_key=KEY, sdk_secret=SECRET).ok
    assert meeting_sdk_response(memoryview(b"{}"), sdk_key=KEY, sdk_secret=SECRET).ok
    body: object
    for body in (None, "{}", 1, [{}]):
        assert meeting_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET).status == 400


def test_non_string_keys_of_a_decoded_body_are_ignored() -> None:
    assert meeting_sdk_response({1: "x"}, sdk_key=KEY, sdk_secret=SECRET).ok


# The server's own configuration


@pytest.mark.parametrize(
    ("key", "secret"),
    [("", SENTINEL_SECRET), (KEY, ""), (KEY, SENTINEL_SECRET + "\n"), (" k", SENTINEL_SECRET)],
)
def test_server_configuration_error_is_a_500_and_never_a_400_to_the_client(
    key: str, secret: str
) -> None:
    """Issue 9, item 9: the Flask recipe returned the server's own error as a 400."""
    for response in (
        meeting_sdk_response({}, sdk_key=key, sdk_secret=secret),
        video_sdk_response({"sessionName": "s", "role": 0}, sdk_key=key, sdk_secret=secret),
    ):
        assert response.status == 500
        assert response.to_dict() == {
            "errors": [
                {
                    "property": "$server",
                    "reason": "the server's Zoom SDK credentials are missing or invalid",
                }
            ]
        }


@pytest.mark.parametrize(
    ("key", "secret", "parameter"),
    [
        ("", SENTINEL_SECRET, "sdk_key"),
        (KEY, "", "sdk_secret"),
        (KEY, SENTINEL_SECRET + "\r\n", "sdk_secret"),
        (KEY, 42, "sdk_secret"),
    ],
)
def test_start_up_check_names_the_setting_and_never_the_secret(
    key: Any, secret: Any, parameter: str
) -> None:
    for check in (check_meeting_sdk_credentials, check_video_sdk_credentials):
        with pytest.raises(InvalidParameterError) as caught:
            check(sdk_key=key, sdk_secret=secret)
        assert caught.value.parameter == parameter
        assert SENTINEL_SECRET[:8] not in str(caught.value)


def test_start_up_check_refuses_credentials_that_cannot_sign() -> None:
    from zoomsig import CredentialType, UnsupportedCredentialError

    with pytest.raises(UnsupportedCredentialError):
        check_meeting_sdk_credentials(
            sdk_key=KEY,
            sdk_secret=SECRET,
            credential_type=CredentialType.SERVER_TO_SERVER_OAUTH,
        )
    check_meeting_sdk_credentials(sdk_key=KEY, sdk_secret=SECRET)
    check_video_sdk_credentials(sdk_key=KEY, sdk_secret=SECRET)


# No secret in any response, for any input

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.just(SENTINEL_SECRET)
    | st.just(MEETING),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_fields = st.sampled_from(sorted(set(MEETING_SDK_FIELDS) | set(VIDEO_SDK_FIELDS)))


@settings(max_examples=150, deadline=None)
@given(
    body=st.dictionaries(_fields, _values, max_size=6)
    | st.binary(max_size=200).map(lambda raw: SENTINEL_SECRET.encode() + raw),
    video=st.booleans(),
)
def test_no_secret_in_any_response(body: Any, video: bool) -> None:
    respond = video_sdk_response if video else meeting_sdk_response
    response = respond(
        body, sdk_key=KEY, sdk_secret=SENTINEL_SECRET, policy=None, content_type="application/json"
    )
    text = response.to_json() + repr(response)
    for start in range(len(SENTINEL_SECRET) - 7):
        assert SENTINEL_SECRET[start : start + 8] not in text
    assert response.status in (200, 400, 403)


def test_lone_surrogate_in_a_text_field_is_a_400() -> None:
    response = video_sdk_response(
        b'{"sessionName": "a\\ud800b", "role": 0}', sdk_key=KEY, sdk_secret=SECRET
    )
    assert response.status == 400
    assert _properties(response) == ["sessionName"]


def test_a_signer_rule_the_endpoint_does_not_know_still_names_the_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zoomsig.endpoint

    def refuse(**kwargs: object) -> str:
        raise InvalidParameterError("topic", "a rule added to the signer later")

    monkeypatch.setattr(zoomsig.endpoint, "sign_video_sdk", refuse)
    response = video_sdk_response({"sessionName": "s", "role": 0}, sdk_key=KEY, sdk_secret=SECRET)
    assert response.status == 400
    assert _properties(response) == ["sessionName"]


def test_importing_zoomsig_imports_no_framework() -> None:
    import subprocess
    import sys

    code = (
        "import sys, zoomsig, zoomsig.endpoint, zoomsig.contrib\n"
        "frameworks = {'django', 'flask', 'fastapi', 'starlette', 'pydantic', 'werkzeug'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & frameworks))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_repr_never_shows_the_whole_token() -> None:
    response = meeting_sdk_response({}, sdk_key=KEY, sdk_secret=SECRET)
    signature = str(response.body["signature"])
    assert signature not in repr(response)
    assert repr(response).startswith("EndpointResponse(status=200, body={'signature': 'eyJ")


def test_docs_parity_table_lists_every_request_and_every_difference_with_its_reason() -> None:
    text = (Path(__file__).parent.parent / "docs" / "endpoint.md").read_text("utf-8")
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith(("| meeting: ", "| video: "))
    ]
    assert [row[0] for row in rows] == [case.name for case in CASES]
    for name, official, ours, verdict, why in rows:
        difference = DIFFERENCES.get(name)
        recorded = OFFICIAL[name]
        assert official.split()[0] == str(recorded["status"])
        if difference is None:
            assert (verdict, why) == ("same", "")
            # Where the sample answered Express's HTML error page, zoomsig names $body.
            assert ours in (official, f"{official} $body")
        else:
            assert (verdict, why) == ("**differs**", difference.reason)
            assert ours.split()[0] == str(difference.status)


def _nested_body(depth: int) -> bytes:
    return (
        b'{"meetingNumber":"85746065432","role":0,"x":'
        + b"[" * (depth - 1)
        + b"]" * (depth - 1)
        + b',"y":"[[[[{{{{"}'
    )


def test_json_nesting_is_bounded_the_same_on_every_python() -> None:
    """Python 3.12's parser reads 1,000 levels where 3.11's stopped: the bound is zoomsig's."""
    from zoomsig.endpoint import MAX_JSON_DEPTH, meeting_sdk_response

    def respond(depth: int) -> EndpointResponse:
        return meeting_sdk_response(
            _nested_body(depth),
            sdk_key="k" * 22,
            sdk_secret="s" * 32,
            content_type="application/json",
        )

    deepest_allowed = respond(MAX_JSON_DEPTH)
    assert deepest_allowed.status == 200, deepest_allowed.body
    too_deep = respond(MAX_JSON_DEPTH + 1)
    assert too_deep.status == 400
    errors = too_deep.body["errors"]
    assert isinstance(errors, (list, tuple))
    assert [dict(error) for error in errors] == [
        {"property": "$body", "reason": f"the body nests deeper than {MAX_JSON_DEPTH} levels"}
    ]


# --- sdkKey in the signature (issue 21) ------------------------------------------------------


def test_endpoint_signature_makes_component_view_warn_sdk_key_deprecated() -> None:
    """The 6.2.0 component view logs "The sdkKey will be deprecated in the signature" for
    every signature carrying sdkKey, and both views read the key from appKey when it is
    there: the endpoint's Web SDK signatures leave sdkKey out by default."""
    body = {"meetingNumber": MEETING, "role": 0}
    web = meeting_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET, now=NOW)
    claims = jwt.decode(str(web.body["signature"]), options={"verify_signature": False})
    assert "sdkKey" not in claims
    assert claims["appKey"] == KEY
    assert web.body["sdkKey"] == KEY  # the response field the sample sends stays
    assert decode_and_validate(str(web.body["signature"]), secret=SECRET, now=NOW).ok
    native = meeting_sdk_response({}, sdk_key=KEY, sdk_secret=SECRET, now=NOW)
    native_claims = jwt.decode(str(native.body["signature"]), options={"verify_signature": False})
    assert native_claims["sdkKey"] == KEY  # native SDKs: the sample's shape


@pytest.mark.parametrize(
    ("argument", "policy", "expected"),
    [
        (True, None, True),
        (False, MeetingSdkPolicy(include_sdk_key=True), False),
        (None, MeetingSdkPolicy(include_sdk_key=True), True),
        (None, MeetingSdkPolicy(include_sdk_key=False), False),
    ],
)
def test_include_sdk_key_argument_overrides_the_policy(
    argument: Optional[bool], policy: Optional[MeetingSdkPolicy], expected: bool
) -> None:
    for body in ({"meetingNumber": MEETING, "role": 0}, {}):
        response = meeting_sdk_response(
            body, sdk_key=KEY, sdk_secret=SECRET, now=NOW, policy=policy,
            include_sdk_key=argument,
        )  # fmt: skip
        claims = jwt.decode(str(response.body["signature"]), options={"verify_signature": False})
        assert ("sdkKey" in claims) is expected


def test_include_sdk_key_must_be_a_bool() -> None:
    with pytest.raises(InvalidParameterError, match="include_sdk_key"):
        MeetingSdkPolicy(include_sdk_key="no")  # type: ignore[arg-type]
