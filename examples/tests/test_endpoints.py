"""Both example endpoints behave like Zoom's official auth endpoint sample.

Each case runs against the Django view (Django's test client) and the FastAPI app
(FastAPI's TestClient).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any, Callable, Union

import jwt
import pytest
from django.test import Client, override_settings
from fastapi.testclient import TestClient
from zoom_auth_api import ZoomCredentials, app, zoom_credentials

from zoomsig import decode_and_validate

KEY = "EXAMPLE-KEY-not-real"
SECRET = "example-secret-not-real-0123456789"
MEETING = "85746065432"

Body = Union[dict[str, Any], list[Any], str, bytes]
Post = Callable[[Body], tuple[int, Any]]


def _raw(body: Body) -> bytes:
    return body if isinstance(body, bytes) else json.dumps(body).encode()


@pytest.fixture(params=["django", "fastapi"])
def post(request: pytest.FixtureRequest) -> Iterator[Post]:
    if request.param == "django":
        client = Client()
        with override_settings(ZOOM_SDK_KEY=KEY, ZOOM_SDK_SECRET=SECRET):

            def django_post(body: Body) -> tuple[int, Any]:
                response = client.post("/", _raw(body), content_type="application/json")
                return response.status_code, response.json()

            yield django_post
    else:
        app.dependency_overrides[zoom_credentials] = lambda: ZoomCredentials(KEY, SECRET)
        with TestClient(app) as client:

            def fastapi_post(body: Body) -> tuple[int, Any]:
                response = client.post(
                    "/", content=_raw(body), headers={"content-type": "application/json"}
                )
                return response.status_code, response.json()

            yield fastapi_post
        app.dependency_overrides.clear()


def _claims(signature: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(signature, SECRET, algorithms=["HS256"])
    return claims


def test_web_signature(post: Post) -> None:
    before = int(time.time())
    status, body = post({"meetingNumber": MEETING, "role": 0})
    assert status == 200
    assert set(body) == {"signature", "sdkKey"}
    assert body["sdkKey"] == KEY
    claims = _claims(body["signature"])
    assert claims["appKey"] == claims["sdkKey"] == KEY
    assert (claims["mn"], claims["role"]) == (MEETING, 0)
    assert claims["exp"] - claims["iat"] == 7200
    assert claims["tokenExp"] == claims["exp"]
    assert before - 31 <= claims["iat"] <= int(time.time())
    report = decode_and_validate(
        body["signature"], secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=0
    )
    assert report.ok, str(report)
    assert report.signature_verified is True


@pytest.mark.parametrize(
    ("request_body", "expected"),
    [
        ({"meetingNumber": 85746065432, "role": 1}, {"mn": MEETING, "role": 1}),
        ({"meetingNumber": MEETING, "role": "1"}, {"role": 1}),  # as the sample's parseInt
        ({"meetingNumber": MEETING, "role": 0, "expirationSeconds": 1800}, {"lifetime": 1800}),
        (
            {"meetingNumber": MEETING, "role": 0, "expirationSeconds": "172800"},
            {"lifetime": 172800},
        ),
        ({"meetingNumber": MEETING, "role": 0, "videoWebRtcMode": 1}, {"video_webrtc_mode": 1}),
        ({"meetingNumber": MEETING, "role": 0, "extra": "ignored"}, {"role": 0}),
        ({}, {"mn": None, "role": None}),  # native SDK token
        ({"expirationSeconds": 3600}, {"mn": None, "lifetime": 3600}),
    ],
)
def test_accepted_bodies(
    post: Post, request_body: dict[str, Any], expected: dict[str, Any]
) -> None:
    status, body = post(request_body)
    assert status == 200, body
    claims = _claims(body["signature"])
    claims["lifetime"] = claims["exp"] - claims["iat"]
    assert {name: claims.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("request_body", "field", "reason"),
    [
        ({"meetingNumber": MEETING, "role": "host"}, "role", "expected an integer or a string"),
        ({"meetingNumber": MEETING, "role": "1abc"}, "role", 'got "1abc"'),
        ({"meetingNumber": MEETING, "role": True}, "role", "got true"),
        ({"meetingNumber": MEETING, "role": 1.0}, "role", "got 1.0"),
        ({"meetingNumber": MEETING, "role": 2}, "role", "expected Role.PARTICIPANT (0)"),
        ({"meetingNumber": MEETING, "role": None}, "role", "must not be null"),
        ({"meetingNumber": MEETING}, "role", "meetingNumber and role go together"),
        ({"role": 0}, "meetingNumber", "meetingNumber and role go together"),
        ({"meetingNumber": None, "role": None}, "meetingNumber", "must not be null"),
        ({"meetingNumber": "978-759-818", "role": 0}, "meetingNumber", "expected digits only"),
        ({"meetingNumber": "123", "role": 0}, "meetingNumber", "9 to 12 digits"),
        ({"meetingNumber": [MEETING], "role": 0}, "meetingNumber", "expected an int or a str"),
        ({"expirationSeconds": 60}, "expirationSeconds", "Zoom accepts 1800"),
        ({"expirationSeconds": "9" * 30}, "expirationSeconds", "expected an integer or a string"),
        ({"expirationSeconds": "-1"}, "expirationSeconds", "expected an integer or a string"),
        ({"videoWebRtcMode": "1"}, "videoWebRtcMode", "expected an integer, got"),
        ({"videoWebRtcMode": 2}, "videoWebRtcMode", "expected None, 0 or 1"),
        (b"{not json", "$body", "not valid JSON"),
        (b"\xff", "$body", "not valid JSON"),
        (b"[" * 100000, "$body", "not valid JSON"),
        ([MEETING, 0], "$body", "expected a JSON object"),
        ("eyJ...", "$body", "expected a JSON object"),
    ],
)
def test_refused_bodies(post: Post, request_body: Body, field: str, reason: str) -> None:
    status, body = post(request_body)
    assert status == 400
    assert list(body) == ["errors"]
    assert field in [error["property"] for error in body["errors"]]
    assert any(reason in error["reason"] for error in body["errors"]), body
    assert SECRET not in json.dumps(body)


def test_all_errors_at_once(post: Post) -> None:
    status, body = post({"meetingNumber": MEETING, "role": "x", "expirationSeconds": "y"})
    assert status == 400
    assert [error["property"] for error in body["errors"]] == ["role", "expirationSeconds"]
