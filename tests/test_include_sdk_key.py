"""``include_sdk_key`` in the Flask and FastAPI integrations (issue 21).

The 6.2.0 Meeting SDK component view logs "The sdkKey will be deprecated in the signature"
for every signature that carries ``sdkKey`` and reads the key from ``appKey`` whenever it is
there (so does the client view): Web SDK signatures leave ``sdkKey`` out by default.
"""

from __future__ import annotations

from typing import Any, Optional

import jwt
import pytest

from zoomsig.endpoint import MeetingSdkPolicy

KEY, SECRET = "incSdkKeyClient01", "incSdkKeySecret-0123456789abcdef"
MEETING = "85746065432"


def _claims(body: dict[str, Any]) -> dict[str, Any]:
    return jwt.decode(body["signature"], SECRET, algorithms=["HS256"])


@pytest.mark.parametrize("include", [None, True, False])
def test_flask_blueprint_signature_makes_component_view_warn(include: Optional[bool]) -> None:
    pytest.importorskip("flask")
    from flask import Flask

    from zoomsig.contrib.flask import meeting_sdk_blueprint

    app = Flask(__name__)
    app.register_blueprint(
        meeting_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, include_sdk_key=include),
        url_prefix="/zoom",
    )
    response = app.test_client().post("/zoom/", json={"meetingNumber": MEETING, "role": 0})
    assert response.status_code == 200
    assert ("sdkKey" in _claims(response.get_json())) is bool(include)


@pytest.mark.parametrize("include", [None, True])
def test_fastapi_router_signature_makes_component_view_warn(include: Optional[bool]) -> None:
    pytest.importorskip("fastapi")
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from zoomsig.contrib.fastapi import meeting_sdk_router

    app = FastAPI()
    app.include_router(
        meeting_sdk_router(sdk_key=KEY, sdk_secret=SECRET, include_sdk_key=include),
        prefix="/zoom",
    )
    response = TestClient(app).post("/zoom/", json={"meetingNumber": MEETING, "role": 0})
    assert response.status_code == 200
    assert ("sdkKey" in _claims(response.json())) is bool(include)


def test_integration_policy_include_sdk_key_is_read() -> None:
    pytest.importorskip("flask")
    from flask import Flask

    from zoomsig.contrib.flask import meeting_sdk_blueprint

    app = Flask(__name__)
    policy = MeetingSdkPolicy(include_sdk_key=True)
    app.register_blueprint(meeting_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, policy=policy))
    response = app.test_client().post("/", json={"meetingNumber": MEETING, "role": 0})
    assert _claims(response.get_json())["sdkKey"] == KEY
