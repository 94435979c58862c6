"""sign_video_sdk: claims, order, optional claims, accepted inputs and every refusal."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import jwt
import pytest
from _support import (
    NOW,
    SDK_KEY,
    SDK_SECRET,
    SENTINEL_SECRET,
    assert_rejected,
    b64url_to_bytes,
    jwt_parts,
    pyjwt_decode,
)
from mistakes import TOPIC as MISTAKES_TOPIC
from mistakes import video_claims

from zoomsig import (
    CredentialType,
    FindingCode,
    InvalidParameterError,
    Role,
    UnsupportedCredentialError,
    _time,
    decode_and_validate,
    sign_video_sdk,
)
from zoomsig.endpoint import video_sdk_response

TOPIC = "Weekly sync"
BASE_ORDER = ["app_key", "role_type", "tpc", "version", "iat", "exp"]
OPTIONAL_ORDER = [
    "user_identity",
    "session_key",
    "geo_regions",
    "cloud_recording_option",
    "cloud_recording_election",
    "telemetry_tracking_id",
    "video_webrtc_mode",
    "audio_webrtc_mode",
]
ALL_REGIONS = ["AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US"]
# One accepted value per optional argument, and the claim it must produce.
OPTIONAL_VALUES: dict[str, tuple[object, object]] = {
    "user_identity": ("user-42", "user-42"),
    "session_key": ("sk-1", "sk-1"),
    "geo_regions": (["US", "DE"], "US,DE"),
    "cloud_recording_option": (1, 1),
    "cloud_recording_election": (0, 0),
    "telemetry_tracking_id": ("trace-7", "trace-7"),
    "video_webrtc_mode": (1, 1),
    "audio_webrtc_mode": (0, 0),
}


def video(**overrides: Any) -> str:
    kwargs: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": SDK_SECRET,
        "topic": TOPIC,
        "role": Role.HOST,
        "now": NOW,
    }
    kwargs.update(overrides)
    return sign_video_sdk(**kwargs)


def claims_of(token: str) -> dict[str, Any]:
    return jwt_parts(token)[1]


# --- shape ------------------------------------------------------------------------------


def test_header_is_exactly_zooms() -> None:
    assert jwt_parts(video())[0] == b'{"alg":"HS256","typ":"JWT"}'


def test_required_claims_in_the_official_order() -> None:
    claims = claims_of(video())
    assert list(claims) == BASE_ORDER
    assert claims["app_key"] == SDK_KEY
    assert claims["role_type"] == 1
    assert type(claims["role_type"]) is int
    assert claims["tpc"] == TOPIC
    assert claims["version"] == 1
    assert type(claims["version"]) is int


def test_every_optional_claim_in_the_official_order() -> None:
    token = video(**{name: value for name, (value, _) in OPTIONAL_VALUES.items()})
    claims = claims_of(token)
    assert list(claims) == BASE_ORDER + OPTIONAL_ORDER
    for name, (_, claim) in OPTIONAL_VALUES.items():
        assert claims[name] == claim


@pytest.mark.parametrize("name", OPTIONAL_ORDER)
def test_each_optional_claim_alone(name: str) -> None:
    value, claim = OPTIONAL_VALUES[name]
    claims = claims_of(video(**{name: value}))
    assert list(claims) == [*BASE_ORDER, name]
    assert claims[name] == claim


@pytest.mark.parametrize("name", OPTIONAL_ORDER)
def test_none_leaves_an_optional_claim_out(name: str) -> None:
    assert video(**{name: None}) == video()


def test_optional_claims_keep_order_whatever_the_argument_order() -> None:
    later_first = {name: OPTIONAL_VALUES[name][0] for name in reversed(OPTIONAL_ORDER[::2])}
    assert list(claims_of(video(**later_first))) == BASE_ORDER + OPTIONAL_ORDER[::2]


def test_regions_are_comma_joined_in_the_given_order() -> None:
    assert claims_of(video(geo_regions=["DE", "US"]))["geo_regions"] == "DE,US"
    assert claims_of(video(geo_regions=("US",)))["geo_regions"] == "US"
    assert claims_of(video(geo_regions=ALL_REGIONS))["geo_regions"] == ",".join(ALL_REGIONS)


def test_topic_kept_as_given() -> None:
    # Zoom compares topics ignoring case, but the token carries the caller's text.
    assert claims_of(video(topic="Mixed Case Room"))["tpc"] == "Mixed Case Room"


# --- limits that are accepted -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("topic", "t" * 200),
        ("topic", "会" * 200),
        ("topic", "x"),
        ("user_identity", "u" * 35),
        ("session_key", "s" * 36),
        ("telemetry_tracking_id", "i" * 200),
    ],
    ids=["topic-200", "topic-200-cjk", "topic-1", "identity-35", "session-key-36", "tracking-200"],
)
def test_longest_accepted_texts(name: str, value: str) -> None:
    token = video(**{name: value})
    claim = "tpc" if name == "topic" else name
    assert claims_of(token)[claim] == value
    assert pyjwt_decode(token, SDK_SECRET)[claim] == value


def test_non_ascii_topic_is_utf8_and_verifies() -> None:
    topic = "Équipe \u2013 週次 🎥"
    token = video(topic=topic, sdk_secret=SENTINEL_SECRET)
    assert f'"tpc":"{topic}"'.encode() in b64url_to_bytes(token.split(".")[1])
    assert pyjwt_decode(token, SENTINEL_SECRET)["tpc"] == topic


# --- PyJWT agrees -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PARTICIPANT, Role.HOST])
@pytest.mark.parametrize("with_optional", [False, True])
def test_pyjwt_verifies_and_reads_the_same_claims(role: Role, with_optional: bool) -> None:
    extra = {n: v for n, (v, _) in OPTIONAL_VALUES.items()} if with_optional else {}
    token = video(role=role, sdk_secret=SENTINEL_SECRET, **extra)
    assert pyjwt_decode(token, SENTINEL_SECRET) == claims_of(token)
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    # Same claims in the same order through PyJWT's encoder: the same bytes.
    assert jwt.encode(claims_of(token), SENTINEL_SECRET, algorithm="HS256") == token


def test_pyjwt_rejects_another_secret() -> None:
    with pytest.raises(jwt.InvalidSignatureError):
        pyjwt_decode(video(), SENTINEL_SECRET)


def test_pyjwt_full_validation_with_the_real_clock() -> None:
    token = video(now=None)
    claims = pyjwt_decode(
        token, SDK_SECRET, verify_exp=True, verify_iat=True, require=["iat", "exp"]
    )
    assert claims["tpc"] == TOPIC


# --- time -------------------------------------------------------------------------------


def test_default_clock_skew_backdates_iat_by_30_seconds() -> None:
    claims = claims_of(video())
    assert claims["iat"] == NOW - 30
    assert claims["exp"] == NOW - 30 + 7200
    assert "tokenExp" not in claims


@pytest.mark.parametrize("skew", [0, 300])
@pytest.mark.parametrize("expires_in", [1800, 172800])
def test_iat_and_exp(skew: int, expires_in: int) -> None:
    claims = claims_of(video(clock_skew=skew, expires_in=expires_in))
    assert (claims["iat"], claims["exp"]) == (NOW - skew, NOW - skew + expires_in)


def test_float_now_is_floored() -> None:
    assert video(now=NOW + 0.999) == video(now=NOW)


@pytest.mark.parametrize("hours", [0, 5, -8])
def test_aware_datetime_equals_unix_time(hours: int) -> None:
    aware = datetime.fromtimestamp(NOW, tz=timezone(timedelta(hours=hours)))
    assert video(now=aware) == video(now=NOW)


def test_now_none_reads_the_clock_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[None] = []

    def fake_time() -> float:
        calls.append(None)
        return float(NOW)

    monkeypatch.setattr(_time, "time", SimpleNamespace(time=fake_time))
    assert video(now=None) == video(now=NOW)
    assert len(calls) == 1


# --- accepted inputs --------------------------------------------------------------------


@pytest.mark.parametrize(("member", "value"), [(Role.PARTICIPANT, 0), (Role.HOST, 1)])
def test_role_enum_and_int_identical(member: Role, value: int) -> None:
    assert video(role=member) == video(role=value)
    assert claims_of(video(role=value))["role_type"] == value


@pytest.mark.parametrize("credential", [CredentialType.VIDEO_SDK, "VIDEO_SDK"])
def test_usable_credential_types(credential: object) -> None:
    assert video(credential_type=credential) == video()


def test_keyword_only() -> None:
    with pytest.raises(TypeError):
        sign_video_sdk(SDK_KEY, SDK_SECRET, TOPIC, 1)  # type: ignore[misc]


# --- refusals ---------------------------------------------------------------------------

S = SENTINEL_SECRET
IPE = InvalidParameterError
UCE = UnsupportedCredentialError
USABLE = ("CredentialType.VIDEO_SDK",)
FLAGS = [
    "cloud_recording_option",
    "cloud_recording_election",
    "video_webrtc_mode",
    "audio_webrtc_mode",
]

REJECTIONS = [
    # keys and secrets
    pytest.param({"sdk_key": ""}, IPE, "sdk_key", ("empty",), id="empty-key"),
    pytest.param({"sdk_key": None}, IPE, "sdk_key", ("NoneType",), id="key-none"),
    pytest.param({"sdk_key": S.encode()}, IPE, "sdk_key", ("bytes",), id="key-bytes"),
    pytest.param({"sdk_key": S + "\n"}, IPE, "sdk_key", ("whitespace",), id="key-newline-from-env"),
    pytest.param({"sdk_secret": ""}, IPE, "sdk_secret", ("empty",), id="empty-secret"),
    pytest.param({"sdk_secret": 42}, IPE, "sdk_secret", ("int",), id="secret-int"),
    pytest.param({"sdk_secret": S.encode()}, IPE, "sdk_secret", ("bytes",), id="secret-bytes"),
    pytest.param({"sdk_secret": S + "\n"}, IPE, "sdk_secret", ("whitespace",), id="secret-newline"),
    pytest.param(
        {"sdk_secret": " " + S}, IPE, "sdk_secret", ("whitespace",), id="secret-leading-space"
    ),
    # topic
    pytest.param({"topic": ""}, IPE, "topic", ("must not be empty",), id="empty-topic"),
    pytest.param({"topic": None}, IPE, "topic", ("NoneType",), id="topic-none"),
    pytest.param({"topic": 7}, IPE, "topic", ("int",), id="topic-int"),
    pytest.param(
        {"topic": "t" * 201}, IPE, "topic", ("at most 200", "got 201"), id="topic-201-chars"
    ),
    pytest.param({"topic": "ok\udc80"}, IPE, "topic", ("Unicode",), id="topic-lone-surrogate"),
    # role
    pytest.param({"role": True}, IPE, "role", ("bool",), id="role-bool"),
    pytest.param({"role": "1"}, IPE, "role", ("int()",), id="role-string"),
    pytest.param({"role": 2}, IPE, "role", ("got 2",), id="role-2"),
    pytest.param({"role": -1}, IPE, "role", ("got -1",), id="role-minus-1"),
    pytest.param({"role": 1.0}, IPE, "role", ("float",), id="role-float"),
    pytest.param({"role": None}, IPE, "role", ("NoneType",), id="role-none"),
    # lifetime, skew, now
    pytest.param({"expires_in": 1799}, IPE, "expires_in", ("1799",), id="lifetime-under-30-min"),
    pytest.param({"expires_in": 172801}, IPE, "expires_in", ("172801",), id="lifetime-over-48-h"),
    pytest.param({"expires_in": 0}, IPE, "expires_in", ("got 0",), id="lifetime-zero"),
    pytest.param({"expires_in": 7200.0}, IPE, "expires_in", ("float",), id="lifetime-float"),
    pytest.param({"expires_in": True}, IPE, "expires_in", ("bool",), id="lifetime-bool"),
    pytest.param({"expires_in": "7200"}, IPE, "expires_in", ("str",), id="lifetime-str"),
    pytest.param({"clock_skew": -30}, IPE, "clock_skew", ("0 to 300",), id="skew-negative"),
    pytest.param({"clock_skew": 3600}, IPE, "clock_skew", ("0 to 300",), id="skew-an-hour"),
    pytest.param({"clock_skew": False}, IPE, "clock_skew", ("bool",), id="skew-bool"),
    pytest.param({"now": datetime(2025, 11, 23)}, IPE, "now", ("naive",), id="now-naive-datetime"),
    pytest.param({"now": "now"}, IPE, "now", ("str",), id="now-str"),
    pytest.param({"now": False}, IPE, "now", ("bool",), id="now-bool"),
    pytest.param({"now": math.nan}, IPE, "now", ("finite",), id="now-nan"),
    pytest.param({"now": -math.inf}, IPE, "now", ("finite",), id="now-minus-inf"),
    pytest.param({"now": -5}, IPE, "now", ("non-negative",), id="now-negative"),
    pytest.param({"now": 1763900000000}, IPE, "now", ("milliseconds",), id="now-in-milliseconds"),
    # optional texts
    pytest.param(
        {"user_identity": "u" * 36},
        IPE,
        "user_identity",
        ("at most 35", "got 36"),
        id="identity-36-chars",
    ),
    pytest.param({"user_identity": ""}, IPE, "user_identity", ("None",), id="identity-empty"),
    pytest.param({"user_identity": 42}, IPE, "user_identity", ("int",), id="identity-int"),
    pytest.param(
        {"session_key": "s" * 37},
        IPE,
        "session_key",
        ("at most 36", "got 37"),
        id="session-key-37-chars",
    ),
    pytest.param(
        {"telemetry_tracking_id": "i" * 201},
        IPE,
        "telemetry_tracking_id",
        ("got 201",),
        id="tracking-id-201-chars",
    ),
    # regions
    pytest.param(
        {"geo_regions": "US,DE"},
        IPE,
        "geo_regions",
        ("['US', 'DE']", "str"),
        id="regions-already-joined",
    ),
    pytest.param(
        {"geo_regions": ["us"]}, IPE, "geo_regions", ("'us'", "US"), id="regions-lower-case"
    ),
    pytest.param({"geo_regions": ["XX"]}, IPE, "geo_regions", ("'XX'",), id="regions-unknown-code"),
    pytest.param(
        {"geo_regions": ["UK"]}, IPE, "geo_regions", ("'UK'",), id="regions-uk-not-a-zoom-region"
    ),
    pytest.param(
        {"geo_regions": ["US", "EU"]}, IPE, "geo_regions", ("'EU'",), id="regions-second-unknown"
    ),
    pytest.param({"geo_regions": []}, IPE, "geo_regions", ("empty",), id="regions-empty-list"),
    pytest.param({"geo_regions": {"US"}}, IPE, "geo_regions", ("set",), id="regions-set"),
    pytest.param({"geo_regions": [1]}, IPE, "geo_regions", ("unknown region 1",), id="regions-int"),
    pytest.param({"geo_regions": 5}, IPE, "geo_regions", ("int",), id="regions-not-a-sequence"),
    # flags
    *(pytest.param({flag: 2}, IPE, flag, ("got 2",), id=f"{flag}-2") for flag in FLAGS),
    *(pytest.param({flag: True}, IPE, flag, ("bool",), id=f"{flag}-bool") for flag in FLAGS),
    # credential types that cannot sign
    pytest.param(
        {"credential_type": CredentialType.MEETING_SDK},
        UCE,
        "credential_type",
        ("sign_meeting_sdk", *USABLE),
        id="meeting-sdk-credentials",
    ),
    pytest.param(
        {"credential_type": "MEETING_SDK"},
        UCE,
        "credential_type",
        USABLE,
        id="meeting-sdk-as-string",
    ),
    pytest.param(
        {"credential_type": CredentialType.GENERAL_APP},
        UCE,
        "credential_type",
        ("General app", *USABLE),
        id="general-app-credentials",
    ),
    pytest.param(
        {"credential_type": CredentialType.JWT_APP},
        UCE,
        "credential_type",
        USABLE,
        id="jwt-app-credentials",
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
        {"credential_type": "VIDEO"},
        IPE,
        "credential_type",
        ("CredentialType.VIDEO_SDK",),
        id="unknown-credential-type",
    ),
]


@pytest.mark.parametrize("secret_in", ["sdk_secret", "sdk_key"])
@pytest.mark.parametrize(("overrides", "error", "parameter", "needles"), REJECTIONS)
def test_rejected_before_signing_without_leaking_the_secret(
    overrides: dict[str, Any],
    error: type[Exception],
    parameter: str,
    needles: tuple[str, ...],
    secret_in: str,
) -> None:
    kwargs: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": SDK_SECRET,
        "topic": TOPIC,
        "role": Role.PARTICIPANT,
        "now": NOW,
        secret_in: SENTINEL_SECRET,
    }
    kwargs.update(overrides)
    assert_rejected(sign_video_sdk, kwargs, error, parameter, needles)


@pytest.mark.parametrize(
    ("parameter", "field"),
    [
        ("topic", "sessionName"),
        ("session_key", "sessionKey"),
        ("user_identity", "userIdentity"),
        ("telemetry_tracking_id", "telemetryTrackingId"),
    ],
)
def test_the_signer_put_its_secret_in_a_readable_claim(parameter: str, field: str) -> None:
    """Found by the endpoint fuzzer: a request field holding 16 or more characters of the
    server's secret was signed into the token, readable by every browser that joins (the
    diagnosis calls it SECRET_IN_TOKEN). The signer refuses it; the endpoint answers 400."""
    from zoomsig.endpoint import video_sdk_response

    part = SENTINEL_SECRET[3:19]  # 16 characters, not the whole secret
    value = f"x{part}"[:35]
    kwargs: dict[str, Any] = {"topic": "Weekly sync", parameter: value}
    with pytest.raises(InvalidParameterError) as info:
        sign_video_sdk(sdk_key="KEYkey1234", sdk_secret=SENTINEL_SECRET, role=0, **kwargs)
    assert info.value.parameter == parameter
    assert part[:8] not in str(info.value)
    body = {"sessionName": "Weekly sync", "role": 0, field: value}
    response = video_sdk_response(body, sdk_key="KEYkey1234", sdk_secret=SENTINEL_SECRET)
    assert response.status == 400
    assert part[:8] not in str(response.to_dict())
    # Fifteen characters in a row are not the secret: signed as before.
    assert sign_video_sdk(
        sdk_key="KEYkey1234", sdk_secret=SENTINEL_SECRET, role=0, **{**kwargs, parameter: part[:15]}
    )


# --- cloud_recording_transcript_option (Zoom's Video SDK auth page, 2026; issue 21) -------


def test_cloud_recording_transcript_option_reported_as_unknown_claim() -> None:
    """The claim Zoom's 2026 auth page adds (0 none, 1 transcript, 2 transcript and summary)
    was diagnosed "UNKNOWN_CLAIM … Zoom ignores it", and could not be signed or requested."""
    options: dict[str, Any] = {"cloud_recording_option": 1, "cloud_recording_transcript_option": 2}
    claims = video_claims(**options)
    token = jwt.encode(claims, SDK_SECRET, algorithm="HS256")
    report = decode_and_validate(token, secret=SDK_SECRET, topic=MISTAKES_TOPIC, now=NOW)
    assert report.ok
    assert report.codes == frozenset()
    signed = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic=MISTAKES_TOPIC, role=1, now=NOW, **options
    )
    assert signed == token  # the same claims, in the same order, as the hand-made token
    answered = video_sdk_response(
        {"sessionName": "standup", "role": 0, "cloudRecordingTranscriptOption": "1"},
        sdk_key=SDK_KEY,
        sdk_secret=SDK_SECRET,
        now=NOW,
    )
    assert answered.ok
    payload = jwt.decode(str(answered.body["signature"]), options={"verify_signature": False})
    assert payload["cloud_recording_transcript_option"] == 1


@pytest.mark.parametrize("value", [3, -1, True, "2", 1.5])
def test_cloud_recording_transcript_option_out_of_range(value: object) -> None:
    claims = video_claims(cloud_recording_transcript_option=value)
    report = decode_and_validate(
        jwt.encode(claims, SDK_SECRET, algorithm="HS256"), secret=SDK_SECRET, now=NOW
    )
    [finding] = report.errors
    assert finding.code is FindingCode.VIDEO_OPTION_INVALID
    assert "not the number 0, 1 or 2" in finding.message
    with pytest.raises(InvalidParameterError, match="cloud_recording_transcript_option"):
        sign_video_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="t", role=0, now=NOW,
            cloud_recording_transcript_option=value,  # type: ignore[arg-type]
        )  # fmt: skip
    if not isinstance(value, (bool, float, str)):
        refused = video_sdk_response(
            {"sessionName": "t", "role": 0, "cloudRecordingTranscriptOption": value},
            sdk_key=SDK_KEY,
            sdk_secret=SDK_SECRET,
            now=NOW,
        )
        assert refused.status == 400
        assert refused.to_dict()["errors"] == [
            {
                "property": "cloudRecordingTranscriptOption",
                "reason": f"expected 0 to 2, got {value}",
            }
        ]
