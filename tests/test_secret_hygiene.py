"""The secret never leaves zoomsig: not in an exception, a finding, a report, or a repr.

A sentinel secret goes through every public function and error path; neither it, nor a
piece of it, nor an HMAC recomputed with it may appear in anything a caller could log.
(The command line is covered by its own tests.)
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Callable, Union

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET, assert_no_secret, secret_fragments

from zoomsig import (
    CredentialType,
    InvalidSignatureError,
    LegacyEncoding,
    Report,
    ZoomSigError,
    decode_and_validate,
    sign_legacy_web_sdk,
    sign_meeting_sdk,
    sign_video_sdk,
)

SECRET = SENTINEL_SECRET
MEETING = "85746065432"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def fragments(secret: str = SECRET) -> list[str]:
    """Pieces of the secret in the forms it could leak in."""
    raw = secret.encode()
    return [
        *secret_fragments(secret),
        base64.b64encode(raw).decode()[:16],
        b64url(raw)[:16],
        repr(raw)[:14],
    ]


def key_variants(secret: str) -> Iterator[bytes]:
    """The secret and the variants the engine tries (whitespace, base64-decoded, the key)."""
    raw = secret.encode()
    yield raw
    yield raw.strip()
    for suffix in (b"\n", b"\r\n", b" "):
        yield raw.strip() + suffix
    with contextlib.suppress(binascii.Error, ValueError):
        yield base64.b64decode(secret.strip() + "=" * (-len(secret.strip()) % 4))
    yield SDK_KEY.encode()


def recomputed_macs(value: str, secret: str) -> list[str]:
    """Every MAC the engine could compute for ``value`` under ``secret`` or its variants,
    in the encodings it could show, cut to 16 characters (a prefix is a leak too)."""
    macs: list[bytes] = []
    parts = value.strip().split(".")
    if len(parts) == 3:
        message = f"{parts[0]}.{parts[1]}".encode()
        macs.extend(hmac.digest(key, message, "sha256") for key in key_variants(secret))
    else:
        padded = value.strip().replace("-", "+").replace("_", "/")
        try:
            fields = base64.b64decode(padded + "=" * (-len(padded) % 4)).decode().split(".")
        except (binascii.Error, ValueError):
            fields = []
        if len(fields) == 5:
            message = "".join(fields[:4]).encode()
            for key in key_variants(secret):
                macs.append(hmac.digest(key, base64.b64encode(message), "sha256"))
                macs.append(hmac.digest(key, message, "sha256"))
    texts: list[str] = []
    for mac in macs:
        texts += [b64url(mac)[:16], base64.b64encode(mac).decode()[:16], mac.hex()[:16]]
    return texts


def report_texts(report: Report) -> list[str]:
    texts = [str(report), repr(report), json.dumps(report.to_dict(), ensure_ascii=False)]
    texts.append(json.dumps(report.to_dict()))  # ASCII escapes too
    for finding in report.findings:
        texts += [str(finding), repr(finding), json.dumps(finding.to_dict())]
    if not report.ok:
        with pytest.raises(InvalidSignatureError) as info:
            report.raise_for_errors()
        assert_no_secret(info.value, SECRET)
        texts += [str(info.value), repr(info.value), repr(info.value.report)]
    return texts


def assert_clean(report: Report, value: str = "", secret: str = SECRET) -> None:
    needles = fragments(secret)
    if value:
        needles += recomputed_macs(value, secret)
    for text in report_texts(report):
        for needle in needles:
            assert needle not in text, f"secret material {needle[:4]}… leaked"


def raw_jwt(claims: dict[str, object], key: bytes) -> str:
    head = b64url(b'{"alg":"HS256","typ":"JWT"}')
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url(hmac.digest(key, f'{head}.{body}'.encode(), 'sha256'))}"


def meeting(secret: str = SECRET, **kwargs: Any) -> str:
    args: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": secret,
        "meeting_number": MEETING,
        "role": 0,
        "now": NOW,
    }
    args.update(kwargs)
    return sign_meeting_sdk(**args)


def video(secret: str = SECRET, **kwargs: Any) -> str:
    args: dict[str, Any] = {
        "sdk_key": SDK_KEY,
        "sdk_secret": secret,
        "topic": "Weekly sync",
        "role": 1,
        "now": NOW,
    }
    args.update(kwargs)
    return sign_video_sdk(**args)


def legacy(secret: str = SECRET, **kwargs: Any) -> str:
    args: dict[str, Any] = {
        "api_key": SDK_KEY,
        "api_secret": secret,
        "meeting_number": MEETING,
        "role": 0,
        "now": NOW,
    }
    args.update(kwargs)
    return sign_legacy_web_sdk(**args)


# -- Signers: every error path with the sentinel as the secret -----------------------------

Signer = Callable[..., str]
BAD_MEETING_ARGS: list[dict[str, Any]] = [
    {"meeting_number": "857-4606-5432"},
    {"meeting_number": "857 4606 5432"},
    {"meeting_number": 12},
    {"meeting_number": None},
    {"role": None},
    {"role": 2},
    {"role": True},
    {"role": "1"},
    {"expires_in": 60},
    {"expires_in": 7200.0},
    {"clock_skew": -1},
    {"clock_skew": 10_000},
    {"video_webrtc_mode": 3},
    {"now": datetime(2025, 11, 23, 12, 0)},  # naive
    {"now": NOW * 1000},
    {"now": float("nan")},
    {"now": "now"},
    {"credential_type": CredentialType.JWT_APP},
    {"credential_type": CredentialType.VIDEO_SDK},
    {"credential_type": CredentialType.SERVER_TO_SERVER_OAUTH},
    {"credential_type": CredentialType.OAUTH},
    {"credential_type": "bogus"},
    {"sdk_key": ""},
    {"sdk_key": f" {SDK_KEY}\n"},
    {"sdk_key": SECRET + "\n"},  # the secret pasted into the key, with a newline
    {"sdk_key": SECRET.encode()},
]
SECRET_ARGS: list[object] = [
    SECRET + "\n",
    " " + SECRET,
    SECRET + "\r\n",
    SECRET.encode(),
    bytearray(SECRET.encode()),
    [SECRET],
    {"secret": SECRET},
    SECRET + "\ud800",
]


@pytest.mark.parametrize("kwargs", BAD_MEETING_ARGS, ids=lambda kw: next(iter(kw)))
def test_meeting_sdk_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ZoomSigError) as info:
        meeting(**kwargs)
    assert_no_secret(info.value, SECRET)


@pytest.mark.parametrize("secret", SECRET_ARGS, ids=[f"secret{i}" for i in range(len(SECRET_ARGS))])
@pytest.mark.parametrize("signer", [meeting, video, legacy], ids=["meeting", "video", "legacy"])
def test_bad_secret_values_are_not_echoed(signer: Signer, secret: object) -> None:
    with pytest.raises(ZoomSigError) as info:
        signer(secret=secret)
    assert_no_secret(info.value, SECRET)


BAD_VIDEO_ARGS: list[dict[str, Any]] = [
    {"topic": ""},
    {"topic": "x" * 201},
    {"topic": None},
    {"role": 5},
    {"user_identity": "u" * 36},
    {"session_key": "s" * 37},
    {"geo_regions": ["XX"]},
    {"geo_regions": "US"},
    {"geo_regions": []},
    {"cloud_recording_option": 2},
    {"audio_webrtc_mode": -1},
    {"credential_type": CredentialType.MEETING_SDK},
    {"sdk_key": SECRET + " "},
    {"topic": SECRET + "!" * 200},
]


@pytest.mark.parametrize("kwargs", BAD_VIDEO_ARGS, ids=lambda kw: next(iter(kw)))
def test_video_sdk_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ZoomSigError) as info:
        video(**kwargs)
    assert_no_secret(info.value, SECRET)


BAD_LEGACY_ARGS: list[dict[str, Any]] = [
    {"meeting_number": "12-34"},
    {"role": 3},
    {"credential_type": CredentialType.MEETING_SDK},
    {"credential_type": CredentialType.GENERAL_APP},
    {"encoding": "base32"},
    {"api_key": SECRET + "\n"},
    {"now": datetime(2025, 1, 1)},
]


@pytest.mark.parametrize("kwargs", BAD_LEGACY_ARGS, ids=lambda kw: next(iter(kw)))
def test_legacy_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ZoomSigError) as info:
        legacy(**kwargs)
    assert_no_secret(info.value, SECRET)


# -- decode_and_validate with the sentinel as the secret -----------------------------------


def _std_b64(token: str) -> str:
    parts = [base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in token.split(".")]
    return ".".join(base64.b64encode(p).decode() for p in parts)


def _claims(token: str) -> dict[str, object]:
    body = token.split(".")[1]
    claims: dict[str, object] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return claims


TOKENS: dict[str, Callable[[], str]] = {
    "valid meeting": meeting,
    "valid native": lambda: meeting(meeting_number=None, role=None),
    "valid video": video,
    "valid legacy": legacy,
    "valid legacy standard": lambda: legacy(encoding=LegacyEncoding.STANDARD),
    "other secret": lambda: meeting(SDK_SECRET),
    "other secret video": lambda: video(SDK_SECRET),
    "other secret legacy": lambda: legacy(SDK_SECRET),
    "secret + newline": lambda: raw_jwt(_claims(meeting()), SECRET.encode() + b"\n"),
    "key as secret": lambda: meeting(SDK_KEY),
    "standard base64": lambda: _std_b64(meeting()),
    "standard base64, other secret": lambda: _std_b64(meeting(SDK_SECRET)),
    "quoted": lambda: f'"{meeting(SDK_SECRET)}"',
    "bearer": lambda: f"Bearer {meeting(SDK_SECRET)}",
    "response object": lambda: json.dumps({"signature": meeting(SDK_SECRET)}),
    "url encoded": lambda: _std_b64(meeting(SDK_SECRET)).replace("+", "%2B").replace("=", "%3D"),
    "line breaks": lambda: "\n".join(meeting(SDK_SECRET)[i : i + 60] for i in range(0, 300, 60)),
    "expired": lambda: meeting(now=NOW - 30 * 86400),
    "expired, other secret": lambda: meeting(SDK_SECRET, now=NOW - 30 * 86400),
    "role missing": lambda: raw_jwt(
        {k: v for k, v in _claims(meeting()).items() if k != "role"}, SECRET.encode()
    ),
    "cut": lambda: meeting(SDK_SECRET)[:-10],
    "hex signature": lambda: ".".join(meeting(SDK_SECRET).split(".")[:2]) + "." + "ab" * 32,
    "signature only": lambda: meeting(SDK_SECRET).split(".")[2],
    "too long": lambda: meeting(SDK_SECRET) + "A" * 20000,
    "empty": lambda: "",
    "garbage": lambda: "not a token at all",
    "secret as appKey": lambda: raw_jwt({**_claims(meeting()), "appKey": SECRET}, SECRET.encode()),
    "secret as claim": lambda: raw_jwt({**_claims(meeting()), "note": SECRET}, SDK_SECRET.encode()),
    "secret as the signature": lambda: SECRET,
    "secret inside the input": lambda: f"{SECRET}.{SECRET}.{SECRET}",
}


@pytest.mark.parametrize("name", list(TOKENS))
@pytest.mark.parametrize(
    "secret", [SECRET, SECRET.encode(), SECRET + "\n"], ids=["str", "bytes", "newline"]
)
def test_decode_and_validate_never_shows_the_secret(name: str, secret: Union[str, bytes]) -> None:
    value = TOKENS[name]()
    for item in (value, value.encode()):
        report = decode_and_validate(
            item, secret=secret, sdk_key=SDK_KEY, meeting_number=MEETING, role=0, now=NOW
        )
        assert_clean(report, value)


@pytest.mark.parametrize("name", ["valid meeting", "valid video", "valid legacy"])
def test_valid_tokens_verify(name: str) -> None:
    """Guard: the tokens above really are made with the sentinel (else the test is vacuous)."""
    report = decode_and_validate(TOKENS[name](), secret=SECRET, now=NOW)
    assert report.signature_verified is True
    assert_clean(report, TOKENS[name]())


def test_mismatch_names_no_mac() -> None:
    value = TOKENS["other secret"]()
    report = decode_and_validate(value, secret=SECRET, now=NOW)
    assert report.signature_verified is False
    assert_clean(report, value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"role": True},
        {"role": 7},
        {"now": datetime(2025, 1, 1)},
        {"now": "yesterday"},
        {"sdk_key": 5},
        {"meeting_number": 1.5},
        {"topic": b"x"},
        {"secret": 12345},
        {"secret": [SECRET]},
        {"secret": "   "},
        {"secret": SECRET + "\udcff"},
    ],
    ids=lambda kw: f"{next(iter(kw))}",
)
def test_decode_argument_errors(kwargs: dict[str, Any]) -> None:
    args: dict[str, Any] = {"secret": SECRET, **kwargs}
    with pytest.raises(ZoomSigError) as info:
        decode_and_validate(TOKENS["valid meeting"](), **args)
    assert isinstance(info.value, (ValueError, TypeError))
    assert_no_secret(info.value, SECRET)


def test_signature_argument_of_wrong_type() -> None:
    with pytest.raises(ZoomSigError) as info:
        decode_and_validate(12345, secret=SECRET)  # type: ignore[arg-type]
    assert_no_secret(info.value, SECRET)


def test_report_dataclass_fields_hold_no_secret() -> None:
    """Not only the rendered texts: no field of a report or finding keeps the secret."""
    for name, make in TOKENS.items():
        report = decode_and_validate(make(), secret=SECRET, now=NOW)
        stack: list[object] = [report]
        while stack:
            item = stack.pop()
            if isinstance(item, (str, bytes)):
                text = item if isinstance(item, str) else item.decode("utf-8", "replace")
                assert SECRET not in text, name
                continue
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
            elif hasattr(item, "__dataclass_fields__"):
                stack.extend(getattr(item, field) for field in item.__dataclass_fields__)
            elif hasattr(item, "items"):
                stack.extend(dict(item.items()).values())


def test_optional_secret_absent_still_clean() -> None:
    """Without a secret nothing is verified, and nothing sentinel-shaped appears from nowhere."""
    report = decode_and_validate(TOKENS["valid meeting"](), now=NOW)
    assert report.signature_verified is None
    assert_clean(report)


@pytest.mark.parametrize("name", list(TOKENS))
def test_other_secrets_are_never_shown(name: str) -> None:
    # The sentinel as one of the caller's other secrets: redacted like secret= (issue 13).
    value = TOKENS[name]()
    report = decode_and_validate(
        value, secret="the-main-secret-is-another-000032", sdk_key=SDK_KEY, now=NOW,
        meeting_number=MEETING, other_secrets={"webhook secret token": SECRET},
    )  # fmt: skip
    assert_clean(report, value)


@pytest.mark.parametrize("bad", [SECRET + "\udcff", "   "], ids=["surrogate", "blank"])
def test_a_bad_other_secret_is_not_echoed(bad: str) -> None:
    with pytest.raises(ZoomSigError) as info:
        decode_and_validate(TOKENS["valid meeting"](), other_secrets={"S2S": bad})
    assert_no_secret(info.value, SECRET)
