"""zoomsig.contrib.fastapi with Starlette's real TestClient, and its OpenAPI schema."""

from __future__ import annotations

from typing import Any

import jwt
import pytest

pytest.importorskip("fastapi")

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from zoomsig import InvalidParameterError, Role
from zoomsig.contrib.fastapi import (
    MeetingSdkRequest,
    VideoSdkRequest,
    meeting_sdk_router,
    video_sdk_router,
)
from zoomsig.endpoint import MEETING_SDK_FIELDS, VIDEO_SDK_FIELDS, MeetingSdkPolicy

KEY = "FASTAPIkey0123"
SECRET = "fastapi-secret-sentinel-0123456789abc"
MEETING = "85746065432"


def _staff(request: Request) -> MeetingSdkPolicy:
    staff = request.headers.get("x-staff") == "1"
    return MeetingSdkPolicy(roles={Role.PARTICIPANT, Role.HOST} if staff else {Role.PARTICIPANT})


def _app() -> FastAPI:
    app = FastAPI()
    app.include_router(meeting_sdk_router(sdk_key=KEY, sdk_secret=SECRET), prefix="/zoom/meeting")
    app.include_router(video_sdk_router(sdk_key=KEY, sdk_secret=SECRET), prefix="/zoom/video")
    app.include_router(
        meeting_sdk_router(sdk_key=KEY, sdk_secret=SECRET, policy=_staff, max_body_size=64),
        prefix="/zoom/staff",
    )
    return app


@pytest.fixture(scope="module")
def client() -> Any:
    with TestClient(_app()) as test_client:
        yield test_client


def test_meeting_sdk_router(client: TestClient) -> None:
    response = client.post("/zoom/meeting/", json={"meetingNumber": MEETING, "role": "0"})
    assert response.status_code == 200
    body = response.json()
    assert body["sdkKey"] == KEY
    claims = jwt.decode(body["signature"], SECRET, algorithms=["HS256"])
    assert (claims["mn"], claims["role"]) == (MEETING, 0)


def test_video_sdk_router(client: TestClient) -> None:
    response = client.post("/zoom/video/", json={"sessionName": "s", "role": 0})
    assert response.status_code == 200
    assert set(response.json()) == {"signature"}


def test_errors_are_the_official_400_not_fastapis_422(client: TestClient) -> None:
    response = client.post("/zoom/video/", json={"role": "x", "geoRegions": ["XX"]})
    assert response.status_code == 400
    assert [e["property"] for e in response.json()["errors"]] == [
        "role",
        "sessionName",
        "geoRegions",
    ]


def test_json_only_and_post_only(client: TestClient) -> None:
    form = client.post("/zoom/meeting/", data={"role": "0"})
    assert form.status_code == 415
    assert client.get("/zoom/meeting/").status_code == 405


def test_policy_per_request(client: TestClient) -> None:
    host = {"meetingNumber": MEETING, "role": 1}
    assert client.post("/zoom/meeting/", json=host).status_code == 403
    assert client.post("/zoom/staff/", json=host).status_code == 403
    assert client.post("/zoom/staff/", json=host, headers={"x-staff": "1"}).status_code == 200


def test_body_over_the_cap_is_413(client: TestClient) -> None:
    big = {"meetingNumber": MEETING, "role": 0, "x": "y" * 100}
    assert client.post("/zoom/staff/", json=big).status_code == 413

    def chunks() -> Any:  # no Content-Length: read in chunks, stopped at the cap
        yield b'{"x": "'
        yield b"y" * 100
        yield b'"}'

    streamed = client.post(
        "/zoom/staff/", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_router_checks_credentials_at_start_up() -> None:
    with pytest.raises(InvalidParameterError) as caught:
        meeting_sdk_router(sdk_key=KEY, sdk_secret=SECRET + "\n")
    assert caught.value.parameter == "sdk_secret"
    assert SECRET[:8] not in str(caught.value)
    with pytest.raises(InvalidParameterError):
        video_sdk_router(sdk_key="", sdk_secret=SECRET)


def _operation(schema: dict[str, Any], path: str) -> dict[str, Any]:
    operation: dict[str, Any] = schema["paths"][path]["post"]
    return operation


def test_openapi_schema_describes_the_request_and_the_answers(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    meeting = _operation(schema, "/zoom/meeting/")
    request = meeting["requestBody"]["content"]["application/json"]["schema"]
    assert set(request["properties"]) == set(MEETING_SDK_FIELDS)
    assert "required" not in request  # all or none of meetingNumber / role; native has none
    assert request["properties"]["role"]["anyOf"] == [
        {"enum": [0, 1], "type": "integer"},
        {"enum": ["0", "1"], "type": "string"},
    ]
    ok = meeting["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/MeetingSdkSignature"}
    assert set(schema["components"]["schemas"]["MeetingSdkSignature"]["properties"]) == {
        "signature",
        "sdkKey",
    }
    for status in ("400", "403", "413", "415", "500"):
        error = meeting["responses"][status]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/EndpointErrors"}
    assert "422" not in meeting["responses"]

    video = _operation(schema, "/zoom/video/")
    video_request = video["requestBody"]["content"]["application/json"]["schema"]
    assert set(video_request["properties"]) == set(VIDEO_SDK_FIELDS)
    assert sorted(video_request["required"]) == ["role", "sessionName"]
    assert video_request["properties"]["audioCompatibleMode"]["deprecated"] is True
    assert set(schema["components"]["schemas"]["VideoSdkSignature"]["properties"]) == {"signature"}


def test_pydantic_models_accept_what_the_endpoint_accepts() -> None:
    meeting = MeetingSdkRequest.model_validate(
        {"meetingNumber": MEETING, "role": "1", "expirationSeconds": "3600"}
    )
    assert meeting.model_dump(by_alias=True, exclude_none=True) == {
        "meetingNumber": MEETING,
        "role": "1",
        "expirationSeconds": "3600",
    }
    video = VideoSdkRequest.model_validate(
        {"sessionName": "s", "role": 0, "geoRegions": ["US"], "other": 1}
    )
    assert video.session_name == "s"


def test_video_body_over_the_cap_is_413() -> None:
    app = FastAPI()
    app.include_router(video_sdk_router(sdk_key=KEY, sdk_secret=SECRET, max_body_size=16))
    with TestClient(app) as small:
        response = small.post("/", json={"sessionName": "s" * 20, "role": 0})
    assert response.status_code == 413


def test_a_content_length_that_is_not_a_number_is_read_as_the_stream() -> None:
    import asyncio

    from zoomsig.contrib.fastapi import _read_body

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    scope = {"type": "http", "method": "POST", "headers": [(b"content-length", b"abc")]}
    assert asyncio.run(_read_body(Request(scope, receive), 64)) == b"{}"
