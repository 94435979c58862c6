"""Zoom's official-sample outputs, reproduced byte for byte (outside truth)."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from typing import Any

import pytest
from _support import load_vectors

from zoomsig import LegacyEncoding, Role, sign_legacy_web_sdk, sign_meeting_sdk, sign_video_sdk

VECTORS = load_vectors()


def _ids(cases: list[dict[str, Any]], *fields: str) -> list[str]:
    return ["-".join(str(case["inputs"].get(name)) for name in fields) for case in cases]


def _payload(token: str) -> dict[str, Any]:
    part = token.split(".")[1]
    data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return data


def test_the_vector_file_has_every_kind() -> None:
    assert len(VECTORS["meeting_sdk"]) >= 4
    assert len(VECTORS["video_sdk"]) >= 2
    assert len(VECTORS["legacy_web_sdk"]) >= 3
    # The native (no mn, no role) case must be among them.
    assert any(case["inputs"]["meeting_number"] is None for case in VECTORS["meeting_sdk"])


@pytest.mark.parametrize(
    "case",
    VECTORS["meeting_sdk"],
    ids=_ids(VECTORS["meeting_sdk"], "meeting_number", "role", "expires_in", "video_webrtc_mode"),
)
def test_meeting_sdk_vector(case: dict[str, Any]) -> None:
    # ``"video_webrtc_mode": null`` in the vectors means "leave the claim out": None does that.
    assert sign_meeting_sdk(**case["inputs"]) == case["signature"]


@pytest.mark.parametrize(
    "case",
    VECTORS["meeting_sdk"],
    ids=_ids(VECTORS["meeting_sdk"], "meeting_number", "role", "expires_in", "video_webrtc_mode"),
)
def test_meeting_sdk_vector_with_typed_arguments(case: dict[str, Any]) -> None:
    """The same bytes with Role members, int meeting numbers and an aware datetime."""
    inputs = dict(case["inputs"])
    if inputs["role"] is not None:
        inputs["role"] = Role(inputs["role"])
        inputs["meeting_number"] = int(inputs["meeting_number"])
    inputs["now"] = datetime.fromtimestamp(inputs["now"], tz=timezone.utc)
    assert sign_meeting_sdk(**inputs) == case["signature"]


@pytest.mark.parametrize(
    "case", VECTORS["video_sdk"], ids=_ids(VECTORS["video_sdk"], "topic", "role", "expires_in")
)
def test_video_sdk_vector(case: dict[str, Any]) -> None:
    assert sign_video_sdk(**case["inputs"]) == case["signature"]


@pytest.mark.parametrize(
    "case", VECTORS["video_sdk"], ids=_ids(VECTORS["video_sdk"], "topic", "role", "expires_in")
)
def test_video_sdk_vector_with_a_tuple_of_regions(case: dict[str, Any]) -> None:
    inputs = dict(case["inputs"])
    if inputs.get("geo_regions") is not None:
        inputs["geo_regions"] = tuple(inputs["geo_regions"])
    inputs["role"] = Role(inputs["role"])
    assert sign_video_sdk(**inputs) == case["signature"]


def test_video_vector_sends_regions_comma_joined() -> None:
    [case] = [c for c in VECTORS["video_sdk"] if c["inputs"].get("geo_regions")]
    claims = _payload(case["signature"])
    assert claims["geo_regions"] == ",".join(case["inputs"]["geo_regions"])


LEGACY_IDS = _ids(VECTORS["legacy_web_sdk"], "meeting_number", "role")


@pytest.mark.parametrize("case", VECTORS["legacy_web_sdk"], ids=LEGACY_IDS)
def test_legacy_vector_default_is_url_safe(case: dict[str, Any]) -> None:
    assert sign_legacy_web_sdk(**case["inputs"]) == case["signature_url_safe"]


@pytest.mark.parametrize("case", VECTORS["legacy_web_sdk"], ids=LEGACY_IDS)
def test_legacy_vector_url_safe_explicit(case: dict[str, Any]) -> None:
    token = sign_legacy_web_sdk(**case["inputs"], encoding=LegacyEncoding.URL_SAFE)
    assert token == case["signature_url_safe"]


@pytest.mark.parametrize("case", VECTORS["legacy_web_sdk"], ids=LEGACY_IDS)
def test_legacy_vector_standard(case: dict[str, Any]) -> None:
    token = sign_legacy_web_sdk(**case["inputs"], encoding=LegacyEncoding.STANDARD)
    assert token == case["signature_standard"]
    # The string value of the enum is accepted too.
    assert sign_legacy_web_sdk(**case["inputs"], encoding="STANDARD") == token  # type: ignore[arg-type]


@pytest.mark.parametrize("case", VECTORS["legacy_web_sdk"], ids=LEGACY_IDS)
def test_legacy_vector_timestamp_ms(case: dict[str, Any]) -> None:
    outer = sign_legacy_web_sdk(**case["inputs"], encoding=LegacyEncoding.STANDARD)
    key, mn, timestamp, role, _digest = base64.b64decode(outer).decode("ascii").split(".")
    assert int(timestamp) == case["timestamp_ms"]
    assert timestamp == str(case["timestamp_ms"])
    assert (key, mn, int(role)) == (
        case["inputs"]["api_key"],
        str(case["inputs"]["meeting_number"]),
        case["inputs"]["role"],
    )
