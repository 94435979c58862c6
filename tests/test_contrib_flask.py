"""zoomsig.contrib.flask with Flask's real test client."""

from __future__ import annotations

from typing import Any

import jwt
import pytest

pytest.importorskip("flask")

from flask import Flask, g

from zoomsig import InvalidParameterError, Role
from zoomsig.contrib.flask import meeting_sdk_blueprint, video_sdk_blueprint
from zoomsig.endpoint import MeetingSdkPolicy

KEY = "FLASKkey0123"
SECRET = "flask-secret-sentinel-0123456789abcdef"
MEETING = "85746065432"


def _staff() -> MeetingSdkPolicy:
    staff = getattr(g, "staff", False)
    return MeetingSdkPolicy(roles={Role.PARTICIPANT, Role.HOST} if staff else {Role.PARTICIPANT})


@pytest.fixture(scope="module")
def client() -> Any:
    app = Flask(__name__)
    app.register_blueprint(
        meeting_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET), url_prefix="/zoom/meeting"
    )
    app.register_blueprint(
        video_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET), url_prefix="/zoom/video"
    )
    app.register_blueprint(
        meeting_sdk_blueprint(
            sdk_key=KEY, sdk_secret=SECRET, policy=_staff, name="staff", max_body_size=64
        ),
        url_prefix="/zoom/staff",
    )

    @app.before_request
    def login() -> None:
        from flask import request

        g.staff = request.headers.get("X-Staff") == "1"

    return app.test_client()


def test_meeting_sdk_blueprint(client: Any) -> None:
    response = client.post("/zoom/meeting/", json={"meetingNumber": MEETING, "role": 0})
    assert response.status_code == 200
    body = response.get_json()
    assert body["sdkKey"] == KEY
    assert jwt.decode(body["signature"], SECRET, algorithms=["HS256"])["mn"] == MEETING


def test_video_sdk_blueprint(client: Any) -> None:
    response = client.post("/zoom/video/", json={"sessionName": "s", "role": "0"})
    assert response.status_code == 200
    assert set(response.get_json()) == {"signature"}


def test_errors_all_at_once(client: Any) -> None:
    response = client.post("/zoom/video/", json={"sessionName": "", "userIdentity": "u" * 40})
    assert response.status_code == 400
    assert [e["property"] for e in response.get_json()["errors"]] == [
        "role",
        "sessionName",
        "userIdentity",
    ]


def test_json_nested_1000_deep_is_a_400_not_a_500(client: Any) -> None:
    """Issue 9, item 9: the Flask recipe answered 500 (RecursionError) to deep JSON."""
    body = b'{"x": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    response = client.post("/zoom/meeting/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["property"] == "$body"


def test_json_only_and_post_only(client: Any) -> None:
    assert client.post("/zoom/meeting/", data={"role": "0"}).status_code == 415
    assert client.get("/zoom/meeting/").status_code == 405


def test_policy_per_request(client: Any) -> None:
    host = {"meetingNumber": MEETING, "role": 1}
    assert client.post("/zoom/meeting/", json=host).status_code == 403
    assert client.post("/zoom/staff/", json=host).status_code == 403
    assert client.post("/zoom/staff/", json=host, headers={"X-Staff": "1"}).status_code == 200


def test_example_body_caps_413_past_max_body_size(client: Any) -> None:
    """Issue 9, item 5: every endpoint caps its body (413 past the documented size)."""
    big = {"meetingNumber": MEETING, "role": 0, "x": "y" * 100}
    response = client.post("/zoom/staff/", json=big)
    assert response.status_code == 413
    assert response.get_json()["errors"][0]["property"] == "$body"


def test_server_configuration_error_is_raised_at_start_up_not_sent_as_a_400() -> None:
    """Issue 9, item 9: the Flask recipe returned the server's own error to the client."""
    for make in (meeting_sdk_blueprint, video_sdk_blueprint):
        with pytest.raises(InvalidParameterError) as caught:
            make(sdk_key=KEY, sdk_secret="")
        assert caught.value.parameter == "sdk_secret"


def test_video_body_over_the_cap_is_413() -> None:
    app = Flask(__name__)
    app.register_blueprint(video_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, max_body_size=16))
    response = app.test_client().post("/", json={"sessionName": "s" * 20, "role": 0})
    assert response.status_code == 413
